import { LIST_PARAMS, listResponse, pageOf, parseQuery, withQuery } from '$lib/server/api';
import { getDb } from '$lib/server/db';
import * as frameworks from '$lib/server/db/frameworks';
import type { RequestHandler } from './$types';

const COLUMNS = [
	'code',
	'version',
	'name_id',
	'name_en',
	'year_from',
	'year_to',
	'source'
] as const;

/** The assessment frameworks (GM100SC, SPBE), each a version in force over a range of years. */
export const GET: RequestHandler = ({ url }) =>
	withQuery(() => {
		const q = parseQuery(url, LIST_PARAMS);
		const rows = frameworks.list(getDb()).map((f) => ({
			code: f.code,
			version: f.version,
			name_id: f.nameId,
			name_en: f.nameEn,
			year_from: f.yearFrom,
			year_to: f.yearTo,
			source: f.source
		}));
		return listResponse(url, rows, {
			columns: COLUMNS,
			name: 'frameworks',
			format: q.format,
			page: pageOf(q)
		});
	});
