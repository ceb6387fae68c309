/**
 * The residents' surveys (`surveys`, `survey_programmes`, `survey_responses`, `survey_answers`):
 * plain verbs on the caller's connection and in the caller's transaction. The rules (who, when,
 * the limits) live in `$lib/server/surveys.ts`.
 */
import { and, asc, count, desc, eq, gte, inArray, type SQL } from 'drizzle-orm';
import type { SurveyAnswer } from '../../survey/response-input';
import type { SurveyScore } from '../../survey/structure';
import type { Db } from './index';
import {
	surveyAnswers,
	surveyProgrammes,
	surveyResponses,
	surveys,
	type Survey,
	type SurveyStatus
} from './schema';

export type SurveyRow = Survey;
export type SurveyProgrammeRow = typeof surveyProgrammes.$inferSelect;

/** Every survey, newest year first. */
export function list(db: Db): SurveyRow[] {
	return db.select().from(surveys).orderBy(desc(surveys.year)).all();
}

export function ofYear(db: Db, year: number): SurveyRow | undefined {
	return db.select().from(surveys).where(eq(surveys.year, year)).get();
}

export function insert(
	db: Db,
	values: { year: number; closesOn: string; salt: string; createdBy: string }
): number {
	return db.insert(surveys).values(values).returning({ id: surveys.id }).get().id;
}

export function setClosesOn(db: Db, id: number, closesOn: string): void {
	db.update(surveys).set({ closesOn }).where(eq(surveys.id, id)).run();
}

/** Sets the status, stamping when it opened or closed. */
export function setStatus(db: Db, id: number, status: SurveyStatus, at: string): void {
	const stamp =
		status === 'open'
			? { openedAt: at, closedAt: null }
			: status === 'closed'
				? { closedAt: at }
				: {};
	db.update(surveys)
		.set({ status, ...stamp })
		.where(eq(surveys.id, id))
		.run();
}

export function programmesOf(db: Db, surveyId: number): SurveyProgrammeRow[] {
	return db
		.select()
		.from(surveyProgrammes)
		.where(eq(surveyProgrammes.surveyId, surveyId))
		.orderBy(asc(surveyProgrammes.subDimension), asc(surveyProgrammes.position))
		.all();
}

/** Replaces every programme of the survey. */
export function replaceProgrammes(
	db: Db,
	surveyId: number,
	rows: readonly Omit<SurveyProgrammeRow, 'surveyId'>[]
): void {
	db.delete(surveyProgrammes).where(eq(surveyProgrammes.surveyId, surveyId)).run();
	if (rows.length > 0)
		db.insert(surveyProgrammes)
			.values(rows.map((r) => ({ ...r, surveyId })))
			.run();
}

export interface ResponseValues {
	channel: 'online' | 'paper';
	addressHash: string | null;
	deviceHash: string | null;
	answersHash: string;
	ageBand: string | null;
	enteredBy: string | null;
	/** ISO time; the address limit counts by it. */
	createdAt: string;
}

/** Inserts a response and its answers; returns its id. */
export function insertResponse(
	db: Db,
	surveyId: number,
	values: ResponseValues,
	answers: readonly SurveyAnswer[]
): number {
	const id = db
		.insert(surveyResponses)
		.values({ surveyId, ...values })
		.returning({ id: surveyResponses.id })
		.get().id;
	db.insert(surveyAnswers)
		.values(answers.map((a) => ({ responseId: id, statementCode: a.code, score: a.score })))
		.run();
	return id;
}

/** A response of the survey as the staff list shows it: no hashes, its answers counted. */
export interface ResponseHead {
	id: number;
	channel: 'online' | 'paper';
	ageBand: string | null;
	enteredBy: string | null;
	createdAt: string;
	answered: number;
}

function heads(db: Db, where: SQL | undefined) {
	return db
		.select({
			id: surveyResponses.id,
			channel: surveyResponses.channel,
			ageBand: surveyResponses.ageBand,
			enteredBy: surveyResponses.enteredBy,
			createdAt: surveyResponses.createdAt,
			answered: count(surveyAnswers.statementCode)
		})
		.from(surveyResponses)
		.leftJoin(surveyAnswers, eq(surveyAnswers.responseId, surveyResponses.id))
		.where(where)
		.groupBy(surveyResponses.id);
}

