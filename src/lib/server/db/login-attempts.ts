/** Sign-in attempts by throttle key (see auth/throttle.ts). Times are Unix milliseconds. */
import type { Connection } from './index';

/** The times of the newest `limit` attempts under `key` after `since`, newest first. */
export function recent(conn: Connection, key: string, since: number, limit: number): number[] {
	return (
		conn.sqlite
			.prepare(`SELECT at FROM login_failures WHERE key = ? AND at > ? ORDER BY at DESC LIMIT ?`)
			.all(key, since, limit) as { at: number }[]
	).map((r) => r.at);
}

export function count(conn: Connection, key: string, since: number): number {
	return (
		conn.sqlite
			.prepare(`SELECT count(*) AS n FROM login_failures WHERE key = ? AND at > ?`)
			.get(key, since) as { n: number }
	).n;
}

/** The newest attempt under `key` after `since`, or null. */
export function latest(conn: Connection, key: string, since: number): number | null {
	const row = conn.sqlite
		.prepare(`SELECT max(at) AS at FROM login_failures WHERE key = ? AND at > ?`)
		.get(key, since) as { at: number | null };
	return row.at;
}

export function insert(conn: Connection, key: string, at: number): number {
	return Number(
		conn.sqlite.prepare(`INSERT INTO login_failures (key, at) VALUES (?, ?)`).run(key, at)
			.lastInsertRowid
	);
}

export function removeIds(conn: Connection, ids: readonly number[]) {
	const remove = conn.sqlite.prepare(`DELETE FROM login_failures WHERE id = ?`);
	for (const id of ids) remove.run(id);
}

export function removeKey(conn: Connection, key: string): number {
	return conn.sqlite.prepare(`DELETE FROM login_failures WHERE key = ?`).run(key).changes;
}

/** Removes every key that starts with `prefix` (`pair:siti ` for all of siti's addresses). */
export function removeKeyPrefix(conn: Connection, prefix: string): number {
	return conn.sqlite
		.prepare(`DELETE FROM login_failures WHERE substr(key, 1, length(?)) = ?`)
		.run(prefix, prefix).changes;
}

export function pruneBefore(conn: Connection, before: number) {
	conn.sqlite.prepare(`DELETE FROM login_failures WHERE at <= ?`).run(before);
}
