/** Accounts: reads and single-row writes. Callers wrap writes in a transaction with their audit row. */
import { asc, eq } from 'drizzle-orm';
import type { Connection } from './index';
import type { Role } from '../../domain';
import { users, type User } from './schema';

/** A user without the password hash and two-factor secrets: what pages and lists get. */
export type PublicUser = Omit<
	User,
	'passwordHash' | 'totpSecret' | 'totpPendingSecret' | 'totpLastStep'
>;

const publicColumns = {
	id: users.id,
	username: users.username,
	role: users.role,
	opd: users.opd,
	disabled: users.disabled,
	createdAt: users.createdAt,
	passwordChangedAt: users.passwordChangedAt,
	totpEnabledAt: users.totpEnabledAt
};

export function list(conn: Connection): PublicUser[] {
	return conn.db.select(publicColumns).from(users).orderBy(asc(users.username)).all();
}

export function get(conn: Connection, id: number): PublicUser | undefined {
	return conn.db.select(publicColumns).from(users).where(eq(users.id, id)).get();
}

/** With the hash: only for signing in. `username` must already be normalised. */
export function getForSignIn(conn: Connection, username: string): User | undefined {
	return conn.db.select().from(users).where(eq(users.username, username)).get();
}

/** With the hash and two-factor secrets, by id: password changes and two-factor checks. */
export function getWithSecrets(conn: Connection, id: number): User | undefined {
	return conn.db.select().from(users).where(eq(users.id, id)).get();
}

export function setPendingTotp(conn: Connection, id: number, secret: string | null) {
	conn.db.update(users).set({ totpPendingSecret: secret }).where(eq(users.id, id)).run();
}

/** Turns two-factor on with the confirmed secret (and the step its first code used), or off. */
export function setTotp(
	conn: Connection,
	id: number,
	totp: { secret: string; step: number } | null
) {
	conn.db
		.update(users)
		.set(
			totp
				? {
						totpSecret: totp.secret,
						totpPendingSecret: null,
						totpEnabledAt: new Date().toISOString(),
						totpLastStep: totp.step
					}
				: { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null }
		)
		.where(eq(users.id, id))
		.run();
}

export function setTotpLastStep(conn: Connection, id: number, step: number) {
	conn.db.update(users).set({ totpLastStep: step }).where(eq(users.id, id)).run();
}

export function getByUsername(conn: Connection, username: string): PublicUser | undefined {
	return conn.db.select(publicColumns).from(users).where(eq(users.username, username)).get();
}

export function insert(
	conn: Connection,
	row: { username: string; passwordHash: string; role: Role; opd: string | null }
): PublicUser {
	return conn.db.insert(users).values(row).returning(publicColumns).get();
}

export function setDisabled(conn: Connection, id: number, disabled: boolean) {
	conn.db.update(users).set({ disabled }).where(eq(users.id, id)).run();
}

export function setRole(conn: Connection, id: number, role: Role, opd: string | null) {
	conn.db.update(users).set({ role, opd }).where(eq(users.id, id)).run();
}

export function setPasswordHash(conn: Connection, id: number, passwordHash: string) {
	conn.db
		.update(users)
		.set({ passwordHash, passwordChangedAt: new Date().toISOString() })
		.where(eq(users.id, id))
		.run();
}

export function countActiveAdmins(conn: Connection): number {
	return (
		conn.sqlite
			.prepare(`SELECT count(*) AS n FROM users WHERE role = 'admin' AND disabled = 0`)
			.get() as { n: number }
	).n;
}
