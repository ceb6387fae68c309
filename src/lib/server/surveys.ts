/**
 * The residents' survey of each year (issue 21 item 3): staff create it from the year's instrument,
 * pick up to three programmes per sub-dimension, set the closing date, open and close it, and
 * enter paper forms (the public form's fields, or a CSV); residents answer the public form without
 * an account. The public form's limits live here, so every way in meets them: a closed survey or
 * a date past its closing refuses; one response per device cookie; the same answers twice from one
 * address are a duplicate; at most SURVEY_ADDRESS_LIMIT responses an hour from one address; a
 * filled honeypot field is thanked and dropped. Addresses and cookies are kept only as hashes
 * salted per survey. Every write is one `BEGIN IMMEDIATE` transaction with its checks inside it,
 * so nothing is half-saved. Framework-free: the routes and the integration tests call the same verbs.
 */
import { createHash, randomBytes } from 'node:crypto';
import { actorOf, recordDenial, writeAudit } from './audit';
import type { Connection } from './db';
import * as programmesDb from './db/programmes';
import { register } from './programmes';
import * as store from './db/surveys';
import { may, type SessionUser } from './auth/roles';
import { instrument } from './submissions/reference';
import {
	checkResponse,
	readPaperForms,
	type CheckedResponse,
	type PaperFileProblem,
	type ResponseProblem,
	type RowProblem
} from '../survey/response-input';
import { surveyResults, type StatementResult, type SurveyResults } from '../survey/results';
import { surveyStructure, type SurveyStructure } from '../survey/structure';

/** Responses an hour from one address when SURVEY_ADDRESS_LIMIT is unset: a family or a small office. */
export const SURVEY_ADDRESS_LIMIT = 20;
export const SURVEY_ADDRESS_WINDOW_MS = 60 * 60_000;
/** The honeypot field: hidden from people, filled by naive bots. */
export const HONEYPOT_FIELD = 'website';
/** At most this many programmes per sub-dimension. */
export const PROGRAMMES_PER_SUB = 3;

/**
 * The address limit in force: SURVEY_ADDRESS_LIMIT when a positive whole number (a kiosk at a
 * kantor kecamatan, or the end-to-end tests, whose every request comes from loopback), else 20.
 */
export function surveyAddressLimit(env: NodeJS.ProcessEnv = process.env): number {
	const n = Number(env.SURVEY_ADDRESS_LIMIT);
	return Number.isInteger(n) && n > 0 ? n : SURVEY_ADDRESS_LIMIT;
}

export type SurveyErrorCode =
	| 'forbidden'
	| 'not_found'
	| 'no_statements'
	| 'exists'
	| 'bad_date'
	| 'closed'
	| 'not_open'
	| 'invalid'
	| 'file'
	| 'duplicate'
	| 'rate_limited'
	| 'unknown_programme'
	| 'bad_programme_name'
	| 'no_reason';

/** A refused request: `status` is the HTTP status; `problems` say what to change. */
export class SurveyError extends Error {
	override name = 'SurveyError';
	constructor(
		readonly status: 400 | 403 | 404 | 409 | 429,
		readonly code: SurveyErrorCode,
		readonly problems: readonly (ResponseProblem | RowProblem)[] = [],
		readonly fileProblem: PaperFileProblem | null = null,
		/** rate_limited: minutes until the address may send again. */
		readonly retryMinutes = 0,
		/** unknown_programme / bad_programme_name: the sub-dimension and position. */
		readonly field = ''
	) {
		super(code);
	}
}

export interface SurveyActor {
	user: Pick<SessionUser, 'id' | 'username' | 'role' | 'opd'>;
	address: string;
}

/** May this person create, set up, open, close a survey and enter its paper forms? */
export function mayManageSurveys(user: Pick<SessionUser, 'role'> | null): boolean {
	return may(user, 'manageSurveys');
}

function requireManager(conn: Connection, actor: SurveyActor, op: string, entity: string) {
	if (mayManageSurveys(actor.user)) return;
	recordDenial(conn, actor, 'survey', entity, op);
	throw new SurveyError(403, 'forbidden');
}

