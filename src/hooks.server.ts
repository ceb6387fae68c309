import { building } from '$app/environment';
import type { Handle, ServerInit } from '@sveltejs/kit';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { ConfigError } from '$lib/server/config';
import { SeedError } from '$lib/server/seed';
import { prepareDatabase } from '$lib/server/startup';

export const init: ServerInit = async () => {
	if (building) return;
	try {
		const report = prepareDatabase();
		if (report.migrationsApplied > 0 || report.seeded) {
			console.log(
				`Database ready: ${report.migrationsApplied} migration(s) applied${report.seeded ? `, seeded ${report.seedRows} rows from data/` : ''}.`
			);
		}
	} catch (e) {
		// A person can fix these by setting something: one line, no stack trace.
		if (e instanceof ConfigError || e instanceof SeedError) {
			console.error(`rapor-cerdas: ${e.message}`);
			process.exit(1);
		}
		throw e;
	}
};

export const handle: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%lang%', locale)
		});
	});
