import { error } from '@sveltejs/kit';
import { config } from '$lib/server/config';
import { getConnection } from '$lib/server/db';
import { surveyView } from '$lib/server/surveys';
import type { PageServerLoad } from './$types';

// Results are public only once the survey is closed: a running tally would sway the answers still to come.
export const load = (async ({ params, setHeaders }) => {
	// Public once the survey closes, which a date can do: never kept by the page cache.
	setHeaders({ 'cache-control': 'no-store' });
	const year = /^\d{4}$/.test(params.year) ? Number(params.year) : null;
	const view = year === null ? undefined : surveyView(getConnection(), year, config().dataDir);
	if (!view || view.structure.statements.length === 0) error(404, 'No survey for this year.');
	const closed = view.survey.status === 'closed';
	return {
		year: view.survey.year,
		closed,
		structure: view.structure,
		results: closed ? view.results : null
	};
}) satisfies PageServerLoad;