/** Today in WIB, where a closing date is read (the instance's regions are in Java). */
export function todayInWib(now = new Date()): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(now);
}

const isDate = (s: string) =>
	/^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/**
 * A year's survey, from the newest instrument up to that year with Impact survey items (the
 * ministry's instrument file for a year often comes late; its statements seldom change). Empty
 * when there is none.
 */
export function structureOf(year: number, dataDir: string): SurveyStructure {
	const years = [...instrument(dataDir).years.entries()]
		.filter(([y]) => y <= year)
		.sort(([a], [b]) => b - a);
	for (const [, items] of years) {
		const structure = surveyStructure(year, items);
		if (structure.statements.length > 0) return structure;
	}
	return surveyStructure(year, []);
}

function existing(conn: Connection, year: number) {
	const row = store.ofYear(conn.db, year);
	if (!row) throw new SurveyError(404, 'not_found');
	return row;
}

/** Creates a year's survey (a draft) from its instrument; returns its id. */
export function createSurvey(
	conn: Connection,
	actor: SurveyActor,
	fields: { year: string; closesOn: string },
	dataDir: string,
	now = new Date()
): number {
	requireManager(conn, actor, 'create', fields.year);
	const year = /^\d{4}$/.test(fields.year.trim()) ? Number(fields.year.trim()) : NaN;
	if (!Number.isFinite(year) || structureOf(year, dataDir).statements.length === 0)
		throw new SurveyError(400, 'no_statements');
	const closesOn = fields.closesOn.trim();
	if (!isDate(closesOn) || closesOn < todayInWib(now)) throw new SurveyError(400, 'bad_date');
	return conn.sqlite
		.transaction(() => {
			if (store.ofYear(conn.db, year)) throw new SurveyError(409, 'exists');
			const id = store.insert(conn.db, {
				year,
				closesOn,
				salt: randomBytes(16).toString('hex'),
				createdBy: actor.user.username
			});
			writeAudit(conn.sqlite, actorOf(actor), {
				action: 'survey.create',
				entityType: 'survey',
				entityId: year,
				after: { year, closesOn }
			});
			return id;
		})
		.immediate();
}

/** A programme slot as the form sends it: a register id ('' for none) and a typed name. */
export interface ProgrammeField {
	subDimension: string;
	position: number;
	programmeId: string;
	name: string;
}

/**
 * Saves the closing date and the programmes: a slot names a register programme of the pillar's
 * GM100SC dimension, or a typed name (up to 200 characters), or is left empty. An id that is no
 * programme of that dimension (a forged one) refuses the whole form.
 */
export function saveSettings(
	conn: Connection,
	actor: SurveyActor,
	year: number,
	fields: { closesOn: string; programmes: readonly ProgrammeField[] },
	dataDir: string
): void {
	requireManager(conn, actor, 'settings', String(year));
	const structure = structureOf(year, dataDir);
	const closesOn = fields.closesOn.trim();
	if (!isDate(closesOn)) throw new SurveyError(400, 'bad_date');
	conn.sqlite
		.transaction(() => {
			const survey = existing(conn, year);
			const rows: Omit<store.SurveyProgrammeRow, 'surveyId'>[] = [];
			for (const f of fields.programmes) {
				const pillar = structure.pillars.find((p) =>
					p.subDimensions.some((d) => d.code === f.subDimension)
				);
				const where = `${f.subDimension}.${f.position}`;
				if (!pillar || !(f.position >= 1 && f.position <= PROGRAMMES_PER_SUB))
					throw new SurveyError(400, 'unknown_programme', [], null, 0, where);
				const name = f.name.trim();
				if (name.length > 200) throw new SurveyError(400, 'bad_programme_name', [], null, 0, where);
				let programmeId: number | null = null;
				let programmeName = name;
				if (f.programmeId.trim() !== '') {
					const id = /^\d{1,9}$/.test(f.programmeId.trim()) ? Number(f.programmeId) : NaN;
					const found = programmesDb.get(conn.db, id);
					if (!found || !found.elementCode.startsWith(`${pillar.dimension}.`))
						throw new SurveyError(400, 'unknown_programme', [], null, 0, where);
					programmeId = found.id;
					programmeName ||= found.name;
				}
				if (programmeName === '') continue;
				rows.push({
					subDimension: f.subDimension,
					position: f.position,
					programmeId,
					name: programmeName
				});
			}
			store.setClosesOn(conn.db, survey.id, closesOn);
			store.replaceProgrammes(conn.db, survey.id, rows);
			writeAudit(conn.sqlite, actorOf(actor), {
				action: 'survey.settings',
				entityType: 'survey',
				entityId: year,
				before: { closesOn: survey.closesOn },
				after: { closesOn, programmes: rows.map((r) => [r.subDimension, r.position, r.name]) }
			});
		})
		.immediate();
}

