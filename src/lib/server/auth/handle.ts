/**
 * The request hook of the staff area: loads the session into `locals`, turns anonymous requests
 * for /staff away to the sign-in page, and puts the security headers on every response.
 * The Content-Security-Policy itself comes from `kit.csp` in svelte.config.js (nonces per page).
 */
import type { Handle } from '@sveltejs/kit';
import { localizeHref } from '$lib/localize-href';
import { deLocalizeUrl } from '$lib/paraglide/runtime';
import { config } from '../config';
import { getConnection } from '../db';
import { loginUrl } from './guard';
import type { SessionUser } from './roles';
import { deleteSessionCookie, SESSION_COOKIE, setSessionCookie, validateSession } from './session';

export const SECURITY_HEADERS: Record<string, string> = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'x-frame-options': 'DENY',
	'permissions-policy':
		'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
	'cross-origin-opener-policy': 'same-origin'
};

/** True for /staff and everything under it, in any language: `isStaffPath('/en/staff/audit')`. */
export function isStaffPath(url: URL): boolean {
	const path = deLocalizeUrl(url).pathname;
	return path === '/staff' || path.startsWith('/staff/');
}

/** The account page, the one staff page open to a user who must still set up two-factor. */
export const ACCOUNT_PATH = '/staff/account';

/**
 * True when the instance requires two-factor of this user's role (TWO_FACTOR_ROLES) and they
 * have not set it up: until they do, every other staff page sends them to their account page.
 */
export function mustSetUpTwoFactor(user: SessionUser, twoFactor: boolean): boolean {
	return !twoFactor && config().twoFactorRoles.includes(user.role);
}

function withHeaders(response: Response, https: boolean, signedIn: boolean): Response {
	let res = response;
	try {
		res.headers.set('x-content-type-options', 'nosniff');
	} catch {
		// Headers of a Response.redirect() or fetched response are immutable: copy it.
		res = new Response(response.body, response);
	}
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.headers.set(name, value);
	if (https) res.headers.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
	// Pages for a signed-in person must not be kept by a shared cache or the back button.
	if (signedIn && !res.headers.has('cache-control'))
		res.headers.set('cache-control', 'private, no-store');
	return res;
}

export const handleAuth: Handle = async ({ event, resolve }) => {
	const https = event.url.protocol === 'https:';
	event.locals.user = null;
	event.locals.session = null;
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const valid = validateSession(getConnection(), token);
		if (valid) {
			event.locals.user = valid.user;
			const s = valid.session;
			event.locals.session = {
				id: s.id,
				expiresAt: s.expiresAt,
				twoFactor: valid.twoFactor,
				failedBefore:
					s.failedBefore > 0
						? { count: s.failedBefore, lastAt: s.lastFailedAt, lastAddress: s.lastFailedAddress }
						: null
			};
			if (valid.refreshed) setSessionCookie(event.cookies, token, valid.session.expiresAt, https);
		} else {
			deleteSessionCookie(event.cookies, https);
		}
	}
	if (isStaffPath(event.url) && !event.locals.user) {
		const location = loginUrl(event.url, event.request.method);
		return withHeaders(new Response(null, { status: 303, headers: { location } }), https, false);
	}
	const user = event.locals.user;
	if (
		user &&
		isStaffPath(event.url) &&
		mustSetUpTwoFactor(user, event.locals.session?.twoFactor ?? false) &&
		!deLocalizeUrl(event.url).pathname.startsWith(ACCOUNT_PATH)
	) {
		const read = event.request.method === 'GET' || event.request.method === 'HEAD';
		const response = read
			? new Response(null, {
					status: 303,
					headers: { location: localizeHref(`${ACCOUNT_PATH}?required=1`) }
				})
			: new Response('Two-factor sign-in must be set up first (your account page).', {
					status: 403
				});
		return withHeaders(response, https, true);
	}
	const response = await resolve(event);
	return withHeaders(response, https, event.locals.user !== null);
};
