/** Observations: the current value per (region, indicator, year); history stays in the table. */
import { and, asc, eq, gte, inArray, isNull, lte, type SQL } from 'drizzle-orm';
import { cachedStatement, type Connection, type Db } from './index';
import { indicators, observations } from './schema';

export interface ObservationFilter {
	region?: string;
	regions?: string[];
	indicator?: string;
	year?: number;
	yearFrom?: number;
	yearTo?: number;
	framework?: string;
}

export function listCurrent(db: Db, filter: ObservationFilter = {}) {
	const where: SQL[] = [isNull(observations.supersededBy)];
	if (filter.region) where.push(eq(observations.regionCode, filter.region));
	if (filter.regions) where.push(inArray(observations.regionCode, filter.regions));
	if (filter.indicator) where.push(eq(observations.indicatorCode, filter.indicator));
	if (filter.year !== undefined) where.push(eq(observations.year, filter.year));
	if (filter.yearFrom !== undefined) where.push(gte(observations.year, filter.yearFrom));
	if (filter.yearTo !== undefined) where.push(lte(observations.year, filter.yearTo));
	const base = db
		.select({
			regionCode: observations.regionCode,
			indicatorCode: observations.indicatorCode,
			year: observations.year,
			value: observations.value,
			source: observations.source,
			sourceKind: observations.sourceKind,
			referencePeriod: observations.referencePeriod,
			note: observations.note,
			illustrative: observations.illustrative,
			importId: observations.importId
		})
		.from(observations);
	const query = filter.framework
		? base
				.innerJoin(indicators, eq(indicators.code, observations.indicatorCode))
				.where(and(...where, eq(indicators.frameworkCode, filter.framework)))
		: base.where(and(...where));
	return query
		.orderBy(asc(observations.regionCode), asc(observations.indicatorCode), asc(observations.year))
		.all();
}

export type CurrentObservation = ReturnType<typeof listCurrent>[number];

/** A current observation as the scoring engine reads it, with its provenance. */
export interface ScoringObservation {
	regionCode: string;
	indicatorCode: string;
	year: number;
	value: number;
	illustrative: boolean;
	source: string;
	sourceKind: string;
	referencePeriod: string;
}

/**
 * The current observations of a framework's indicators, for the scoring engine: every region and
 * year, with their provenance (carried through to the scores).
 */
export function currentOfFramework(conn: Connection, frameworkCode: string): ScoringObservation[] {
	const rows = conn.sqlite
		.prepare(
			`SELECT o.region_code AS regionCode, o.indicator_code AS indicatorCode, o.year, o.value,
			        o.illustrative, o.source, o.source_kind AS sourceKind,
			        o.reference_period AS referencePeriod
			 FROM observations o JOIN indicators i ON i.code = o.indicator_code
			 WHERE o.superseded_by IS NULL AND i.framework_code = ?`
		)
		.all(frameworkCode) as (Omit<ScoringObservation, 'illustrative'> & { illustrative: number })[];
	return rows.map((o) => ({ ...o, illustrative: Boolean(o.illustrative) }));
}

/** A region's current observation of a framework's indicator in a year up to a submission's. */
export interface ObservationUpToYear {
	code: string;
	year: number;
	value: number;
	source: string;
	/** 0 or 1, as stored. */
	illustrative: number;
	sourceKind: string;
	referencePeriod: string;
}

/** A region's current observations of a framework's indicators in `year` and every year before. */
export function currentUpTo(
	conn: Connection,
	regionCode: string,
	frameworkCode: string,
	year: number
): ObservationUpToYear[] {
	return conn.sqlite
		.prepare(
			`SELECT o.indicator_code AS code, o.year, o.value, o.source, o.illustrative,
			        o.source_kind AS sourceKind, o.reference_period AS referencePeriod
			 FROM observations o JOIN indicators i ON i.code = o.indicator_code
			 WHERE o.superseded_by IS NULL AND o.region_code = ? AND i.framework_code = ? AND o.year <= ?`
		)
		.all(regionCode, frameworkCode, year) as ObservationUpToYear[];
}

/** The newest year with a current observation of the framework in the region; null for none. */
export function latestYear(
	conn: Connection,
	regionCode: string,
	frameworkCode: string
): number | null {
	const row = conn.sqlite
		.prepare(
			`SELECT max(o.year) AS year FROM observations o JOIN indicators i ON i.code = o.indicator_code
			 WHERE o.superseded_by IS NULL AND o.region_code = ? AND i.framework_code = ?`
		)
		.get(regionCode, frameworkCode) as { year: number | null };
	return row.year;
}

/** The indicators with a current observation for the region in the year. */
export function indicatorsObserved(conn: Connection, regionCode: string, year: number): string[] {
	return (
		conn.sqlite
			.prepare(
				`SELECT indicator_code AS code FROM observations
				 WHERE superseded_by IS NULL AND region_code = ? AND year = ?`
			)
			.all(regionCode, year) as { code: string }[]
	).map((r) => r.code);
}

/**
 * How many current observations there are: one bare prepared query, which the health check
 * and the benchmark's baseline page rely on (prepared on each call, as they always were).
 */
export function countCurrent(conn: Connection): number {
	const row = conn.sqlite
		.prepare('SELECT count(*) AS n FROM observations WHERE superseded_by IS NULL')
		.get() as { n: number };
	return row.n;
}

/**
 * True when a current observation or target is marked illustrative (both value tables: the demo
 * banner must show whenever an invented number can appear).
 */
export function anyIllustrative(conn: Connection): boolean {
	const row = cachedStatement(
		conn,
		`SELECT EXISTS (SELECT 1 FROM observations WHERE illustrative = 1 AND superseded_by IS NULL)
		     OR EXISTS (SELECT 1 FROM targets WHERE illustrative = 1 AND superseded_by IS NULL) AS any`
	).get() as { any: number };
	return row.any === 1;
}
