import { redirect } from '@sveltejs/kit';
import { getConnection } from '$lib/server/db';
import { actorOf } from '$lib/server/auth/guard';
import { deleteSessionCookie } from '$lib/server/auth/session';
import { signOut } from '$lib/server/auth/signin';
import { localizeHref } from '$lib/paraglide/runtime';
import type { RequestHandler } from './$types';

/**
 * Sign-out is a POST (a link or an image could trigger a GET). The form post passes SvelteKit's
 * origin check; the server session is deleted, so a copied cookie stops working at once.
 */
export const POST: RequestHandler = (event) => {
	const session = event.locals.session;
	if (session) signOut(getConnection(), session.id, actorOf(event));
	deleteSessionCookie(event.cookies, event.url.protocol === 'https:');
	redirect(303, localizeHref('/login'));
};
