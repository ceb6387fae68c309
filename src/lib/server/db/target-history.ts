/** Every target row of one indicator and region, current and replaced, with the import behind it. */
import type { Connection } from './index';

export interface TargetHistoryRow {
	id: number;
	year: number;
	value: number;
	documentType: string;
	documentRef: string;
	source: string;
	note: string;
	illustrative: boolean;
	importId: number;
	importedAt: string;
	actor: string;
	supersededBy: number | null;
}

export function targetHistory(
	conn: Connection,
	region: string,
	indicator: string
): TargetHistoryRow[] {
	return (
		conn.sqlite
			.prepare(
				`SELECT t.id, t.year, t.value, t.document_type AS documentType,
				        t.document_ref AS documentRef, t.source, t.note,
				        t.illustrative, t.import_id AS importId, i.created_at AS importedAt, i.actor,
				        t.superseded_by AS supersededBy
				 FROM targets t JOIN imports i ON i.id = t.import_id
				 WHERE t.region_code = ? AND t.indicator_code = ?
				 ORDER BY t.year, t.id`
			)
			.all(region, indicator) as (Omit<TargetHistoryRow, 'illustrative'> & {
			illustrative: number;
		})[]
	).map((r) => ({ ...r, illustrative: Boolean(r.illustrative) }));
}