/** Opens (or reopens) a survey; its closing date must not have passed. */
export function openSurvey(conn: Connection, actor: SurveyActor, year: number, now = new Date()) {
	setStatus(conn, actor, year, 'open', now);
}

/** Closes a survey: the public form stops taking answers and its results become public. */
export function closeSurvey(conn: Connection, actor: SurveyActor, year: number, now = new Date()) {
	setStatus(conn, actor, year, 'closed', now);
}

function setStatus(
	conn: Connection,
	actor: SurveyActor,
	year: number,
	status: 'open' | 'closed',
	now: Date
) {
	requireManager(conn, actor, status, String(year));
	conn.sqlite
		.transaction(() => {
			const survey = existing(conn, year);
			if (status === 'open' && survey.closesOn < todayInWib(now))
				throw new SurveyError(400, 'bad_date');
			store.setStatus(conn.db, survey.id, status, now.toISOString());
			writeAudit(conn.sqlite, actorOf(actor), {
				action: status === 'open' ? 'survey.open' : 'survey.close',
				entityType: 'survey',
				entityId: year,
				before: { status: survey.status },
				after: { status }
			});
		})
		.immediate();
}

const hash = (salt: string, kind: string, value: string) =>
	createHash('sha256').update(`${salt}\0${kind}\0${value}`).digest('hex');

const answersHash = (r: CheckedResponse) =>
	createHash('sha256')
		.update(JSON.stringify([r.ageBand, r.answers.map((a) => [a.code, a.score])]))
		.digest('hex');

/** Whether the public form takes answers now: open, and its closing date not passed (WIB). */
export function isTakingAnswers(survey: store.SurveyRow, now = new Date()): boolean {
	return survey.status === 'open' && todayInWib(now) <= survey.closesOn;
}

/** Where a public response comes from: the address and the device cookie (null when none). */
export interface Respondent {
	address: string;
	device: string | null;
}

/**
 * A resident's response from the public form. Returns `{ id }`, or `{ trapped: true }` when the
 * honeypot was filled (nothing stored: the bot is thanked like anyone, so it learns nothing).
 * Throws SurveyError: 404 no such survey, 409 closed or duplicate, 429 too many from the
 * address, 400 the answers' problems.
 */
export function submitResponse(
	conn: Connection,
	year: number,
	fields: Readonly<Record<string, string>>,
	respondent: Respondent,
	dataDir: string,
	env: NodeJS.ProcessEnv = process.env,
	now = new Date()
): { id: number } | { trapped: true } {
	const structure = structureOf(year, dataDir);
	return conn.sqlite
		.transaction(() => {
			const survey = existing(conn, year);
			if (!isTakingAnswers(survey, now)) throw new SurveyError(409, 'closed');
			if ((fields[HONEYPOT_FIELD] ?? '').trim() !== '') return { trapped: true as const };
			const checked = checkResponse(fields, structure);
			if (!checked.ok) throw new SurveyError(400, 'invalid', checked.problems);
			const addressHash = hash(survey.salt, 'address', respondent.address);
			const deviceHash = respondent.device ? hash(survey.salt, 'device', respondent.device) : null;
			const sameAnswers = answersHash(checked.response);
			if (
				(deviceHash && store.deviceResponded(conn.db, survey.id, deviceHash)) ||
				store.sameAnswersFrom(conn.db, survey.id, addressHash, sameAnswers)
			)
				throw new SurveyError(409, 'duplicate');
			const since = new Date(now.getTime() - SURVEY_ADDRESS_WINDOW_MS).toISOString();
			if (
				store.countFromAddressSince(conn.db, survey.id, addressHash, since) >=
				surveyAddressLimit(env)
			)
				throw new SurveyError(429, 'rate_limited', [], null, SURVEY_ADDRESS_WINDOW_MS / 60_000);
			const id = store.insertResponse(
				conn.db,
				survey.id,
				{
					channel: 'online',
					addressHash,
					deviceHash,
					answersHash: sameAnswers,
					ageBand: checked.response.ageBand,
					enteredBy: null,
					createdAt: now.toISOString()
				},
				checked.response.answers
			);
			return { id };
		})
		.immediate();
}

