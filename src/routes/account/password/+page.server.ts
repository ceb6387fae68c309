import { fail, redirect } from '@sveltejs/kit';
import { getConnection } from '$lib/server/db';
import { passwordLinkOwner, setPasswordWithLink } from '$lib/server/auth/accounts';
import { localizeHref } from '$lib/localize-href';
import type { Actions, PageServerLoad } from './$types';

/** The page a set-password link opens: the token is checked, the password set by its owner. */
export const load = (async ({ url, setHeaders }) => {
	// The token is in the address: keep it out of caches and of the Referer of any link.
	setHeaders({ 'cache-control': 'no-store', 'referrer-policy': 'same-origin' });
	const token = url.searchParams.get('token') ?? '';
	const owner = passwordLinkOwner(getConnection(), token);
	return {
		token: owner ? token : '',
		username: owner?.username ?? null,
		purpose: owner?.purpose ?? null
	};
}) satisfies PageServerLoad;

export const actions = {
	// The page's load runs after a refused action and sets the no-store and same-origin referrer headers.
	default: async (event) => {
		const form = await event.request.formData();
		const token = String(form.get('token') ?? '');
		const password = String(form.get('password') ?? '');
		const again = String(form.get('again') ?? '');
		if (password !== again) return fail(400, { errors: { again: ['mismatch'] } });
		const result = await setPasswordWithLink(
			getConnection(),
			token,
			password,
			event.getClientAddress()
		);
		if (!result.ok) return fail(400, { errors: result.errors });
		redirect(303, `${localizeHref('/login')}?password-set=1`);
	}
} satisfies Actions;
