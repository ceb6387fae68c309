import {
	LIST_PARAMS,
	listResponse,
	pageOf,
	parseQuery,
	QueryError,
	withQuery
} from '$lib/server/api';
import { getDb } from '$lib/server/db';
import * as regions from '$lib/server/db/regions';
import { REGION_KINDS } from '$lib/domain';
import type { RequestHandler } from './$types';

const COLUMNS = ['code', 'name', 'kind', 'parent_code'] as const;

/** Regions (Kemendagri codes), optionally of one kind or under one parent. */
export const GET: RequestHandler = ({ url }) =>
	withQuery(() => {
		const q = parseQuery(url, { kind: 'string', parent: 'code', ...LIST_PARAMS });
		if (q.kind !== undefined && !(REGION_KINDS as readonly string[]).includes(q.kind)) {
			throw new QueryError(
				'kind',
				`Parameter "kind" must be one of ${REGION_KINDS.join(', ')}, got "${q.kind}".`
			);
		}
		const page = pageOf(q);
		const rows = regions
			.list(getDb())
			.filter(
				(r) =>
					(q.kind === undefined || r.kind === q.kind) &&
					(q.parent === undefined || r.parentCode === q.parent)
			)
			.map((r) => ({ code: r.code, name: r.name, kind: r.kind, parent_code: r.parentCode }));
		return listResponse(url, rows, { columns: COLUMNS, name: 'regions', format: q.format, page });
	});
