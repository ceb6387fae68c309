import { building, dev } from '$app/environment';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { createApiHandle } from '$lib/server/api';
import { handleAuth } from '$lib/server/auth/handle';
import { handleCompression } from '$lib/server/compress';
import { handleCrossSiteForms } from '$lib/server/csrf';
import { createPageCache } from '$lib/server/page-cache';
import { ConfigError, requireOrigin } from '$lib/server/config';
import { setConnection } from '$lib/server/db';
import { logger } from '$lib/server/logger';
import { closePrinter } from '$lib/server/print';
import { SeedError } from '$lib/server/seed';
import { prepareDatabase } from '$lib/server/startup';

export const init: ServerInit = async () => {
	if (building) return;
	try {
		// Fail closed: without ORIGIN the Host header of each request would name the site.
		if (!dev) requireOrigin();
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
	// adapter-node emits this on SIGTERM/SIGINT once in-flight requests have finished: closing the
	// connection checkpoints the WAL, so the database file alone is complete (and restorable). The
	// PDF printer's browser, if one was started, goes with it.
	process.once('sveltekit:shutdown' as 'beforeExit', (reason: unknown) => {
		setConnection(undefined);
		logger.info({ reason: String(reason) }, 'shutdown: database closed');
		void closePrinter();
	});
};

/** Request ids by the request's `locals`, which SvelteKit keeps for the whole request. */
const requestIds = new WeakMap<object, string>();

/**
 * One log line per request (method, path without the query string, status, duration, request id)
 * and an `X-Request-Id` header; the id is also what error pages show.
 */
const handleRequestLog: Handle = async ({ event, resolve }) => {
	const id = crypto.randomUUID();
	requestIds.set(event.locals, id);
	const started = performance.now();
	const response = await resolve(event);
	try {
		response.headers.set('x-request-id', id);
	} catch {
		// Some responses (redirects from fetch) have immutable headers; the log still has the id.
	}
	logger.info(
		{
			reqId: id,
			method: event.request.method,
			path: event.url.pathname,
			route: event.route.id,
			status: response.status,
			ms: Math.round((performance.now() - started) * 10) / 10
		},
		'request'
	);
	return response;
};

const handleParaglide: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%lang%', locale)
		});
	});

// Logging first (it times everything); compression next, so it sees the finished page; the
// cross-site form check before anything reads a form; then the page cache for anonymous readers of public pages; the API handle before Paraglide, so a rate-limited call
// costs nothing more; Paraglide before auth, so the sign-in redirect and error pages know the language.
export const handle: Handle = sequence(
	handleRequestLog,
	handleCompression,
	handleCrossSiteForms,
	createPageCache(),
	createApiHandle(),
	handleParaglide,
	handleAuth
);

/**
 * Unexpected errors: logged with the request id, which the person's error page shows. A request
 * for a page that does not exist is not an error of ours: one info line, no stack.
 */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const id = requestIds.get(event.locals) ?? crypto.randomUUID();
	if (status === 404) logger.info({ reqId: id, path: event.url.pathname, status }, 'not found');
	else logger.error({ reqId: id, path: event.url.pathname, status, err: error }, 'unhandled error');
	return { message, id };
};
