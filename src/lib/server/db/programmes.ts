/**
 * The programme register (`programmes`, `programme_progress`): plain verbs on the caller's
 * connection and in the caller's transaction. The rules live in `$lib/server/programmes.ts`.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { ProgrammeValues, ProgressValues } from '../../evaluation/programme-input';
import type { Db } from './index';
import { programmeProgress, programmes, surveyProgrammes } from './schema';

export type ProgrammeRow = typeof programmes.$inferSelect;
export type ProgressRow = typeof programmeProgress.$inferSelect;

const now = () => new Date().toISOString();

/** A region's programmes of one framework, by element, kind, start year and entry order. */
export function ofRegion(db: Db, regionCode: string, frameworkCode: string): ProgrammeRow[] {
	return db
		.select()
		.from(programmes)
		.where(and(eq(programmes.regionCode, regionCode), eq(programmes.frameworkCode, frameworkCode)))
		.orderBy(
			asc(programmes.elementCode),
			asc(programmes.kind),
			asc(programmes.startYear),
			asc(programmes.id)
		)
		.all();
}

export function get(db: Db, id: number): ProgrammeRow | undefined {
	return db.select().from(programmes).where(eq(programmes.id, id)).get();
}

export function insert(
	db: Db,
	where: { regionCode: string; frameworkCode: string },
	values: ProgrammeValues,
	createdBy: string
): number {
	return db
		.insert(programmes)
		.values({ ...where, ...values, createdBy })
		.returning({ id: programmes.id })
		.get().id;
}

export function update(db: Db, id: number, values: ProgrammeValues): void {
	db.update(programmes)
		.set({ ...values, updatedAt: now() })
		.where(eq(programmes.id, id))
		.run();
}

/** The progress rows of these programmes, by year. */
export function progressOf(db: Db, programmeIds: readonly number[]): ProgressRow[] {
	if (programmeIds.length === 0) return [];
	return db
		.select()
		.from(programmeProgress)
		.where(inArray(programmeProgress.programmeId, [...programmeIds]))
		.orderBy(asc(programmeProgress.year), asc(programmeProgress.id))
		.all();
}

export function getProgress(db: Db, id: number): ProgressRow | undefined {
	return db.select().from(programmeProgress).where(eq(programmeProgress.id, id)).get();
}

export function progressInYear(db: Db, programmeId: number, year: number): ProgressRow | undefined {
	return db
		.select()
		.from(programmeProgress)
		.where(and(eq(programmeProgress.programmeId, programmeId), eq(programmeProgress.year, year)))
		.get();
}

export function insertProgress(
	db: Db,
	programmeId: number,
	values: ProgressValues,
	updatedBy: string
): number {
	return db
		.insert(programmeProgress)
		.values({ programmeId, ...values, status: 'draft', updatedBy })
		.returning({ id: programmeProgress.id })
		.get().id;
}

/** Replaces a year's progress; the row becomes a draft again, its approval cleared. */
export function replaceProgress(db: Db, id: number, values: ProgressValues, updatedBy: string) {
	db.update(programmeProgress)
		.set({
			...values,
			status: 'draft',
			approvedBy: null,
			approvedAt: null,
			updatedBy,
			updatedAt: now()
		})
		.where(eq(programmeProgress.id, id))
		.run();
}

export function approveProgress(db: Db, id: number, approvedBy: string): void {
	db.update(programmeProgress)
		.set({ status: 'approved', approvedBy, approvedAt: now() })
		.where(eq(programmeProgress.id, id))
		.run();
}

/** True when a residents' survey names the programme (survey_programmes points at it). */
export function inSurvey(db: Db, id: number): boolean {
	return !!db
		.select({ id: surveyProgrammes.programmeId })
		.from(surveyProgrammes)
		.where(eq(surveyProgrammes.programmeId, id))
		.get();
}

/** Deletes a programme and its progress rows. */
export function remove(db: Db, id: number): void {
	db.delete(programmeProgress).where(eq(programmeProgress.programmeId, id)).run();
	db.delete(programmes).where(eq(programmes.id, id)).run();
}
