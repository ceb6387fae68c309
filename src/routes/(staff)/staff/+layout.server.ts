import { requireUser } from '$lib/server/auth/guard';
import { may } from '$lib/server/auth/roles';
import type { LayoutServerLoad } from './$types';

// Only shapes the navigation: every page, action and endpoint below checks its own role.
export const load = (async (event) => {
	const user = requireUser(event);
	return {
		user,
		failedBefore: event.locals.session?.failedBefore ?? null,
		nav: {
			submissions: may(user, 'readSubmissions'),
			targets: may(user, 'editTargets'),
			official: may(user, 'recordOfficialResults'),
			survey: may(user, 'manageSurveys'),
			quickWins: may(user, 'manageQuickWins'),
			indicators: may(user, 'assignOpd'),
			users: may(user, 'manageUsers'),
			audit: may(user, 'readAudit')
		}
	};
}) satisfies LayoutServerLoad;
