/**
 * Cheap fingerprints of the data, read on every request by the caches in front of the scores and
 * the pages (statements prepared once per connection: they run more often than anything else).
 */
import { cachedStatement, type Connection } from './index';

/** A fingerprint of everything that can change scores: imports, undos and profiles. */
export function dataVersion(conn: Connection): string {
	const row = cachedStatement(
		conn,
		`SELECT (SELECT coalesce(max(id), 0) FROM imports) AS imports,
			        (SELECT count(*) FROM imports WHERE status = 'undone') AS undone,
			        (SELECT group_concat(code || ':' || version) FROM scoring_profiles) AS profiles`
	).get() as { imports: number; undone: number; profiles: string | null };
	return `${row.imports}:${row.undone}:${row.profiles ?? ''}`;
}

/**
 * The rows this connection has changed since it opened (SQLite's `total_changes()`): covers the
 * writes of this process that are not imports (an indicator's OPD, a sign-in).
 */
export function changesOnConnection(conn: Connection): number {
	return (cachedStatement(conn, 'SELECT total_changes() AS n').get() as { n: number }).n;
}
