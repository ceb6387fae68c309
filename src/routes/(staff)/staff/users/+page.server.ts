import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { getConnection } from '$lib/server/db';
import * as users from '$lib/server/db/users';
import * as sessions from '$lib/server/db/sessions';
import * as tokens from '$lib/server/db/account-tokens';
import { knownOpds } from '$lib/server/db/assignments';
import { actorOf, requireCapability } from '$lib/server/auth/guard';
import {
	createUser,
	issuePasswordReset,
	passwordLinkPath,
	revokeAllSessions,
	revokeUserSessions,
	setDisabled,
	setRole,
	unlockAccount,
	type AccountErrors,
	type PasswordLink
} from '$lib/server/auth/accounts';
import { accountHoldMs, recentFailures } from '$lib/server/auth/throttle';
import { resetTwoFactor } from '$lib/server/auth/two-factor';
import { ROLES } from '$lib/server/auth/roles';
import { localizeHref } from '$lib/localize-href';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
	requireCapability(event, 'manageUsers');
	const conn = getConnection();
	const now = Date.now();
	return {
		users: users.list(conn).map((u) => ({
			...u,
			sessions: sessions.countForUser(conn, u.id),
			failures: recentFailures(conn, u.username, now),
			heldSeconds: Math.ceil(accountHoldMs(conn, u.username, now) / 1000),
			linkExpiresAt: tokens.openLinkExpiry(conn, u.id, now)
		})),
		roles: ROLES,
		opds: knownOpds(conn),
		done: event.url.searchParams.has('done')
	};
}) satisfies PageServerLoad;

const done = () => redirect(303, localizeHref('/staff/users?done=1'));

/** A set-password link, shown once to the admin who made it, to pass on by a trusted channel. */
function linkResult(event: RequestEvent, action: string, username: string, link: PasswordLink) {
	return {
		action,
		link: {
			username,
			url: `${event.url.origin}${localizeHref(passwordLinkPath(link.token))}`,
			expiresAt: new Date(link.expiresAt).toISOString()
		}
	};
}

interface CreateValues {
	username: string;
	role: string;
	opd: string;
}

function refused(
	action: string,
	userId: number | null,
	errors: AccountErrors,
	values: CreateValues | null = null
) {
	return fail(400, { action, userId, errors, values });
}

async function target(event: RequestEvent) {
	const form = await event.request.formData();
	const id = Number(form.get('userId'));
	return { form, id: Number.isInteger(id) && id > 0 ? id : null };
}

export const actions = {
	create: async (event) => {
		requireCapability(event, 'manageUsers');
		const form = await event.request.formData();
		// No password field: the new colleague sets their own through a one-time link.
		const input = {
			username: String(form.get('username') ?? ''),
			role: String(form.get('role') ?? ''),
			opd: String(form.get('opd') ?? '')
		};
		const result = await createUser(getConnection(), input, actorOf(event));
		if (!result.ok)
			return refused('create', null, result.errors, {
				username: input.username,
				role: input.role,
				opd: input.opd
			});
		return linkResult(event, 'create', result.value.username, result.value.link!);
	},
	disable: async (event) => {
		requireCapability(event, 'manageUsers');
		const { id } = await target(event);
		if (id === null) return refused('disable', null, { user: ['user-not-found'] });
		const result = setDisabled(getConnection(), id, true, actorOf(event));
		if (!result.ok) return refused('disable', id, result.errors);
		done();
	},
	enable: async (event) => {
		requireCapability(event, 'manageUsers');
		const { id } = await target(event);
		if (id === null) return refused('enable', null, { user: ['user-not-found'] });
		const result = setDisabled(getConnection(), id, false, actorOf(event));
		if (!result.ok) return refused('enable', id, result.errors);
		done();
	},
	setRole: async (event) => {
		requireCapability(event, 'manageUsers');
		const { form, id } = await target(event);
		if (id === null) return refused('setRole', null, { user: ['user-not-found'] });
		const result = setRole(
			getConnection(),
			id,
			{ role: String(form.get('role') ?? ''), opd: String(form.get('opd') ?? '') },
			actorOf(event)
		);
		if (!result.ok) return refused('setRole', id, result.errors);
		done();
	},
	resetPassword: async (event) => {
		requireCapability(event, 'manageUsers');
		const { id } = await target(event);
		if (id === null) return refused('resetPassword', null, { user: ['user-not-found'] });
		const conn = getConnection();
		const result = issuePasswordReset(conn, id, actorOf(event));
		if (!result.ok) return refused('resetPassword', id, result.errors);
		return linkResult(event, 'resetPassword', users.get(conn, id)!.username, result.value);
	},
	unlock: async (event) => {
		requireCapability(event, 'manageUsers');
		const { id } = await target(event);
		if (id === null) return refused('unlock', null, { user: ['user-not-found'] });
		const result = unlockAccount(getConnection(), id, actorOf(event));
		if (!result.ok) return refused('unlock', id, result.errors);
		done();
	},
	resetTwoFactor: async (event) => {
		requireCapability(event, 'manageUsers');
		const { id } = await target(event);
		if (id === null) return refused('resetTwoFactor', null, { user: ['user-not-found'] });
		const result = resetTwoFactor(getConnection(), id, actorOf(event));
		if (!result.ok)
			return refused('resetTwoFactor', id, { user: [result.problem] } as AccountErrors);
		done();
	},
	signOut: async (event) => {
		requireCapability(event, 'manageUsers');
		const { id } = await target(event);
		if (id === null) return refused('signOut', null, { user: ['user-not-found'] });
		const result = revokeUserSessions(getConnection(), id, actorOf(event));
		if (!result.ok) return refused('signOut', id, result.errors);
		done();
	},
	signOutAll: async (event) => {
		requireCapability(event, 'manageUsers');
		revokeAllSessions(getConnection(), actorOf(event));
		// The admin's own session went too: straight to the sign-in page.
		redirect(303, localizeHref('/login'));
	}
} satisfies Actions;
