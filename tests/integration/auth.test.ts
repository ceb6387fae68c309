import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliActor, writeAudit } from '../../src/lib/server/audit';
import {
	createUser,
	resetPassword,
	revokeAllSessions,
	revokeUserSessions,
	setDisabled,
	setRole
} from '../../src/lib/server/auth/accounts';
import { dummyVerify, hashPassword, verifyPassword } from '../../src/lib/server/auth/password';
import {
	ABSOLUTE_TIMEOUT_MS,
	createSession,
	IDLE_TIMEOUT_MS,
	invalidateSession,
	validateSession
} from '../../src/lib/server/auth/session';
import { signIn, signOut } from '../../src/lib/server/auth/signin';
import { commitBatch, undoImport, type LoadBatch } from '../../src/lib/server/db/imports';
import { seedOpds, tempDatabase, testIndicator } from './helpers';

const PASSWORD = 'teh manis di warung pojok';
const actor = cliActor();
let conn: ReturnType<typeof tempDatabase>;

beforeEach(() => {
	conn = tempDatabase();
	seedOpds(conn, ['BPS', 'DLH']);
});
afterEach(() => conn.close());

const auditRows = () =>
	conn.sqlite
		.prepare(
			`SELECT actor, action, entity_type, entity_id, before, after, address FROM audit_log ORDER BY id`
		)
		.all() as {
		actor: string;
		action: string;
		entity_type: string;
		entity_id: string;
		before: string | null;
		after: string | null;
		address: string;
	}[];

async function addUser(username: string, role = 'admin', opd: string | null = null) {
	const result = await createUser(conn, { username, password: PASSWORD, role, opd }, actor);
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	return result.value;
}

describe('password hashing', () => {
	it('hashPassword() writes an argon2id hash with m=19456, t=2, p=1 that verifyPassword() accepts', async () => {
		const hash = await hashPassword(PASSWORD);
		expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(await verifyPassword(hash, PASSWORD)).toBe(true);
		expect(await verifyPassword(hash, PASSWORD + ' ')).toBe(false);
	});

	it('verifyPassword() answers false for a malformed stored hash instead of throwing', async () => {
		expect(await verifyPassword('not-a-hash', PASSWORD)).toBe(false);
		expect(await dummyVerify(PASSWORD)).toBe(false);
	});

	it('two hashes of one password differ (random salt)', async () => {
		expect(await hashPassword(PASSWORD)).not.toBe(await hashPassword(PASSWORD));
	});
});

describe('accounts', () => {
	it('createUser() refuses every problem at once and writes neither user nor audit row', async () => {
		const result = await createUser(
			conn,
			{ username: 'A b', password: 'password', role: 'produsen', opd: '' },
			actor
		);
		expect(result).toEqual({
			ok: false,
			errors: { username: ['username-invalid'], password: ['common'], opd: ['opd-required'] }
		});
		expect(conn.sqlite.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 0 });
		expect(auditRows()).toEqual([]);
	});

	it('createUser() stores a lower-case name, the hash (never the password) and an audit row', async () => {
		const user = await addUser('Siti', 'produsen', 'dlh');
		expect(user).toMatchObject({ username: 'siti', role: 'produsen', opd: 'DLH', disabled: false });
		const stored = conn.sqlite.prepare('SELECT password_hash FROM users').get() as {
			password_hash: string;
		};
		expect(stored.password_hash.startsWith('$argon2id$')).toBe(true);
		expect(JSON.stringify(auditRows())).not.toContain(PASSWORD);
		expect(auditRows()).toEqual([
			{
				actor: 'system',
				action: 'user.create',
				entity_type: 'user',
				entity_id: String(user.id),
				before: null,
				after:
					'{"username":"siti","role":"produsen","opd":"DLH","disabled":false,"passwordLinkExpiresAt":null}',
				address: 'cli'
			}
		]);
		expect(
			await createUser(conn, { username: 'SITI', password: PASSWORD, role: 'viewer' }, actor)
		).toEqual({ ok: false, errors: { username: ['username-taken'] } });
	});

	it('setRole() and setDisabled() refuse to remove the last active admin', async () => {
		const admin = await addUser('admin1');
		expect(setRole(conn, admin.id, { role: 'viewer' }, actor)).toEqual({
			ok: false,
			errors: { role: ['last-admin'] }
		});
		expect(setDisabled(conn, admin.id, true, actor)).toEqual({
			ok: false,
			errors: { user: ['last-admin'] }
		});
		const other = await addUser('admin2');
		expect(setDisabled(conn, admin.id, true, { ...actor, id: admin.id })).toEqual({
			ok: false,
			errors: { user: ['self-lockout'] }
		});
		expect(setDisabled(conn, admin.id, true, { ...actor, id: other.id }).ok).toBe(true);
	});

	it('setRole() clears the OPD of a non-produsen and requires one for produsen', async () => {
		await addUser('admin1');
		const u = await addUser('budi', 'produsen', 'BPS');
		expect(setRole(conn, u.id, { role: 'produsen', opd: ' ' }, actor)).toEqual({
			ok: false,
			errors: { opd: ['opd-required'] }
		});
		const r = setRole(conn, u.id, { role: 'walidata', opd: 'BPS' }, actor);
		expect(r.ok && r.value).toMatchObject({ role: 'walidata', opd: null });
	});
});

