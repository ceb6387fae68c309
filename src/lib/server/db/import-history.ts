/**
 * Reading the imports table: the history the staff pages list, newest first. Writing it (a load,
 * its counts, an undo) is `./imports`.
 */
import type { Connection } from './index';

/** One row of the import history. */
export interface ImportHistoryRow {
	id: number;
	kind: string;
	fileName: string;
	sha256: string;
	shape: string;
	dialect: string;
	actor: string;
	createdAt: string;
	status: string;
	rowCount: number;
	inserted: number;
	updated: number;
	unchanged: number;
	undoneAt: string | null;
	undoneBy: string | null;
}

/** The columns of a history row, shared by the list and the single-row read. */
const HISTORY_COLUMNS = `id, kind, file_name AS fileName, sha256, shape, dialect, actor, created_at AS createdAt,
	status, row_count AS rowCount, inserted, updated, unchanged, undone_at AS undoneAt, undone_by AS undoneBy`;

/** One import of the history, or null. */
export function historyRow(conn: Connection, id: number): ImportHistoryRow | null {
	const row = conn.sqlite.prepare(`SELECT ${HISTORY_COLUMNS} FROM imports WHERE id = ?`).get(id) as
		ImportHistoryRow | undefined;
	return row ?? null;
}

/** The newest imports first; with `actor`, only the imports that person ran. */
export function history(
	conn: Connection,
	page: { limit?: number; offset?: number; actor?: string } = {}
): ImportHistoryRow[] {
	const { limit = 50, offset = 0, actor } = page;
	if (actor !== undefined) {
		return conn.sqlite
			.prepare(
				`SELECT ${HISTORY_COLUMNS} FROM imports WHERE actor = ? ORDER BY id DESC LIMIT ? OFFSET ?`
			)
			.all(actor, limit, offset) as ImportHistoryRow[];
	}
	return conn.sqlite
		.prepare(`SELECT ${HISTORY_COLUMNS} FROM imports ORDER BY id DESC LIMIT ? OFFSET ?`)
		.all(limit, offset) as ImportHistoryRow[];
}

/** How many imports the history holds (undone ones included). */
export function count(conn: Connection): number {
	return (
		conn.sqlite.prepare(`SELECT count(*) AS total FROM imports`).get() as {
			total: number;
		}
	).total;
}

/** True once the bundled seed has been loaded into this database. */
export function hasSeed(conn: Connection): boolean {
	return (
		conn.sqlite.prepare(`SELECT 1 FROM imports WHERE kind = 'seed' LIMIT 1`).get() !== undefined
	);
}
