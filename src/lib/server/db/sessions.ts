/** Sessions: rows keyed by the SHA-256 of the cookie token. Times are Unix milliseconds. */
import { eq, lt, or } from 'drizzle-orm';
import type { Connection } from './index';
import type { Role } from '../../domain';
import { sessions, users, type Session } from './schema';

export function insert(conn: Connection, row: Session) {
	conn.db.insert(sessions).values(row).run();
}

export interface SessionWithUser {
	session: Session;
	user: {
		id: number;
		username: string;
		role: Role;
		opd: string | null;
		disabled: boolean;
		totpEnabledAt: string | null;
	};
}

export function getWithUser(conn: Connection, id: string): SessionWithUser | undefined {
	return conn.db
		.select({
			session: sessions,
			user: {
				id: users.id,
				username: users.username,
				role: users.role,
				opd: users.opd,
				disabled: users.disabled,
				totpEnabledAt: users.totpEnabledAt
			}
		})
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.where(eq(sessions.id, id))
		.get();
}

export function setExpiresAt(conn: Connection, id: string, expiresAt: number) {
	conn.db.update(sessions).set({ expiresAt }).where(eq(sessions.id, id)).run();
}

export function remove(conn: Connection, id: string): number {
	return conn.db.delete(sessions).where(eq(sessions.id, id)).run().changes;
}

export function removeForUser(conn: Connection, userId: number): number {
	return conn.db.delete(sessions).where(eq(sessions.userId, userId)).run().changes;
}

export function removeAll(conn: Connection): number {
	return conn.db.delete(sessions).run().changes;
}

export function removeExpired(conn: Connection, now: number): number {
	return conn.db
		.delete(sessions)
		.where(or(lt(sessions.expiresAt, now), lt(sessions.absoluteExpiresAt, now)))
		.run().changes;
}

export function countForUser(conn: Connection, userId: number): number {
	return (
		conn.sqlite.prepare(`SELECT count(*) AS n FROM sessions WHERE user_id = ?`).get(userId) as {
			n: number;
		}
	).n;
}

/** Ends a user's sessions but one (the one they are changing their password in). */
export function removeForUserExcept(
	conn: Connection,
	userId: number,
	keepId: string | null
): number {
	return conn.sqlite
		.prepare(`DELETE FROM sessions WHERE user_id = ? AND id IS NOT ?`)
		.run(userId, keepId).changes;
}

/** Clears the failed-sign-ins notice of a session once its owner has read it. */
export function dismissNotice(conn: Connection, id: string) {
	conn.db.update(sessions).set({ failedBefore: 0 }).where(eq(sessions.id, id)).run();
}
