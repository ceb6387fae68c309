/**
 * The Kominfo results staff record from each letter after the bundled tables (`official_results`):
 * plain verbs on the caller's connection and in the caller's transaction. The rules live in
 * `$lib/server/official-results.ts`.
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import type { ResultRow } from '../../evaluation/result-input';
import type { InstrumentPartKey } from '../../submission/instrument';
import type { Db } from './index';
import { officialResults } from './schema';

export type OfficialResultRow = typeof officialResults.$inferSelect;

/** What a write sets: a checked result and who recorded it (the id and the time the database gives). */
export interface OfficialResultValues extends ResultRow {
	recordedBy: string;
}

/** A stored row's part scores as one record, in the instrument's parts. */
export const scoresOf = (row: OfficialResultRow): Record<InstrumentPartKey, number | null> => ({
	baseline: row.baseline,
	output: row.output,
	outcome: row.outcome,
	impact: row.impact,
	quickwin: row.quickwin,
	kolaborasi: row.kolaborasi
});

const columns = (v: OfficialResultValues) => ({
	year: v.year,
	regionCode: v.regionCode,
	weightSet: v.weightSet,
	...v.scores,
	final: v.final,
	improvement: v.improvement,
	letter: v.letter,
	letterDate: v.letterDate,
	sourceHref: v.sourceHref,
	note: v.note,
	recordedBy: v.recordedBy
});

/** Every recorded result, newest year first, then by region. */
export function list(db: Db): OfficialResultRow[] {
	return db
		.select()
		.from(officialResults)
		.orderBy(desc(officialResults.year), asc(officialResults.regionCode))
		.all();
}

/** A region's recorded results, newest year first. */
export function ofRegion(db: Db, regionCode: string): OfficialResultRow[] {
	return db
		.select()
		.from(officialResults)
		.where(eq(officialResults.regionCode, regionCode))
		.orderBy(desc(officialResults.year))
		.all();
}

export function get(db: Db, id: number): OfficialResultRow | undefined {
	return db.select().from(officialResults).where(eq(officialResults.id, id)).get();
}

/** The id of the result of a region and year, or null. */
export function idOf(db: Db, year: number, regionCode: string): number | null {
	return (
		db
			.select({ id: officialResults.id })
			.from(officialResults)
			.where(and(eq(officialResults.year, year), eq(officialResults.regionCode, regionCode)))
			.get()?.id ?? null
	);
}

export function insert(db: Db, values: OfficialResultValues): number {
	return db
		.insert(officialResults)
		.values(columns(values))
		.returning({ id: officialResults.id })
		.get().id;
}

/** Replaces a row's content; the time becomes now. */
export function update(db: Db, id: number, values: OfficialResultValues): void {
	db.update(officialResults)
		.set({ ...columns(values), recordedAt: new Date().toISOString() })
		.where(eq(officialResults.id, id))
		.run();
}

export function remove(db: Db, id: number): void {
	db.delete(officialResults).where(eq(officialResults.id, id)).run();
}
