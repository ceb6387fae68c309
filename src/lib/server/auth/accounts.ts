/**
 * Account changes, each validated and written with its audit row in one transaction. Shared by
 * the staff users page and the `user` CLI, so both refuse the same things with the same codes.
 */
import type { Connection } from '../db';
import * as users from '../db/users';
import * as sessionsDb from '../db/sessions';
import type { PublicUser } from '../db/users';
import { writeAudit, type Actor } from '../audit';
import { hashPassword } from './password';
import {
	isValidUsername,
	normaliseOpd,
	normaliseUsername,
	OPD_PATTERN,
	passwordProblems,
	type PasswordProblem
} from './policy';
import { isRole, type Role } from './roles';

export type AccountProblem =
	| PasswordProblem
	| 'username-invalid'
	| 'username-taken'
	| 'role-invalid'
	| 'opd-required'
	| 'opd-invalid'
	| 'user-not-found'
	| 'self-lockout'
	| 'last-admin';

/** Problems by form field (`username`, `password`, `role`, `opd`, `user`). */
export type AccountErrors = Partial<Record<string, AccountProblem[]>>;
export type AccountResult<T> = { ok: true; value: T } | { ok: false; errors: AccountErrors };

/** English wording of each problem, for the CLI and logs; pages use their own translations. */
export const PROBLEM_TEXT: Record<AccountProblem, string> = {
	'too-short': 'the password is shorter than 8 characters',
	'too-long': 'the password is longer than 256 characters',
	common: 'the password is on the list of common passwords (or a small variant of one)',
	'contains-username': 'the password contains the user name',
	'username-invalid':
		'the user name must be 3–32 characters: lower-case letters, digits, ".", "_" or "-", starting with a letter or digit',
	'username-taken': 'that user name is already taken',
	'role-invalid': 'the role must be admin, walidata, produsen or viewer',
	'opd-required': 'a produsen account needs an OPD (such as DISKOMINFO)',
	'opd-invalid': 'the OPD must be a code such as DISKOMINFO (letters, digits, "_" or "-")',
	'user-not-found': 'no such user',
	'self-lockout': 'you cannot disable your own account or take away your own admin role',
	'last-admin': 'this is the last active admin account'
};

function add(errors: AccountErrors, field: string, problem: AccountProblem) {
	(errors[field] ??= []).push(problem);
}

function checkRole(errors: AccountErrors, role: string, opdInput: string | null): string | null {
	if (!isRole(role)) {
		add(errors, 'role', 'role-invalid');
		return null;
	}
	if (role !== 'produsen') return null;
	const opd = normaliseOpd(opdInput ?? '');
	if (!opd) add(errors, 'opd', 'opd-required');
	else if (!OPD_PATTERN.test(opd)) add(errors, 'opd', 'opd-invalid');
	return opd;
}

const summary = (u: PublicUser) => ({
	username: u.username,
	role: u.role,
	opd: u.opd,
	disabled: u.disabled
});

export async function createUser(
	conn: Connection,
	input: { username: string; password: string; role: string; opd?: string | null },
	actor: Actor
): Promise<AccountResult<PublicUser>> {
	const errors: AccountErrors = {};
	const username = normaliseUsername(input.username);
	if (!isValidUsername(username)) add(errors, 'username', 'username-invalid');
	else if (users.getByUsername(conn, username)) add(errors, 'username', 'username-taken');
	for (const p of passwordProblems(input.password, username)) add(errors, 'password', p);
	const opd = checkRole(errors, input.role, input.opd ?? null);
	if (Object.keys(errors).length) return { ok: false, errors };
	const passwordHash = await hashPassword(input.password);
	try {
		const user = conn.sqlite
			.transaction(() => {
				const created = users.insert(conn, {
					username,
					passwordHash,
					role: input.role as Role,
					opd
				});
				writeAudit(conn.sqlite, actor, {
					action: 'user.create',
					entityType: 'user',
					entityId: created.id,
					after: summary(created)
				});
				return created;
			})
			.immediate();
		return { ok: true, value: user };
	} catch (e) {
		// Two admins creating the same name at once: the unique index decides.
		if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE')
			return { ok: false, errors: { username: ['username-taken'] } };
		throw e;
	}
}

function wouldLoseLastAdmin(
	conn: Connection,
	target: PublicUser,
	nextRole: Role,
	disabled: boolean
) {
	const losesAdmin =
		target.role === 'admin' && !target.disabled && (nextRole !== 'admin' || disabled);
	return losesAdmin && users.countActiveAdmins(conn) <= 1;
}

