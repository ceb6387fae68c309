import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/lib/server/config';
import { openDatabase } from '../../src/lib/server/db';
import { runMigrations } from '../../src/lib/server/db/migrate';
import { MIGRATIONS } from './helpers';

let dir: string;
beforeEach(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'rapor-db-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('openDatabase()', () => {
	it('sets the pragmas we mean and reads them back', () => {
		const conn = openDatabase(path.join(dir, 'a.db'));
		expect({
			journal_mode: conn.sqlite.pragma('journal_mode', { simple: true }),
			foreign_keys: conn.sqlite.pragma('foreign_keys', { simple: true }),
			busy_timeout: conn.sqlite.pragma('busy_timeout', { simple: true }),
			synchronous: conn.sqlite.pragma('synchronous', { simple: true })
		}).toEqual({ journal_mode: 'wal', foreign_keys: 1, busy_timeout: 5000, synchronous: 2 });
		conn.sqlite.close();
	});

	it('refuses a path whose folder does not exist, naming DATABASE_URL', () => {
		const file = path.join(dir, 'missing', 'a.db');
		expect(() => openDatabase(file)).toThrow(
			new ConfigError(
				`Database folder ${path.join(dir, 'missing')} does not exist: create it or set DATABASE_URL to a writable file path.`
			)
		);
	});

	it('creates the folder of the default path', () => {
		const conn = openDatabase(path.join(dir, 'var', 'a.db'), { mayCreateParent: true });
		conn.sqlite.close();
	});

	it('refuses a path that is a folder', () => {
		mkdirSync(path.join(dir, 'folder.db'));
		expect(() => openDatabase(path.join(dir, 'folder.db'))).toThrow(
			/is not writable: set DATABASE_URL/
		);
	});

	it('refuses a file that is not a SQLite database', () => {
		const file = path.join(dir, 'notes.db');
		writeFileSync(file, 'these are not the pages you are looking for'.repeat(200));
		expect(() => openDatabase(file)).toThrow(
			/cannot be used .*Set DATABASE_URL to a new path or restore a backup/
		);
	});
});

