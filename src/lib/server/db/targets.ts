/** Targets from planning documents (RPJMD, Renstra, masterplan): current value per year. */
import { and, asc, eq, isNull, type SQL } from 'drizzle-orm';
import type { Db } from './index';
import { targets } from './schema';

export function listCurrent(db: Db, filter: { region?: string; indicator?: string } = {}) {
	const where: SQL[] = [isNull(targets.supersededBy)];
	if (filter.region) where.push(eq(targets.regionCode, filter.region));
	if (filter.indicator) where.push(eq(targets.indicatorCode, filter.indicator));
	return db
		.select({
			regionCode: targets.regionCode,
			indicatorCode: targets.indicatorCode,
			year: targets.year,
			value: targets.value,
			documentType: targets.documentType,
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
