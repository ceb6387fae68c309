/** Indicators with the dimension their element belongs to. */
import { and, asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from './index';
import { frameworkNodes, indicators } from './schema';

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
