import { toCsv } from '$lib/charts/geometry/csv';
import { getConnection } from '$lib/server/db';
import * as audit from '$lib/server/db/audit';
import { requireCapability } from '$lib/server/auth/guard';
import { readFilter } from '../filter';
import { csvDownload } from '$lib/server/csv-download';
import type { RequestHandler } from './$types';

/** The filtered audit log as CSV; cells that a spreadsheet would run as formulas are escaped. */
export const GET: RequestHandler = (event) => {
	requireCapability(event, 'readAudit');
	const { filter } = readFilter(event.url);
	const rows = audit.all(getConnection().db, filter);
	const header = [
		'id',
		'at_utc',
		'actor',
		'actor_id',
		'action',
		'entity_type',
		'entity_id',
		'before',
		'after',
		'address'
	];
	const body = toCsv([
		header,
		...rows.map((r) => [
			r.id,
			r.at,
			r.actor,
			r.actorId,
			r.action,
			r.entityType,
			r.entityId,
			r.before,
			r.after,
			r.address
		])
	]);
	const stamp = new Date().toISOString().slice(0, 10);
	return csvDownload(body + '\r\n', `audit-log-${stamp}.csv`);
};
