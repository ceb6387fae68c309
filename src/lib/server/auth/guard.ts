/**
 * Authorisation checks that every action, load and endpoint calls itself: a `+layout.server.ts`
 * guard does not protect actions or endpoints (SvelteKit issue #6315), and hooks.server.ts only
 * turns anonymous staff requests away. A denial is recorded in the audit log, then answered 403.
 */
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { localizeHref } from '$lib/localize-href';
import { deLocalizeUrl } from '$lib/paraglide/runtime';
import { recordAudit, type Actor } from '../audit';
import { getConnection } from '../db';
import {
	CAPABILITIES,
	hasRole,
	mayEditTargets,
	type Capability,
	type Role,
	type SessionUser
} from './roles';

/** The actor of a request, for audit rows. */
export function actorOf(event: Pick<RequestEvent, 'locals' | 'getClientAddress'>): Actor {
	let address = '';
	try {
		address = event.getClientAddress();
	} catch {
		// Not available during prerendering or in some tests.
	}
	const user = event.locals.user;
	return { id: user?.id ?? null, username: user?.username ?? '-', address };
}

/** A same-site path: `/` followed by anything but `/` or `\\` (which browsers read as a host). */
const SAME_SITE_PATH = /^\/(?![/\\])/;

/** No backslash and no control character: either can turn into another host in some browsers. */
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTER = /[\\\u0000-\u001f\u007f]/;

const isSafePath = (value: string) => SAME_SITE_PATH.test(value) && !UNSAFE_CHARACTER.test(value);

/**
 * A redirect target from a query parameter, accepted only when it is a path on this site, checked
 * both as given and once more after the URL parser has resolved dot segments and encodings (the
 * parser turns `/..//evil.example` into `//evil.example`, which a browser reads as a host):
 * `safeRedirect('/staff/audit?page=2')` is kept; `//evil.example`, `/\evil`, `https://…`,
 * `/%2e//evil.example` fall back.
 */
export function safeRedirect(value: string | null | undefined, fallback = '/staff'): string {
	if (!value || value.length > 2000 || !isSafePath(value)) return fallback;
	let target: string;
	try {
		const parsed = new URL(value, 'http://x.invalid');
		if (parsed.origin !== 'http://x.invalid') return fallback;
		target = parsed.pathname + parsed.search + parsed.hash;
	} catch {
		return fallback;
	}
	return isSafePath(target) ? target : fallback;
}

/** The sign-in page, asking to come back to this URL afterwards (GET requests only). */
export function loginUrl(url: URL, method = 'GET'): string {
	const back = method === 'GET' || method === 'HEAD' ? url.pathname + url.search : null;
	const login = localizeHref('/login');
	return back ? `${login}?redirectTo=${encodeURIComponent(back)}` : login;
}

/** What the audit row of a denial names: the route, the method and the form action. */
function describeRequest(event: RequestEvent): string {
	const action = [...event.url.searchParams.keys()].find((k) => k.startsWith('/'));
	return `${event.request.method} ${event.route.id ?? deLocalizeUrl(event.url).pathname}${action ? ` ?${action}` : ''}`;
}

/** Records a denial and throws 403. */
export function deny(event: RequestEvent, detail: Record<string, unknown> = {}): never {
	recordAudit(getConnection(), actorOf(event), {
		action: 'auth.denied',
		entityType: 'route',
		entityId: describeRequest(event),
		after: { role: event.locals.user?.role ?? null, opd: event.locals.user?.opd ?? null, ...detail }
	});
	error(403, 'Forbidden');
}

/** The signed-in user; anonymous requests are sent to the sign-in page. */
export function requireUser(event: RequestEvent): SessionUser {
	const user = event.locals.user;
	if (!user) redirect(303, loginUrl(event.url, event.request.method));
	return user;
}

/**
 * The signed-in user when their role is one of `roles`; otherwise a recorded 403.
 * Example: `const user = requireRole(event, ['walidata', 'admin']);`
 */
export function requireRole(event: RequestEvent, roles: readonly Role[]): SessionUser {
	const user = requireUser(event);
	if (!hasRole(user, roles)) deny(event, { required: roles });
	return user;
}

/** `requireRole` by capability name from the table in roles.ts: `requireCapability(event, 'readAudit')`. */
export function requireCapability(event: RequestEvent, capability: Capability): SessionUser {
	return requireRole(event, CAPABILITIES[capability]);
}

/**
 * Data-level check: the user may set the targets of this indicator (a produsen only their own
 * OPD's; a perencana every OPD's). Otherwise a recorded 403, so sending another OPD's indicator id
 * gets nowhere.
 */
export function requireTargetAccess(
	event: RequestEvent,
	user: SessionUser,
	indicator: { code: string; opd: string }
) {
	if (!mayEditTargets(user, indicator.opd))
		deny(event, { indicator: indicator.code, indicatorOpd: indicator.opd });
}

/**
 * CSRF check for JSON (and other non-form) writes, which the cross-site form check (src/lib/server/csrf.ts) does not
 * cover: the Origin header must be this site's. Call first thing in `POST`/`PUT`/`PATCH`/`DELETE`.
 */
export function requireSameOrigin(event: Pick<RequestEvent, 'request' | 'url'>) {
	const origin = event.request.headers.get('origin');
	if (origin === null || origin !== event.url.origin) {
		error(403, 'Cross-site request refused: the Origin header must be this site.');
	}
}
