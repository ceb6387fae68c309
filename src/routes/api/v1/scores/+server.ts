import { json } from '@sveltejs/kit';
import { toApiScores } from '$lib/scoring';
import { apiError, parseQuery, QueryError } from '$lib/server/api';
import { config } from '$lib/server/config';
import { getConnection } from '$lib/server/db';
import { yearStatusesOf } from '$lib/server/scorecard';
import { regionYearScores, scoring, ScoresNotFound } from '$lib/server/scores';
import { apiPredikat, publishedPredikat, spbeOfScores, type ApiPredikat } from '$lib/server/spbe';
import { defaultYear } from '$lib/scorecard-years';
import type { RequestHandler } from './$types';

/**
 * Scores of one region and year with everything needed to recompute them. Without `year`, the
 * year the scorecard opens on (latest with a composite, else most dimensions, else most data);
 * `year_is_default` says which happened. For an SPBE framework, `spbe` carries the regulation's
 * 1–5 index, its predikat and the domain and aspect indices.
 */
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
		const conn = getConnection();
		const framework = query.framework ?? config().instance.defaultFramework;
		let year = query.year;
		if (year === undefined) {
			const ctx = scoring(conn, { framework, profile: query.profile });
			year = defaultYear(yearStatusesOf(ctx, query.region)) ?? config().instance.baseYear;
		}
		const { context, scores } = regionYearScores(conn, {
			framework,
			profile: query.profile,
			region: query.region,
			year
		});
		const api = toApiScores(scores);
		const spbe = spbeOfScores(context, scores);
		// One predikat everywhere: an SPBE composite is rated by the regulation's bands on the
		// published (rounded) index, never by 0–100 rating bands that could disagree at an edge.
		if (spbe) {
			const colour = (id: string) =>
				context.profile.settings.ratingBands.find((b) => b.id === id)?.colour ?? 'none';
			const rating = (p: ApiPredikat | null) => (p ? { ...p, colour: colour(p.id) } : null);
			api.composite.rating = rating(spbe.predikat);
			for (const d of api.dimensions) {
				const index = spbe.domains.find((x) => x.code === d.code)?.index ?? null;
				d.rating = rating(apiPredikat(publishedPredikat(index)));
			}
		}
		return json({ ...api, year_is_default: query.year === undefined, spbe });
	} catch (e) {
		if (e instanceof QueryError) return apiError(400, 'bad_parameter', e.message);
		if (e instanceof ScoresNotFound) return apiError(404, 'not_found', e.message);
		throw e;
	}
};
