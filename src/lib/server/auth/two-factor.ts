/**
 * Turning two-factor on and off, and recovery codes. Enrolment is two steps, so a mistyped secret
 * never locks anyone out: a pending secret is shown (QR code and text), and only a right code
 * from the app makes it the account's secret. Each change is written with its audit row.
 */
import type { Connection } from '../db';
import * as users from '../db/users';
import * as recovery from '../db/recovery-codes';
import { writeAudit, type Actor } from '../audit';
import { hasPassword, verifyPassword } from './password';
import type { Role } from './roles';
import { releaseSecondFactor, reserveSecondFactor } from './throttle';
import { checkTotp, hashRecoveryCode, newRecoveryCodes, newTotpSecret } from './totp';

/**
 * A current code, throttled like the sign-in's second step (a borrowed session must not be able
 * to guess its way to new recovery codes): the step it belongs to, or a problem.
 */
function checkCurrentCode(
	conn: Connection,
	user: { id: number; totpSecret: string; totpLastStep: number | null },
	code: string,
	now: number
): number | 'code-wrong' | 'throttled' {
	const reservation = reserveSecondFactor(conn, user.id, now);
	if (!reservation.ok) return 'throttled';
	const step = checkTotp(user.totpSecret, code, user.totpLastStep, now);
	if (step === null) return 'code-wrong';
	releaseSecondFactor(conn, reservation, user.id);
	return step;
}

export type TwoFactorProblem =
	| 'user-not-found'
	| 'no-enrolment'
	| 'code-wrong'
	| 'password-wrong'
	| 'required-for-role'
	| 'not-enabled'
	| 'throttled';

export type TwoFactorResult<T> = { ok: true; value: T } | { ok: false; problem: TwoFactorProblem };

/** True when the instance requires two-factor of this role (TWO_FACTOR_ROLES). */
export const twoFactorRequired = (role: Role, requiredRoles: readonly Role[]) =>
	requiredRoles.includes(role);

/**
 * `change`, then a fresh set of recovery codes (the old ones stop working) and the audit row, in
 * one transaction; returns the codes, to be shown once.
 */
function withNewRecoveryCodes(
	conn: Connection,
	userId: number,
	actor: Actor,
	action: string,
	change: () => void
): string[] {
	const codes = newRecoveryCodes();
	conn.sqlite
		.transaction(() => {
			change();
			recovery.replace(conn, userId, codes.map(hashRecoveryCode));
			writeAudit(conn.sqlite, actor, {
				action,
				entityType: 'user',
				entityId: userId,
				after: { recoveryCodes: codes.length }
			});
		})
		.immediate();
	return codes;
}

/** The pending secret to show, made now unless one is already waiting. */
export function pendingSecret(conn: Connection, userId: number): string | null {
	const user = users.getWithSecrets(conn, userId);
	if (!user) return null;
	if (user.totpPendingSecret) return user.totpPendingSecret;
	const secret = newTotpSecret();
	users.setPendingTotp(conn, userId, secret);
	return secret;
}

/** Confirms enrolment with a code from the app; returns the recovery codes, shown once. */
export function confirmTwoFactor(
	conn: Connection,
	userId: number,
	code: string,
	actor: Actor,
	now = Date.now()
): TwoFactorResult<{ recoveryCodes: string[] }> {
	const user = users.getWithSecrets(conn, userId);
	if (!user) return { ok: false, problem: 'user-not-found' };
	const secret = user.totpPendingSecret;
	if (!secret) return { ok: false, problem: 'no-enrolment' };
	const step = checkTotp(secret, code, null, now);
	if (step === null) return { ok: false, problem: 'code-wrong' };
	const recoveryCodes = withNewRecoveryCodes(conn, userId, actor, 'user.two_factor_enable', () =>
		users.setTotp(conn, userId, { secret, step })
	);
	return { ok: true, value: { recoveryCodes } };
}

/** New recovery codes (the old ones stop working), with a current code from the app. */
export function renewRecoveryCodes(
	conn: Connection,
	userId: number,
	code: string,
	actor: Actor,
	now = Date.now()
): TwoFactorResult<{ recoveryCodes: string[] }> {
	const user = users.getWithSecrets(conn, userId);
	if (!user) return { ok: false, problem: 'user-not-found' };
	if (!user.totpSecret) return { ok: false, problem: 'not-enabled' };
	const step = checkCurrentCode(conn, { ...user, totpSecret: user.totpSecret }, code, now);
	if (typeof step !== 'number') return { ok: false, problem: step };
	const recoveryCodes = withNewRecoveryCodes(conn, userId, actor, 'user.recovery_codes_renew', () =>
		users.setTotpLastStep(conn, userId, step)
	);
	return { ok: true, value: { recoveryCodes } };
}

/**
 * The owner turns two-factor off, with their password and a current code; refused when the
 * instance requires it of their role.
 */
export async function disableOwnTwoFactor(
	conn: Connection,
	input: { userId: number; password: string; code: string; requiredRoles: readonly Role[] },
	actor: Actor,
	now = Date.now()
): Promise<TwoFactorResult<null>> {
	const user = users.getWithSecrets(conn, input.userId);
	if (!user) return { ok: false, problem: 'user-not-found' };
	if (!user.totpSecret) return { ok: false, problem: 'not-enabled' };
	if (twoFactorRequired(user.role, input.requiredRoles))
		return { ok: false, problem: 'required-for-role' };
	const rightPassword =
		hasPassword(user.passwordHash) && (await verifyPassword(user.passwordHash, input.password));
	if (!rightPassword) return { ok: false, problem: 'password-wrong' };
	const step = checkCurrentCode(conn, { ...user, totpSecret: user.totpSecret }, input.code, now);
	if (typeof step !== 'number') return { ok: false, problem: step };
	clearTwoFactor(conn, user.id, actor, 'user.two_factor_disable');
	return { ok: true, value: null };
}

/** An admin turns a user's two-factor off (a lost phone and no recovery code left). */
export function resetTwoFactor(
	conn: Connection,
	userId: number,
	actor: Actor
): TwoFactorResult<null> {
	const user = users.get(conn, userId);
	if (!user) return { ok: false, problem: 'user-not-found' };
	if (!user.totpEnabledAt) return { ok: false, problem: 'not-enabled' };
	clearTwoFactor(conn, userId, actor, 'user.two_factor_reset');
	return { ok: true, value: null };
}

function clearTwoFactor(conn: Connection, userId: number, actor: Actor, action: string) {
	conn.sqlite
		.transaction(() => {
			users.setTotp(conn, userId, null);
			recovery.removeForUser(conn, userId);
			writeAudit(conn.sqlite, actor, { action, entityType: 'user', entityId: userId });
		})
		.immediate();
}
