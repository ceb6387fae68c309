import { requireUser } from '$lib/server/auth/guard';
import { CAPABILITIES } from '$lib/server/auth/roles';
import type { LayoutServerLoad } from './$types';

// Only shapes the navigation: every page, action and endpoint below checks its own role.
export const load = (async (event) => {
	const user = requireUser(event);
	const can = (roles: readonly string[]) => roles.includes(user.role);
	return {
		user,
		failedBefore: event.locals.session?.failedBefore ?? null,
		nav: {
			targets: can(CAPABILITIES.editTargets),
			indicators: can(CAPABILITIES.assignOpd),
			users: can(CAPABILITIES.manageUsers),
			audit: can(CAPABILITIES.readAudit)
		}
	};
}) satisfies LayoutServerLoad;
