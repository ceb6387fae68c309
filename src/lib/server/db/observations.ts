/** Observations: the current value per (region, indicator, year); history stays in the table. */
import { and, asc, eq, gte, inArray, isNull, lte, type SQL } from 'drizzle-orm';
import type { Db } from './index';
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
