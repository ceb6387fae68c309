import { getLocale } from '$lib/paraglide/runtime';
import { indicatorView } from '../load.server';
import { valuesCsv } from '../values-csv';
import type { RequestHandler } from './$types';

/**
 * The values behind the indicator page for `?region=&peers=` as CSV, one row per value with where
 * it comes from: source, source kind, reference period, note, and the two flags every download
 * carries (`valuesCsv`).
 */
export const GET: RequestHandler = ({ url, params }) => {
	const { meta, values, sc, shownPeers } = indicatorView(url, params.code);
	const body = valuesCsv(
		{
			code: meta.code,
			unit: meta.unit,
			values,
			names: new Map(sc.regions.map((r) => [r.code, r.name])),
			shown: new Set([sc.region.code, ...shownPeers])
		},
		getLocale() === 'en' ? 'en' : 'id'
	);
	return new Response('\uFEFF' + body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${meta.code}-${sc.region.code}.csv"`
		}
	});
};
