import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
