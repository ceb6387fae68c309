/**
 * Scoring profiles: how a framework is scored (one JSON `settings` column), versioned by year. Rows come back as stored (snake_case, `settings` unparsed): the
 * scoring glue (`$lib/server/scores`) parses and checks them.
 */
import type { Connection } from './index';

export interface StoredProfile {
	code: string;
	framework_code: string;
	version: string;
	name_id: string;
	name_en: string;
	year_from: number;
	year_to: number | null;
	is_default: number;
	settings: string;
}

export function byCode(conn: Connection, code: string): StoredProfile | undefined {
	return conn.sqlite.prepare(`SELECT * FROM scoring_profiles WHERE code = ?`).get(code) as
		StoredProfile | undefined;
}

/** The framework's default profile, else its newest; undefined when it has none. */
export function defaultFor(conn: Connection, frameworkCode: string): StoredProfile | undefined {
	return conn.sqlite
		.prepare(
			`SELECT * FROM scoring_profiles WHERE framework_code = ? ORDER BY is_default DESC, year_from DESC LIMIT 1`
		)
		.get(frameworkCode) as StoredProfile | undefined;
}
