/** Frameworks (GM100SC, SPBE), versioned by year, and their trees of nodes. */
import { asc, eq } from 'drizzle-orm';
import type { SubmissionKind } from '../../submission/types';
import type { Connection, Db } from './index';
import { frameworkNodes, frameworks, type FrameworkNode } from './schema';

export function list(db: Db) {
	return db.select().from(frameworks).orderBy(asc(frameworks.code)).all();
}

export function get(db: Db, code: string) {
	return db.select().from(frameworks).where(eq(frameworks.code, code)).get();
}

/** Every node of a framework, parents before children, in display order. */
export function nodes(db: Db, frameworkCode: string) {
	return db
		.select()
		.from(frameworkNodes)
		.where(eq(frameworkNodes.frameworkCode, frameworkCode))
		.orderBy(asc(frameworkNodes.sortOrder), asc(frameworkNodes.code))
		.all();
}

/** A framework's name and the years it is in force, as the scoring engine reads them. */
export interface FrameworkSpan {
	code: string;
	name_id: string;
	name_en: string;
	year_from: number;
	year_to: number | null;
}

export function span(conn: Connection, code: string): FrameworkSpan | undefined {
	return conn.sqlite
		.prepare(`SELECT code, name_id, name_en, year_from, year_to FROM frameworks WHERE code = ?`)
		.get(code) as FrameworkSpan | undefined;
}

/** The framework of a kind in force in a year (`gm100sc-…`, `spbe-…`), latest version first. */
export function inForce(conn: Connection, kind: SubmissionKind, year: number) {
	return conn.sqlite
		.prepare(
			`SELECT code, version, name_id AS nameId, name_en AS nameEn FROM frameworks
			 WHERE code LIKE ? AND year_from <= ? AND (year_to IS NULL OR year_to >= ?)
			 ORDER BY year_from DESC LIMIT 1`
		)
		.get(`${kind}-%`, year, year) as
		{ code: string; version: string; nameId: string; nameEn: string } | undefined;
}

/** A node with what the scoring engine and the submission workspace use of it. */
export type NodeRow = Pick<
	FrameworkNode,
	'code' | 'parentCode' | 'level' | 'nameId' | 'nameEn' | 'weight' | 'sortOrder'
>;

/**
 * Every node of a framework in display order, as plain rows of the columns scoring and
 * submissions need (`nodes()` gives every column, for pages and the API).
 */
export function nodeRows(conn: Connection, frameworkCode: string): NodeRow[] {
	return conn.sqlite
		.prepare(
			`SELECT code, parent_code AS parentCode, level, name_id AS nameId, name_en AS nameEn, weight,
			        sort_order AS sortOrder
			 FROM framework_nodes WHERE framework_code = ? ORDER BY sort_order, code`
		)
		.all(frameworkCode) as NodeRow[];
}

/** Nodes that carry indicators but no child nodes (GM100SC elements). */
export function elements(conn: Connection, frameworkCode: string): NodeRow[] {
	const nodes = nodeRows(conn, frameworkCode);
	const parents = new Set(nodes.map((n) => n.parentCode).filter(Boolean));
	return nodes.filter((n) => n.parentCode !== null && !parents.has(n.code));
}
