/**
 * The one database connection: opened lazily (never during `vite build`), with the pragmas we mean
 * set and verified, and a quick integrity check before anything is served.
 */
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, config } from '../config';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema>;
export interface Connection {
	sqlite: Database.Database;
	db: Db;
	path: string;
}

/**
 * The pragmas every connection runs with. synchronous=FULL because better-sqlite3's WAL default
 * (NORMAL) may lose the last commits on power loss, and an import reported as done must stay done.
 */
export const PRAGMAS = {
	journal_mode: 'wal',
	foreign_keys: 1,
	busy_timeout: 5000,
	synchronous: 2
} as const;

function checkPath(file: string, mayCreateParent: boolean) {
	if (file === ':memory:') return;
	const dir = path.dirname(path.resolve(file));
	if (!existsSync(dir)) {
		if (!mayCreateParent) {
			throw new ConfigError(
				`Database folder ${dir} does not exist: create it or set DATABASE_URL to a writable file path.`
			);
		}
		mkdirSync(dir, { recursive: true });
	}
	try {
		accessSync(dir, constants.W_OK);
		if (existsSync(file)) {
			if (!statSync(file).isFile()) throw new Error('not a file');
			accessSync(file, constants.R_OK | constants.W_OK);
		}
	} catch {
		throw new ConfigError(
			`Database path ${path.resolve(file)} is not writable: set DATABASE_URL to a writable file path.`
		);
	}
}

/** Opens a database file, sets and verifies the pragmas; `openDatabase(':memory:')` for tests. */
export function openDatabase(
	file: string,
	options: { mayCreateParent?: boolean } = {}
): Connection {
	checkPath(file, options.mayCreateParent ?? false);
	let sqlite: Database.Database;
	try {
		sqlite = new Database(file);
	} catch (e) {
		throw new ConfigError(
			`Cannot open database ${file} (${(e as Error).message}): set DATABASE_URL to a writable file path.`
		);
	}
	try {
		sqlite.pragma(`journal_mode = ${PRAGMAS.journal_mode}`);
		sqlite.pragma(`foreign_keys = ${PRAGMAS.foreign_keys}`);
		sqlite.pragma(`busy_timeout = ${PRAGMAS.busy_timeout}`);
		sqlite.pragma(`synchronous = ${PRAGMAS.synchronous}`);
		assertPragmas(sqlite, file === ':memory:');
		const check = sqlite.pragma('quick_check', { simple: true });
		if (check !== 'ok') {
			throw new ConfigError(
				`Database ${file} failed its integrity check (${String(check)}): restore it from a backup.`
			);
		}
	} catch (e) {
		sqlite.close();
		if (e instanceof ConfigError) throw e;
		throw new ConfigError(
			`Database ${file} cannot be used (${(e as Error).message}): is it a SQLite file? Set DATABASE_URL to a new path or restore a backup.`
		);
	}
	return { sqlite, db: drizzle(sqlite, { schema }), path: file };
}

/** Reads the pragmas back: a silently ignored pragma would otherwise go unnoticed. */
export function assertPragmas(sqlite: Database.Database, inMemory = false) {
	const actual = {
		journal_mode: String(sqlite.pragma('journal_mode', { simple: true })),
		foreign_keys: Number(sqlite.pragma('foreign_keys', { simple: true })),
		busy_timeout: Number(sqlite.pragma('busy_timeout', { simple: true })),
		synchronous: Number(sqlite.pragma('synchronous', { simple: true }))
	};
	const expected = { ...PRAGMAS, journal_mode: inMemory ? 'memory' : PRAGMAS.journal_mode };
	for (const [key, value] of Object.entries(expected)) {
		if (actual[key as keyof typeof actual] !== value) {
			throw new Error(`pragma ${key} is ${actual[key as keyof typeof actual]}, expected ${value}`);
		}
	}
}

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * A prepared statement, prepared once per connection: preparing costs microseconds that add up
 * on pages that run the same few queries on every request.
 */
export function cachedStatement(conn: Connection, sql: string): Database.Statement {
	let byText = statements.get(conn.sqlite);
	if (!byText) statements.set(conn.sqlite, (byText = new Map()));
	let statement = byText.get(sql);
	if (!statement) byText.set(sql, (statement = conn.sqlite.prepare(sql)));
	return statement;
}

let connection: Connection | undefined;

/** The process-wide connection, opened on first use from DATABASE_URL. */
export function getConnection(): Connection {
	if (!connection) {
		const cfg = config();
		connection = openDatabase(cfg.databaseUrl, { mayCreateParent: cfg.databaseUrlIsDefault });
	}
	return connection;
}

export function getDb(): Db {
	return getConnection().db;
}

/** Replaces the process-wide connection (tests) or closes it (shutdown). */
export function setConnection(next: Connection | undefined) {
	if (connection && connection !== next) connection.sqlite.close();
	connection = next;
}
