import { fail, redirect } from '@sveltejs/kit';
import { config } from '$lib/server/config';
import { getConnection } from '$lib/server/db';
import * as users from '$lib/server/db/users';
import * as recovery from '$lib/server/db/recovery-codes';
import * as sessions from '$lib/server/db/sessions';
import { actorOf, requireCapability } from '$lib/server/auth/guard';
import { changeOwnPassword } from '$lib/server/auth/accounts';
import {
	confirmTwoFactor,
	disableOwnTwoFactor,
	pendingSecret,
	renewRecoveryCodes,
	twoFactorRequired
} from '$lib/server/auth/two-factor';
import { qrPath, totpUri } from '$lib/server/auth/totp';
import { localizeHref } from '$lib/localize-href';
import type { Actions, PageServerLoad } from './$types';

/** Everyone signed in manages their own account here: password, two-factor, recovery codes. */
export const load = (async (event) => {
	const me = requireCapability(event, 'staff');
	const conn = getConnection();
	const user = users.getWithSecrets(conn, me.id)!;
	const instance = config().instance;
	const enrolling = !user.totpSecret && user.totpPendingSecret ? user.totpPendingSecret : null;
	const issuer = `Rapor Cerdas ${instance.nameId}`;
	return {
		username: user.username,
		passwordChangedAt: user.passwordChangedAt,
		twoFactor: user.totpEnabledAt,
		recoveryCodesLeft: user.totpSecret ? recovery.count(conn, user.id) : 0,
		required: twoFactorRequired(user.role, config().twoFactorRoles),
		mustSetUp: event.url.searchParams.has('required') && !user.totpSecret,
		enrolment: enrolling
			? {
					// Grouped in fours, as authenticator apps show it, for typing by hand.
					secret: enrolling.replace(/(.{4})/g, '$1 ').trim(),
					qr: qrPath(totpUri(enrolling, user.username, issuer))
				}
			: null,
		failedBefore: event.locals.session?.failedBefore ?? null,
		done: event.url.searchParams.get('done')
	};
}) satisfies PageServerLoad;

const back = (done: string) => redirect(303, `${localizeHref('/staff/account')}?done=${done}`);

export const actions = {
	changePassword: async (event) => {
		const me = requireCapability(event, 'staff');
		const form = await event.request.formData();
		const next = String(form.get('next') ?? '');
		if (next !== String(form.get('again') ?? ''))
			return fail(400, { action: 'changePassword', errors: { again: ['mismatch'] } });
		const result = await changeOwnPassword(
			getConnection(),
			{
				userId: me.id,
				current: String(form.get('current') ?? ''),
				next,
				keepSessionId: event.locals.session?.id ?? null
			},
			actorOf(event)
		);
		if (!result.ok) return fail(400, { action: 'changePassword', errors: result.errors });
		back('password');
	},
	startTwoFactor: async (event) => {
		const me = requireCapability(event, 'staff');
		pendingSecret(getConnection(), me.id);
		redirect(303, `${localizeHref('/staff/account')}#two-factor`);
	},
	confirmTwoFactor: async (event) => {
		const me = requireCapability(event, 'staff');
		const form = await event.request.formData();
		const result = confirmTwoFactor(
			getConnection(),
			me.id,
			String(form.get('code') ?? ''),
			actorOf(event)
		);
		if (!result.ok)
			return fail(400, { action: 'confirmTwoFactor', errors: { code: [result.problem] } });
		return { action: 'confirmTwoFactor', recoveryCodes: result.value.recoveryCodes };
	},
	renewRecoveryCodes: async (event) => {
		const me = requireCapability(event, 'staff');
		const form = await event.request.formData();
		const result = renewRecoveryCodes(
			getConnection(),
			me.id,
			String(form.get('code') ?? ''),
			actorOf(event)
		);
		if (!result.ok)
			return fail(400, { action: 'renewRecoveryCodes', errors: { code: [result.problem] } });
		return { action: 'renewRecoveryCodes', recoveryCodes: result.value.recoveryCodes };
	},
	disableTwoFactor: async (event) => {
		const me = requireCapability(event, 'staff');
		const form = await event.request.formData();
		const result = await disableOwnTwoFactor(
			getConnection(),
			{
				userId: me.id,
				password: String(form.get('password') ?? ''),
				code: String(form.get('code') ?? ''),
				requiredRoles: config().twoFactorRoles
			},
			actorOf(event)
		);
		if (!result.ok)
			return fail(400, { action: 'disableTwoFactor', errors: { code: [result.problem] } });
		back('two-factor-off');
	},
	dismissNotice: async (event) => {
		requireCapability(event, 'staff');
		const session = event.locals.session;
		if (session) sessions.dismissNotice(getConnection(), session.id);
		redirect(303, localizeHref('/staff'));
	}
} satisfies Actions;