describe('sessions', () => {
	it('createSession() stores only the SHA-256 of the token', async () => {
		const user = await addUser('admin1');
		const { token, session } = createSession(conn, user.id, '10.0.0.1', 1_000);
		expect(session.id).toBe(createHash('sha256').update(token).digest('hex'));
		const ids = conn.sqlite.prepare('SELECT id FROM sessions').all();
		expect(ids).toEqual([{ id: session.id }]);
		expect(JSON.stringify(ids)).not.toContain(token);
	});

	it('validateSession() slides the idle expiry at most once a minute', async () => {
		const user = await addUser('admin1');
		const t0 = 1_000_000;
		const { token } = createSession(conn, user.id, '', t0);
		const early = validateSession(conn, token, t0 + 59_000);
		expect(early?.refreshed).toBe(false);
		expect(early?.session.expiresAt).toBe(t0 + IDLE_TIMEOUT_MS);
		const later = validateSession(conn, token, t0 + 61_000);
		expect(later?.refreshed).toBe(true);
		expect(later?.session.expiresAt).toBe(t0 + 61_000 + IDLE_TIMEOUT_MS);
		expect(later?.user).toEqual({ id: user.id, username: 'admin1', role: 'admin', opd: null });
	});

	it('validateSession() ends an idle session and deletes its row', async () => {
		const user = await addUser('admin1');
		const { token } = createSession(conn, user.id, '', 0);
		expect(validateSession(conn, token, IDLE_TIMEOUT_MS)).toBeNull();
		expect(conn.sqlite.prepare('SELECT count(*) AS n FROM sessions').get()).toEqual({ n: 0 });
	});

	it('validateSession() ends a session at the absolute expiry however active it is', async () => {
		const user = await addUser('admin1');
		const { token } = createSession(conn, user.id, '', 0);
		let t = 0;
		while (t + 20 * 60_000 < ABSOLUTE_TIMEOUT_MS) {
			t += 20 * 60_000;
			expect(validateSession(conn, token, t)).not.toBeNull();
		}
		// The last refresh never pushes the idle expiry past the absolute one.
		const last = validateSession(conn, token, ABSOLUTE_TIMEOUT_MS - 1);
		expect(last?.session.expiresAt).toBe(ABSOLUTE_TIMEOUT_MS);
		expect(validateSession(conn, token, ABSOLUTE_TIMEOUT_MS)).toBeNull();
	});

	it('validateSession() rejects a signed-out session, a disabled user and a malformed token', async () => {
		await addUser('admin0');
		const user = await addUser('admin1');
		const a = createSession(conn, user.id, '');
		invalidateSession(conn, a.session.id);
		expect(validateSession(conn, a.token)).toBeNull();
		const b = createSession(conn, user.id, '');
		expect(setDisabled(conn, user.id, true, actor).ok).toBe(true);
		expect(validateSession(conn, b.token)).toBeNull();
		expect(validateSession(conn, 'x'.repeat(43))).toBeNull();
		expect(validateSession(conn, "' OR 1=1 --")).toBeNull();
	});

	it('resetPassword() and revokeUserSessions() sign the user out everywhere; revokeAllSessions() everyone', async () => {
		const a = await addUser('admin1');
		const b = await addUser('budi', 'viewer');
		const s1 = createSession(conn, a.id, '');
		const s2 = createSession(conn, a.id, '');
		const s3 = createSession(conn, b.id, '');
		expect(revokeUserSessions(conn, a.id, actor)).toEqual({
			ok: true,
			value: { sessionsRevoked: 2 }
		});
		expect(validateSession(conn, s1.token)).toBeNull();
		expect(validateSession(conn, s2.token)).toBeNull();
		expect(validateSession(conn, s3.token)).not.toBeNull();
		expect(await resetPassword(conn, b.id, 'kopi tubruk alun-alun', actor)).toEqual({
			ok: true,
			value: { sessionsRevoked: 1 }
		});
		createSession(conn, a.id, '');
		createSession(conn, b.id, '');
		expect(revokeAllSessions(conn, actor)).toBe(2);
		expect(auditRows().map((r) => r.action)).toEqual([
			'user.create',
			'user.create',
			'session.revoke_user',
			'user.reset_password',
			'session.revoke_all'
		]);
	});
});

