import { error, redirect } from '@sveltejs/kit';
import { getConnection } from '$lib/server/db';
import { actorOf, requireSameOrigin } from '$lib/server/auth/guard';
import { deleteSessionCookie } from '$lib/server/auth/session';
import { signOut } from '$lib/server/auth/signin';
import { localizeHref } from '$lib/localize-href';
import type { RequestHandler } from './$types';

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/**
 * Sign-out is a POST (a link or an image could trigger a GET), from this site's own form only:
 * The cross-site form check (src/lib/server/csrf.ts) covers form posts, but a body-less or `text/plain` POST from another
 * site would pass it, so both the Origin and the form body are required here. The server session
 * is deleted, so a copied cookie stops working at once.
 */
export const POST: RequestHandler = (event) => {
	requireSameOrigin(event);
	const type = (event.request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
	if (!FORM_TYPES.includes(type)) error(415, 'Sign out with the form of this site.');
	const session = event.locals.session;
	if (session) signOut(getConnection(), session.id, actorOf(event));
	deleteSessionCookie(event.cookies, event.url.protocol === 'https:');
	redirect(303, localizeHref('/login'));
};