describe('runMigrations()', () => {
	it('applies every migration once, then nothing', () => {
		const conn = openDatabase(path.join(dir, 'a.db'));
		const journal = JSON.parse(
			readFileSync(path.join(MIGRATIONS, 'meta', '_journal.json'), 'utf8')
		);
		expect(journal.entries.length).toBeGreaterThanOrEqual(2);
		expect(runMigrations(conn, MIGRATIONS).applied).toBe(journal.entries.length);
		expect(runMigrations(conn, MIGRATIONS).applied).toBe(0);
		expect(conn.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
		conn.sqlite.close();
	});

	/** A copy of the migrations folder that stops after migration `last`, as an older app has it. */
	const migrationsUpTo = (last: number) => {
		const old = path.join(dir, `migrations-${last}`);
		cpSync(MIGRATIONS, old, { recursive: true });
		const journalFile = path.join(old, 'meta', '_journal.json');
		const journal = JSON.parse(readFileSync(journalFile, 'utf8'));
		journal.entries = journal.entries.filter((e: { idx: number }) => e.idx <= last);
		writeFileSync(journalFile, JSON.stringify(journal));
		return old;
	};

	it('upgrading through 0005 keeps every value, id and sequence, and drops IN (…) checks', () => {
		const conn = openDatabase(path.join(dir, 'a.db'));
		runMigrations(conn, migrationsUpTo(4));
		const seed = readFileSync(path.resolve('tests/fixtures/db/values-0004.sql'), 'utf8');
		conn.sqlite.exec(seed);
		const dump = (table: string) => conn.sqlite.prepare(`SELECT * FROM ${table} ORDER BY id`).all();
		const before = {
			observations: dump('observations'),
			targets: dump('targets'),
			sequence: conn.sqlite.prepare(`SELECT * FROM sqlite_sequence ORDER BY name`).all()
		};
		expect(before.observations).toHaveLength(3);
		expect(before.targets).toHaveLength(1);

		expect(runMigrations(conn, migrationsUpTo(5)).applied).toBe(1);
		expect({
			observations: dump('observations'),
			targets: dump('targets'),
			sequence: conn.sqlite.prepare(`SELECT * FROM sqlite_sequence ORDER BY name`).all()
		}).toEqual(before);
		const sql = conn.sqlite
			.prepare(
				`SELECT name, sql FROM sqlite_master WHERE tbl_name IN ('observations', 'targets') ORDER BY name`
			)
			.all() as { name: string; sql: string | null }[];
		expect(sql.map((r) => r.name)).toEqual([
			'observations',
			'observations_current',
			'targets',
			'targets_current'
		]);
		for (const { sql: text } of sql) expect(text).not.toMatch(/ IN \(/);
		// The rewritten checks still refuse what the old ones did.
		expect(() =>
			conn.sqlite.prepare(`UPDATE observations SET value = 2.5 WHERE value_type = 'level'`).run()
		).toThrow(/CHECK constraint failed: observations_level/);
		expect(() => conn.sqlite.prepare(`UPDATE targets SET document_type = 'renstra'`).run()).toThrow(
			/CHECK constraint failed: targets_document_type/
		);
		conn.sqlite.close();
	});

	it('upgrading through 0007 keeps accounts and sessions, with two-factor off and no notice', () => {
		const conn = openDatabase(path.join(dir, 'b.db'));
		runMigrations(conn, migrationsUpTo(6));
		conn.sqlite
			.prepare(
				`INSERT INTO users (username, password_hash, role) VALUES ('siti', '$argon2id$x', 'admin')`
			)
			.run();
		conn.sqlite
			.prepare(
				`INSERT INTO sessions (id, user_id, created_at, expires_at, absolute_expires_at) VALUES ('s', 1, 1, 2, 3)`
			)
			.run();
		expect(runMigrations(conn, migrationsUpTo(7)).applied).toBe(1);
		expect(
			conn.sqlite
				.prepare(`SELECT username, password_hash, totp_secret, totp_enabled_at FROM users`)
				.all()
		).toEqual([
			{ username: 'siti', password_hash: '$argon2id$x', totp_secret: null, totp_enabled_at: null }
		]);
		expect(conn.sqlite.prepare(`SELECT id, failed_before FROM sessions`).all()).toEqual([
			{ id: 's', failed_before: 0 }
		]);
		conn.sqlite.close();
	});

	it('upgrading through 0008 keeps accounts, their sessions and ids, and admits the planner role', () => {
		const conn = openDatabase(path.join(dir, 'c.db'));
		runMigrations(conn, migrationsUpTo(7));
		const insertUser = conn.sqlite.prepare(
			`INSERT INTO users (username, password_hash, role, opd) VALUES (?, '$argon2id$x', ?, ?)`
		);
		insertUser.run('siti', 'admin', null);
		insertUser.run('budi', 'produsen', 'DLH');
		expect(() => insertUser.run('rina', 'perencana', null)).toThrow(
			/CHECK constraint failed: users_role/
		);
		conn.sqlite
			.prepare(
				`INSERT INTO sessions (id, user_id, created_at, expires_at, absolute_expires_at) VALUES ('s', 2, 1, 2, 3)`
			)
			.run();
		const users = () => conn.sqlite.prepare(`SELECT id, username, role, opd FROM users`).all();
		const before = users();

		expect(runMigrations(conn, migrationsUpTo(8)).applied).toBe(1);
		expect(users()).toEqual(before);
		expect(conn.sqlite.prepare(`SELECT id, user_id FROM sessions`).all()).toEqual([
			{ id: 's', user_id: 2 }
		]);
		insertUser.run('rina', 'perencana', null);
		expect(conn.sqlite.prepare(`SELECT id, role FROM users WHERE username = 'rina'`).get()).toEqual(
			{ id: 3, role: 'perencana' }
		);
		// The other checks survive the rebuild: only a produsen has an OPD, a name is lower-case.
		expect(() => insertUser.run('dewi', 'perencana', 'BAPPEDA')).toThrow(
			/CHECK constraint failed: users_produsen_opd/
		);
		expect(() => insertUser.run('Dewi', 'viewer', null)).toThrow(
			/CHECK constraint failed: users_username_format/
		);
		expect(conn.sqlite.pragma('foreign_key_check')).toEqual([]);
		conn.sqlite.close();
	});

	it('upgrading through 0009 keeps every import record and the values that point to it, and admits frameworks imports', () => {
		const conn = openDatabase(path.join(dir, 'd.db'));
		runMigrations(conn, migrationsUpTo(4));
		conn.sqlite.exec(readFileSync(path.resolve('tests/fixtures/db/values-0004.sql'), 'utf8'));
		runMigrations(conn, migrationsUpTo(8));
		const dump = (table: string) => conn.sqlite.prepare(`SELECT * FROM ${table} ORDER BY id`).all();
		const insertImport = conn.sqlite.prepare(
			`INSERT INTO imports (kind, file_name, sha256, actor) VALUES (?, 'f.csv', 'x', 'admin')`
		);
		expect(() => insertImport.run('frameworks')).toThrow(/CHECK constraint failed: imports_kind/);
		const before = ['imports', 'observations', 'targets'].map(dump);
		expect(before[0]).toHaveLength(2);

		expect(runMigrations(conn, migrationsUpTo(9)).applied).toBe(1);
		expect(['imports', 'observations', 'targets'].map(dump)).toEqual(before);
		expect(insertImport.run('frameworks').changes).toBe(1);
		expect(() => insertImport.run('spreadsheets')).toThrow(/CHECK constraint failed: imports_kind/);
		expect(conn.sqlite.pragma('foreign_key_check')).toEqual([]);
		conn.sqlite.close();
	});

	it("upgrading through 0010 moves an instrument item's old answer (its score) to self_score and keeps every other answer", () => {
		const conn = openDatabase(path.join(dir, 'e.db'));
		runMigrations(conn, migrationsUpTo(4));
		conn.sqlite.exec(readFileSync(path.resolve('tests/fixtures/db/values-0004.sql'), 'utf8'));
		runMigrations(conn, migrationsUpTo(9));
		conn.sqlite.exec(`
			INSERT INTO submissions (kind, framework_code, region_code, year, title, weight_set, created_by)
			VALUES ('gm100sc', 'fw', '33.18', 2023, 'Evaluasi', 'kppn-ikn-2022', 'admin');
			INSERT INTO submission_items (submission_id, item_key, kind, group_code, ref_code, title_id, title_en, answer, justification, status)
			VALUES (1, 'instrument:baseline.b1', 'instrument', 'kominfo.baseline', 'baseline.b1', 'B1', 'B1', '2.5', 'SK 1', 'draft'),
			       (1, 'instrument:baseline.b2', 'instrument', 'kominfo.baseline', 'baseline.b2', 'B2', 'B2', NULL, '', 'empty'),
			       (1, 'element:dim.el', 'element', 'dim', 'dim.el', 'E', 'E', 'Sudah berjalan', 'Renja', 'draft');`);
		const items = () =>
			conn.sqlite
				.prepare(
					`SELECT id, item_key, answer, self_score, expected_score, justification, status FROM submission_items ORDER BY id`
				)
				.all();

		expect(runMigrations(conn, migrationsUpTo(10)).applied).toBe(1);
		expect(items()).toEqual([
			{
				id: 1,
				item_key: 'instrument:baseline.b1',
				answer: null,
				self_score: 2.5,
				expected_score: null,
				justification: 'SK 1',
				status: 'draft'
			},
			{
				id: 2,
				item_key: 'instrument:baseline.b2',
				answer: null,
				self_score: null,
				expected_score: null,
				justification: '',
				status: 'empty'
			},
			{
				id: 3,
				item_key: 'element:dim.el',
				answer: 'Sudah berjalan',
				self_score: null,
				expected_score: null,
				justification: 'Renja',
				status: 'draft'
			}
		]);
		expect(() =>
			conn.sqlite.prepare(`UPDATE submission_items SET self_score = 4.5 WHERE id = 1`).run()
		).toThrow(/CHECK constraint failed: submission_items_self_score/);
		const insertResult = conn.sqlite.prepare(
			`INSERT INTO official_results (year, region_code, weight_set, final, letter, recorded_by) VALUES (2024, '33.18', 'reguler-2023', ?, 'B-1/2024', 'admin')`
		);
		expect(insertResult.run(2.9).changes).toBe(1);
		expect(() => insertResult.run(3)).toThrow(/UNIQUE constraint failed/);
		expect(conn.sqlite.pragma('foreign_key_check')).toEqual([]);
		conn.sqlite.close();
	});

	it('upgrading through 0006 keeps every observation, adds empty provenance, and retires undocumented targets', () => {
		const conn = openDatabase(path.join(dir, 'a.db'));
		runMigrations(conn, migrationsUpTo(4));
		conn.sqlite.exec(readFileSync(path.resolve('tests/fixtures/db/values-0004.sql'), 'utf8'));
		runMigrations(conn, migrationsUpTo(5));
		const dump = (table: string) => conn.sqlite.prepare(`SELECT * FROM ${table} ORDER BY id`).all();
		const observations = dump('observations') as Record<string, unknown>[];
		const targets = dump('targets');
		const sequence = conn.sqlite.prepare(`SELECT * FROM sqlite_sequence ORDER BY name`).all();

		expect(runMigrations(conn, migrationsUpTo(6)).applied).toBe(1);
		// Observations: the same rows and ids, with the two new columns empty (not stated).
		expect(dump('observations')).toEqual(
			observations.map((o) => ({ ...o, source_kind: '', reference_period: '' }))
		);
		// Targets: none had the document page the new rule asks for; each is kept, as it was, apart.
		expect(dump('targets')).toEqual([]);
		expect(dump('targets_retired')).toEqual(targets);
		expect(conn.sqlite.prepare(`SELECT * FROM sqlite_sequence ORDER BY name`).all()).toEqual(
			sequence
		);
		const indicator = conn.sqlite
			.prepare(`SELECT break_years, break_note_id, break_note_en FROM indicators LIMIT 1`)
			.get();
		expect(indicator).toEqual({ break_years: '', break_note_id: '', break_note_en: '' });
		// The new checks hold: a source kind outside the list, a target without its page.
		expect(() =>
			conn.sqlite.prepare(`UPDATE observations SET source_kind = 'koran'`).run()
		).toThrow(/CHECK constraint failed: observations_source_kind/);
		expect(conn.sqlite.pragma('foreign_key_check')).toEqual([]);
		conn.sqlite.close();
	});

	it('upgrading through 0013 keeps every programme (year as start year) and moves its one progress figure to a draft progress row of that year', () => {
		const conn = openDatabase(path.join(dir, 'f.db'));
		runMigrations(conn, migrationsUpTo(4));
		conn.sqlite.exec(readFileSync(path.resolve('tests/fixtures/db/values-0004.sql'), 'utf8'));
		runMigrations(conn, migrationsUpTo(12));
		conn.sqlite.exec(`
			INSERT INTO programmes (id, region_code, framework_code, element_code, name, opd, year, budget, status, progress, quick_win, source, created_by, updated_at)
			VALUES (3, '33.18', 'fw', 'dim.el', 'Mal Pelayanan Publik', 'DPMPTSP', 2020, 1500000, 'running', 62.5, 1, 'Renja 2020 hlm. 4', 'wali', '2024-01-02T03:04:05.000Z'),
			       (5, '33.18', 'fw', 'dim.el', 'Bank sampah', 'DLH', 2019, NULL, 'planned', NULL, 0, '', 'wali', '2024-01-02T03:04:05.000Z');`);
		const sequence = () =>
			conn.sqlite.prepare(`SELECT seq FROM sqlite_sequence WHERE name = 'programmes'`).get();
		const seqBefore = sequence();

		expect(runMigrations(conn, migrationsUpTo(13)).applied).toBe(1);
		expect(conn.sqlite.prepare(`SELECT * FROM programmes ORDER BY id`).all()).toEqual([
			{
				id: 3,
				region_code: '33.18',
				framework_code: 'fw',
				element_code: 'dim.el',
				kind: 'programme',
				name: 'Mal Pelayanan Publik',
				opd: 'DPMPTSP',
				start_year: 2020,
				masterplan_title: '',
				masterplan_page: null,
				budget_source: null,
				budget: 1500000,
				rpjmd_problem: '',
				status: 'running',
				quick_win: 1,
				source: 'Renja 2020 hlm. 4',
				created_by: 'wali',
				updated_at: '2024-01-02T03:04:05.000Z'
			},
			{
				id: 5,
				region_code: '33.18',
				framework_code: 'fw',
				element_code: 'dim.el',
				kind: 'programme',
				name: 'Bank sampah',
				opd: 'DLH',
				start_year: 2019,
				masterplan_title: '',
				masterplan_page: null,
				budget_source: null,
				budget: null,
				rpjmd_problem: '',
				status: 'planned',
				quick_win: 0,
				source: '',
				created_by: 'wali',
				updated_at: '2024-01-02T03:04:05.000Z'
			}
		]);
		expect(
			conn.sqlite
				.prepare(
					`SELECT programme_id, year, planned, done, percent, evidence, status, approved_by, updated_by FROM programme_progress`
				)
				.all()
		).toEqual([
			{
				programme_id: 3,
				year: 2020,
				planned: '',
				done: '',
				percent: 62.5,
				evidence: 'Renja 2020 hlm. 4',
				status: 'draft',
				approved_by: null,
				updated_by: 'wali'
			}
		]);
		expect(sequence()).toEqual(seqBefore);
		// The new checks hold: an unknown kind or budget source, a second row for one year, % over 100.
		expect(() =>
			conn.sqlite.prepare(`UPDATE programmes SET kind = 'lainnya' WHERE id = 3`).run()
		).toThrow(/CHECK constraint failed: programmes_kind/);
		expect(() =>
			conn.sqlite.prepare(`UPDATE programmes SET budget_source = 'hibah' WHERE id = 3`).run()
		).toThrow(/CHECK constraint failed: programmes_budget_source/);
		const progress = conn.sqlite.prepare(
			`INSERT INTO programme_progress (programme_id, year, percent, updated_by) VALUES (3, ?, ?, 'wali')`
		);
		expect(() => progress.run(2020, 10)).toThrow(/UNIQUE constraint failed/);
		expect(() => progress.run(2021, 100.5)).toThrow(
			/CHECK constraint failed: programme_progress_percent/
		);
		expect(conn.sqlite.pragma('foreign_key_check')).toEqual([]);
		conn.sqlite.close();
	});

	it('refuses a database written by a newer version', () => {
		const conn = openDatabase(path.join(dir, 'a.db'));
		runMigrations(conn, MIGRATIONS);
		conn.sqlite
			.prepare(`INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('future', 1)`)
			.run();
		expect(() => runMigrations(conn, MIGRATIONS)).toThrow(/written by a newer version/);
		conn.sqlite.close();
	});
});

describe('loadConfig()', () => {
	const dataDir = path.resolve('data');
	it('defaults the database path and reads the instance file', () => {
		const cfg = loadConfig({ DATA_DIR: dataDir });
		expect(cfg.databaseUrl).toBe('var/rapor-cerdas.db');
		expect(cfg.databaseUrlIsDefault).toBe(true);
		expect(cfg.instance.defaultRegion).toBe('33.18');
	});

	it('lets DEFAULT_REGION override the instance file', () => {
		expect(loadConfig({ DATA_DIR: dataDir, DEFAULT_REGION: '33.19' }).instance.defaultRegion).toBe(
			'33.19'
		);
	});

	it('refuses an empty DATABASE_URL with the setting to fix', () => {
		expect(() => loadConfig({ DATA_DIR: dataDir, DATABASE_URL: ' ' })).toThrow(
			'DATABASE_URL is empty: set it to a file path such as var/rapor-cerdas.db.'
		);
	});

	it('refuses a data folder without instance.json', () => {
		expect(() => loadConfig({ DATA_DIR: dir })).toThrow(/instance.json is missing: set DATA_DIR/);
	});

	it('refuses an instance file without a province', () => {
		writeFileSync(
			path.join(dir, 'instance.json'),
			JSON.stringify({ default_region: '33.18', peers: [], base_year: 2018 })
		);
		expect(() => loadConfig({ DATA_DIR: dir })).toThrow(/"province" must be a non-empty string/);
	});

	it('refuses an instance file with a bad field', () => {
		writeFileSync(
			path.join(dir, 'instance.json'),
			JSON.stringify({ default_region: '33.18', peers: 'x' })
		);
		expect(() => loadConfig({ DATA_DIR: dir })).toThrow(/"peers" must be a list of region codes/);
	});
});
