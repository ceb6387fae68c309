/**
 * Account changes, each validated and written with its audit row in one transaction. Shared by
 * the staff users page and the `user` CLI, so both refuse the same things with the same codes.
 *
 * No admin ever chooses someone else's password: on the web an admin makes an account, or a
 * reset, as a one-time set-password link that expires; the person then sets their own. (The CLI,
 * run by whoever runs the server, may still set one from USER_PASSWORD: that is how the first
 * admin is made.)
 */
import type { Connection } from '../db';
import * as users from '../db/users';
import * as sessionsDb from '../db/sessions';
import * as tokens from '../db/account-tokens';
import { knownOpds } from '../db/assignments';
import { nameWords } from '../db/regions';
import type { PublicUser } from '../db/users';
import { writeAudit, type Actor } from '../audit';
import { hashPassword, hasPassword, NO_PASSWORD, verifyPassword } from './password';
import { generateToken, hashToken } from './session';
import { reserveAttempt, release, unlockAccount as unlockThrottle } from './throttle';
import {
	isValidUsername,
	normaliseUsername,
	passwordProblems,
	type PasswordProblem
} from './policy';
import { normaliseOpd, OPD_PATTERN } from '$lib/domain';
import { isRole, OPD_SCOPED, ROLES, type Role } from './roles';

export type AccountProblem =
	| PasswordProblem
	| 'username-invalid'
	| 'username-taken'
	| 'role-invalid'
	| 'opd-required'
	| 'opd-invalid'
	| 'opd-unknown'
	| 'user-not-found'
	| 'link-invalid'
	| 'password-wrong'
	| 'throttled'
	| 'self-lockout'
	| 'last-admin';

/** Problems by form field (`username`, `password`, `role`, `opd`, `user`). */
export type AccountErrors = Partial<Record<string, AccountProblem[]>>;
export type AccountResult<T> = { ok: true; value: T } | { ok: false; errors: AccountErrors };

/** Each problem in both languages, for the CLI and logs; pages use their own translations (messages/). */
export const PROBLEM_TEXT: Record<AccountProblem, { id: string; en: string }> = {
	'too-short': {
		id: 'kata sandi kurang dari 8 karakter',
		en: 'the password is shorter than 8 characters'
	},
	'too-long': {
		id: 'kata sandi lebih dari 256 karakter',
		en: 'the password is longer than 256 characters'
	},
	common: {
		id: 'kata sandi ini mudah ditebak (kata umum, nama tempat, tanggal atau pola papan ketik)',
		en: 'the password is easy to guess (a common word, a place name, a date or a keyboard pattern)'
	},
	'contains-username': {
		id: 'kata sandi memuat nama pengguna',
		en: 'the password contains the user name'
	},
	'username-invalid': {
		id: 'nama pengguna 3–32 karakter: huruf kecil, angka, ".", "_" atau "-", diawali huruf atau angka',
		en: 'the user name must be 3–32 characters: lower-case letters, digits, ".", "_" or "-", starting with a letter or digit'
	},
	'username-taken': {
		id: 'nama pengguna itu sudah dipakai',
		en: 'that user name is already taken'
	},
	'role-invalid': {
		id: `peran harus salah satu dari ${ROLES.join(', ')}`,
		en: `the role must be one of ${ROLES.join(', ')}`
	},
	'opd-required': {
		id: 'akun produsen memerlukan OPD (misalnya DISKOMINFO)',
		en: 'a produsen account needs an OPD (such as DISKOMINFO)'
	},
	'opd-invalid': {
		id: 'OPD berupa kode seperti DISKOMINFO (huruf, angka, "_" atau "-")',
		en: 'the OPD must be a code such as DISKOMINFO (letters, digits, "_" or "-")'
	},
	'opd-unknown': {
		id: 'tidak ada indikator yang diproduksi OPD itu, sehingga akun ini tidak akan bisa mengimpor apa pun: pakai salah satu OPD di daftar, atau tetapkan indikator ke OPD itu dahulu',
		en: 'no indicator is produced by that OPD, so the account could import nothing: use one of the OPDs listed, or assign indicators to the OPD first'
	},
	'user-not-found': { id: 'pengguna tidak ditemukan', en: 'no such user' },
	'link-invalid': {
		id: 'tautan ini sudah tidak berlaku (sudah dipakai, diganti atau kedaluwarsa): minta tautan baru kepada admin',
		en: 'this link is not valid any more (used, replaced or expired): ask an admin for a new one'
	},
	'password-wrong': {
		id: 'kata sandi sekarang tidak cocok',
		en: 'the current password is not right'
	},
	throttled: {
		id: 'terlalu banyak kata sandi salah: tunggu beberapa menit lalu coba lagi',
		en: 'too many wrong passwords: wait a few minutes and try again'
	},
	'self-lockout': {
		id: 'Anda tidak dapat menonaktifkan akun sendiri atau mencabut peran admin Anda sendiri',
		en: 'you cannot disable your own account or take away your own admin role'
	},
	'last-admin': {
		id: 'ini satu-satunya admin aktif',
		en: 'this is the last active admin account'
	}
};

