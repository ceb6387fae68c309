import * as targets from '$lib/server/db/targets';
import { currentValuesResponse } from '../current-values';
import type { RequestHandler } from './$types';

const COLUMNS = [
	'region_code',
	'indicator_code',
	'year',
	'value',
	'document_type',
	'document_ref',
	'source',
	'note',
	'illustrative'
] as const;

/** Current targets from planning documents (RPJMD, RPD, Renstra …), filtered like observations. */
export const GET: RequestHandler = ({ url }) =>
	currentValuesResponse(url, {
		name: 'targets',
		columns: COLUMNS,
		list: targets.listCurrent,
		toRow: (t) => ({
			region_code: t.regionCode,
			indicator_code: t.indicatorCode,
			year: t.year,
			value: t.value,
			document_type: t.documentType,
			document_ref: t.documentRef,
			source: t.source,
			note: t.note,
			illustrative: t.illustrative
		})
	});
