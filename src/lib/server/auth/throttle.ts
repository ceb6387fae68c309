/**
 * Sign-in throttling. An attempt is *reserved* (written) before the password is checked, in one
 * synchronous transaction with the check, so N requests sent at once count as N: none can slip
 * in between another's check and its record. A right password removes the reservation again.
 *
 * Three keys, so that a guesser is slowed without locking the owner out everywhere:
 * - `pair`, the account from one address: the first 5 tries are free, then each next one waits
 *   twice as long as the last (30 s, 1 min, 2 min, … up to 15 min). An attacker at one address
 *   slows only themselves; the owner at their desk is not held by it.
 * - `address`, any account from one address: 20 in 15 minutes (SIGN_IN_ADDRESS_LIMIT; an office
 *   shares one address behind NAT, so this is generous), against one address trying many accounts.
 * - `account`, the account from all addresses: 50 in an hour, then the same doubling delay,
 *   against guessing spread over many addresses. This one can hold the owner too: an admin can
 *   lift it (`unlockAccount`), and the owner is told of the failures at their next sign-in.
 * Attempts refused by the throttle are not recorded, so a wait always ends.
 */
import type { Connection } from '../db';
import * as attempts from '../db/login-attempts';

export const PAIR_FREE_ATTEMPTS = 5;
export const ACCOUNT_FREE_ATTEMPTS = 50;
export const ADDRESS_LIMIT = 20;

/**
 * The address limit in force: SIGN_IN_ADDRESS_LIMIT when it is a positive whole number (a large
 * office behind one NAT address, or the end-to-end tests, whose every request comes from
 * loopback), else ADDRESS_LIMIT.
 */
export function addressLimit(env: NodeJS.ProcessEnv = process.env): number {
	const n = Number(env.SIGN_IN_ADDRESS_LIMIT);
	return Number.isInteger(n) && n > 0 ? n : ADDRESS_LIMIT;
}
export const ADDRESS_WINDOW_MS = 15 * 60_000;
export const WINDOW_MS = 60 * 60_000;
export const BASE_DELAY_MS = 30_000;
export const MAX_DELAY_MS = 15 * 60_000;

export const pairKey = (username: string, address: string) => `pair:${username} ${address}`;
export const accountKey = (username: string) => `account:${username}`;
export const addressKey = (address: string) => `address:${address}`;

/**
 * How long to wait after the latest of `failures` attempts, when the first `free` are free:
 * `backoffMs(5, 5) === 30_000`, `backoffMs(6, 5) === 60_000`, `backoffMs(4, 5) === 0`.
 */
export function backoffMs(failures: number, free: number): number {
	if (failures < free) return 0;
	return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (failures - free));
}

function progressiveWait(conn: Connection, key: string, free: number, now: number): number {
	const since = now - WINDOW_MS;
	const n = attempts.count(conn, key, since);
	if (n < free) return 0;
	const last = attempts.latest(conn, key, since) ?? now;
	return Math.max(0, last + backoffMs(n, free) - now);
}

function windowWait(conn: Connection, key: string, limit: number, now: number): number {
	const rows = attempts.recent(conn, key, now - ADDRESS_WINDOW_MS, limit);
	if (rows.length < limit) return 0;
	return Math.max(0, rows[limit - 1] + ADDRESS_WINDOW_MS - now);
}

/** How long this user name from this address must wait; 0 when they may try now. */
export function retryAfterMs(
	conn: Connection,
	username: string,
	address: string,
	now = Date.now()
): number {
	return Math.max(
		progressiveWait(conn, pairKey(username, address), PAIR_FREE_ATTEMPTS, now),
		progressiveWait(conn, accountKey(username), ACCOUNT_FREE_ATTEMPTS, now),
		windowWait(conn, addressKey(address), addressLimit(), now)
	);
}

export type Reservation = { ok: true; ids: number[] } | { ok: false; retryAfterMs: number };

/**
 * Checks the throttle and, when the attempt may go ahead, records it under all three keys, in one
 * transaction. Call before verifying the password; on success call `release`.
 */
export function reserveAttempt(
	conn: Connection,
	username: string,
	address: string,
	now = Date.now()
): Reservation {
	return conn.sqlite
		.transaction((): Reservation => {
			const wait = retryAfterMs(conn, username, address, now);
			if (wait > 0) return { ok: false, retryAfterMs: wait };
			attempts.pruneBefore(conn, now - WINDOW_MS);
			const ids = [
				attempts.insert(conn, pairKey(username, address), now),
				attempts.insert(conn, accountKey(username), now),
				attempts.insert(conn, addressKey(address), now)
			];
			return { ok: true, ids };
		})
		.immediate();
}

/**
 * After a right password: the account's failures are forgiven (from every address), and this
 * attempt no longer counts against the address. Run inside the sign-in transaction.
 */
export function release(conn: Connection, reservation: { ids: number[] }, username: string) {
	attempts.removeIds(conn, reservation.ids);
	attempts.removeKey(conn, accountKey(username));
	attempts.removeKeyPrefix(conn, `pair:${username} `);
}

/**
 * An admin lifts every hold on an account, two-factor codes included; returns how many recorded
 * attempts were removed.
 */
export function unlockAccount(conn: Connection, user: { id: number; username: string }): number {
	return (
		attempts.removeKey(conn, accountKey(user.username)) +
		attempts.removeKeyPrefix(conn, `pair:${user.username} `) +
		attempts.removeKey(conn, secondFactorKey(user.id))
	);
}

/** Milliseconds until the account may be tried again from anywhere (the account-wide hold). */
export function accountHoldMs(conn: Connection, username: string, now = Date.now()): number {
	return progressiveWait(conn, accountKey(username), ACCOUNT_FREE_ATTEMPTS, now);
}

/** Attempts on record against the account (all addresses) in the last hour. */
export function recentFailures(conn: Connection, username: string, now = Date.now()): number {
	return attempts.count(conn, accountKey(username), now - WINDOW_MS);
}

export const secondFactorKey = (userId: number) => `second:${userId}`;

/**
 * The same reservation for two-factor codes, per account: 5 free tries, then the doubling delay.
 * A million six-digit codes at that pace take years.
 */
export function reserveSecondFactor(
	conn: Connection,
	userId: number,
	now = Date.now()
): Reservation {
	return conn.sqlite
		.transaction((): Reservation => {
			const key = secondFactorKey(userId);
			const wait = progressiveWait(conn, key, PAIR_FREE_ATTEMPTS, now);
			if (wait > 0) return { ok: false, retryAfterMs: wait };
			return { ok: true, ids: [attempts.insert(conn, key, now)] };
		})
		.immediate();
}

export function releaseSecondFactor(
	conn: Connection,
	reservation: { ids: number[] },
	userId: number
) {
	attempts.removeIds(conn, reservation.ids);
	attempts.removeKey(conn, secondFactorKey(userId));
}
