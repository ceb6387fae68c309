/**
 * A region's quick wins and their risk registers (`quick_wins`, `quick_win_risks`): plain verbs
 * on the caller's connection and in the caller's transaction. The rules live in
 * `$lib/server/quick-wins.ts`.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { QuickWinValues, RiskValues } from '../../evaluation/quick-win-input';
import type { Db } from './index';
import { quickWinRisks, quickWins } from './schema';

export type QuickWinRow = typeof quickWins.$inferSelect;
export type RiskRow = typeof quickWinRisks.$inferSelect;

const columns = (v: QuickWinValues) => ({
	name: v.name,
	opd: v.opd,
	startYear: v.startYear,
	rpjmdProblem: v.rpjmdProblem,
	formulatedWith: v.formulatedWith,
	perumusan: v.criteria.perumusan,
	dayaTarik: v.criteria.daya_tarik,
	manfaat: v.criteria.manfaat,
	keunikan: v.criteria.keunikan,
	kemitraan: v.criteria.kemitraan,
	pengembangan: v.criteria.pengembangan,
	keberlangsungan: v.criteria.keberlangsungan,
	sumberDaya: v.criteria.sumber_daya
});

/** A region's quick wins, newest first. */
export function ofRegion(db: Db, regionCode: string): QuickWinRow[] {
	return db
		.select()
		.from(quickWins)
		.where(eq(quickWins.regionCode, regionCode))
		.orderBy(desc(quickWins.startYear), asc(quickWins.id))
		.all();
}

export function get(db: Db, id: number): QuickWinRow | undefined {
	return db.select().from(quickWins).where(eq(quickWins.id, id)).get();
}

export function insert(
	db: Db,
	regionCode: string,
	values: QuickWinValues,
	createdBy: string
): number {
	return db
		.insert(quickWins)
		.values({ regionCode, ...columns(values), createdBy })
		.returning({ id: quickWins.id })
		.get().id;
}

export function update(db: Db, id: number, values: QuickWinValues): void {
	db.update(quickWins)
		.set({ ...columns(values), updatedAt: new Date().toISOString() })
		.where(eq(quickWins.id, id))
		.run();
}

export function setContinuedTo(db: Db, id: number, year: number): void {
	db.update(quickWins).set({ continuedTo: year }).where(eq(quickWins.id, id)).run();
}

/** The risks of these quick wins, by year then entry order. */
export function risksOf(db: Db, quickWinIds: readonly number[]): RiskRow[] {
	if (quickWinIds.length === 0) return [];
	return db
		.select()
		.from(quickWinRisks)
		.where(inArray(quickWinRisks.quickWinId, [...quickWinIds]))
		.orderBy(asc(quickWinRisks.year), asc(quickWinRisks.id))
		.all();
}

export function getRisk(db: Db, id: number): RiskRow | undefined {
	return db.select().from(quickWinRisks).where(eq(quickWinRisks.id, id)).get();
}

export function insertRisk(
	db: Db,
	quickWinId: number,
	values: RiskValues,
	createdBy: string,
	carriedFrom: number | null = null
): number {
	return db
		.insert(quickWinRisks)
		.values({ quickWinId, ...values, carriedFrom, createdBy })
		.returning({ id: quickWinRisks.id })
		.get().id;
}

export function closeRisk(db: Db, id: number): void {
	db.update(quickWinRisks).set({ status: 'closed' }).where(eq(quickWinRisks.id, id)).run();
}

/** True when a later row of the register was carried from this risk. */
export function carriedOn(db: Db, id: number): boolean {
	return !!db
		.select({ id: quickWinRisks.id })
		.from(quickWinRisks)
		.where(eq(quickWinRisks.carriedFrom, id))
		.get();
}

export function deleteRisk(db: Db, id: number): void {
	db.delete(quickWinRisks).where(eq(quickWinRisks.id, id)).run();
}

/** A quick win's open risks of one year that no later row was carried from yet. */
export function openUncarried(db: Db, quickWinId: number, year: number): RiskRow[] {
	const carried = new Set(
		db
			.select({ from: quickWinRisks.carriedFrom })
			.from(quickWinRisks)
			.where(eq(quickWinRisks.quickWinId, quickWinId))
			.all()
			.map((r) => r.from)
	);
	return db
		.select()
		.from(quickWinRisks)
		.where(
			and(
				eq(quickWinRisks.quickWinId, quickWinId),
				eq(quickWinRisks.year, year),
				eq(quickWinRisks.status, 'open')
			)
		)
		.orderBy(asc(quickWinRisks.id))
		.all()
		.filter((r) => !carried.has(r.id));
}
