import { LIST_PARAMS, listResponse, pageOf, parseQuery, withQuery } from '$lib/server/api';
import { getDb } from '$lib/server/db';
import * as indicators from '$lib/server/db/indicators';
import { parseBreakYears } from '$lib/server/scores';
import { loadRefs, requireKnown } from '../refs';
import type { RequestHandler } from './$types';

const COLUMNS = [
	'code',
	'framework_code',
	'name_id',
	'name_en',
	'dimension_code',
	'element_code',
	'unit',
	'polarity',
	'value_type',
	'method',
	'worst',
	'best',
	'benchmark',
	'weight',
	'opd',
	'year_from',
	'decimals',
	'break_years'
] as const;

/** Indicators with their dimension, element, unit, polarity and scoring bounds. */
export const GET: RequestHandler = ({ url }) =>
	withQuery(() => {
		const q = parseQuery(url, { framework: 'code', dimension: 'code', ...LIST_PARAMS });
		const page = pageOf(q);
		const db = getDb();
		requireKnown(loadRefs(db), q);
		const rows = indicators
			.list(db, { framework: q.framework })
			.filter((i) => q.dimension === undefined || i.dimensionCode === q.dimension)
			.map((i) => ({
				code: i.code,
				framework_code: i.frameworkCode,
				name_id: i.nameId,
				name_en: i.nameEn,
				dimension_code: i.dimensionCode,
				element_code: i.elementCode,
				unit: i.unit,
				polarity: i.polarity,
				value_type: i.valueType,
				method: i.method,
				worst: i.worst,
				best: i.best,
				benchmark: i.benchmark,
				weight: i.weight,
				opd: i.opd,
				year_from: i.yearFrom,
				decimals: i.decimals,
				break_years: parseBreakYears(i.breakYears)
			}));
		return listResponse(url, rows, {
			columns: COLUMNS,
			name: 'indicators',
			format: q.format,
			page
		});
	});
