/**
 * `npm run backup [-- <dir>] [--json]`: an online backup of DATABASE_URL and the evidence files,
 * safe while the app serves and imports.
 *
 * The database is copied with SQLite's online backup API (better-sqlite3 `db.backup()`) in one
 * step, so the copy is one consistent snapshot even while another process writes; the copy is then
 * switched to a self-contained rollback journal and checked with `PRAGMA integrity_check` (those
 * SQLite calls live in src/lib/server/db/backup.ts, with every other statement).
 * Evidence files (EVIDENCE_DIR, default var/evidence) are copied beside it. The result is a folder
 *
 *   <dir>/database.sqlite   <dir>/evidence/ab/abcdef…   <dir>/manifest.json (sizes, SHA-256s, counts)
 *
 * written as `<dir>.partial` and renamed when complete, so a half-written backup never looks whole.
 * Default <dir>: var/backups/rapor-cerdas-<UTC timestamp>.
 *
 * Exit codes: 0 done, 1 failed (the copy did not pass its checks; nothing left behind),
 * 2 bad arguments or configuration.
 */
import { createHash } from 'node:crypto';
import {
	closeSync,
	copyFileSync,
	existsSync,
	fsyncSync,
	mkdirSync,
	openSync,
	readdirSync,
	readFileSync,
	readSync,
	renameSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import path from 'node:path';
import { DEFAULT_DATABASE_URL } from '../src/lib/server/config';
import { checkCopy, copyOnline } from '../src/lib/server/db/backup';
import { evidenceStore } from '../src/lib/server/evidence';
import { runScript, UsageError, type CommandLine } from './cli';

export const MANIFEST_FORMAT = 'rapor-cerdas-backup';
export const DATABASE_FILE = 'database.sqlite';
export const EVIDENCE_FOLDER = 'evidence';
export const DEFAULT_BACKUP_DIR = 'var/backups';

export interface FileEntry {
	/** Path relative to the backup's evidence folder, with `/`. */
	path: string;
	bytes: number;
	sha256: string;
}

export interface Manifest {
	format: typeof MANIFEST_FORMAT;
	version: 1;
	created_at: string;
	source: string;
	database: {
		file: typeof DATABASE_FILE;
		bytes: number;
		sha256: string;
		integrity_check: 'ok';
		/** Migrations applied to the copied database: restore refuses one newer than the app. */
		migrations: number;
		/** Row counts of the main tables, for the restore drill and a person's sanity check. */
		counts: Record<string, number>;
	};
	evidence: {
		source: string;
		files: FileEntry[];
		/** Evidence files the database names that were not on disk at backup time. */
		missing: string[];
	};
}

/** The tables whose row counts go into the manifest (those that exist in the copy). */
const COUNTED = [
	'observations',
	'targets',
	'imports',
	'indicators',
	'regions',
	'users',
	'evidence',
	'audit_log'
];

export class BackupError extends Error {
	override name = 'BackupError';
}

export function sha256File(file: string): string {
	const hash = createHash('sha256');
	const fd = openSync(file, 'r');
	try {
		const buf = Buffer.alloc(1 << 20);
		let n: number;
		// Streamed in 1 MB pieces: a database can be larger than memory allows.
		while ((n = readSync(fd, buf)) > 0) hash.update(buf.subarray(0, n));
	} finally {
		closeSync(fd);
	}
	return hash.digest('hex');
}

function fsyncPath(p: string) {
	const fd = openSync(p, 'r');
	try {
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
}

function listFiles(dir: string, base = dir): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir).flatMap((name) => {
		const full = path.join(dir, name);
		const st = statSync(full);
		if (st.isDirectory()) return listFiles(full, base);
		// Temporary files of an upload in progress are not evidence yet.
		if (!st.isFile() || name.includes('.tmp')) return [];
		return [path.relative(base, full).split(path.sep).join('/')];
	});
}

/** Copies files of `from` not yet in `to`; returns the entries copied. */
function copyNew(from: string, to: string, done: Map<string, FileEntry>) {
	for (const rel of listFiles(from)) {
		if (done.has(rel)) continue;
		const src = path.join(from, rel);
		const dest = path.join(to, rel);
		mkdirSync(path.dirname(dest), { recursive: true });
		try {
			copyFileSync(src, dest);
		} catch (e) {
			// Removed between listing and copying (no longer referenced): nothing to keep.
			if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
			throw e;
		}
		done.set(rel, { path: rel, bytes: statSync(dest).size, sha256: sha256File(dest) });
	}
}

/** The live database and evidence folder: DATABASE_URL and EVIDENCE_DIR read as the app reads them. */
export function livePaths(env: NodeJS.ProcessEnv = process.env) {
	return {
		database: (env.DATABASE_URL ?? DEFAULT_DATABASE_URL).replace(/^file:/, ''),
		evidenceDir: evidenceStore(env).dir
	};
}

export function timestampName(now = new Date()): string {
	return `rapor-cerdas-${now
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d+Z$/, 'Z')}`;
}

export interface BackupOptions {
	database: string;
	evidenceDir: string;
	/** The backup folder to create; must not exist. */
	dest: string;
}

/**
 * Makes a backup folder; throws BackupError when the source is missing or the copy fails its check.
 * @example await backup({ database: 'var/rapor-cerdas.db', evidenceDir: 'var/evidence', dest: 'var/backups/b1' })
 */