function add(errors: AccountErrors, field: string, problem: AccountProblem) {
	(errors[field] ??= []).push(problem);
}

function checkRole(
	conn: Connection,
	errors: AccountErrors,
	role: string,
	opdInput: string | null
): string | null {
	if (!isRole(role)) {
		add(errors, 'role', 'role-invalid');
		return null;
	}
	if (!OPD_SCOPED.includes(role)) return null;
	const opd = normaliseOpd(opdInput ?? '');
	if (!opd) add(errors, 'opd', 'opd-required');
	else if (!OPD_PATTERN.test(opd)) add(errors, 'opd', 'opd-invalid');
	// A producer of an OPD with no indicator could import nothing, without a word why.
	else if (!knownOpds(conn).includes(opd)) add(errors, 'opd', 'opd-unknown');
	return opd;
}

/** How long a set-password link works: a first one three days, a reset one day. */
export const SETUP_LINK_TTL_MS = 72 * 60 * 60_000;
export const RESET_LINK_TTL_MS = 24 * 60 * 60_000;

export interface PasswordLink {
	/** Goes in the link and nowhere else; the database keeps its SHA-256. */
	token: string;
	expiresAt: number;
}

/** The path of a set-password link (the page is outside /staff: its owner is not signed in). */
export const passwordLinkPath = (token: string) => `/account/password?token=${token}`;

function issueLink(
	conn: Connection,
	userId: number,
	purpose: 'setup' | 'reset',
	actor: Actor,
	now: number
): PasswordLink {
	const token = generateToken();
	const expiresAt = now + (purpose === 'setup' ? SETUP_LINK_TTL_MS : RESET_LINK_TTL_MS);
	tokens.removeForUser(conn, userId, ['setup', 'reset']);
	tokens.insert(conn, {
		id: hashToken(token),
		userId,
		purpose,
		createdAt: now,
		expiresAt,
		createdBy: actor.username,
		address: actor.address
	});
	return { token, expiresAt };
}

const summary = (u: PublicUser) => ({
	username: u.username,
	role: u.role,
	opd: u.opd,
	disabled: u.disabled
});

/** A password's problems on this instance: its region names are among the guesses. */
const passwordProblemsHere = (conn: Connection, password: string, username: string) =>
	passwordProblems(password, username, nameWords(conn.db));

/**
 * Creates an account. Without a password (the web page) the account gets a one-time set-password
 * link instead, returned once; with one (the CLI's USER_PASSWORD) it can sign in at once.
 */
