/** Targets from planning documents (RPJMD, RPD, Renstra …): current value per year. */
import { and, asc, eq, gte, isNull, lte, type SQL } from 'drizzle-orm';
import type { Connection, Db } from './index';
import { targets } from './schema';

export interface TargetFilter {
	region?: string;
	indicator?: string;
	year?: number;
	yearFrom?: number;
	yearTo?: number;
}

export function listCurrent(db: Db, filter: TargetFilter = {}) {
	const where: SQL[] = [isNull(targets.supersededBy)];
	if (filter.region) where.push(eq(targets.regionCode, filter.region));
	if (filter.indicator) where.push(eq(targets.indicatorCode, filter.indicator));
	if (filter.year !== undefined) where.push(eq(targets.year, filter.year));
	if (filter.yearFrom !== undefined) where.push(gte(targets.year, filter.yearFrom));
	if (filter.yearTo !== undefined) where.push(lte(targets.year, filter.yearTo));
	return db
		.select({
			regionCode: targets.regionCode,
			indicatorCode: targets.indicatorCode,
			year: targets.year,
			value: targets.value,
			documentType: targets.documentType,
			documentRef: targets.documentRef,
			source: targets.source,
			note: targets.note,
			illustrative: targets.illustrative
		})
		.from(targets)
		.where(and(...where))
		.orderBy(asc(targets.regionCode), asc(targets.indicatorCode), asc(targets.year))
		.all();
}

export type CurrentTarget = ReturnType<typeof listCurrent>[number];

/** A current target as the scoring engine reads it. */
export interface ScoringTarget {
	regionCode: string;
	indicatorCode: string;
	year: number;
	value: number;
}

/** The current targets of a framework's indicators, every region and year. */
export function currentOfFramework(conn: Connection, frameworkCode: string): ScoringTarget[] {
	return conn.sqlite
		.prepare(
			`SELECT t.region_code AS regionCode, t.indicator_code AS indicatorCode, t.year, t.value
			 FROM targets t JOIN indicators i ON i.code = t.indicator_code
			 WHERE t.superseded_by IS NULL AND i.framework_code = ?`
		)
		.all(frameworkCode) as ScoringTarget[];
}

/** The current targets of one region, every indicator and year. */
export function currentOfRegion(conn: Connection, regionCode: string): ScoringTarget[] {
	return conn.sqlite
		.prepare(
			`SELECT region_code AS regionCode, indicator_code AS indicatorCode, year, value FROM targets
			 WHERE superseded_by IS NULL AND region_code = ?`
		)
		.all(regionCode) as ScoringTarget[];
}
