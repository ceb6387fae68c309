/**
 * Signing in: throttle, verify, create the session, record it, all with one answer for every
 * kind of failure so the response never says whether the user name or the password was wrong.
 * With two-factor on, a right password leads to a short-lived challenge instead of a session,
 * and the session comes only with a right code (`completeSecondFactor`).
 */
import type { Connection } from '../db';
import * as users from '../db/users';
import * as sessionsDb from '../db/sessions';
import * as tokens from '../db/account-tokens';
import * as recovery from '../db/recovery-codes';
import { failedSignInsSinceLastSignIn } from '../db/audit';
import { writeAudit, recordAudit, type Actor } from '../audit';
import { dummyVerify, hasPassword, verifyPassword } from './password';
import { normaliseUsername, MAX_PASSWORD_LENGTH } from './policy';
import type { SessionUser } from './roles';
import { createSession, generateToken, hashToken } from './session';
import { release, reserveAttempt, reserveSecondFactor, releaseSecondFactor } from './throttle';
import { checkTotp, hashRecoveryCode, looksLikeRecoveryCode } from './totp';
import type { Session, User } from '../db/schema';

/** How long the "enter your code" step may take after a right password. */
export const CHALLENGE_TTL_MS = 5 * 60_000;

export type SignInResult =
	| { ok: true; user: SessionUser; token: string; session: Session }
	| { ok: false; reason: 'second_factor'; challenge: string; expiresAt: number }
	| { ok: false; reason: 'invalid' | 'expired' }
	| { ok: false; reason: 'throttled'; retryAfterSeconds: number };

const anonymous = (address: string): Actor => ({ id: null, username: '-', address });

function throttled(
	conn: Connection,
	address: string,
	entityId: string | number,
	retryAfterMs: number,
	action = 'auth.sign_in_throttled'
): SignInResult {
	const retryAfterSeconds = Math.ceil(retryAfterMs / 1000);
	recordAudit(conn, anonymous(address), {
		action,
		entityType: 'user',
		entityId,
		after: { retryAfterSeconds }
	});
	return { ok: false, reason: 'throttled', retryAfterSeconds };
}

/** The session, its audit row and the failed-attempts notice; inside the caller's transaction. */
function startSession(
	conn: Connection,
	user: User,
	address: string,
	now: number,
	secondFactor: 'totp' | 'recovery' | null
) {
	const failed = failedSignInsSinceLastSignIn(conn.sqlite, user.id, user.username);
	sessionsDb.removeExpired(conn, now);
	const created = createSession(conn, user.id, address, now, failed);
	writeAudit(
		conn.sqlite,
		{ id: user.id, username: user.username, address },
		{
			action: 'auth.sign_in',
			entityType: 'user',
			entityId: user.id,
			after: { role: user.role, opd: user.opd, secondFactor, failedBefore: failed.count }
		}
	);
	const sessionUser: SessionUser = {
		id: user.id,
		username: user.username,
		role: user.role,
		opd: user.opd
	};
	return { ok: true as const, user: sessionUser, ...created };
}

export async function signIn(
	conn: Connection,
	input: { username: string; password: string; address: string },
	now = Date.now()
): Promise<SignInResult> {
	const username = normaliseUsername(input.username).slice(0, 64);
	const { address } = input;
	// Reserved before the (slow, asynchronous) check: parallel guesses each count.
	const reservation = reserveAttempt(conn, username, address, now);
	if (!reservation.ok) return throttled(conn, address, username, reservation.retryAfterMs);
	const user = username ? users.getForSignIn(conn, username) : undefined;
	const password = input.password.slice(0, MAX_PASSWORD_LENGTH + 1);
	const usable = user && !user.disabled && hasPassword(user.passwordHash);
	const valid = usable
		? await verifyPassword(user.passwordHash, password)
		: await dummyVerify(password);
	if (!user || !usable || !valid) {
		recordAudit(conn, anonymous(address), {
			action: 'auth.sign_in_failed',
			entityType: 'user',
			entityId: username
		});
		return { ok: false, reason: 'invalid' };
	}
	return conn.sqlite
		.transaction((): SignInResult => {
			release(conn, reservation, username);
			if (!user.totpSecret) return startSession(conn, user, address, now, null);
			const challenge = generateToken();
			const expiresAt = now + CHALLENGE_TTL_MS;
			tokens.removeExpired(conn, now);
			tokens.insert(conn, {
				id: hashToken(challenge),
				userId: user.id,
				purpose: 'two_factor',
				createdAt: now,
				expiresAt,
				createdBy: user.username,
				address
			});
			return { ok: false, reason: 'second_factor', challenge, expiresAt };
		})
		.immediate();
}

/**
 * The second step: the challenge from `signIn` and a six-digit code (or a recovery code). A code
 * works once; a recovery code is used up. Wrong codes are throttled like passwords.
 */
export function completeSecondFactor(
	conn: Connection,
	input: { challenge: string; code: string; address: string },
	now = Date.now()
): SignInResult {
	const { address } = input;
	const id = /^[A-Za-z0-9_-]{43}$/.test(input.challenge) ? hashToken(input.challenge) : null;
	const challenge = id ? tokens.get(conn, id, ['two_factor']) : undefined;
	if (!id || !challenge || challenge.expiresAt <= now) return { ok: false, reason: 'expired' };
	const user = users.getWithSecrets(conn, challenge.userId);
	if (!user || user.disabled || !user.totpSecret) return { ok: false, reason: 'expired' };
	const reservation = reserveSecondFactor(conn, user.id, now);
	if (!reservation.ok)
		return throttled(
			conn,
			address,
			user.id,
			reservation.retryAfterMs,
			'auth.second_factor_throttled'
		);
	const code = input.code.trim().slice(0, 40);
	const recoveryHash = looksLikeRecoveryCode(code) ? hashRecoveryCode(code) : null;
	const step = recoveryHash ? null : checkTotp(user.totpSecret, code, user.totpLastStep, now);
	return conn.sqlite
		.transaction((): SignInResult => {
			const recovered = recoveryHash !== null && recovery.use(conn, user.id, recoveryHash);
			if (step === null && !recovered) {
				writeAudit(conn.sqlite, anonymous(address), {
					action: 'auth.second_factor_failed',
					entityType: 'user',
					entityId: user.id
				});
				return { ok: false, reason: 'invalid' };
			}
			tokens.remove(conn, id);
			releaseSecondFactor(conn, reservation, user.id);
			if (step !== null) users.setTotpLastStep(conn, user.id, step);
			if (recovered)
				writeAudit(
					conn.sqlite,
					{ id: user.id, username: user.username, address },
					{
						action: 'auth.recovery_code_used',
						entityType: 'user',
						entityId: user.id,
						after: { remaining: recovery.count(conn, user.id) }
					}
				);
			return startSession(conn, user, address, now, recovered ? 'recovery' : 'totp');
		})
		.immediate();
}

/** Signs out: deletes the server session and records it. */
export function signOut(conn: Connection, sessionId: string, actor: Actor) {
	conn.sqlite
		.transaction(() => {
			sessionsDb.remove(conn, sessionId);
			writeAudit(conn.sqlite, actor, {
				action: 'auth.sign_out',
				entityType: 'user',
				entityId: actor.id
			});
		})
		.immediate();
}
