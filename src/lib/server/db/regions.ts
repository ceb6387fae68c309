/** Regions: the Kemendagri hierarchy of provinsi → kabupaten/kota → kecamatan. */
import { asc, eq } from 'drizzle-orm';
import { untilNextWrite } from './data-version';
import { cachedStatement, type Connection, type Db } from './index';
import { regions } from './schema';

export function list(db: Db) {
	return db.select().from(regions).orderBy(asc(regions.code)).all();
}

export function get(db: Db, code: string) {
	return db.select().from(regions).where(eq(regions.code, code)).get();
}

export interface RegionRow {
	code: string;
	name: string;
	kind: string;
	parentCode: string | null;
}

/**
 * Every region in code order, read once until the next write: every scorecard page reads the
 * whole list.
 */
export function all(conn: Connection): readonly RegionRow[] {
	return untilNextWrite(
		conn,
		'regions.all',
		() =>
			cachedStatement(
				conn,
				`SELECT code, name, kind, parent_code AS parentCode FROM regions ORDER BY code`
			).all() as RegionRow[]
	);
}

export function exists(conn: Connection, code: string): boolean {
	return conn.sqlite.prepare(`SELECT code FROM regions WHERE code = ?`).get(code) !== undefined;
}

/** The regions directly under `parent` (e.g. Pati's kecamatan), in code order. */
export function children(
	conn: Connection,
	parent: string
): { code: string; name: string; kind: string }[] {
	return conn.sqlite
		.prepare(`SELECT code, name, kind FROM regions WHERE parent_code = ? ORDER BY code`)
		.all(parent) as { code: string; name: string; kind: string }[];
}

/**
 * The kabupaten and kota with a current observation in the framework, in code order: the regions
 * a framework's scores compare (rank denominators).
 */
export function comparedIn(conn: Connection, frameworkCode: string): string[] {
	return (
		conn.sqlite
			.prepare(
				`SELECT DISTINCT r.code FROM regions r
				 JOIN observations o ON o.region_code = r.code AND o.superseded_by IS NULL
				 JOIN indicators i ON i.code = o.indicator_code AND i.framework_code = ?
				 WHERE r.kind IN ('kabupaten', 'kota') ORDER BY r.code`
			)
			.all(frameworkCode) as { code: string }[]
	).map((r) => r.code);
}

/**
 * The words of every region's name, lower-cased and once each ("Kabupaten Pati" → kabupaten,
 * pati): the place names a guesser tries first against this instance's passwords.
 */
export function nameWords(db: Db): string[] {
	const names = db.select({ name: regions.name }).from(regions).all();
	return [...new Set(names.flatMap((r) => r.name.toLowerCase().split(/\s+/).filter(Boolean)))];
}
