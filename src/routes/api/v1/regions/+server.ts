import { json } from '@sveltejs/kit';
import { parseQuery, withQuery } from '$lib/server/api';
import { getDb } from '$lib/server/db';
import * as regions from '$lib/server/db/regions';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) =>
	withQuery(() => {
		parseQuery(url, {});
		return json(
			regions.list(getDb()).map((r) => ({
				code: r.code,
				name: r.name,
				kind: r.kind,
				parent_code: r.parentCode
			}))
		);
	});
