/**
 * The audit log as CSV for a spreadsheet. Every cell goes through the one CSV writer, so a value
 * someone typed (a user name on the public sign-in form lands in `actor`) cannot run as a formula,
 * whichever separator the spreadsheet splits on.
 */
import { csvRows } from '$lib/csv/write';
import type { auditLog } from '$lib/server/db/schema';

export const AUDIT_CSV_HEADER = [
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
] as const;

/**
 * Header plus one row per entry, `,` and CRLF.
 * @example auditCsv([]) === 'id,at_utc,actor,actor_id,action,entity_type,entity_id,before,after,address\r\n'
 */
export function auditCsv(rows: readonly (typeof auditLog.$inferSelect)[]): string {
	return csvRows(
		[
			AUDIT_CSV_HEADER,
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
		],
		','
	);
}