function paperValues(actor: SurveyActor, r: CheckedResponse, now: Date): store.ResponseValues {
	return {
		channel: 'paper',
		addressHash: null,
		deviceHash: null,
		answersHash: answersHash(r),
		ageBand: r.ageBand,
		enteredBy: actor.user.username,
		createdAt: now.toISOString()
	};
}

/** A survey that takes paper forms: any but a closed one (reopen it to add more). */
function forPaper(conn: Connection, year: number) {
	const survey = existing(conn, year);
	if (survey.status === 'closed') throw new SurveyError(409, 'closed');
	return survey;
}

/** One paper form typed in by staff, through the public form's fields; returns its id. */
export function enterPaperForm(
	conn: Connection,
	actor: SurveyActor,
	year: number,
	fields: Readonly<Record<string, string>>,
	dataDir: string,
	now = new Date()
): number {
	requireManager(conn, actor, 'paper', String(year));
	const structure = structureOf(year, dataDir);
	return conn.sqlite
		.transaction(() => {
			const survey = forPaper(conn, year);
			const checked = checkResponse(fields, structure);
			if (!checked.ok) throw new SurveyError(400, 'invalid', checked.problems);
			const id = store.insertResponse(
				conn.db,
				survey.id,
				paperValues(actor, checked.response, now),
				checked.response.answers
			);
			writeAudit(conn.sqlite, actorOf(actor), {
				action: 'survey.paper_entry',
				entityType: 'survey',
				entityId: year,
				after: { response: id, answers: checked.response.answers.length }
			});
			return id;
		})
		.immediate();
}

/** How many of the latest responses the staff page lists. */
export const LATEST_RESPONSES = 25;

/**
 * The survey's latest responses, newest first, for staff to withdraw one entered wrong: no
 * hashes, and who typed it in for a paper form. Staff pages only.
 */
export function latestResponses(conn: Connection, year: number): store.ResponseHead[] {
	const survey = store.ofYear(conn.db, year);
	return survey ? store.latestResponses(conn.db, survey.id, LATEST_RESPONSES) : [];
}

/** How long a withdrawal's reason may be (it is kept in the audit log). */
export const WITHDRAW_REASON_MAX = 500;

/**
 * Withdraws one response of an open or draft survey: a paper form typed in wrong, a response
 * that got past the limits. Its answers leave the results; the audit row keeps what it was and
 * why it went. Refused once the survey is closed (its results are published).
 */
export function withdrawResponse(
	conn: Connection,
	actor: SurveyActor,
	year: number,
	responseId: number,
	reason: string
): void {
	requireManager(conn, actor, 'withdraw', String(year));
	conn.sqlite
		.transaction(() => {
			const survey = forPaper(conn, year);
			const response = Number.isInteger(responseId)
				? store.responseOf(conn.db, survey.id, responseId)
				: undefined;
			if (!response) throw new SurveyError(404, 'not_found');
			const why = reason.trim();
			if (why === '' || why.length > WITHDRAW_REASON_MAX) throw new SurveyError(400, 'no_reason');
			store.deleteResponse(conn.db, response.id);
			writeAudit(conn.sqlite, actorOf(actor), {
				action: 'survey.response_withdrawn',
				entityType: 'survey',
				entityId: year,
				before: response,
				after: { reason: why }
			});
		})
		.immediate();
}

