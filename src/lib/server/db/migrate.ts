/**
 * Runs drizzle-kit's migrations at an explicit start-up step, never on import.
 *
 * Foreign keys are switched off around the run because drizzle's table-rebuild migrations begin
 * with `PRAGMA foreign_keys=OFF`, which SQLite ignores inside the migrator's transaction: with
 * ON DELETE CASCADE a rebuild could silently empty child tables. Afterwards every foreign key is
 * checked, so a migration that broke one fails loudly.
 */
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config';
import type { Connection } from './index';

interface Journal {
	entries: { idx: number; tag: string; when: number }[];
}

function readJournal(migrationsDir: string): Journal {
	const file = path.join(migrationsDir, 'meta', '_journal.json');
	if (!existsSync(file)) {
		throw new ConfigError(
			`Migrations not found at ${migrationsDir}: set MIGRATIONS_DIR to the drizzle/ folder.`
		);
	}
	return JSON.parse(readFileSync(file, 'utf8')) as Journal;
}

function appliedCount(conn: Connection): number {
	const table = conn.sqlite
		.prepare(
			"SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'"
		)
		.get();
	if (!table) return 0;
	return (
		conn.sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }
	).n;
}

/** Applies pending migrations; refuses a database written by a newer version of the app. */
export function runMigrations(conn: Connection, migrationsDir: string): { applied: number } {
	const journal = readJournal(migrationsDir);
	const before = appliedCount(conn);
	if (before > journal.entries.length) {
		throw new ConfigError(
			`Database ${conn.path} has ${before} migrations but this version knows ${journal.entries.length}: it was written by a newer version; upgrade the app or restore a matching backup.`
		);
	}
	conn.sqlite.pragma('foreign_keys = OFF');
	try {
		migrate(conn.db, { migrationsFolder: migrationsDir });
	} finally {
		conn.sqlite.pragma('foreign_keys = ON');
	}
	const broken = conn.sqlite.pragma('foreign_key_check') as unknown[];
	if (broken.length > 0) {
		throw new Error(
			`Migration left ${broken.length} rows violating foreign keys: ${JSON.stringify(broken[0])}`
		);
	}
	return { applied: appliedCount(conn) - before };
}