describe('signIn()', () => {
	it('signs in case-insensitively, records it, and the session validates', async () => {
		await addUser('siti');
		const result = await signIn(conn, {
			username: ' SITI ',
			password: PASSWORD,
			address: '10.0.0.9'
		});
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(validateSession(conn, result.token)?.user.username).toBe('siti');
		expect(auditRows().at(-1)).toMatchObject({
			actor: 'siti',
			action: 'auth.sign_in',
			address: '10.0.0.9'
		});
	});

	it('gives the same answer for an unknown user, a wrong password and a disabled user', async () => {
		await addUser('admin1');
		const siti = await addUser('siti', 'viewer');
		setDisabled(conn, siti.id, true, actor);
		const answers = [
			await signIn(conn, { username: 'nobody', password: PASSWORD, address: 'a' }),
			await signIn(conn, { username: 'admin1', password: 'wrong password!', address: 'a' }),
			await signIn(conn, { username: 'siti', password: PASSWORD, address: 'a' })
		];
		expect(answers).toEqual([
			{ ok: false, reason: 'invalid' },
			{ ok: false, reason: 'invalid' },
			{ ok: false, reason: 'invalid' }
		]);
		expect(
			auditRows()
				.filter((r) => r.action === 'auth.sign_in_failed')
				.map((r) => r.entity_id)
		).toEqual(['nobody', 'admin1', 'siti']);
	});

	it('an unknown user takes about as long as a wrong password (a dummy argon2 verify runs)', async () => {
		await addUser('admin1');
		const time = async (username: string) => {
			const t = performance.now();
			await signIn(conn, { username, password: 'wrong password!', address: `${username}-addr` });
			return performance.now() - t;
		};
		await time('warmup');
		const known: number[] = [];
		const unknown: number[] = [];
		for (let i = 0; i < 3; i++) {
			known.push(await time('admin1'));
			unknown.push(await time(`ghost${i}`));
		}
		const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1];
		// argon2 dominates both (tens of ms); without the dummy verify an unknown user is ~100× faster.
		expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
	});

	it('signOut() deletes the server session and records it', async () => {
		const user = await addUser('siti');
		const result = await signIn(conn, { username: 'siti', password: PASSWORD, address: 'a' });
		if (!result.ok) throw new Error('sign-in failed');
		signOut(conn, result.session.id, { id: user.id, username: 'siti', address: 'a' });
		expect(validateSession(conn, result.token)).toBeNull();
		expect(auditRows().at(-1)).toMatchObject({ action: 'auth.sign_out', actor: 'siti' });
	});
});

describe('audit rows share the transaction of the write', () => {
	const reference: LoadBatch = {
		regions: [
			{ code: '33.18', name: 'Kabupaten Pati', kind: 'kabupaten', parentCode: null, bpsCode: null }
		],
		// Framework `fw` and its dimension `dim` come from seedOpds() in the file's beforeEach.
		indicators: [
			testIndicator('share', 'percent', { elementCode: 'dim', nameId: 's', nameEn: 's', unit: '%' })
		]
	};
	const target = (value: number): LoadBatch => ({
		targets: [
			{
				regionCode: '33.18',
				indicatorCode: 'share',
				year: 2025,
				value,
				documentType: 'RPJMD',
				documentRef: 'Tabel 5.1',
				source: 'RPJMD 2023–2026',
				note: '',
				illustrative: false
			}
		]
	});
	const meta = {
		kind: 'targets' as const,
		fileName: 'form',
		sha256: 'x'.repeat(64),
		actor: 'siti'
	};
	const count = (table: string) =>
		(conn.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
	const audit = (action: string) => (sqlite: import('better-sqlite3').Database, result: object) =>
		writeAudit(
			sqlite,
			{ id: 1, username: 'siti', address: 'a' },
			{
				action,
				entityType: 'import',
				after: result
			}
		);

	beforeEach(() => {
		commitBatch(conn, { ...meta, kind: 'seed' }, reference);
	});

	it('commitBatch() with an audit hook commits the change and its audit row together', () => {
		const result = commitBatch(conn, meta, target(50), { audit: audit('import.commit') });
		expect(result.status).toBe('committed');
		expect(auditRows()).toEqual([
			{
				actor: 'siti',
				action: 'import.commit',
				entity_type: 'import',
				entity_id: '',
				before: null,
				after: JSON.stringify(result),
				address: 'a'
			}
		]);
	});

	it('commitBatch() writes nothing, not even the import, when the audit write fails', () => {
		const before = count('imports');
		expect(() =>
			commitBatch(conn, meta, target(50), {
				audit: () => {
					throw new Error('disk full');
				}
			})
		).toThrow('disk full');
		expect(count('imports')).toBe(before);
		expect(count('targets')).toBe(0);
		expect(count('audit_log')).toBe(0);
	});

	it('commitBatch() of an unchanged target writes no audit row (nothing was written)', () => {
		commitBatch(conn, meta, target(50));
		const result = commitBatch(conn, meta, target(50), { audit: audit('import.commit') });
		expect(result.status).toBe('unchanged');
		expect(count('audit_log')).toBe(0);
	});

	it('undoImport() with an audit hook records the undo; a failing hook leaves the import in place', () => {
		const { importId } = commitBatch(conn, meta, target(50));
		expect(() =>
			undoImport(conn, importId!, 'siti', {
				audit: () => {
					throw new Error('disk full');
				}
			})
		).toThrow('disk full');
		expect(count('targets')).toBe(1);
		undoImport(conn, importId!, 'siti', { audit: audit('import.undo') });
		expect(count('targets')).toBe(0);
		expect(auditRows().map((r) => [r.action, r.after])).toEqual([
			['import.undo', JSON.stringify({ importId, removed: 1, restored: 0 })]
		]);
	});
});
