/**
 * A small in-memory cache of public HTML pages for anonymous readers: the scorecard is read far
 * more often than its data changes, and rendering a page of charts costs a few milliseconds.
 *
 * An entry is keyed by the URL (the language is in the path) and the data version, so any import,
 * undo or other write makes every entry stale at once. Only anonymous GETs of public pages that
 * answered 200 with HTML, set no cookie and did not say `Cache-Control: no-store` are kept; a reader can bypass it with
 * `Cache-Control: no-cache` (a hard refresh). PAGE_CACHE=0 turns it off.
 */
import type { Handle } from '@sveltejs/kit';
import { SESSION_COOKIE } from './auth/session';
import { getConnection } from './db';
import { changesOnConnection, dataVersion } from './db/data-version';

const PRIVATE_PREFIXES = [
	'/api',
	'/staff',
	'/en/staff',
	'/login',
	'/en/login',
	'/logout',
	'/print'
];
const PRIVATE_PATHS = new Set(['/healthz', '/bench-baseline']);

interface Entry {
	status: number;
	headers: [string, string][];
	body: ArrayBuffer;
}

/** Whether a request may be answered from (and stored in) the cache. */
export function cacheable(request: Request, url: URL, hasSession: boolean): boolean {
	if (request.method !== 'GET' || hasSession) return false;
	if (/no-cache|no-store/.test(request.headers.get('cache-control') ?? '')) return false;
	if (PRIVATE_PATHS.has(url.pathname)) return false;
	return !PRIVATE_PREFIXES.some((p) => url.pathname === p || url.pathname.startsWith(p + '/'));
}

export function createPageCache(
	options: { max?: number; enabled?: boolean; version?: () => string } = {}
): Handle {
	const max = options.max ?? 200;
	const enabled = options.enabled ?? process.env.PAGE_CACHE !== '0';
	const version =
		options.version ??
		(() => {
			const conn = getConnection();
			// total_changes() covers writes of this process that are not imports (an indicator's
			// OPD, a sign-in); the imports table covers writes of other processes (the CLI).
			return `${dataVersion(conn)}|${changesOnConnection(conn)}`;
		});
	const entries = new Map<string, Entry>();

	return async ({ event, resolve }) => {
		// A client-side navigation asks for the same URL's data (event.url has the page's path),
		// which must never be answered with the cached HTML.
		if (
			!enabled ||
			event.isDataRequest ||
			!cacheable(event.request, event.url, Boolean(event.cookies.get(SESSION_COOKIE)))
		) {
			return resolve(event);
		}
		const key = `${version()}|${event.url.pathname}${event.url.search}`;
		const hit = entries.get(key);
		if (hit) {
			// Refresh its place in the LRU order.
			entries.delete(key);
			entries.set(key, hit);
			return new Response(hit.body.slice(0), { status: hit.status, headers: hit.headers });
		}
		const response = await resolve(event);
		if (
			response.status !== 200 ||
			!(response.headers.get('content-type') ?? '').startsWith('text/html') ||
			response.headers.has('set-cookie') ||
			// A page that changes with something no write marks (a closing date passing) says so.
			/no-store|private/.test(response.headers.get('cache-control') ?? '')
		) {
			return response;
		}
		const body = await response.arrayBuffer();
		const headers = [...response.headers].filter(([name]) => name !== 'x-request-id');
		if (entries.size >= max) entries.delete(entries.keys().next().value as string);
		entries.set(key, { status: 200, headers, body });
		return new Response(body.slice(0), { status: 200, headers: response.headers });
	};
}
