import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backup, readManifest } from '../../scripts/backup';
import { restore, RestoreRefused, verifyBackup } from '../../scripts/restore';
import { openDatabase } from '../../src/lib/server/db';
import { runMigrations } from '../../src/lib/server/db/migrate';
import { MIGRATIONS } from './helpers';

let dir: string;
let database: string;
let evidenceDir: string;

const count = (file: string, table = 'audit_log') => {
	const db = new Database(file, { readonly: true });
	try {
		return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
	} finally {
		db.close();
	}
};

/** A second process inserting audit rows in transactions of 10 until it has run `ms`. */
function writer(ms: number): { ready: Promise<void>; done: Promise<number> } {
	const code = `
		const Database = require('better-sqlite3');
		const db = new Database(process.argv[1]);
		db.pragma('busy_timeout = 5000');
		const insert = db.prepare("INSERT INTO audit_log (actor, action, entity_type) VALUES ('writer', 'test', 'batch')");
		const batch = db.transaction(() => { for (let i = 0; i < 10; i++) insert.run(); });
		const end = Date.now() + Number(process.argv[2]);
		let n = 0;
		batch(); n += 10; process.stdout.write('ready\\n');
		while (Date.now() < end) { batch(); n += 10; }
		process.stdout.write('done ' + n + '\\n');
		db.close();`;
	const child = spawn(process.execPath, ['-e', code, database, String(ms)], {
		cwd: process.cwd(),
		stdio: ['ignore', 'pipe', 'inherit']
	});
	let out = '';
	let onReady: () => void;
	const ready = new Promise<void>((r) => (onReady = r));
	child.stdout.on('data', (d) => {
		out += String(d);
		if (out.includes('ready')) onReady();
	});
	const done = new Promise<number>((resolve, reject) =>
		child.on('exit', (code) =>
			code === 0
				? resolve(Number(/done (\d+)/.exec(out)?.[1]))
				: reject(new Error(`writer exit ${code}`))
		)
	);
	return { ready, done };
}