/** The survey's latest responses, newest first. */
export function latestResponses(db: Db, surveyId: number, limit: number): ResponseHead[] {
	return heads(db, eq(surveyResponses.surveyId, surveyId))
		.orderBy(desc(surveyResponses.id))
		.limit(limit)
		.all();
}

/** One response of the survey, or undefined (another survey's id is not this one's). */
export function responseOf(db: Db, surveyId: number, id: number): ResponseHead | undefined {
	return heads(db, and(eq(surveyResponses.surveyId, surveyId), eq(surveyResponses.id, id))).get();
}

/** Deletes a response and its answers. */
export function deleteResponse(db: Db, id: number): void {
	db.delete(surveyAnswers).where(eq(surveyAnswers.responseId, id)).run();
	db.delete(surveyResponses).where(eq(surveyResponses.id, id)).run();
}

/** True when this device has sent a response to the survey. */
export function deviceResponded(db: Db, surveyId: number, deviceHash: string): boolean {
	return !!db
		.select({ id: surveyResponses.id })
		.from(surveyResponses)
		.where(and(eq(surveyResponses.surveyId, surveyId), eq(surveyResponses.deviceHash, deviceHash)))
		.get();
}

/** True when this address has sent these same answers to the survey. */
export function sameAnswersFrom(
	db: Db,
	surveyId: number,
	addressHash: string,
	answersHash: string
): boolean {
	return !!db
		.select({ id: surveyResponses.id })
		.from(surveyResponses)
		.where(
			and(
				eq(surveyResponses.surveyId, surveyId),
				eq(surveyResponses.addressHash, addressHash),
				eq(surveyResponses.answersHash, answersHash)
			)
		)
		.get();
}

/** Responses from this address to the survey since `since` (ISO time). */
export function countFromAddressSince(
	db: Db,
	surveyId: number,
	addressHash: string,
	since: string
): number {
	return (
		db
			.select({ n: count() })
			.from(surveyResponses)
			.where(
				and(
					eq(surveyResponses.surveyId, surveyId),
					eq(surveyResponses.addressHash, addressHash),
					gte(surveyResponses.createdAt, since)
				)
			)
			.get()?.n ?? 0
	);
}

/** Responses per channel. */
export function countByChannel(db: Db, surveyId: number): Record<'online' | 'paper', number> {
	const rows = db
		.select({ channel: surveyResponses.channel, n: count() })
		.from(surveyResponses)
		.where(eq(surveyResponses.surveyId, surveyId))
		.groupBy(surveyResponses.channel)
		.all();
	const n = (c: string) => rows.find((r) => r.channel === c)?.n ?? 0;
	return { online: n('online'), paper: n('paper') };
}

export interface StoredResponse {
	id: number;
	channel: 'online' | 'paper';
	ageBand: string | null;
	createdAt: string;
	answers: SurveyAnswer[];
}

/** Every response of the survey with its answers, oldest first. */
export function responses(db: Db, surveyId: number): StoredResponse[] {
	const heads = db
		.select({
			id: surveyResponses.id,
			channel: surveyResponses.channel,
			ageBand: surveyResponses.ageBand,
			createdAt: surveyResponses.createdAt
		})
		.from(surveyResponses)
		.where(eq(surveyResponses.surveyId, surveyId))
		.orderBy(asc(surveyResponses.id))
		.all();
	if (heads.length === 0) return [];
	const byResponse = new Map<number, SurveyAnswer[]>(heads.map((h) => [h.id, []]));
	const answers = db
		.select()
		.from(surveyAnswers)
		.where(
			inArray(
				surveyAnswers.responseId,
				heads.map((h) => h.id)
			)
		)
		.all();
	for (const a of answers)
		byResponse
			.get(a.responseId)!
			.push({ code: a.statementCode, score: a.score as SurveyScore | null });
	return heads.map((h) => ({ ...h, answers: byResponse.get(h.id)! }));
}