export async function backup(options: BackupOptions): Promise<Manifest> {
	const { database, evidenceDir, dest } = options;
	if (!existsSync(database))
		throw new BackupError(`Database ${database} does not exist: check DATABASE_URL.`);
	if (existsSync(dest)) throw new BackupError(`${dest} already exists: choose another name.`);
	const partial = `${dest}.partial`;
	rmSync(partial, { recursive: true, force: true });
	mkdirSync(partial, { recursive: true });
	try {
		const copy = path.join(partial, DATABASE_FILE);
		// Evidence first, database, then evidence again: a file uploaded while the database was being
		// copied is caught by the second pass.
		const files = new Map<string, FileEntry>();
		const evidenceCopy = path.join(partial, EVIDENCE_FOLDER);
		copyNew(evidenceDir, evidenceCopy, files);

		await copyOnline(database, copy);
		copyNew(evidenceDir, evidenceCopy, files);

		const check = checkCopy(copy, COUNTED);
		if (!check.ok) throw new BackupError(`The copy failed integrity_check: ${check.integrity}`);
		const { migrations, counts } = check;
		const have = new Set([...files.keys()].map((rel) => rel.split('/').pop()));
		const missing = [...new Set(check.referencedEvidence)].filter((h) => !have.has(h)).sort();
		fsyncPath(copy);
		const manifest: Manifest = {
			format: MANIFEST_FORMAT,
			version: 1,
			created_at: new Date().toISOString(),
			source: path.resolve(database),
			database: {
				file: DATABASE_FILE,
				bytes: statSync(copy).size,
				sha256: sha256File(copy),
				integrity_check: 'ok',
				migrations,
				counts
			},
			evidence: {
				source: path.resolve(evidenceDir),
				files: [...files.values()].sort((a, b) => a.path.localeCompare(b.path)),
				missing
			}
		};
		writeFileSync(path.join(partial, 'manifest.json'), JSON.stringify(manifest, null, '\t') + '\n');
		fsyncPath(path.join(partial, 'manifest.json'));
		renameSync(partial, dest);
		return manifest;
	} catch (e) {
		rmSync(partial, { recursive: true, force: true });
		throw e;
	}
}

/** Reads a backup's manifest; throws BackupError when it is missing or not ours. */
export function readManifest(dir: string): Manifest {
	const file = path.join(dir, 'manifest.json');
	if (!existsSync(file))
		throw new BackupError(`${dir} has no manifest.json: not a Rapor Cerdas backup folder.`);
	let m: Manifest;
	try {
		m = JSON.parse(readFileSync(file, 'utf8'));
	} catch (e) {
		throw new BackupError(`${file} is not valid JSON (${(e as Error).message}).`);
	}
	if (m.format !== MANIFEST_FORMAT || m.version !== 1)
		throw new BackupError(`${file} is not a Rapor Cerdas backup manifest (version 1).`);
	return m;
}

const USAGE = `Usage: npm run backup [-- <dir>] [--json]

Copies DATABASE_URL (default var/rapor-cerdas.db) and EVIDENCE_DIR (default var/evidence) into a
new folder <dir> (default ${DEFAULT_BACKUP_DIR}/rapor-cerdas-<UTC timestamp>) while the app runs:
database.sqlite (checked with integrity_check), evidence/, manifest.json with SHA-256s.
Restore with: npm run restore -- <dir>
Exit codes: 0 done, 1 the copy failed its checks, 2 bad arguments or configuration.`;

const OPTIONS = { json: { type: 'boolean', default: false } } as const;

async function main({ values, positionals }: CommandLine<typeof OPTIONS>): Promise<number> {
	if (positionals.length > 1) throw new UsageError('give at most one folder.');
	const { database, evidenceDir } = livePaths();
	let dest = positionals[0];
	if (!dest) {
		mkdirSync(DEFAULT_BACKUP_DIR, { recursive: true });
		dest = path.join(DEFAULT_BACKUP_DIR, timestampName());
	}
	const started = performance.now();
	try {
		const m = await backup({ database, evidenceDir, dest });
		const ms = Math.round(performance.now() - started);
		if (values.json) {
			process.stdout.write(
				JSON.stringify({ status: 'ok', dir: path.resolve(dest), ms, ...m }) + '\n'
			);
		} else {
			process.stdout.write(
				`Cadangan / backup: ${path.resolve(dest)}\n` +
					`  database.sqlite ${(m.database.bytes / 1048576).toFixed(1)} MB, integrity_check ok, ${m.database.counts.observations ?? 0} observations\n` +
					`  evidence: ${m.evidence.files.length} file(s)${m.evidence.missing.length ? `, ${m.evidence.missing.length} named by the database but missing on disk` : ''}\n` +
					`  ${ms} ms. Restore: npm run restore -- ${dest}\n`
			);
		}
		return 0;
	} catch (e) {
		if (e instanceof BackupError) {
			process.stderr.write(`backup: ${e.message}\n`);
			return e.message.includes('integrity_check') ? 1 : 2;
		}
		process.stderr.write(`backup: failed: ${(e as Error).message}\n`);
		return 1;
	}
}

runScript(import.meta.url, { name: 'backup', usage: USAGE, options: OPTIONS }, main);