beforeEach(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'rapor-backup-'));
	database = path.join(dir, 'live.db');
	evidenceDir = path.join(dir, 'evidence');
	const conn = openDatabase(database);
	runMigrations(conn, MIGRATIONS);
	conn.sqlite.close();
	mkdirSync(path.join(evidenceDir, 'ab'), { recursive: true });
	writeFileSync(path.join(evidenceDir, 'ab', 'ab' + '0'.repeat(62)), 'evidence one');
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('backup() and restore()', () => {
	it('backup() while another process writes takes a consistent snapshot, and restore() brings exactly it back', async () => {
		const w = writer(2500);
		await w.ready;
		const dest = path.join(dir, 'b1');
		const manifest = await backup({ database, evidenceDir, dest });
		const written = await w.done;

		expect(existsSync(`${dest}.partial`)).toBe(false);
		expect(manifest.database.integrity_check).toBe('ok');
		expect(manifest.database.migrations).toBe(
			JSON.parse(readFileSync(path.join(MIGRATIONS, 'meta/_journal.json'), 'utf8')).entries.length
		);
		const inBackup = manifest.database.counts.audit_log;
		// Whole transactions only: a snapshot never holds part of a batch of 10.
		expect(inBackup % 10).toBe(0);
		expect(inBackup).toBeGreaterThan(0);
		expect(count(path.join(dest, 'database.sqlite'))).toBe(inBackup);
		expect(count(database)).toBe(written);
		expect(written).toBeGreaterThan(inBackup);
		expect(manifest.evidence.files).toEqual([
			{ path: `ab/ab${'0'.repeat(62)}`, bytes: 12, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }
		]);

		// A file uploaded after the backup is not part of it.
		writeFileSync(path.join(evidenceDir, 'ab', 'ab' + '1'.repeat(62)), 'evidence two');
		const result = restore({ dir: dest, database, evidenceDir, migrationsDir: MIGRATIONS });
		expect(count(database)).toBe(inBackup);
		expect(count(`${database}.before-restore`)).toBe(written);
		expect(result.counts.audit_log).toBe(inBackup);
		expect(readFileSync(path.join(evidenceDir, 'ab', 'ab' + '0'.repeat(62)), 'utf8')).toBe(
			'evidence one'
		);
		expect(existsSync(path.join(evidenceDir, 'ab', 'ab' + '1'.repeat(62)))).toBe(false);
		expect(
			existsSync(path.join(`${evidenceDir}.before-restore`, 'ab', 'ab' + '1'.repeat(62)))
		).toBe(true);
		// The app's own open: pragmas and quick_check pass on the restored file.
		openDatabase(database).sqlite.close();
	}, 30_000);

	it('backup() refuses a destination that exists and a missing database, leaving nothing behind', async () => {
		mkdirSync(path.join(dir, 'taken'));
		await expect(backup({ database, evidenceDir, dest: path.join(dir, 'taken') })).rejects.toThrow(
			/already exists/
		);
		await expect(
			backup({ database: path.join(dir, 'none.db'), evidenceDir, dest: path.join(dir, 'b2') })
		).rejects.toThrow(/does not exist/);
		expect(existsSync(path.join(dir, 'b2'))).toBe(false);
		expect(existsSync(path.join(dir, 'b2.partial'))).toBe(false);
	});

	it('restore() refuses a backup whose database does not match its SHA-256, and changes nothing', async () => {
		const dest = path.join(dir, 'b3');
		await backup({ database, evidenceDir, dest });
		const file = path.join(dest, 'database.sqlite');
		const bytes = readFileSync(file);
		bytes[bytes.length - 100] ^= 0xff;
		writeFileSync(file, bytes);
		const before = readFileSync(database);
		expect(() => restore({ dir: dest, database, evidenceDir, migrationsDir: MIGRATIONS })).toThrow(
			RestoreRefused
		);
		expect(() => verifyBackup(dest, MIGRATIONS)).toThrow(/does not match its SHA-256/);
		expect(readFileSync(database).equals(before)).toBe(true);
		expect(existsSync(`${database}.before-restore`)).toBe(false);
	});

	it('restore() refuses a corrupted database even when the manifest was rewritten to match', async () => {
		const dest = path.join(dir, 'b4');
		await backup({ database, evidenceDir, dest });
		const file = path.join(dest, 'database.sqlite');
		const bytes = readFileSync(file);
		// Scribble over the second page (a table's b-tree), not the header.
		bytes.fill(0x5a, 4096 + 8, 4096 + 600);
		writeFileSync(file, bytes);
		const manifest = readManifest(dest);
		const { createHash } = await import('node:crypto');
		manifest.database.sha256 = createHash('sha256').update(bytes).digest('hex');
		writeFileSync(path.join(dest, 'manifest.json'), JSON.stringify(manifest));
		expect(() => verifyBackup(dest, MIGRATIONS)).toThrow(/integrity_check|cannot be read|damaged/);
	});

	it('restore() refuses a damaged evidence file, a newer schema and a folder without a manifest', async () => {
		const dest = path.join(dir, 'b5');
		await backup({ database, evidenceDir, dest });
		const manifest = readManifest(dest);
		writeFileSync(path.join(dest, 'evidence', manifest.evidence.files[0].path), 'tampered');
		expect(() => verifyBackup(dest, MIGRATIONS)).toThrow(/Evidence file .* does not match/);

		const dest2 = path.join(dir, 'b6');
		await backup({ database, evidenceDir, dest: dest2 });
		const m2 = readManifest(dest2);
		m2.database.migrations = 999;
		writeFileSync(path.join(dest2, 'manifest.json'), JSON.stringify(m2));
		expect(() => verifyBackup(dest2, MIGRATIONS)).toThrow(/made by a newer version/);

		mkdirSync(path.join(dir, 'empty'));
		expect(() => verifyBackup(path.join(dir, 'empty'), MIGRATIONS)).toThrow(/no manifest\.json/);
	});

	it('restore() refuses while another connection has the database open', async () => {
		const dest = path.join(dir, 'b7');
		await backup({ database, evidenceDir, dest });
		const open = new Database(database);
		open.prepare('SELECT count(*) FROM audit_log').get();
		try {
			expect(() =>
				restore({ dir: dest, database, evidenceDir, migrationsDir: MIGRATIONS })
			).toThrow(/is in use/);
			expect(existsSync(`${database}.before-restore`)).toBe(false);
		} finally {
			open.close();
		}
		expect(restore({ dir: dest, database, evidenceDir, migrationsDir: MIGRATIONS }).previous).toBe(
			`${database}.before-restore`
		);
	});
});
