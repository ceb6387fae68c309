/** One-time account tokens (set-password links, pending two-factor sign-ins), by SHA-256 of the token. */
import { and, eq, lt } from 'drizzle-orm';
import type { Connection } from './index';
import { accountTokens, type AccountTokenPurpose } from './schema';

export type AccountToken = typeof accountTokens.$inferSelect;

export function insert(conn: Connection, row: AccountToken) {
	conn.db.insert(accountTokens).values(row).run();
}

export function get(
	conn: Connection,
	id: string,
	purposes: readonly AccountTokenPurpose[]
): AccountToken | undefined {
	const row = conn.db.select().from(accountTokens).where(eq(accountTokens.id, id)).get();
	return row && purposes.includes(row.purpose) ? row : undefined;
}

export function remove(conn: Connection, id: string): number {
	return conn.db.delete(accountTokens).where(eq(accountTokens.id, id)).run().changes;
}

/** Removes a user's tokens of these purposes (a new link replaces the old one). */
export function removeForUser(
	conn: Connection,
	userId: number,
	purposes: readonly AccountTokenPurpose[]
): number {
	let n = 0;
	for (const purpose of purposes)
		n += conn.db
			.delete(accountTokens)
			.where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose)))
			.run().changes;
	return n;
}

export function removeExpired(conn: Connection, now: number): number {
	return conn.db.delete(accountTokens).where(lt(accountTokens.expiresAt, now)).run().changes;
}

/** The expiry of the user's open set-password link, if any (for the users page). */
export function openLinkExpiry(conn: Connection, userId: number, now: number): number | null {
	const row = conn.sqlite
		.prepare(
			`SELECT max(expires_at) AS at FROM account_tokens
			 WHERE user_id = ? AND purpose IN ('setup', 'reset') AND expires_at > ?`
		)
		.get(userId, now) as { at: number | null };
	return row.at;
}
