/**
 * The explicit start-up step: open the database, migrate it, and seed it from data/ when it is new.
 * Called by the server's `init` hook and by `npm run db:migrate`; never as a side effect of an import.
 */
import { config, type AppConfig } from './config';
import { getConnection, type Connection } from './db';
import { runMigrations } from './db/migrate';
import { seedDemoProgrammes } from './programmes';
import { seedIfEmpty } from './seed';

export interface StartupReport {
	migrationsApplied: number;
	seeded: boolean;
	seedRows: number;
}

export function prepareDatabase(
	conn: Connection = getConnection(),
	cfg: AppConfig = config()
): StartupReport {
	const { applied } = runMigrations(conn, cfg.migrationsDir);
	const seed = seedIfEmpty(conn, cfg.dataDir, { demo: cfg.demo });
	// The demo's invented programmes, once, on the freshly seeded demo database only.
	if (seed.seeded && cfg.demo)
		seedDemoProgrammes(
			conn,
			cfg.dataDir,
			cfg.instance.defaultRegion,
			cfg.instance.defaultFramework
		);
	return { migrationsApplied: applied, seeded: seed.seeded, seedRows: seed.rows };
}
