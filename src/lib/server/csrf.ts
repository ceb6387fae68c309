/**
 * The cross-site form check, done here instead of by SvelteKit (`csrf.trustedOrigins: ['*']` in
 * svelte.config.js turns its own off) so a refusal can say, in the reader's language, what is
 * wrong and what to configure. SvelteKit answers a bare English "Cross-site POST form submissions
 * are forbidden" and the sign-in button then seems to do nothing.
 *
 * The rule is SvelteKit's (kit/src/runtime/server/respond.js): a POST, PUT, PATCH or DELETE whose
 * body is a form (urlencoded, multipart, text/plain, SvelteKit's binary form) and whose Origin
 * header is not this site's origin is refused with 403. JSON writes check their Origin themselves
 * (`requireSameOrigin` in auth/guard.ts).
 */
import type { Handle } from '@sveltejs/kit';
import { extractLocaleFromUrl } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const FORM_TYPES = [
	'application/x-www-form-urlencoded',
	'multipart/form-data',
	'text/plain',
	'application/x-sveltekit-formdata'
];

/** True when the request is a form write from another origin (or none) than `siteOrigin`. */
export function isCrossSiteForm(request: Request, siteOrigin: string): boolean {
	if (!WRITES.has(request.method)) return false;
	const type = (request.headers.get('content-type') ?? '').split(';', 1)[0].trim().toLowerCase();
	if (!FORM_TYPES.includes(type)) return false;
	return request.headers.get('origin') !== siteOrigin;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export const handleCrossSiteForms: Handle = ({ event, resolve }) => {
	const { request, url } = event;
	if (!isCrossSiteForm(request, url.origin)) return resolve(event);
	// Runs before Paraglide's middleware (ahead of every other handle), so the language is the URL's.
	const locale = extractLocaleFromUrl(url) ?? 'id';
	const from = request.headers.get('origin') ?? m.csrf_no_origin({}, { locale });
	const message = m.csrf_refused({ from, site: url.origin }, { locale });
	const headers = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
	// A form enhanced by JavaScript reads an action result; a plain form submission reads a page.
	if (
		request.headers.get('x-sveltekit-action') === 'true' ||
		request.headers.get('accept') === 'application/json'
	)
		return new Response(JSON.stringify({ type: 'error', status: 403, error: { message } }), {
			status: 403,
			headers: { ...headers, 'content-type': 'application/json' }
		});
	const title = escape(m.csrf_title({}, { locale }));
	const back = escape(m.csrf_back({}, { locale }));
	const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body><main><h1>${title}</h1><p>${escape(message)}</p><p><a href="${escape(url.pathname)}">${back}</a></p></main></body></html>`;
	return new Response(html, {
		status: 403,
		headers: { ...headers, 'content-type': 'text/html; charset=utf-8' }
	});
};
