import {
	checkYearRange,
	LIST_PARAMS,
	listResponse,
	pageOf,
	parseQuery,
	withQuery
} from '$lib/server/api';
import { getDb } from '$lib/server/db';
import * as observations from '$lib/server/db/observations';
import { indicatorFilter, loadRefs, requireKnown } from '../refs';
import type { RequestHandler } from './$types';

const COLUMNS = [
	'region_code',
	'indicator_code',
	'year',
	'value',
	'source',
	'note',
	'illustrative'
] as const;

/** Current observations, filtered; JSON array or CSV, paginated when `limit`/`offset` are given. */
export const GET: RequestHandler = ({ url }) =>
	withQuery(() => {
		const q = parseQuery(url, {
			region: 'code',
			indicator: 'code',
			framework: 'code',
			dimension: 'code',
			year: 'year',
			year_from: 'year',
			year_to: 'year',
			...LIST_PARAMS
		});
		checkYearRange(q);
		const page = pageOf(q);
		const db = getDb();
		const refs = loadRefs(db);
		requireKnown(refs, q);
		const keep = indicatorFilter(refs, q);
		const rows = observations
			.listCurrent(db, {
				region: q.region,
				indicator: q.indicator,
				year: q.year,
				yearFrom: q.year_from,
				yearTo: q.year_to
			})
			.filter((o) => keep(o.indicatorCode))
			.map((o) => ({
				region_code: o.regionCode,
				indicator_code: o.indicatorCode,
				year: o.year,
				value: o.value,
				source: o.source,
				note: o.note,
				illustrative: o.illustrative
			}));
		return listResponse(url, rows, {
			columns: COLUMNS,
			name: 'observations',
			format: q.format,
			page
		});
	});
