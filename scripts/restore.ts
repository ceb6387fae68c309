/**
 * `npm run restore -- <backup-dir> [--json]`: puts a backup made by `npm run backup` in place of
 * DATABASE_URL and EVIDENCE_DIR, with the app stopped.
 *
 * Before touching anything it verifies the backup: manifest present, every SHA-256 matching,
 * `integrity_check` ok, and no migration newer than this version of the app knows. It refuses
 * while the database is in use: it asks SQLite to leave WAL mode on the live file, which only
 * succeeds when no other connection has the database open (a running server always has), so
 * the check sees a server, an import or a backup in any process, and cannot be fooled by a stale
 * pid file.
 *
 * The swap keeps the old files: the live database is hard-linked as `<db>.before-restore`, then
 * the verified copy is renamed over `<db>` (one atomic rename: at every instant the path holds
 * either the old or the new database); the evidence folder moves to `<dir>.before-restore`.
 * An older `.before-restore` is kept under a timestamped name.
 *
 * Exit codes: 0 restored, 1 refused (backup damaged, database in use; nothing changed),
 * 2 bad arguments or configuration.
 */
import {
	copyFileSync,
	cpSync,
	existsSync,
	linkSync,
	mkdirSync,
	readFileSync,
	renameSync,
	rmSync,
	statSync
} from 'node:fs';
import path from 'node:path';
import { integrityCheck, leaveWal } from '../src/lib/server/db/backup';
import {
	DATABASE_FILE,
	EVIDENCE_FOLDER,
	livePaths,
	readManifest,
	sha256File,
	BackupError,
	type Manifest
} from './backup';
import { runScript, UsageError, type CommandLine } from './cli';

export class RestoreRefused extends Error {
	override name = 'RestoreRefused';
}

/** Checks a backup folder; throws RestoreRefused naming the first problem. */
export function verifyBackup(dir: string, migrationsDir = 'drizzle'): Manifest {
	let m: Manifest;
	try {
		m = readManifest(dir);
	} catch (e) {
		if (e instanceof BackupError) throw new RestoreRefused(e.message);
		throw e;
	}
	const db = path.join(dir, DATABASE_FILE);
	if (!existsSync(db)) throw new RestoreRefused(`${db} is missing.`);
	if (sha256File(db) !== m.database.sha256) {
		throw new RestoreRefused(
			`${db} does not match its SHA-256 in manifest.json: the backup is damaged.`
		);
	}
	for (const f of m.evidence.files) {
		const file = path.join(dir, EVIDENCE_FOLDER, f.path);
		if (!existsSync(file) || sha256File(file) !== f.sha256) {
			throw new RestoreRefused(
				`Evidence file ${f.path} is missing or does not match its SHA-256: the backup is damaged.`
			);
		}
	}
	let integrity: string;
	try {
		integrity = integrityCheck(db);
	} catch (e) {
		throw new RestoreRefused(
			`${db} cannot be read as SQLite (${(e as Error).message}): the backup is damaged.`
		);
	}
	if (integrity !== 'ok') throw new RestoreRefused(`${db} failed integrity_check: ${integrity}`);
	const journal = path.join(migrationsDir, 'meta', '_journal.json');
	if (existsSync(journal)) {
		const known = (JSON.parse(readFileSync(journal, 'utf8')) as { entries: unknown[] }).entries
			.length;
		if (m.database.migrations > known) {
			throw new RestoreRefused(
				`The backup has ${m.database.migrations} migrations but this version knows ${known}: it was made by a newer version; upgrade the app first.`
			);
		}
	}
	return m;
}

/**
 * Throws RestoreRefused when another connection (any process) has the database open. Leaving WAL
 * mode needs the only connection; on success the file is also fully checkpointed.
 */
export function assertNotInUse(database: string) {
	if (!existsSync(database)) return;
	try {
		const mode = leaveWal(database);
		if (mode !== 'delete') throw new Error(`journal mode stayed ${mode}`);
	} catch (e) {
		throw new RestoreRefused(
			`Database ${database} is in use (${(e as Error).message}): stop the app (systemctl stop rapor-cerdas) and any import or backup, then run restore again.`
		);
	}
}

function keepAside(p: string): string | null {
	if (!existsSync(p)) return null;
	const aside = `${p}.${new Date().toISOString().replace(/[-:.]/g, '')}`;
	renameSync(p, aside);
	return aside;
}

