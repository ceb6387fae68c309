import { getConnection } from '$lib/server/db';
import * as audit from '$lib/server/db/audit';
import { requireCapability } from '$lib/server/auth/guard';
import { auditCsv } from '../csv';
import { readFilter } from '../filter';
import { csvDownload } from '$lib/server/csv-download';
import type { RequestHandler } from './$types';

/** The filtered audit log as CSV (`auditCsv`: cells a spreadsheet would run as formulas are guarded). */
export const GET: RequestHandler = (event) => {
	requireCapability(event, 'readAudit');
	const { filter } = readFilter(event.url);
	const rows = audit.all(getConnection().db, filter);
	const stamp = new Date().toISOString().slice(0, 10);
	return csvDownload(auditCsv(rows), `audit-log-${stamp}.csv`);
};
