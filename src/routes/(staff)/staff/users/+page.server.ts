import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { getConnection } from '$lib/server/db';
import * as users from '$lib/server/db/users';
import * as sessions from '$lib/server/db/sessions';
import { actorOf, requireCapability } from '$lib/server/auth/guard';
import {
	createUser,
	resetPassword,
	revokeAllSessions,
	revokeUserSessions,
	setDisabled,
	setRole,
	type AccountErrors
} from '$lib/server/auth/accounts';
import { ROLES } from '$lib/server/auth/roles';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
	requireCapability(event, 'manageUsers');
	const conn = getConnection();
	const opds = (
		conn.sqlite
			.prepare(`SELECT DISTINCT opd FROM indicators WHERE opd <> '' ORDER BY opd`)
			.all() as { opd: string }[]
	).map((r) => r.opd);
	return {
		users: users.list(conn).map((u) => ({ ...u, sessions: sessions.countForUser(conn, u.id) })),
		roles: ROLES,
		opds,
		done: event.url.searchParams.has('done')
	};
}) satisfies PageServerLoad;

const done = () => redirect(303, localizeHref('/staff/users?done=1'));

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
		const input = {
			username: String(form.get('username') ?? ''),
			password: String(form.get('password') ?? ''),
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
		done();
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
		const { form, id } = await target(event);
		if (id === null) return refused('resetPassword', null, { user: ['user-not-found'] });
		const result = await resetPassword(
			getConnection(),
			id,
			String(form.get('password') ?? ''),
			actorOf(event)
		);
		if (!result.ok) return refused('resetPassword', id, result.errors);
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
