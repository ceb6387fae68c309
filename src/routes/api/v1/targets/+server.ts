import {
	checkYearRange,
	LIST_PARAMS,
	listResponse,
	pageOf,
	parseQuery,
	withQuery
} from '$lib/server/api';
import { getDb } from '$lib/server/db';
import * as targets from '$lib/server/db/targets';
import { indicatorFilter, loadRefs, requireKnown } from '../refs';
import type { RequestHandler } from './$types';

const COLUMNS = [
	'region_code',
	'indicator_code',
	'year',
	'value',
	'document_type',
	'source',
	'note',
	'illustrative'
] as const;

/** Current targets from planning documents (RPJMD, Renstra …), filtered like observations. */
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
		const rows = targets
			.listCurrent(db, {
				region: q.region,
				indicator: q.indicator,
				year: q.year,
				yearFrom: q.year_from,
				yearTo: q.year_to
			})
			.filter((t) => keep(t.indicatorCode))
			.map((t) => ({
				region_code: t.regionCode,
				indicator_code: t.indicatorCode,
				year: t.year,
				value: t.value,
				document_type: t.documentType,
				source: t.source,
				note: t.note,
				illustrative: t.illustrative
			}));
		return listResponse(url, rows, { columns: COLUMNS, name: 'targets', format: q.format, page });
	});
