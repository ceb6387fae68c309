/**
 * SQLite file maintenance for `npm run backup` and `npm run restore`: the online copy, the checks
 * of a copy, and taking a database out of WAL mode. Each opens its own short-lived connection on
 * a file (never the app's connection); the scripts decide what a result means.
 */
import Database from 'better-sqlite3';

/**
 * Copies a database that may be in use (another process serving or importing) with SQLite's
 * online backup API, so the copy is one consistent snapshot.
 */
export async function copyOnline(database: string, dest: string): Promise<void> {
	const source = new Database(database, { fileMustExist: true });
	try {
		source.pragma('busy_timeout = 5000');
		// One step of all pages: a write by another connection between steps would restart the
		// copy, and under steady writes it might never finish.
		await source.backup(dest, { progress: () => 0x7fffffff });
	} finally {
		source.close();
	}
}

function tableExists(db: Database.Database, name: string) {
	return !!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name);
}

/** Evidence hashes the database names (evidence rows and frozen snapshots). */
function referencedEvidence(db: Database.Database): string[] {
	const parts: string[] = [];
	if (tableExists(db, 'evidence'))
		parts.push(`SELECT sha256 FROM evidence WHERE sha256 IS NOT NULL`);
	if (tableExists(db, 'snapshot_files')) parts.push(`SELECT sha256 FROM snapshot_files`);
	if (!parts.length) return [];
	return (db.prepare(parts.join(' UNION ')).all() as { sha256: string }[]).map((r) => r.sha256);
}

/** What a copy holds; only read when it passed `integrity_check`. */
export type CopyCheck =
	| { ok: false; integrity: string }
	| {
			ok: true;
			/** Migrations applied to the copy. */
			migrations: number;
			/** Row counts of the `counted` tables that exist in the copy. */
			counts: Record<string, number>;
			/** Evidence hashes the copy names, possibly repeated. */
			referencedEvidence: string[];
	  };

/**
 * Makes a fresh copy self-contained (rollback journal: no -wal file to forget when the folder is
 * copied elsewhere), checks it with `integrity_check` and reads what the manifest records of it.
 */
export function checkCopy(file: string, counted: readonly string[]): CopyCheck {
	const db = new Database(file);
	try {
		db.pragma('journal_mode = DELETE');
		const integrity = db.pragma('integrity_check', { simple: true });
		if (integrity !== 'ok') return { ok: false, integrity: String(integrity) };
		let migrations = 0;
		if (tableExists(db, '__drizzle_migrations')) {
			migrations = (
				db.prepare(`SELECT count(*) AS n FROM __drizzle_migrations`).get() as { n: number }
			).n;
		}
		const counts: Record<string, number> = {};
		for (const t of counted) {
			if (tableExists(db, t))
				counts[t] = (db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n;
		}
		return { ok: true, migrations, counts, referencedEvidence: referencedEvidence(db) };
	} finally {
		db.close();
	}
}

/** `integrity_check` of a database file opened read-only: `'ok'` or SQLite's list of problems. */
export function integrityCheck(file: string): string {
	const sqlite = new Database(file, { readonly: true, fileMustExist: true });
	try {
		return String(sqlite.pragma('integrity_check', { simple: true }));
	} finally {
		sqlite.close();
	}
}

/**
 * Switches a database file to a rollback journal without waiting (busy_timeout 0) and returns
 * the journal mode it is left in. Leaving WAL mode needs the only connection, so this throws, or
 * leaves the mode as it was, while any other connection has the file open; on success the file is
 * fully checkpointed.
 */
export function leaveWal(file: string): string {
	const sqlite = new Database(file, { fileMustExist: true });
	try {
		sqlite.pragma('busy_timeout = 0');
		return String(sqlite.pragma('journal_mode = DELETE', { simple: true }));
	} finally {
		sqlite.close();
	}
}