/**
 * A CSV of paper forms (`paperColumns`): every row checked first, then all written in one
 * transaction, or none and every row's problems. Returns how many were added.
 */
export function importPaperForms(
	conn: Connection,
	actor: SurveyActor,
	year: number,
	file: { name: string; bytes: Uint8Array },
	dataDir: string,
	now = new Date()
): number {
	requireManager(conn, actor, 'paper_import', String(year));
	const structure = structureOf(year, dataDir);
	return conn.sqlite
		.transaction(() => {
			const survey = forPaper(conn, year);
			const read = readPaperForms(file.bytes, structure);
			if (!read.ok && 'fileProblem' in read)
				throw new SurveyError(400, 'file', [], read.fileProblem);
			if (!read.ok) throw new SurveyError(400, 'invalid', read.problems);
			for (const r of read.responses)
				store.insertResponse(conn.db, survey.id, paperValues(actor, r, now), r.answers);
			writeAudit(conn.sqlite, actorOf(actor), {
				action: 'survey.paper_import',
				entityType: 'survey',
				entityId: year,
				after: {
					file: file.name,
					sha256: createHash('sha256').update(file.bytes).digest('hex'),
					responses: read.responses.length
				}
			});
			return read.responses.length;
		})
		.immediate();
}

/** A survey with everything its pages show. */
export interface SurveyView {
	survey: Omit<store.SurveyRow, 'salt'>;
	structure: SurveyStructure;
	takingAnswers: boolean;
	programmes: Record<string, { position: number; programmeId: number | null; name: string }[]>;
	counts: Record<'online' | 'paper', number>;
	results: SurveyResults;
}

/** A year's survey for its pages; undefined when there is none. */
export function surveyView(
	conn: Connection,
	year: number,
	dataDir: string,
	now = new Date()
): SurveyView | undefined {
	const row = store.ofYear(conn.db, year);
	if (!row) return undefined;
	const { salt: _salt, ...survey } = row;
	const structure = structureOf(year, dataDir);
	const programmes: SurveyView['programmes'] = {};
	for (const p of store.programmesOf(conn.db, row.id))
		(programmes[p.subDimension] ??= []).push({
			position: p.position,
			programmeId: p.programmeId,
			name: p.name
		});
	return {
		survey,
		structure,
		takingAnswers: isTakingAnswers(row, now),
		programmes,
		counts: store.countByChannel(conn.db, row.id),
		results: surveyResults(
			structure,
			store.responses(conn.db, row.id).map((r) => r.answers)
		)
	};
}

/** Every survey, newest first, for the staff list. */
export function listSurveys(conn: Connection) {
	return store.list(conn.db).map(({ salt: _salt, ...s }) => ({
		...s,
		counts: store.countByChannel(conn.db, s.id)
	}));
}

/** The register's programmes a pillar's slots may pick, by GM100SC dimension. */
export function programmeChoices(conn: Connection, regionCode: string, frameworkCode: string) {
	// The pillar is the element's parent in the framework, not a guess from its code.
	return register(conn, regionCode, frameworkCode).map((p) => ({
		id: p.id,
		name: p.name,
		year: p.startYear,
		dimension: p.dimension
	}));
}

/** What the workspace shows of a statement: its closed survey's result. */
export interface SurveyStatementResult extends StatementResult {
	year: number;
	responses: number;
}

/**
 * A closed survey's result for one statement, for the evaluation workspace's Impact items; null
 * when the year has no closed survey or the statement is not in it.
 */
export function closedStatementResults(
	conn: Connection,
	year: number,
	dataDir: string
): Map<string, SurveyStatementResult> {
	const view = surveyView(conn, year, dataDir);
	if (!view || view.survey.status !== 'closed') return new Map();
	return new Map(
		view.results.statements.map((s) => [s.code, { ...s, year, responses: view.results.responses }])
	);
}

/** Test and CLI helper: the responses' raw rows (no hashes), for the recap's second sheet. */
export function responseRows(conn: Connection, year: number) {
	const row = store.ofYear(conn.db, year);
	return row ? store.responses(conn.db, row.id) : [];
}
