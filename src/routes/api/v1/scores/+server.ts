import { json } from '@sveltejs/kit';
import { toApiScores } from '$lib/scoring';
import { apiError, parseQuery, QueryError } from '$lib/server/api';
import { config } from '$lib/server/config';
import { getConnection } from '$lib/server/db';
import { regionYearScores, ScoresNotFound } from '$lib/server/scores';
import type { RequestHandler } from './$types';

/** Scores of one region and year with everything needed to recompute them. */
export const GET: RequestHandler = ({ url }) => {
	try {
		const query = parseQuery(url, {
			region: 'code',
			year: 'year',
			framework: 'code',
			profile: 'code'
		});
		if (!query.region)
			throw new QueryError('region', 'Parameter "region" is required, e.g. region=33.18.');
		if (query.year === undefined) {
			throw new QueryError('year', 'Parameter "year" is required, e.g. year=2022.');
		}
		const { scores } = regionYearScores(getConnection(), {
			framework: query.framework ?? config().instance.defaultFramework,
			profile: query.profile,
			region: query.region,
			year: query.year
		});
		return json(toApiScores(scores));
	} catch (e) {
		if (e instanceof QueryError) return apiError(400, 'bad_parameter', e.message);
		if (e instanceof ScoresNotFound) return apiError(404, 'not_found', e.message);
		throw e;
	}
};