export async function createUser(
	conn: Connection,
	input: { username: string; password?: string | null; role: string; opd?: string | null },
	actor: Actor,
	now = Date.now()
): Promise<AccountResult<PublicUser & { link: PasswordLink | null }>> {
	const errors: AccountErrors = {};
	const username = normaliseUsername(input.username);
	if (!isValidUsername(username)) add(errors, 'username', 'username-invalid');
	else if (users.getByUsername(conn, username)) add(errors, 'username', 'username-taken');
	const withPassword = input.password !== undefined && input.password !== null;
	if (withPassword)
		for (const p of await passwordProblemsHere(conn, input.password!, username))
			add(errors, 'password', p);
	const opd = checkRole(conn, errors, input.role, input.opd ?? null);
	if (Object.keys(errors).length) return { ok: false, errors };
	const passwordHash = withPassword ? await hashPassword(input.password!) : NO_PASSWORD;
	try {
		const user = conn.sqlite
			.transaction(() => {
				const created = users.insert(conn, {
					username,
					passwordHash,
					role: input.role as Role,
					opd
				});
				const link = withPassword ? null : issueLink(conn, created.id, 'setup', actor, now);
				writeAudit(conn.sqlite, actor, {
					action: 'user.create',
					entityType: 'user',
					entityId: created.id,
					after: { ...summary(created), passwordLinkExpiresAt: link ? iso(link.expiresAt) : null }
				});
				return { ...created, link };
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

const iso = (ms: number) => new Date(ms).toISOString();

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
	const opd = checkRole(conn, errors, input.role, input.opd ?? null);
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
	const problems = await passwordProblemsHere(conn, password, target.username);
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

/**
 * An admin's reset: the old password stops working, the user is signed out everywhere, and a
 * one-time link (a day) lets them set a new one. Returned once, to be passed on in person or by a
 * trusted channel.
 */
export function issuePasswordReset(
	conn: Connection,
	userId: number,
	actor: Actor,
	now = Date.now()
): AccountResult<PasswordLink & { sessionsRevoked: number }> {
	const target = users.get(conn, userId);
	if (!target) return { ok: false, errors: { user: ['user-not-found'] } };
	if (actor.id === userId) return { ok: false, errors: { user: ['self-lockout'] } };
	const result = conn.sqlite
		.transaction(() => {
			users.setPasswordHash(conn, userId, NO_PASSWORD);
			const sessionsRevoked = sessionsDb.removeForUser(conn, userId);
			const link = issueLink(conn, userId, 'reset', actor, now);
			writeAudit(conn.sqlite, actor, {
				action: 'user.reset_password',
				entityType: 'user',
				entityId: userId,
				after: {
					username: target.username,
					sessionsRevoked,
					passwordLinkExpiresAt: iso(link.expiresAt)
				}
			});
			return { ...link, sessionsRevoked };
		})
		.immediate();
	return { ok: true, value: result };
}

/** Whose link this is, while it works: for the set-password page. */
export function passwordLinkOwner(
	conn: Connection,
	token: string,
	now = Date.now()
): { userId: number; username: string; purpose: 'setup' | 'reset' } | null {
	if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
	const row = tokens.get(conn, hashToken(token), ['setup', 'reset']);
	if (!row || row.expiresAt <= now) return null;
	const user = users.get(conn, row.userId);
	if (!user || user.disabled) return null;
	return { userId: user.id, username: user.username, purpose: row.purpose as 'setup' | 'reset' };
}

/** The owner of a link sets their password; the link is used up and any session is ended. */
export async function setPasswordWithLink(
	conn: Connection,
	token: string,
	password: string,
	address: string,
	now = Date.now()
): Promise<AccountResult<{ username: string }>> {
	const owner = passwordLinkOwner(conn, token, now);
	if (!owner) return { ok: false, errors: { token: ['link-invalid'] } };
	const problems = await passwordProblemsHere(conn, password, owner.username);
	if (problems.length) return { ok: false, errors: { password: problems } };
	const passwordHash = await hashPassword(password);
	return conn.sqlite
		.transaction((): AccountResult<{ username: string }> => {
			// Used by a second tab in the meantime? Then this one no longer counts.
			if (tokens.remove(conn, hashToken(token)) !== 1)
				return { ok: false, errors: { token: ['link-invalid'] } };
			tokens.removeForUser(conn, owner.userId, ['setup', 'reset']);
			users.setPasswordHash(conn, owner.userId, passwordHash);
			const sessionsRevoked = sessionsDb.removeForUser(conn, owner.userId);
			writeAudit(
				conn.sqlite,
				{ id: owner.userId, username: owner.username, address },
				{
					action: 'user.set_password',
					entityType: 'user',
					entityId: owner.userId,
					after: { by: owner.purpose === 'setup' ? 'setup_link' : 'reset_link', sessionsRevoked }
				}
			);
			return { ok: true, value: { username: owner.username } };
		})
		.immediate();
}

/**
 * A signed-in user changes their own password: the current one is required (and throttled like
 * a sign-in, so a borrowed session cannot guess it), every other session of theirs ends.
 */
export async function changeOwnPassword(
	conn: Connection,
	input: { userId: number; current: string; next: string; keepSessionId: string | null },
	actor: Actor,
	now = Date.now()
): Promise<AccountResult<{ sessionsRevoked: number }>> {
	const user = users.getWithSecrets(conn, input.userId);
	if (!user) return { ok: false, errors: { user: ['user-not-found'] } };
	const problems = await passwordProblemsHere(conn, input.next, user.username);
	if (problems.length) return { ok: false, errors: { next: problems } };
	const reservation = reserveAttempt(conn, user.username, actor.address, now);
	if (!reservation.ok) return { ok: false, errors: { current: ['throttled'] } };
	const right =
		hasPassword(user.passwordHash) && (await verifyPassword(user.passwordHash, input.current));
	if (!right) {
		writeAudit(conn.sqlite, actor, {
			action: 'user.change_password_failed',
			entityType: 'user',
			entityId: user.id
		});
		return { ok: false, errors: { current: ['password-wrong'] } };
	}
	const passwordHash = await hashPassword(input.next);
	const sessionsRevoked = conn.sqlite
		.transaction(() => {
			release(conn, reservation, user.username);
			users.setPasswordHash(conn, user.id, passwordHash);
			const revoked = sessionsDb.removeForUserExcept(conn, user.id, input.keepSessionId);
			writeAudit(conn.sqlite, actor, {
				action: 'user.change_password',
				entityType: 'user',
				entityId: user.id,
				after: { otherSessionsEnded: revoked }
			});
			return revoked;
		})
		.immediate();
	return { ok: true, value: { sessionsRevoked } };
}

/** An admin lifts the sign-in holds on an account (after a guessing attack, say). */
export function unlockAccount(
	conn: Connection,
	userId: number,
	actor: Actor
): AccountResult<{ attemptsCleared: number }> {
	const target = users.get(conn, userId);
	if (!target) return { ok: false, errors: { user: ['user-not-found'] } };
	const attemptsCleared = conn.sqlite
		.transaction(() => {
			const n = unlockThrottle(conn, target);
			writeAudit(conn.sqlite, actor, {
				action: 'user.unlock',
				entityType: 'user',
				entityId: userId,
				after: { username: target.username, attemptsCleared: n }
			});
			return n;
		})
		.immediate();
	return { ok: true, value: { attemptsCleared } };
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
