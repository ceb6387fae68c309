/**
 * Kominfo's results after the bundled tables: staff record each new letter's result (dimension
 * scores, final index, letter number and date, the weight set of its cohort) by form or CSV, and
 * every page and the API read a region's history from here, the bundled tables and the recorded
 * rows merged (`regionHistory`). Every write is one `BEGIN IMMEDIATE` transaction with its audit
 * row, checked inside it, so what it checks against is what it writes beside; a refused right is
 * recorded as `auth.denied` before the 403. Framework-free: the staff page, a CLI and the
 * integration tests call the same verbs.
 */
import { createHash } from 'node:crypto';
import { actorOf, recordDenial, writeAudit } from './audit';
import type { Connection } from './db';
import * as recordedDb from './db/official-results';
import * as regionsDb from './db/regions';
import { officialTables } from './official';
import { instrument } from './submissions/reference';
import { may, type SessionUser } from './auth/roles';
import {
	publishedResult,
	regionHistory,
	type RecordedResult,
	type RegionHistory
} from '../evaluation/history';
import {
	readResultsFile,
	validateResult,
	validateResults,
	type ResultContext,
	type ResultFields,
	type ResultFileProblem,
	type ResultProblem,
	type ResultRow,
	type RowProblem
} from '../evaluation/result-input';

/** Who acts, and from where (for the audit log). */
export interface OfficialActor {
	user: Pick<SessionUser, 'id' | 'username' | 'role' | 'opd'>;
	address: string;
}

export type OfficialErrorCode = 'forbidden' | 'not_found' | 'invalid' | 'file';

/** A refused write: `status` is the HTTP status; the problems say what to change. */
export class OfficialResultError extends Error {
	override name = 'OfficialResultError';
	constructor(
		readonly status: 400 | 403 | 404,
		readonly code: OfficialErrorCode,
		readonly problems: readonly (ResultProblem | RowProblem)[] = [],
		readonly fileProblem: ResultFileProblem | null = null
	) {
		super(code);
	}
}

/** May this person record, change and delete official results? */
export function mayRecordOfficialResults(user: Pick<SessionUser, 'role'> | null): boolean {
	return may(user, 'recordOfficialResults');
}

/** A recorded 403 for anyone who may not record results (the audit row commits on its own). */
function requireRecorder(conn: Connection, actor: OfficialActor, op: string, entity: string) {
	if (mayRecordOfficialResults(actor.user)) return;
	recordDenial(conn, actor, 'official_result', entity, op);
	throw new OfficialResultError(403, 'forbidden');
}

/**
 * Today in Indonesia's easternmost time zone (WIT): a letter dated today anywhere in the country
 * is never "in the future", whatever the server's clock zone.
 */
function todayInIndonesia(now = new Date()): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jayapura' }).format(now);
}

/** What the checks need from the database and the data folder. */
function resultContext(conn: Connection, dataDir: string): ResultContext {
	const tables = officialTables(dataDir);
	return {
		weightSets: instrument(dataDir).weightSets,
		regionKind: (code) => regionsDb.get(conn.db, code)?.kind ?? null,
		publishedIn: (year, region) =>
			tables.find((t) => t.year === year && t.evaluation.rows.some((r) => r.regionCode === region))
				?.letter ?? null,
		recordedId: (year, region) => recordedDb.idOf(conn.db, year, region),
		today: todayInIndonesia()
	};
}

/** What an audit row keeps of a result: enough to type it in again. */
function summary(row: ResultRow | recordedDb.OfficialResultRow) {
	const scores = 'scores' in row ? row.scores : recordedDb.scoresOf(row);
	return {
		year: row.year,
		region: row.regionCode,
		weightSet: row.weightSet,
		scores,
		final: row.final,
		improvement: row.improvement,
		letter: row.letter,
		letterDate: row.letterDate
	};
}

const values = (row: ResultRow, actor: OfficialActor): recordedDb.OfficialResultValues => ({
	...row,
	recordedBy: actor.user.username
});

function checked(conn: Connection, fields: ResultFields, dataDir: string, editing: number | null) {
	const result = validateResult(fields, resultContext(conn, dataDir), editing);
	if (!result.ok) throw new OfficialResultError(400, 'invalid', result.problems);
	return result.row;
}

/** Records one result from a letter; returns its id. */
export function recordResult(
	conn: Connection,
	actor: OfficialActor,
	fields: ResultFields,
	dataDir: string
): number {
	requireRecorder(conn, actor, 'create', 'new');
	return conn.sqlite
		.transaction(() => {
			const row = checked(conn, fields, dataDir, null);
			const id = recordedDb.insert(conn.db, values(row, actor));
			writeAudit(conn.sqlite, actorOf(actor), {
				action: 'official_result.create',
				entityType: 'official_result',
				entityId: id,
				after: summary(row)
			});
			return id;
		})
		.immediate();
}

function existing(conn: Connection, id: number) {
	const row = recordedDb.get(conn.db, id);
	if (!row) throw new OfficialResultError(404, 'not_found');
	return row;
}

