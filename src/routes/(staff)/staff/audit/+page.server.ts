import { getConnection } from '$lib/server/db';
import * as audit from '$lib/server/db/audit';
import { AUDIT_ACTIONS } from '$lib/server/audit';
import { requireCapability } from '$lib/server/auth/guard';
import { readFilter } from './filter';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;

export const load = (async (event) => {
	requireCapability(event, 'readAudit');
	const { db } = getConnection();
	const { filter, badDate } = readFilter(event.url);
	const total = audit.total(db, filter);
	const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
	const requested = Number(event.url.searchParams.get('page') ?? '1');
	const page = Number.isInteger(requested) ? Math.min(Math.max(requested, 1), pages) : 1;
	// The filters without the page number: for the pager links and the CSV download.
	const query = new URLSearchParams(event.url.search);
	query.delete('page');
	return {
		query: query.toString(),
		filter,
		badDate,
		entries: audit.list(db, filter, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
		total,
		page,
		pages,
		actors: audit.distinctActors(db),
		actions: AUDIT_ACTIONS,
		entityTypes: audit.distinctEntityTypes(db)
	};
}) satisfies PageServerLoad;
