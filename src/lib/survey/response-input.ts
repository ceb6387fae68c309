/**
 * Checks a survey response where it enters: the public form, the staff's paper-form entry (the
 * same fields) and each row of the paper-form CSV import. A response names statements by code;
 * each answer is 1–4 or "tidak tahu"; an unanswered statement is simply not stored. Every problem
 * is returned at once, naming the statement and the text given, so nothing half-valid is saved.
 * Pure module: no Svelte, no SvelteKit, no database.
 */
import Papa from 'papaparse';
import { decodeBytes, sniff } from '../import/decode';
import { detectDialect } from '../import/dialect';
import type { Message } from '../import/types';
import { DONT_KNOW, SURVEY_SCORES, type SurveyScore, type SurveyStructure } from './structure';

/**
 * The only personal data a response may carry, and only when the respondent gives it: an age band
 * (adults only: the form asks respondents to be 17 or older). No name, phone, e-mail or address.
 */
export const AGE_BANDS = ['17-29', '30-44', '45-59', '60+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Form fields: `answer.<statement code>` per statement, `age_band`. */
export const ANSWER_PREFIX = 'answer.';
export const AGE_FIELD = 'age_band';
/** The CSV import's column for the age band (the statements' columns are their codes). */
export const AGE_COLUMN = 'usia';

export interface SurveyAnswer {
	code: string;
	/** 1–4, or null for "tidak tahu". */
	score: SurveyScore | null;
}

export interface CheckedResponse {
	answers: SurveyAnswer[];
	ageBand: AgeBand | null;
}

export type ResponseProblem =
	| { code: 'off_scale'; statement: string; value: string }
	| { code: 'unknown_statement'; statement: string }
	| { code: 'bad_age_band'; value: string }
	| { code: 'no_answers' };

/** A problem of one row of the CSV import; `row` is the file's line (header = 1). */
export type RowProblem = ResponseProblem & { row: number };

const SCORE_TEXT = new Map<string, SurveyScore | null>([
	...SURVEY_SCORES.map((s) => [String(s), s] as const),
	[DONT_KNOW, null],
	['tidak tahu', null]
]);

/**
 * One answer's text as a score: `'3'` → 3, `'tt'` or `'Tidak tahu'` → null (don't know), `''` →
 * undefined (not answered), anything else → 'invalid'.
 * @example parseScore(' 4 ') // 4
 */
export function parseScore(text: string): SurveyScore | null | undefined | 'invalid' {
	const t = text.trim().toLowerCase();
	if (t === '') return undefined;
	const score = SCORE_TEXT.get(t);
	return score === undefined ? 'invalid' : score;
}

/**
 * Checks a response's fields against the survey: every `answer.*` field names a statement of the
 * survey and holds a score or "tidak tahu"; at least one statement is answered.
 * @example checkResponse({ 'answer.impact.smart-governance.4.1.1': '5' }, s) // { ok: false, problems: [{ code: 'off_scale', … }] }
 */
export function checkResponse(
	fields: Readonly<Record<string, string>>,
	survey: Pick<SurveyStructure, 'statements'>
): { ok: true; response: CheckedResponse } | { ok: false; problems: ResponseProblem[] } {
	const known = new Set(survey.statements.map((s) => s.code));
	const problems: ResponseProblem[] = [];
	const answers: SurveyAnswer[] = [];
	for (const [name, value] of Object.entries(fields)) {
		if (!name.startsWith(ANSWER_PREFIX)) continue;
		const code = name.slice(ANSWER_PREFIX.length);
		if (!known.has(code)) {
			problems.push({ code: 'unknown_statement', statement: code.slice(0, 80) });
			continue;
		}
		const score = parseScore(value);
		if (score === 'invalid')
			problems.push({ code: 'off_scale', statement: code, value: value.slice(0, 40) });
		else if (score !== undefined) answers.push({ code, score });
	}
	const age = (fields[AGE_FIELD] ?? '').trim();
	const ageBand =
		age === ''
			? null
			: (AGE_BANDS as readonly string[]).includes(age)
				? (age as AgeBand)
				: undefined;
	if (ageBand === undefined) problems.push({ code: 'bad_age_band', value: age.slice(0, 40) });
	if (problems.length === 0 && answers.length === 0) problems.push({ code: 'no_answers' });
	if (problems.length > 0) return { ok: false, problems };
	// The form's order, whatever order the fields came in.
	const order = new Map(survey.statements.map((s, i) => [s.code, i]));
	answers.sort((a, b) => order.get(a.code)! - order.get(b.code)!);
	return { ok: true, response: { answers, ageBand: ageBand ?? null } };
}

export type PaperFileProblem =
	| { code: 'unreadable'; message: Message }
	| { code: 'unknown_columns'; columns: string[] }
	| { code: 'no_statement_columns' }
	| { code: 'no_rows' }
	| { code: 'too_many_rows'; max: number }
	| { code: 'cell_count'; row: number; expected: number; found: number }
	| { code: 'malformed'; row: number; detail: string };

/** A paper-form CSV holds at most this many forms: far above a survey's 50 per pillar. */
export const MAX_PAPER_ROWS = 5000;

/**
 * The paper-form CSV's columns: `usia`, then each statement's code, in the form's order.
 * @example paperColumns(s).slice(0, 2) // ['usia', 'impact.smart-governance.4.1.1']
 */
export function paperColumns(survey: Pick<SurveyStructure, 'statements'>): string[] {
	return [AGE_COLUMN, ...survey.statements.map((s) => s.code)];
}

/**
 * Reads and checks a paper-form CSV (one row per paper form; `,`, `;` or tab, told from the
 * header): either every row as a response, or the file's problem, or every row's problems.
 * Columns may come in any order and any may be left out, but an unknown column (a mistyped or
 * forged statement code) refuses the file.
 */
export function readPaperForms(
	bytes: Uint8Array,
	survey: Pick<SurveyStructure, 'statements'>
):
	| { ok: true; responses: CheckedResponse[] }
	| { ok: false; fileProblem: PaperFileProblem }
	| { ok: false; problems: RowProblem[] } {
	const notCsv = sniff(bytes.subarray(0, 16));
	if (notCsv) return { ok: false, fileProblem: { code: 'unreadable', message: notCsv.message } };
	const decoded = decodeBytes(bytes);
	if ('problem' in decoded)
		return { ok: false, fileProblem: { code: 'unreadable', message: decoded.problem.message } };
	const body = decoded.text.replace(/^\uFEFF/, '');
	const allowed = new Set(paperColumns(survey));
	const dialect = detectDialect(body.split(/\r?\n/, 1)[0], (l) =>
		allowed.has(l.trim().toLowerCase())
	);
	if ('error' in dialect)
		return { ok: false, fileProblem: { code: 'unreadable', message: dialect.error.message } };
	const parsed = Papa.parse<string[]>(body, {
		delimiter: dialect.delimiter,
		skipEmptyLines: false
	});
	if (parsed.errors.length > 0) {
		const e = parsed.errors[0];
		return {
			ok: false,
			fileProblem: { code: 'malformed', row: (e.row ?? 0) + 1, detail: e.message }
		};
	}
	const [header = [], ...lines] = parsed.data;
	const columns = header.map((h) => h.trim().toLowerCase());
	const unknown = columns.filter((c, i) => !allowed.has(c) || columns.indexOf(c) !== i);
	if (unknown.length > 0)
		return { ok: false, fileProblem: { code: 'unknown_columns', columns: unknown } };
	if (!columns.some((c) => c !== AGE_COLUMN))
		return { ok: false, fileProblem: { code: 'no_statement_columns' } };
	const responses: CheckedResponse[] = [];
	const problems: RowProblem[] = [];
	let count = 0;
	for (const [i, cells] of lines.entries()) {
		if (cells.every((c) => c.trim() === '')) continue;
		const row = i + 2;
		if (++count > MAX_PAPER_ROWS)
			return { ok: false, fileProblem: { code: 'too_many_rows', max: MAX_PAPER_ROWS } };
		if (cells.length !== columns.length)
			return {
				ok: false,
				fileProblem: { code: 'cell_count', row, expected: columns.length, found: cells.length }
			};
		const fields = Object.fromEntries(
			columns.map((c, j) => [c === AGE_COLUMN ? AGE_FIELD : ANSWER_PREFIX + c, cells[j]])
		);
		const checked = checkResponse(fields, survey);
		if (checked.ok) responses.push(checked.response);
		else problems.push(...checked.problems.map((p) => ({ ...p, row })));
	}
	if (count === 0) return { ok: false, fileProblem: { code: 'no_rows' } };
	if (problems.length > 0) return { ok: false, problems };
	return { ok: true, responses };
}