/** Replaces a recorded result with corrected fields. */
export function updateResult(
	conn: Connection,
	actor: OfficialActor,
	id: number,
	fields: ResultFields,
	dataDir: string
): void {
	requireRecorder(conn, actor, 'update', String(id));
	conn.sqlite
		.transaction(() => {
			const before = existing(conn, id);
			const row = checked(conn, fields, dataDir, id);
			recordedDb.update(conn.db, id, values(row, actor));
			writeAudit(conn.sqlite, actorOf(actor), {
				action: 'official_result.update',
				entityType: 'official_result',
				entityId: id,
				before: summary(before),
				after: summary(row)
			});
		})
		.immediate();
}

/** Deletes a recorded result; the audit row keeps what it said. */
export function deleteResult(conn: Connection, actor: OfficialActor, id: number): void {
	requireRecorder(conn, actor, 'delete', String(id));
	conn.sqlite
		.transaction(() => {
			const before = existing(conn, id);
			recordedDb.remove(conn.db, id);
			writeAudit(conn.sqlite, actorOf(actor), {
				action: 'official_result.delete',
				entityType: 'official_result',
				entityId: id,
				before: summary(before)
			});
		})
		.immediate();
}

/**
 * Imports a CSV of results (RESULT_COLUMNS): every row is checked first, and the file is written
 * in one transaction only when every row is valid; otherwise nothing is, and the error lists every
 * row's problems. Returns the new ids in file order.
 */
export function importResults(
	conn: Connection,
	actor: OfficialActor,
	file: { name: string; bytes: Uint8Array },
	dataDir: string
): number[] {
	requireRecorder(conn, actor, 'import', file.name);
	const read = readResultsFile(file.bytes);
	if ('problem' in read) throw new OfficialResultError(400, 'file', [], read.problem);
	return conn.sqlite
		.transaction(() => {
			const result = validateResults(read.records, resultContext(conn, dataDir));
			if (!result.ok) throw new OfficialResultError(400, 'invalid', result.problems);
			const ids = result.rows.map((row) => recordedDb.insert(conn.db, values(row, actor)));
			writeAudit(conn.sqlite, actorOf(actor), {
				action: 'official_result.import',
				entityType: 'official_result',
				entityId: file.name,
				after: {
					file: file.name,
					sha256: createHash('sha256').update(file.bytes).digest('hex'),
					results: result.rows.map((r, i) => ({ id: ids[i], ...summary(r) }))
				}
			});
			return ids;
		})
		.immediate();
}

/** A stored row as a history source, its cohort named by its weight set. */
function recordedResult(row: recordedDb.OfficialResultRow, dataDir: string): RecordedResult {
	const set = instrument(dataDir).weightSets.find((w) => w.code === row.weightSet);
	return {
		id: row.id,
		year: row.year,
		weightSet: row.weightSet,
		// A weight set since removed from the data folder is still named, by its code.
		cohort: { id: set?.nameId ?? row.weightSet, en: set?.nameEn ?? row.weightSet },
		scores: recordedDb.scoresOf(row),
		final: row.final,
		improvement: row.improvement,
		letter: row.letter,
		letterDate: row.letterDate,
		sourceHref: row.sourceHref,
		note: row.note
	};
}

/**
 * A region's history: the bundled tables' results and the recorded ones, newest first, with the
 * year-on-year change and the derived year before a printed improvement (`regionHistory`).
 * @example officialHistory(conn, '33.18', 'data').entries.map((e) => e.final) // [2.84, 2.67]
 */
export function officialHistory(conn: Connection, region: string, dataDir: string): RegionHistory {
	const published = officialTables(dataDir).flatMap((t) => {
		const row = t.evaluation.rows.find((r) => r.regionCode === region);
		const result = row ? publishedResult(t, row) : null;
		return result ? [result] : [];
	});
	const recorded = recordedDb.ofRegion(conn.db, region).map((r) => recordedResult(r, dataDir));
	return regionHistory(published, recorded);
}

/** A recorded row for the staff list, with its region's name and whether a bundled table shadows it. */
export interface RecordedListItem extends RecordedResult {
	regionCode: string;
	regionName: string;
	recordedBy: string;
	recordedAt: string;
	/** The letter of a bundled table that holds the same region and year: the table is shown instead. */
	shadowedBy: string | null;
}

/** Every recorded result, newest year first, for the staff page. */
export function recordedResults(conn: Connection, dataDir: string): RecordedListItem[] {
	const context = resultContext(conn, dataDir);
	return recordedDb.list(conn.db).map((row) => ({
		...recordedResult(row, dataDir),
		regionCode: row.regionCode,
		regionName: regionsDb.get(conn.db, row.regionCode)?.name ?? row.regionCode,
		recordedBy: row.recordedBy,
		recordedAt: row.recordedAt,
		shadowedBy: context.publishedIn(row.year, row.regionCode)
	}));
}

/** A recorded row as the form's fields, for editing; undefined when there is none. */
export function resultFields(conn: Connection, id: number): ResultFields | undefined {
	const row = recordedDb.get(conn.db, id);
	if (!row) return undefined;
	const n = (v: number | null) => (v === null ? '' : String(v));
	return {
		year: String(row.year),
		region_code: row.regionCode,
		weight_set: row.weightSet,
		baseline: n(row.baseline),
		output: n(row.output),
		outcome: n(row.outcome),
		impact: n(row.impact),
		quickwin: n(row.quickwin),
		kolaborasi: n(row.kolaborasi),
		final: n(row.final),
		improvement: n(row.improvement),
		letter: row.letter,
		letter_date: row.letterDate ?? '',
		source_href: row.sourceHref,
		note: row.note
	};
}
