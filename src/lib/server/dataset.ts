/**
 * What kind of data this instance shows: the default instance publishes sourced figures only; the
 * opt-in demo (`DEMO=1`) adds illustrative series. Every page asks `illustrativeShown()` so that a
 * banner says so whenever an invented number can appear, including on a database that was seeded
 * with illustrative rows before the demo became opt-in (such rows are then still marked, never
 * silently mixed with real ones).
 */
import { config } from './config';
import { getConnection, type Connection } from './db';
import { dataVersion } from './db/data-version';
import { anyIllustrative } from './db/observations';

let memo: { key: string; value: boolean } | null = null;

/** True when the database holds a current illustrative value (cached per data version). */
export function holdsIllustrative(conn: Connection): boolean {
	const key = `${conn.path}|${dataVersion(conn)}`;
	if (memo?.key === key) return memo.value;
	memo = { key, value: anyIllustrative(conn) };
	return memo.value;
}

/** Whether pages must carry the demo banner: the demo is on, or illustrative values are stored. */
export function illustrativeShown(conn: Connection = getConnection()): boolean {
	return config().demo || holdsIllustrative(conn);
}
