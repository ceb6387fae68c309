/** Two-factor recovery codes, stored as SHA-256 hashes; a used code is deleted. */
import { and, eq } from 'drizzle-orm';
import type { Connection } from './index';
import { recoveryCodes } from './schema';

export function replace(conn: Connection, userId: number, hashes: readonly string[]) {
	conn.db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
	for (const codeHash of hashes) conn.db.insert(recoveryCodes).values({ userId, codeHash }).run();
}

/** Deletes the code when the user has it; true when it was there (and is now used up). */
export function use(conn: Connection, userId: number, codeHash: string): boolean {
	return (
		conn.db
			.delete(recoveryCodes)
			.where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash)))
			.run().changes === 1
	);
}

export function count(conn: Connection, userId: number): number {
	return (
		conn.sqlite
			.prepare(`SELECT count(*) AS n FROM recovery_codes WHERE user_id = ?`)
			.get(userId) as {
			n: number;
		}
	).n;
}

export function removeForUser(conn: Connection, userId: number) {
	conn.db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
}
