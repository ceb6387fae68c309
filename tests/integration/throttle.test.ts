/**
 * Sign-in throttling under attack: attempts are reserved before the password check, so parallel
 * guesses all count; the delay grows per account and address; an admin can lift a hold; the
 * owner hears of failures at their next sign-in.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/lib/server/audit';
import { createUser, unlockAccount } from '../../src/lib/server/auth/accounts';
import { signIn } from '../../src/lib/server/auth/signin';
import {
	ACCOUNT_FREE_ATTEMPTS,
	ADDRESS_LIMIT,
	backoffMs,
	MAX_DELAY_MS,
	PAIR_FREE_ATTEMPTS
} from '../../src/lib/server/auth/throttle';
import { tempDatabase } from './helpers';

const PASSWORD = 'teh manis di warung pojok';
const WRONG = 'wrong password!';
let conn: ReturnType<typeof tempDatabase>;

beforeEach(() => {
	conn = tempDatabase();
});
afterEach(() => conn.close());

async function addUser(username: string) {
	const r = await createUser(conn, { username, password: PASSWORD, role: 'admin' }, cliActor());
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	return r.value;
}

const actions = (action: string) =>
	(
		conn.sqlite.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = ?`).get(action) as {
			n: number;
		}
	).n;

const T0 = 1_800_000_000_000;

describe('backoffMs()', () => {
	it.each([
		[0, 0],
		[4, 0],
		[5, 30_000],
		[6, 60_000],
		[7, 120_000],
		[9, 480_000],
		[10, 900_000],
		[30, MAX_DELAY_MS]
	])('after %i failures waits %i ms', (failures, ms) => {
		expect(backoffMs(failures, PAIR_FREE_ATTEMPTS)).toBe(ms);
	});
});

describe('signIn() throttling', () => {
	it('100 parallel wrong passwords from one address: only 5 are checked', async () => {
		await addUser('siti');
		const results = await Promise.all(
			Array.from({ length: 100 }, () =>
				signIn(conn, { username: 'siti', password: WRONG, address: '6.6.6.6' }, T0)
			)
		);
		const reasons = results.map((r) => (r.ok ? 'ok' : r.reason));
		expect(reasons.filter((r) => r === 'invalid')).toHaveLength(PAIR_FREE_ATTEMPTS);
		expect(reasons.filter((r) => r === 'throttled')).toHaveLength(100 - PAIR_FREE_ATTEMPTS);
		// A password check writes a failure row; a throttled attempt never reaches it.
		expect(actions('auth.sign_in_failed')).toBe(5);
		expect(actions('auth.sign_in_throttled')).toBe(95);
	});

	it('100 parallel guesses at 100 accounts from one address: only 20 are checked', async () => {
		const results = await Promise.all(
			Array.from({ length: 100 }, (_, i) =>
				signIn(conn, { username: `guess${i}`, password: WRONG, address: '6.6.6.6' }, T0)
			)
		);
		expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(ADDRESS_LIMIT);
		expect(actions('auth.sign_in_failed')).toBe(ADDRESS_LIMIT);
	});

	it('the delay doubles per account and address, and a right password waits too', async () => {
		await addUser('siti');
		const at = (t: number, password = WRONG) =>
			signIn(conn, { username: 'siti', password, address: '6.6.6.6' }, t);
		for (let i = 0; i < 5; i++) expect(await at(T0 + i)).toEqual({ ok: false, reason: 'invalid' });
		// Five failures, the last at T0+4: the next may come 30 s after it.
		expect(await at(T0 + 5, PASSWORD)).toEqual({
			ok: false,
			reason: 'throttled',
			retryAfterSeconds: 30
		});
		expect(await at(T0 + 4 + 30_000)).toEqual({ ok: false, reason: 'invalid' });
		// Six failures: a minute after the last.
		expect(await at(T0 + 4 + 30_001)).toMatchObject({ reason: 'throttled', retryAfterSeconds: 60 });
		expect((await at(T0 + 4 + 30_000 + 60_000, PASSWORD)).ok).toBe(true);
	});

	it('a guesser at one address does not lock the owner out at another', async () => {
		await addUser('siti');
		for (let i = 0; i < 12; i++)
			await signIn(conn, { username: 'siti', password: WRONG, address: '6.6.6.6' }, T0 + i);
		expect(
			await signIn(conn, { username: 'siti', password: PASSWORD, address: '6.6.6.6' }, T0 + 20)
		).toMatchObject({ ok: false, reason: 'throttled' });
		const owner = await signIn(
			conn,
			{ username: 'siti', password: PASSWORD, address: '10.0.0.7' },
			T0 + 20
		);
		expect(owner.ok).toBe(true);
	});

	it('guessing spread over many addresses holds the account, and an admin lifts the hold', async () => {
		const siti = await addUser('siti');
		for (let i = 0; i < ACCOUNT_FREE_ATTEMPTS; i++)
			await signIn(conn, { username: 'siti', password: WRONG, address: `9.9.${i}.1` }, T0 + i);
		const held = await signIn(
			conn,
			{ username: 'siti', password: PASSWORD, address: '10.0.0.7' },
			T0 + 100
		);
		expect(held).toMatchObject({ ok: false, reason: 'throttled', retryAfterSeconds: 30 });
		const admin = await addUser('admin1');
		expect(
			unlockAccount(conn, siti.id, { id: admin.id, username: 'admin1', address: '10.0.0.2' })
		).toEqual({ ok: true, value: { attemptsCleared: ACCOUNT_FREE_ATTEMPTS * 2 } });
		expect(actions('user.unlock')).toBe(1);
		const after = await signIn(
			conn,
			{ username: 'siti', password: PASSWORD, address: '10.0.0.7' },
			T0 + 101
		);
		expect(after.ok).toBe(true);
	});

	it('a right password forgives the account its failures', async () => {
		await addUser('siti');
		const fail = (i: number) =>
			signIn(conn, { username: 'siti', password: WRONG, address: 'x' }, T0 + i);
		for (let i = 0; i < 4; i++) await fail(i);
		expect(
			(await signIn(conn, { username: 'siti', password: PASSWORD, address: 'x' }, T0 + 10)).ok
		).toBe(true);
		for (let i = 0; i < 4; i++) await fail(20 + i);
		expect(
			(await signIn(conn, { username: 'siti', password: PASSWORD, address: 'x' }, T0 + 30)).ok
		).toBe(true);
	});

	it('the owner is told of the failures since their last sign-in, once', async () => {
		await addUser('siti');
		const first = await signIn(conn, { username: 'siti', password: PASSWORD, address: 'a' }, T0);
		expect(first.ok && first.session.failedBefore).toBe(0);
		for (let i = 0; i < 3; i++)
			await signIn(conn, { username: 'siti', password: WRONG, address: `7.7.7.${i}` }, T0 + 1 + i);
		const next = await signIn(
			conn,
			{ username: 'siti', password: PASSWORD, address: 'a' },
			T0 + 10
		);
		if (!next.ok) throw new Error('sign-in failed');
		expect(next.session).toMatchObject({ failedBefore: 3, lastFailedAddress: '7.7.7.2' });
		expect(next.session.lastFailedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
		const third = await signIn(
			conn,
			{ username: 'siti', password: PASSWORD, address: 'a' },
			T0 + 20
		);
		expect(third.ok && third.session.failedBefore).toBe(0);
	});
});
