/** Indicators with the dimension their element belongs to. */
import { and, asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { untilNextWrite } from './data-version';
import { cachedStatement, type Connection, type Db } from './index';
import { frameworkNodes, indicators, type Indicator } from './schema';

const element = alias(frameworkNodes, 'element');

const columns = {
	indicator: indicators,
	dimensionCode: element.parentCode
};

function withDimension(db: Db) {
	return db
		.select(columns)
		.from(indicators)
		.innerJoin(
			element,
			and(
				eq(element.frameworkCode, indicators.frameworkCode),
				eq(element.code, indicators.elementCode)
			)
		);
}

export type IndicatorWithDimension = typeof indicators.$inferSelect & {
	dimensionCode: string | null;
};

const flatten = (r: {
	indicator: typeof indicators.$inferSelect;
	dimensionCode: string | null;
}) => ({
	...r.indicator,
	dimensionCode: r.dimensionCode
});

/**
 * Each indicator's OPD in a framework, by code: what the scorecard names beside a missing value.
 * A prepared statement of two columns, not `list()`, read once until the next write: `/` asks on
 * every render, and drizzle's query building and row mapping of the whole joined table cost about
 * a fifth of that render (node --cpu-prof of the built server under autocannon with
 * Cache-Control: no-cache).
 */
export function opdByCode(conn: Connection, framework: string): ReadonlyMap<string, string> {
	return untilNextWrite(conn, `opdByCode:${framework}`, () => {
		const rows = cachedStatement(
			conn,
			`SELECT code, opd FROM indicators WHERE framework_code = ?`
		).all(framework) as { code: string; opd: string }[];
		return new Map(rows.map((r) => [r.code, r.opd]));
	});
}

/** All indicators, optionally of one framework, in display order. */
export function list(db: Db, filter: { framework?: string } = {}): IndicatorWithDimension[] {
	const query = withDimension(db);
	const rows = filter.framework
		? query.where(eq(indicators.frameworkCode, filter.framework))
		: query;
	return rows
		.orderBy(asc(indicators.frameworkCode), asc(indicators.sortOrder), asc(indicators.code))
		.all()
		.map(flatten);
}

export function get(db: Db, code: string): IndicatorWithDimension | undefined {
	const row = withDimension(db).where(eq(indicators.code, code)).get();
	return row && flatten(row);
}

/** An indicator as a submission's items use it. */
export interface FrameworkIndicator {
	code: string;
	elementCode: string;
	nameId: string;
	nameEn: string;
	unit: string;
	opd: string;
	weight: number;
}

/** The indicators of a framework in display order, with what a submission's items need. */
export function ofFramework(conn: Connection, frameworkCode: string): FrameworkIndicator[] {
	return conn.sqlite
		.prepare(
			`SELECT code, element_code AS elementCode, name_id AS nameId, name_en AS nameEn, unit, opd, weight
			 FROM indicators WHERE framework_code = ? ORDER BY sort_order, code`
		)
		.all(frameworkCode) as FrameworkIndicator[];
}

/** An indicator as the scoring engine reads it; `breakYears` still in the column's text form. */
export type ScoringIndicatorRow = Pick<
	Indicator,
	| 'code'
	| 'elementCode'
	| 'nameId'
	| 'nameEn'
	| 'unit'
	| 'polarity'
	| 'valueType'
	| 'method'
	| 'worst'
	| 'best'
	| 'benchmark'
	| 'weight'
	| 'yearFrom'
	| 'breakYears'
	| 'sortOrder'
>;

/** The indicators of a framework in display order, with the columns scoring uses. */
export function forScoring(conn: Connection, frameworkCode: string): ScoringIndicatorRow[] {
	return conn.sqlite
		.prepare(
			`SELECT code, element_code AS elementCode, name_id AS nameId, name_en AS nameEn, unit, polarity,
			        value_type AS valueType, method, worst, best, benchmark, weight, year_from AS yearFrom,
			        break_years AS breakYears, sort_order AS sortOrder
			 FROM indicators WHERE framework_code = ? ORDER BY sort_order, code`
		)
		.all(frameworkCode) as ScoringIndicatorRow[];
}
