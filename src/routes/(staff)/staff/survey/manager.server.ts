import type { RequestEvent } from '@sveltejs/kit';
import { actorOf, requireCapability } from '$lib/server/auth/guard';
import type { SurveyActor } from '$lib/server/surveys';

/** The signed-in person when they may run surveys; otherwise a recorded 403. */
export function surveyManager(event: RequestEvent): SurveyActor {
	const user = requireCapability(event, 'manageSurveys');
	return { user, address: actorOf(event).address };
}

/** The route's year, or null for anything but four digits. */
export const yearParam = (param: string) => (/^\d{4}$/.test(param) ? Number(param) : null);
