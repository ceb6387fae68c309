/**
 * Accounts people own: set-password links instead of admin-chosen passwords, changing one's own
 * password, two-factor with TOTP and recovery codes, and produsen accounts only for real OPDs.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/lib/server/audit';
import {
	changeOwnPassword,
	createUser,
	issuePasswordReset,
	passwordLinkOwner,
	RESET_LINK_TTL_MS,
	setPasswordWithLink,
	setRole,
	SETUP_LINK_TTL_MS
} from '../../src/lib/server/auth/accounts';
import { createSession, validateSession } from '../../src/lib/server/auth/session';
import { completeSecondFactor, signIn } from '../../src/lib/server/auth/signin';
import { totpCode } from '../../src/lib/server/auth/totp';
import {
	confirmTwoFactor,
	disableOwnTwoFactor,
	pendingSecret,
	renewRecoveryCodes,
	resetTwoFactor
} from '../../src/lib/server/auth/two-factor';
import { seedOpds, tempDatabase } from './helpers';

const PASSWORD = 'teh manis di warung pojok';
const NEW_PASSWORD = 'kopi tubruk di alun-alun pati';
const T0 = 1_800_000_000_000;
let conn: ReturnType<typeof tempDatabase>;

beforeEach(() => {
	conn = tempDatabase();
	seedOpds(conn, ['BPS', 'DINKES']);
});
afterEach(() => conn.close());

const audit = () =>
	(
		conn.sqlite.prepare(`SELECT action, entity_id, after FROM audit_log ORDER BY id`).all() as {
			action: string;
			entity_id: string;
			after: string | null;
		}[]
	).map((r) => r.action);

async function admin() {
	const r = await createUser(
		conn,
		{ username: 'admin1', password: PASSWORD, role: 'admin' },
		cliActor()
	);
	if (!r.ok) throw new Error('admin');
	return { id: r.value.id, username: 'admin1', address: '10.0.0.1' };
}

describe('set-password links', () => {
	it('an admin makes an account without choosing its password; its owner sets one once', async () => {
		const actor = await admin();
		const made = await createUser(conn, { username: 'siti', role: 'viewer' }, actor, T0);
		if (!made.ok) throw new Error(JSON.stringify(made.errors));
		const link = made.value.link!;
		expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(link.expiresAt).toBe(T0 + SETUP_LINK_TTL_MS);
		// No password works before the link is used.
		expect(await signIn(conn, { username: 'siti', password: '', address: 'a' }, T0)).toEqual({
			ok: false,
			reason: 'invalid'
		});
		// The token itself is never stored.
		const stored = conn.sqlite.prepare(`SELECT id FROM account_tokens`).all() as { id: string }[];
		expect(stored.map((r) => r.id)).not.toContain(link.token);
		expect(passwordLinkOwner(conn, link.token, T0)).toEqual({
			userId: made.value.id,
			username: 'siti',
			purpose: 'setup'
		});
		expect(await setPasswordWithLink(conn, link.token, 'sayang123', 'b', T0)).toEqual({
			ok: false,
			errors: { password: ['common'] }
		});
		expect(await setPasswordWithLink(conn, link.token, NEW_PASSWORD, 'b', T0 + 1)).toEqual({
			ok: true,
			value: { username: 'siti' }
		});
		// Used up: a second use is refused.
		expect(await setPasswordWithLink(conn, link.token, NEW_PASSWORD, 'b', T0 + 2)).toEqual({
			ok: false,
			errors: { token: ['link-invalid'] }
		});
		expect(
			(await signIn(conn, { username: 'siti', password: NEW_PASSWORD, address: 'b' }, T0 + 3)).ok
		).toBe(true);
		expect(audit()).toContain('user.set_password');
	});

	it('a link expires', async () => {
		const actor = await admin();
		const made = await createUser(conn, { username: 'siti', role: 'viewer' }, actor, T0);
		if (!made.ok) throw new Error('create');
		const token = made.value.link!.token;
		expect(passwordLinkOwner(conn, token, T0 + SETUP_LINK_TTL_MS - 1)).not.toBeNull();
		expect(passwordLinkOwner(conn, token, T0 + SETUP_LINK_TTL_MS)).toBeNull();
		expect(
			await setPasswordWithLink(conn, token, NEW_PASSWORD, 'b', T0 + SETUP_LINK_TTL_MS)
		).toEqual({
			ok: false,
			errors: { token: ['link-invalid'] }
		});
		expect(passwordLinkOwner(conn, 'not a token', T0)).toBeNull();
	});

	it('a reset ends the old password and the sessions, and replaces an older link', async () => {
		const actor = await admin();
		await createUser(conn, { username: 'siti', password: PASSWORD, role: 'viewer' }, cliActor());
		const signedIn = await signIn(conn, { username: 'siti', password: PASSWORD, address: 'a' }, T0);
		if (!signedIn.ok) throw new Error('sign-in');
		const siti = signedIn.user.id;
		const first = issuePasswordReset(conn, siti, actor, T0 + 1);
		const second = issuePasswordReset(conn, siti, actor, T0 + 2);
		if (!first.ok || !second.ok) throw new Error('reset');
		expect(second.value.expiresAt).toBe(T0 + 2 + RESET_LINK_TTL_MS);
		expect(first.value.sessionsRevoked).toBe(1);
		expect(validateSession(conn, signedIn.token, T0 + 3)).toBeNull();
		expect(
			await signIn(conn, { username: 'siti', password: PASSWORD, address: 'a' }, T0 + 3)
		).toEqual({
			ok: false,
			reason: 'invalid'
		});
		expect(passwordLinkOwner(conn, first.value.token, T0 + 3)).toBeNull();
		expect(passwordLinkOwner(conn, second.value.token, T0 + 3)?.purpose).toBe('reset');
		// An admin cannot reset their own this way (they change it on their account page).
		expect(issuePasswordReset(conn, actor.id, actor, T0)).toEqual({
			ok: false,
			errors: { user: ['self-lockout'] }
		});
	});
});

describe('changeOwnPassword()', () => {
	it('needs the current password, keeps this session and ends the others', async () => {
		const r = await createUser(
			conn,
			{ username: 'siti', password: PASSWORD, role: 'viewer' },
			cliActor()
		);
		if (!r.ok) throw new Error('create');
		const here = createSession(conn, r.value.id, 'a', T0);
		const phone = createSession(conn, r.value.id, 'b', T0);
		const actor = { id: r.value.id, username: 'siti', address: 'a' };
		expect(
			await changeOwnPassword(
				conn,
				{
					userId: r.value.id,
					current: 'not it at all',
					next: NEW_PASSWORD,
					keepSessionId: here.session.id
				},
				actor,
				T0
			)
		).toEqual({ ok: false, errors: { current: ['password-wrong'] } });
		expect(
			await changeOwnPassword(
				conn,
				{
					userId: r.value.id,
					current: PASSWORD,
					next: 'siti-suka-kopi-tubruk',
					keepSessionId: here.session.id
				},
				actor,
				T0
			)
		).toEqual({ ok: false, errors: { next: ['contains-username'] } });
		expect(
			await changeOwnPassword(
				conn,
				{
					userId: r.value.id,
					current: PASSWORD,
					next: NEW_PASSWORD,
					keepSessionId: here.session.id
				},
				actor,
				T0
			)
		).toEqual({ ok: true, value: { sessionsRevoked: 1 } });
		expect(validateSession(conn, here.token, T0 + 1)).not.toBeNull();
		expect(validateSession(conn, phone.token, T0 + 1)).toBeNull();
		expect(audit()).toEqual(
			expect.arrayContaining(['user.change_password_failed', 'user.change_password'])
		);
	});
});

describe('two-factor', () => {
	async function enrolled() {
		const r = await createUser(
			conn,
			{ username: 'siti', password: PASSWORD, role: 'walidata' },
			cliActor()
		);
		if (!r.ok) throw new Error('create');
		const id = r.value.id;
		const actor = { id, username: 'siti', address: 'a' };
		const secret = pendingSecret(conn, id)!;
		expect(secret).toMatch(/^[A-Z2-7]{32}$/);
		// The same pending secret until it is confirmed (a reload does not change the QR code).
		expect(pendingSecret(conn, id)).toBe(secret);
		expect(confirmTwoFactor(conn, id, '000000', actor, T0)).toEqual({
			ok: false,
			problem: 'code-wrong'
		});
		const confirmed = confirmTwoFactor(conn, id, totpCode(secret, T0), actor, T0);
		if (!confirmed.ok) throw new Error('confirm');
		expect(confirmed.value.recoveryCodes).toHaveLength(10);
		expect(confirmed.value.recoveryCodes[0]).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
		return { id, actor, secret, codes: confirmed.value.recoveryCodes };
	}

	async function challenge(at: number) {
		const r = await signIn(conn, { username: 'siti', password: PASSWORD, address: 'a' }, at);
		if (r.ok || r.reason !== 'second_factor')
			throw new Error(`expected a challenge, got ${JSON.stringify(r)}`);
		return r.challenge;
	}

	it('a right password alone gives no session; a right code does, once', async () => {
		const { secret } = await enrolled();
		const t = T0 + 60_000;
		const c1 = await challenge(t);
		expect(completeSecondFactor(conn, { challenge: c1, code: '123456', address: 'a' }, t)).toEqual({
			ok: false,
			reason: 'invalid'
		});
		const code = totpCode(secret, t);
		const done = completeSecondFactor(conn, { challenge: c1, code, address: 'a' }, t);
		expect(done.ok).toBe(true);
		// The challenge is used up, and the same code does not work twice (replay).
		expect(completeSecondFactor(conn, { challenge: c1, code, address: 'a' }, t)).toEqual({
			ok: false,
			reason: 'expired'
		});
		const c2 = await challenge(t + 1);
		expect(completeSecondFactor(conn, { challenge: c2, code, address: 'a' }, t + 1)).toEqual({
			ok: false,
			reason: 'invalid'
		});
		// The next step's code works.
		expect(
			completeSecondFactor(
				conn,
				{ challenge: c2, code: totpCode(secret, t + 30_000), address: 'a' },
				t + 30_000
			).ok
		).toBe(true);
	});

	it('a challenge expires after five minutes', async () => {
		const { secret } = await enrolled();
		const c = await challenge(T0 + 60_000);
		const late = T0 + 60_000 + 5 * 60_000;
		expect(
			completeSecondFactor(conn, { challenge: c, code: totpCode(secret, late), address: 'a' }, late)
		).toEqual({
			ok: false,
			reason: 'expired'
		});
	});

	it('a recovery code works once, in any case and spacing', async () => {
		const { codes } = await enrolled();
		const c = await challenge(T0 + 60_000);
		const typed = codes[3].toUpperCase().replace('-', ' ');
		const r = completeSecondFactor(conn, { challenge: c, code: typed, address: 'a' }, T0 + 60_000);
		expect(r.ok).toBe(true);
		const again = await challenge(T0 + 60_001);
		expect(
			completeSecondFactor(conn, { challenge: again, code: codes[3], address: 'a' }, T0 + 60_001)
		).toEqual({
			ok: false,
			reason: 'invalid'
		});
		expect(audit()).toContain('auth.recovery_code_used');
	});

	it('wrong codes are throttled: five tries, then a wait', async () => {
		const { secret } = await enrolled();
		const t = T0 + 60_000;
		const c = await challenge(t);
		for (let i = 0; i < 5; i++)
			expect(
				completeSecondFactor(conn, { challenge: c, code: '000000', address: 'a' }, t + i)
			).toEqual({
				ok: false,
				reason: 'invalid'
			});
		expect(
			completeSecondFactor(
				conn,
				{ challenge: c, code: totpCode(secret, t + 5), address: 'a' },
				t + 5
			)
		).toEqual({ ok: false, reason: 'throttled', retryAfterSeconds: 30 });
	});

	it('renewing codes needs a current code; turning off needs password and code, unless the role requires it', async () => {
		const { id, actor, secret, codes } = await enrolled();
		const t = T0 + 60_000;
		const renewed = renewRecoveryCodes(conn, id, totpCode(secret, t), actor, t);
		if (!renewed.ok) throw new Error('renew');
		expect(renewed.value.recoveryCodes).not.toEqual(codes);
		expect(
			await disableOwnTwoFactor(
				conn,
				{
					userId: id,
					password: PASSWORD,
					code: totpCode(secret, t + 30_000),
					requiredRoles: ['admin', 'walidata']
				},
				actor,
				t + 30_000
			)
		).toEqual({ ok: false, problem: 'required-for-role' });
		expect(
			await disableOwnTwoFactor(
				conn,
				{
					userId: id,
					password: 'not my password',
					code: totpCode(secret, t + 30_000),
					requiredRoles: []
				},
				actor,
				t + 30_000
			)
		).toEqual({ ok: false, problem: 'password-wrong' });
		expect(
			await disableOwnTwoFactor(
				conn,
				{ userId: id, password: PASSWORD, code: totpCode(secret, t + 30_000), requiredRoles: [] },
				actor,
				t + 30_000
			)
		).toEqual({ ok: true, value: null });
		expect(
			(await signIn(conn, { username: 'siti', password: PASSWORD, address: 'a' }, t + 40_000)).ok
		).toBe(true);
	});

	it('an admin resets a lost two-factor', async () => {
		const { id } = await enrolled();
		const actor = await admin();
		expect(resetTwoFactor(conn, id, actor)).toEqual({ ok: true, value: null });
		expect(resetTwoFactor(conn, id, actor)).toEqual({ ok: false, problem: 'not-enabled' });
		expect(audit()).toEqual(
			expect.arrayContaining(['user.two_factor_enable', 'user.two_factor_reset'])
		);
	});
});

describe('produsen accounts', () => {
	it('are refused for an OPD that owns no indicator', async () => {
		const actor = await admin();
		expect(
			await createUser(conn, { username: 'budi', role: 'produsen', opd: 'notanopd' }, actor)
		).toEqual({
			ok: false,
			errors: { opd: ['opd-unknown'] }
		});
		const ok = await createUser(conn, { username: 'budi', role: 'produsen', opd: 'dinkes' }, actor);
		expect(ok.ok && ok.value.opd).toBe('DINKES');
		if (!ok.ok) return;
		expect(setRole(conn, ok.value.id, { role: 'produsen', opd: 'NOTANOPD' }, actor)).toEqual({
			ok: false,
			errors: { opd: ['opd-unknown'] }
		});
	});
});
