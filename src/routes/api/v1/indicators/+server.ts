import { json } from '@sveltejs/kit';
import { apiError, parseQuery, withQuery } from '$lib/server/api';
import { getDb } from '$lib/server/db';
import * as frameworks from '$lib/server/db/frameworks';
import * as indicators from '$lib/server/db/indicators';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) =>
	withQuery(() => {
		const query = parseQuery(url, { framework: 'code' });
		const db = getDb();
		if (query.framework && !frameworks.get(db, query.framework)) {
			return apiError(404, 'not_found', `Unknown framework "${query.framework}".`);
		}
		return json(
			indicators.list(db, { framework: query.framework }).map((i) => ({
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
				weight: i.weight,
				opd: i.opd
			}))
		);
	});
