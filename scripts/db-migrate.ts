/**
 * `npm run db:migrate`: applies pending migrations to DATABASE_URL and seeds an empty database
 * from DATA_DIR, the same start-up step the server runs, for deployments that migrate before
 * starting the new version.
 */
import { ConfigError } from '../src/lib/server/config';
import { SeedError } from '../src/lib/server/seed';
import { prepareDatabase } from '../src/lib/server/startup';

try {
	const report = prepareDatabase();
	console.log(
		`Migrations applied: ${report.migrationsApplied}. ${report.seeded ? `Seeded ${report.seedRows} rows.` : 'Already seeded.'}`
	);
} catch (e) {
	if (e instanceof ConfigError || e instanceof SeedError) {
		console.error(`rapor-cerdas: ${e.message}`);
		process.exit(1);
	}
	throw e;
}
