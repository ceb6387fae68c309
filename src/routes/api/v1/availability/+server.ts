import {
	checkYearRange,
	LIST_PARAMS,
	listResponse,
	pageOf,
	parseQuery,
	withQuery
} from '$lib/server/api';
import { config } from '$lib/server/config';
import { getDb } from '$lib/server/db';
import * as frameworks from '$lib/server/db/frameworks';
import * as indicators from '$lib/server/db/indicators';
import * as observations from '$lib/server/db/observations';
import { availabilityYears, statusMatrix } from '$lib/availability';
import { loadRefs, requireKnown } from '../refs';
import type { RequestHandler } from './$types';

const COLUMNS = [
	'region_code',
	'framework_code',
	'dimension_code',
	'indicator_code',
	'year',
	'status'
] as const;

/**
 * Data availability, as on the /data page: for each indicator and year whether the region has a
 * sourced value (`real`), only an `illustrative` one, none (`missing`), or whether the indicator
 * did not exist yet (`not_applicable`).
 */
export const GET: RequestHandler = ({ url }) =>
	withQuery(() => {
		const q = parseQuery(url, {
			region: 'code',
			framework: 'code',
			indicator: 'code',
			dimension: 'code',
			year_from: 'year',
			year_to: 'year',
			...LIST_PARAMS
		});
		checkYearRange(q);
		const page = pageOf(q);
		const db = getDb();
		const { instance } = config();
		const region = q.region ?? instance.defaultRegion;
		const frameworkCode = q.framework ?? instance.defaultFramework;
		requireKnown(loadRefs(db), { ...q, region, framework: frameworkCode });
		const fw = frameworks.get(db, frameworkCode)!;
		const list = indicators
			.list(db, { framework: fw.code })
			.filter(
				(i) =>
					(q.indicator === undefined || i.code === q.indicator) &&
					(q.dimension === undefined || i.dimensionCode === q.dimension)
			);
		const values = observations.listCurrent(db, { framework: fw.code, region });
		const years = availabilityYears(
			fw.yearFrom,
			fw.yearTo,
			values.map((v) => v.year)
		).filter(
			(y) =>
				(q.year_from === undefined || y >= q.year_from) &&
				(q.year_to === undefined || y <= q.year_to)
		);
		const matrix = statusMatrix(list, values, years);
		const rows = list.flatMap((i) =>
			(matrix.get(i.code) ?? []).map((status, j) => ({
				region_code: region,
				framework_code: fw.code,
				dimension_code: i.dimensionCode,
				indicator_code: i.code,
				year: years[j],
				status
			}))
		);
		return listResponse(url, rows, {
			columns: COLUMNS,
			name: `availability-${region}`,
			format: q.format,
			page
		});
	});
