import { error, fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/localize-href';
import { config } from '$lib/server/config';
import { getConnection } from '$lib/server/db';
import { createSurvey, listSurveys, SurveyError, todayInWib } from '$lib/server/surveys';
import { text } from '$lib/server/form';
import { surveyManager } from './manager.server';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
	surveyManager(event);
	return { surveys: listSurveys(getConnection()), today: todayInWib() };
}) satisfies PageServerLoad;

export const actions = {
	create: async (event) => {
		const actor = surveyManager(event);
		const form = await event.request.formData();
		const values = { year: text(form, 'year'), closesOn: text(form, 'closes_on') };
		try {
			createSurvey(getConnection(), actor, values, config().dataDir);
		} catch (e) {
			if (!(e instanceof SurveyError)) throw e;
			if (e.status === 403) error(403, 'Forbidden');
			return fail(400, { code: e.code, values });
		}
		redirect(303, localizeHref(`/staff/survey/${values.year.trim()}?saved=created`));
	}
} satisfies Actions;
