import { error, type RequestEvent } from '@sveltejs/kit';
import { config } from '$lib/server/config';
import { getConnection } from '$lib/server/db';
import { surveyView } from '$lib/server/surveys';
import { recapRows } from '$lib/survey/recap';
import { surveyManager, yearParam } from '../manager.server';

/** The recap's rows of the route's survey, for a manager; 404 for a year without one. */
export function recapOf(event: RequestEvent) {
	surveyManager(event);
	const year = yearParam(event.params.year ?? '');
	const view = year === null ? undefined : surveyView(getConnection(), year, config().dataDir);
	if (!view) error(404, 'No survey for this year.');
	return { view, rows: recapRows(view.structure, view.results, view.programmes) };
}
