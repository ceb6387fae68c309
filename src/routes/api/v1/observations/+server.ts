import { json } from '@sveltejs/kit';
import { parseQuery, withQuery } from '$lib/server/api';
import { getDb } from '$lib/server/db';
import * as observations from '$lib/server/db/observations';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) =>
	withQuery(() => {
		const query = parseQuery(url, { region: 'code', indicator: 'code', year: 'year' });
		return json(
			observations.listCurrent(getDb(), query).map((o) => ({
				region_code: o.regionCode,
				indicator_code: o.indicatorCode,
				year: o.year,
				value: o.value,
				source: o.source,
				note: o.note,
				illustrative: o.illustrative
			}))
		);
	});
