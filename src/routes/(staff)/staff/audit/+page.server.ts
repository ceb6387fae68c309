import { getConnection } from '$lib/server/db';
import * as audit from '$lib/server/db/audit';
import { AUDIT_ACTIONS } from '$lib/server/audit';
import { requireCapability } from '$lib/server/auth/guard';
import { pageOf } from '../paging';
import { readFilter } from './filter';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;

export const load = (async (event) => {
	requireCapability(event, 'readAudit');
	const { db } = getConnection();
	const { filter, badDate } = readFilter(event.url);
	const total = audit.total(db, filter);
	const { page, pages, offset } = pageOf(event.url, total, PAGE_SIZE);
	// The filters without the page number: for the pager links and the CSV download.
	const query = new URLSearchParams(event.url.search);
	query.delete('page');
	return {
		query: query.toString(),
		filter,
		badDate,
		entries: audit.list(db, filter, { limit: PAGE_SIZE, offset }),
		total,
		page,
		pages,
		actors: audit.distinctActors(db),
		actions: AUDIT_ACTIONS,
		entityTypes: audit.distinctEntityTypes(db)
	};
}) satisfies PageServerLoad;
