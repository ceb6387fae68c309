/**
 * Sign-in throttling: failures are counted per account and per address in a sliding window.
 * The address limit is higher because an office shares one public address behind NAT.
 * Attempts refused by the throttle are not counted, so a lock-out ends when the window passes.
 */
import type Database from 'better-sqlite3';

export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const ACCOUNT_LIMIT = 5;
export const ADDRESS_LIMIT = 20;

export const accountKey = (username: string) => `account:${username}`;
export const addressKey = (address: string) => `address:${address}`;

/**
 * Milliseconds until another attempt is allowed (0 = allowed now). With `limit` failures in the
 * window, the next attempt waits until the oldest of the last `limit` failures leaves the window.
 */
function waitFor(sqlite: Database.Database, key: string, limit: number, now: number): number {
	const rows = sqlite
		.prepare(`SELECT at FROM login_failures WHERE key = ? AND at > ? ORDER BY at DESC LIMIT ?`)
		.all(key, now - THROTTLE_WINDOW_MS, limit) as { at: number }[];
	if (rows.length < limit) return 0;
	return Math.max(0, rows[limit - 1].at + THROTTLE_WINDOW_MS - now);
}

/** How long this username and address must wait; 0 when they may try now. */
export function retryAfterMs(
	sqlite: Database.Database,
	username: string,
	address: string,
	now = Date.now()
): number {
	return Math.max(
		waitFor(sqlite, accountKey(username), ACCOUNT_LIMIT, now),
		waitFor(sqlite, addressKey(address), ADDRESS_LIMIT, now)
	);
}

/** Counts one failure against both the account and the address; prunes rows past the window. */
export function recordFailure(
	sqlite: Database.Database,
	username: string,
	address: string,
	now = Date.now()
) {
	const insert = sqlite.prepare(`INSERT INTO login_failures (key, at) VALUES (?, ?)`);
	insert.run(accountKey(username), now);
	insert.run(addressKey(address), now);
	sqlite.prepare(`DELETE FROM login_failures WHERE at <= ?`).run(now - THROTTLE_WINDOW_MS);
}

/** A successful sign-in clears the account's failures (the address keeps its count). */
export function clearAccount(sqlite: Database.Database, username: string) {
	sqlite.prepare(`DELETE FROM login_failures WHERE key = ?`).run(accountKey(username));
}
