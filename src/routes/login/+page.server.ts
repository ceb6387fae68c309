import { fail, redirect } from '@sveltejs/kit';
import { getConnection } from '$lib/server/db';
import { safeRedirect } from '$lib/server/auth/guard';
import { setSessionCookie } from '$lib/server/auth/session';
import { signIn } from '$lib/server/auth/signin';
import { setChallengeCookie } from './challenge';
import { localizeHref } from '$lib/localize-href';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	const redirectTo = safeRedirect(url.searchParams.get('redirectTo'), localizeHref('/staff'));
	if (locals.user) redirect(303, redirectTo);
	return { redirectTo, passwordSet: url.searchParams.has('password-set') };
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const username = String(form.get('username') ?? '');
		const password = String(form.get('password') ?? '');
		const redirectTo = safeRedirect(
			String(form.get('redirectTo') ?? '') || event.url.searchParams.get('redirectTo'),
			localizeHref('/staff')
		);
		if (username.trim() === '' || password === '') {
			return fail(400, { username, error: 'required' as const });
		}
		const result = await signIn(getConnection(), {
			username,
			password,
			address: event.getClientAddress()
		});
		if (!result.ok && result.reason === 'throttled') {
			event.setHeaders({ 'retry-after': String(result.retryAfterSeconds) });
			const retryAt = new Date(Date.now() + result.retryAfterSeconds * 1000);
			return fail(429, {
				username,
				error: 'throttled' as const,
				minutes: Math.ceil(result.retryAfterSeconds / 60),
				time: retryAt.toISOString().slice(11, 16)
			});
		}
		if (!result.ok && result.reason === 'second_factor') {
			setChallengeCookie(event, result.challenge, result.expiresAt);
			redirect(
				303,
				`${localizeHref('/login/two-factor')}?redirectTo=${encodeURIComponent(redirectTo)}`
			);
		}
		if (!result.ok) return fail(400, { username, error: 'invalid' as const });
		setSessionCookie(
			event.cookies,
			result.token,
			result.session.expiresAt,
			event.url.protocol === 'https:'
		);
		redirect(303, redirectTo);
	}
} satisfies Actions;
