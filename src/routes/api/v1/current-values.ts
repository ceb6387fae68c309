/**
 * The lists of current values per region, indicator and year (observations, targets): the same
 * parameters, checks and filters, so the two endpoints cannot drift apart; each endpoint only says
 * which table it reads and how a row looks.
 */
import {
	checkYearRange,
	LIST_PARAMS,
	listResponse,
	pageOf,
	parseQuery,
	withQuery
} from '$lib/server/api';
import { getDb, type Db } from '$lib/server/db';
import { indicatorFilter, loadRefs, requireKnown } from './refs';

const PARAMS = {
	region: 'code',
	indicator: 'code',
	framework: 'code',
	dimension: 'code',
	year: 'year',
	year_from: 'year',
	year_to: 'year',
	...LIST_PARAMS
} as const;

/** The filters a resource's `listCurrent` applies in SQL; framework and dimension apply after. */
interface CurrentFilter {
	region?: string;
	indicator?: string;
	year?: number;
	yearFrom?: number;
	yearTo?: number;
}

/**
 * The answer to a list request for current values: parameters checked (400 naming the bad one,
 * 404 for a code that names nothing), rows filtered, then JSON or CSV, paginated on request.
 */
export function currentValuesResponse<
	V extends { indicatorCode: string },
	R extends Record<string, unknown>
>(
	url: URL,
	options: {
		name: string;
		columns: readonly (keyof R & string)[];
		list: (db: Db, filter: CurrentFilter) => readonly V[];
		toRow: (value: V) => R;
	}
): Response {
	return withQuery(() => {
		const q = parseQuery(url, PARAMS);
		checkYearRange(q);
		const page = pageOf(q);
		const db = getDb();
		const refs = loadRefs(db);
		requireKnown(refs, q);
		const keep = indicatorFilter(refs, q);
		const rows = options
			.list(db, {
				region: q.region,
				indicator: q.indicator,
				year: q.year,
				yearFrom: q.year_from,
				yearTo: q.year_to
			})
			.filter((v) => keep(v.indicatorCode))
			.map(options.toRow);
		return listResponse(url, rows, {
			columns: options.columns,
			name: options.name,
			format: q.format,
			page
		});
	});
}