export function setDisabled(
	conn: Connection,
	userId: number,
	disabled: boolean,
	actor: Actor
): AccountResult<PublicUser> {
	const target = users.get(conn, userId);
	if (!target) return { ok: false, errors: { user: ['user-not-found'] } };
	if (disabled && actor.id === userId) return { ok: false, errors: { user: ['self-lockout'] } };
	if (disabled && wouldLoseLastAdmin(conn, target, target.role, true))
		return { ok: false, errors: { user: ['last-admin'] } };
	const after = conn.sqlite
		.transaction(() => {
			users.setDisabled(conn, userId, disabled);
			// A disabled account is signed out everywhere at once, not at its next request.
			const revoked = disabled ? sessionsDb.removeForUser(conn, userId) : 0;
			const next = users.get(conn, userId)!;
			writeAudit(conn.sqlite, actor, {
				action: disabled ? 'user.disable' : 'user.enable',
				entityType: 'user',
				entityId: userId,
				before: summary(target),
				after: { ...summary(next), sessionsRevoked: revoked }
			});
			return next;
		})
		.immediate();
	return { ok: true, value: after };
}

export function setRole(
	conn: Connection,
	userId: number,
	input: { role: string; opd?: string | null },
	actor: Actor
): AccountResult<PublicUser> {
	const target = users.get(conn, userId);
	if (!target) return { ok: false, errors: { user: ['user-not-found'] } };
	const errors: AccountErrors = {};
	const opd = checkRole(errors, input.role, input.opd ?? null);
	if (Object.keys(errors).length) return { ok: false, errors };
	const role = input.role as Role;
	if (actor.id === userId && target.role === 'admin' && role !== 'admin')
		return { ok: false, errors: { role: ['self-lockout'] } };
	if (wouldLoseLastAdmin(conn, target, role, target.disabled))
		return { ok: false, errors: { role: ['last-admin'] } };
	const after = conn.sqlite
		.transaction(() => {
			users.setRole(conn, userId, role, opd);
			const next = users.get(conn, userId)!;
			writeAudit(conn.sqlite, actor, {
				action: 'user.set_role',
				entityType: 'user',
				entityId: userId,
				before: summary(target),
				after: summary(next)
			});
			return next;
		})
		.immediate();
	return { ok: true, value: after };
}

/** Sets a new password and signs the user out everywhere (a reset usually means a leak). */
export async function resetPassword(
	conn: Connection,
	userId: number,
	password: string,
	actor: Actor
): Promise<AccountResult<{ sessionsRevoked: number }>> {
	const target = users.get(conn, userId);
	if (!target) return { ok: false, errors: { user: ['user-not-found'] } };
	const problems = passwordProblems(password, target.username);
	if (problems.length) return { ok: false, errors: { password: problems } };
	const passwordHash = await hashPassword(password);
	const sessionsRevoked = conn.sqlite
		.transaction(() => {
			users.setPasswordHash(conn, userId, passwordHash);
			const revoked = sessionsDb.removeForUser(conn, userId);
			writeAudit(conn.sqlite, actor, {
				action: 'user.reset_password',
				entityType: 'user',
				entityId: userId,
				after: { username: target.username, sessionsRevoked: revoked }
			});
			return revoked;
		})
		.immediate();
	return { ok: true, value: { sessionsRevoked } };
}

/** "Sign out everywhere" for one user. */
export function revokeUserSessions(
	conn: Connection,
	userId: number,
	actor: Actor
): AccountResult<{ sessionsRevoked: number }> {
	const target = users.get(conn, userId);
	if (!target) return { ok: false, errors: { user: ['user-not-found'] } };
	const sessionsRevoked = conn.sqlite
		.transaction(() => {
			const revoked = sessionsDb.removeForUser(conn, userId);
			writeAudit(conn.sqlite, actor, {
				action: 'session.revoke_user',
				entityType: 'user',
				entityId: userId,
				after: { username: target.username, sessionsRevoked: revoked }
			});
			return revoked;
		})
		.immediate();
	return { ok: true, value: { sessionsRevoked } };
}

/** "Sign out everyone", the acting admin included. */
export function revokeAllSessions(conn: Connection, actor: Actor): number {
	return conn.sqlite
		.transaction(() => {
			const revoked = sessionsDb.removeAll(conn);
			writeAudit(conn.sqlite, actor, {
				action: 'session.revoke_all',
				entityType: 'session',
				entityId: '*',
				after: { sessionsRevoked: revoked }
			});
			return revoked;
		})
		.immediate();
}
