import { building } from '$app/environment';
import type { Handle, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { handleAuth } from '$lib/server/auth/handle';
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

const handleParaglide: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%lang%', locale)
		});
	});

// Paraglide first, so the sign-in redirect and error pages know the language.
export const handle: Handle = sequence(handleParaglide, handleAuth);
