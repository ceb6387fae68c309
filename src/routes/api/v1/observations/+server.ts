import * as observations from '$lib/server/db/observations';
import { currentValuesResponse } from '../current-values';
import type { RequestHandler } from './$types';

const COLUMNS = [
	'region_code',
	'indicator_code',
	'year',
	'value',
	'source',
	'source_kind',
	'reference_period',
	'note',
	'carried_forward',
	'illustrative'
] as const;

/** Current observations, filtered; JSON array or CSV, paginated when `limit`/`offset` are given. */
export const GET: RequestHandler = ({ url }) =>
	currentValuesResponse(url, {
		name: 'observations',
		columns: COLUMNS,
		list: observations.listCurrent,
		toRow: (o) => ({
			region_code: o.regionCode,
			indicator_code: o.indicatorCode,
			year: o.year,
			value: o.value,
			source: o.source,
			source_kind: o.sourceKind,
			reference_period: o.referencePeriod,
			note: o.note,
			// A stored value is as observed in its own year; only a score leans on an earlier one.
			carried_forward: false,
			illustrative: o.illustrative
		})
	});