export interface RestoreResult {
	database: string;
	previous: string | null;
	evidenceDir: string;
	previousEvidence: string | null;
	counts: Record<string, number>;
}

/** Verifies `dir`, checks the database is not in use, then swaps the backup in. */
export function restore(options: {
	dir: string;
	database: string;
	evidenceDir: string;
	migrationsDir?: string;
}): RestoreResult {
	const { dir, database, evidenceDir } = options;
	const manifest = verifyBackup(dir, options.migrationsDir);
	if (!existsSync(path.dirname(path.resolve(database)))) {
		throw new RestoreRefused(
			`Folder ${path.dirname(path.resolve(database))} does not exist: check DATABASE_URL.`
		);
	}
	assertNotInUse(database);

	// The copy goes next to the live file first: a rename is only atomic within one filesystem.
	const staged = `${database}.restore-tmp`;
	rmSync(staged, { force: true });
	copyFileSync(path.join(dir, DATABASE_FILE), staged);
	if (sha256File(staged) !== manifest.database.sha256) {
		rmSync(staged, { force: true });
		throw new RestoreRefused(
			`Copying the backup to ${staged} changed it (disk full?): nothing restored.`
		);
	}
	const stagedEvidence = `${evidenceDir}.restore-tmp`;
	rmSync(stagedEvidence, { recursive: true, force: true });
	const backupEvidence = path.join(dir, EVIDENCE_FOLDER);
	if (existsSync(backupEvidence)) cpSync(backupEvidence, stagedEvidence, { recursive: true });
	else mkdirSync(stagedEvidence, { recursive: true });

	let previous: string | null = null;
	if (existsSync(database)) {
		previous = `${database}.before-restore`;
		keepAside(previous);
		linkSync(database, previous);
	}
	renameSync(staged, database);
	for (const suffix of ['-wal', '-shm']) rmSync(database + suffix, { force: true });

	let previousEvidence: string | null = null;
	if (existsSync(evidenceDir) && statSync(evidenceDir).isDirectory()) {
		previousEvidence = `${evidenceDir}.before-restore`;
		keepAside(previousEvidence);
		renameSync(evidenceDir, previousEvidence);
	}
	mkdirSync(path.dirname(path.resolve(evidenceDir)), { recursive: true });
	renameSync(stagedEvidence, evidenceDir);
	return {
		database: path.resolve(database),
		previous,
		evidenceDir: path.resolve(evidenceDir),
		previousEvidence,
		counts: manifest.database.counts
	};
}

const USAGE = `Usage: npm run restore -- <backup-dir> [--json]

Stop the app first. Verifies the backup (SHA-256s, integrity_check, schema version), refuses while
DATABASE_URL is open in any process, then puts the backup in place of DATABASE_URL and EVIDENCE_DIR,
keeping the old ones as <file>.before-restore and <dir>.before-restore.
Exit codes: 0 restored, 1 refused (nothing changed), 2 bad arguments or configuration.`;

const OPTIONS = { json: { type: 'boolean', default: false } } as const;

function main({ values, positionals }: CommandLine<typeof OPTIONS>): number {
	if (positionals.length !== 1) throw new UsageError('give one backup folder.');
	const dir = positionals[0];
	if (!existsSync(dir) || !statSync(dir).isDirectory()) {
		process.stderr.write(`restore: ${dir} is not a folder.\n`);
		return 2;
	}
	try {
		const r = restore({
			dir,
			...livePaths(),
			migrationsDir: path.resolve(process.env.MIGRATIONS_DIR || 'drizzle')
		});
		if (values.json) process.stdout.write(JSON.stringify({ status: 'restored', ...r }) + '\n');
		else
			process.stdout.write(
				`Dipulihkan / restored: ${r.database} (${r.counts.observations ?? 0} observations)\n` +
					(r.previous ? `  the previous database is kept as ${r.previous}\n` : '') +
					(r.previousEvidence
						? `  the previous evidence folder is kept as ${r.previousEvidence}\n`
						: '') +
					`  start the app again (it checks the database and applies any newer migrations).\n`
			);
		return 0;
	} catch (e) {
		if (e instanceof RestoreRefused) {
			if (values.json)
				process.stdout.write(JSON.stringify({ status: 'refused', message: e.message }) + '\n');
			process.stderr.write(`restore: refused, nothing changed: ${e.message}\n`);
			return 1;
		}
		throw e;
	}
}

runScript(import.meta.url, { name: 'restore', usage: USAGE, options: OPTIONS }, main);
