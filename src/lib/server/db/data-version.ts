/**
 * Cheap fingerprints of the data, read on every request by the caches in front of the scores and
 * the pages (statements prepared once per connection: they run more often than anything else).
 */
import { cachedStatement, type Connection } from './index';

/**
 * A stamp that changes with every committed write to the database: SQLite's `data_version` moves
 * when another connection commits, `total_changes()` when this one writes. Reading it touches no
 * table, unlike the reads it guards.
 */
export function writeStamp(conn: Connection): string {
	const row = cachedStatement(
		conn,
		'SELECT (SELECT data_version FROM pragma_data_version) AS dv, total_changes() AS tc'
	).get() as { dv: number; tc: number };
	return `${row.dv}:${row.tc}`;
}

const remembered = new WeakMap<
	Connection,
	Map<string, Map<string, { stamp: string; value: unknown }>>
>();

/**
 * `read()`'s answer for `key`, kept for this connection until the next write to the database, at
 * most `max` keys per name, the least recently used dropped first: for reads that change only
 * when data does (a page's view of one query string). The value is shared between requests, so
 * it comes frozen (shallowly); `name` says which read it is.
 */
export function untilNextWriteByKey<T>(
	conn: Connection,
	name: string,
	key: string,
	max: number,
	read: () => T
): Readonly<T> {
	const stamp = writeStamp(conn);
	let byName = remembered.get(conn);
	if (!byName) remembered.set(conn, (byName = new Map()));
	let byKey = byName.get(name);
	if (!byKey) byName.set(name, (byKey = new Map()));
	const kept = byKey.get(key);
	// Deleted and set again: a Map iterates in insertion order, so its first key is the least
	// recently used.
	byKey.delete(key);
	if (kept && kept.stamp === stamp) {
		byKey.set(key, kept);
		return kept.value as Readonly<T>;
	}
	const value = Object.freeze(read());
	if (byKey.size >= max) byKey.delete(byKey.keys().next().value!);
	byKey.set(key, { stamp, value });
	return value;
}

/**
 * The same for a read without a key: the small reads every page makes (the region list, the
 * indicators' OPDs).
 */
export const untilNextWrite = <T>(conn: Connection, name: string, read: () => T): Readonly<T> =>
	untilNextWriteByKey(conn, name, '', 1, read);

/**
 * A fingerprint of everything that can change scores: imports, undos and profiles. Read directly,
 * not through untilNextWrite: it costs about what the write stamp does.
 */
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
