import { fail, redirect } from '@sveltejs/kit';
import { getConnection } from '$lib/server/db';
import { safeRedirect } from '$lib/server/auth/guard';
import { setSessionCookie } from '$lib/server/auth/session';
import { completeSecondFactor } from '$lib/server/auth/signin';
import { localizeHref } from '$lib/localize-href';
import { CHALLENGE_COOKIE, clearChallengeCookie } from '../challenge';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url, cookies }) => {
	const redirectTo = safeRedirect(url.searchParams.get('redirectTo'), localizeHref('/staff'));
	if (locals.user) redirect(303, redirectTo);
	// Without a pending sign-in there is nothing to enter a code for.
	if (!cookies.get(CHALLENGE_COOKIE)) redirect(303, localizeHref('/login'));
	return { redirectTo };
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const code = String(form.get('code') ?? '');
		const redirectTo = safeRedirect(
			String(form.get('redirectTo') ?? '') || event.url.searchParams.get('redirectTo'),
			localizeHref('/staff')
		);
		if (code.trim() === '') return fail(400, { error: 'required' as const });
		const result = completeSecondFactor(getConnection(), {
			challenge: event.cookies.get(CHALLENGE_COOKIE) ?? '',
			code,
			address: event.getClientAddress()
		});
		if (!result.ok && result.reason === 'throttled') {
			event.setHeaders({ 'retry-after': String(result.retryAfterSeconds) });
			return fail(429, {
				error: 'throttled' as const,
				minutes: Math.ceil(result.retryAfterSeconds / 60)
			});
		}
		if (!result.ok && result.reason === 'expired') {
			clearChallengeCookie(event);
			return fail(400, { error: 'expired' as const });
		}
		if (!result.ok) return fail(400, { error: 'invalid' as const });
		clearChallengeCookie(event);
		setSessionCookie(
			event.cookies,
			result.token,
			result.session.expiresAt,
			event.url.protocol === 'https:'
		);
		redirect(303, redirectTo);
	}
} satisfies Actions;
