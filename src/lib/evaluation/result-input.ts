/**
 * A Kominfo result as staff type it from a letter (the form on /staff/official, or one row of a
 * CSV), checked once where it enters: numbers on the 0–4 scale with at most two decimals (a
 * decimal comma as in Indonesian, or a point), the final index that the chosen weight set
 * reproduces from the dimension scores, the letter and its date, a region that exists. Every
 * problem is returned with its column, the text given and the values a message needs; the pages
 * word them in the reader's language.
 *
 * Pure module: no Svelte, no SvelteKit, no database; what the database knows comes in `ResultContext`.
 */
import Papa from 'papaparse';
import { MAX_YEAR } from '../domain';
import { decodeBytes, sniff } from '../import/decode';
import { detectDialect } from '../import/dialect';
import type { Message } from '../import/types';
import { INSTRUMENT_PARTS, type InstrumentPartKey } from '../submission/instrument';
import { evaluationIndex } from './kominfo';

/** The columns of the CSV import, in order; the form's fields have the same names. */
export const RESULT_COLUMNS = [
	'year',
	'region_code',
	'weight_set',
	...INSTRUMENT_PARTS,
	'final',
	'improvement',
	'letter',
	'letter_date',
	'source_href',
	'note'
] as const;
export type ResultColumn = (typeof RESULT_COLUMNS)[number];

/** The raw text of each field, as a form or a CSV row gives it. */
export type ResultFields = Partial<Record<ResultColumn, string>>;

/**
 * How far the final may be from Σ score × weight / Σ weight of the dimension scores: the letters
 * print the scores rounded to two decimals while the ministry computed the final from unrounded
 * item means, so every published final reproduces to ±0.013 (2022: 38 rows, 2023: 130 rows,
 * src/lib/evaluation/kominfo.test.ts); ±0.015 leaves room for that and catches a mistyped score.
 */
export const FINAL_TOLERANCE = 0.015;

/** The first year of the evaluation (Gerakan Menuju 100 Smart City began in 2017). */
export const FIRST_EVALUATION_YEAR = 2017;

export const MAX_LETTER = 200;
export const MAX_NOTE = 1000;
export const MAX_HREF = 2000;

export type ProblemCode =
	| 'required'
	| 'not_number'
	| 'too_many_decimals'
	| 'out_of_range'
	| 'not_year'
	| 'year_range'
	| 'not_date'
	| 'date_before_year'
	| 'date_future'
	| 'unknown_region'
	| 'not_kabupaten_kota'
	| 'unknown_weight_set'
	| 'not_weighted'
	| 'final_mismatch'
	| 'too_long'
	| 'not_url'
	| 'published'
	| 'exists'
	| 'duplicate';

export interface ResultProblem {
	column: ResultColumn;
	code: ProblemCode;
	/** The text given, trimmed. */
	value: string;
	/** What the message needs: the bounds, the recomputed final, the letter that holds the year. */
	params: Record<string, string | number>;
}

/** A checked result, ready to store. */
export interface ResultRow {
	year: number;
	regionCode: string;
	weightSet: string;
	scores: Record<InstrumentPartKey, number | null>;
	final: number;
	improvement: number | null;
	letter: string;
	letterDate: string;
	sourceHref: string;
	note: string;
}

/** What the checks need to know from outside: the weight sets, the regions, what is held. */
export interface ResultContext {
	weightSets: readonly { code: string; weights: Readonly<Record<InstrumentPartKey, number>> }[];
	/** The kind of a region (`kabupaten`, `kota`, …), or null when there is no such region. */
	regionKind: (code: string) => string | null;
	/** The letter of a bundled table that holds this region in this year, or null. */
	publishedIn: (year: number, region: string) => string | null;
	/** The id of a recorded result of this region and year, or null. */
	recordedId: (year: number, region: string) => number | null;
	/** Today, `YYYY-MM-DD`: no letter is dated later, no result is of a later year. */
	today: string;
}

const DECIMAL = /^[+-]?\d+(?:[.,](\d+))?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A decimal as staff type it, with a comma or a point: `readDecimal('2,84')` → `{ value: 2.84, decimals: 2 }`;
 * null when it is not a plain decimal (no thousands separators, no exponent).
 * @example readDecimal('-0,37') // { value: -0.37, decimals: 2 }
 */
export function readDecimal(text: string): { value: number; decimals: number } | null {
	const m = DECIMAL.exec(text.trim());
	if (!m) return null;
	return { value: Number(text.trim().replace(',', '.')), decimals: m[1]?.length ?? 0 };
}

/**
 * True for a real calendar date written `YYYY-MM-DD`.
 * @example isCalendarDate('2024-02-29') === true; isCalendarDate('2023-02-29') === false
 */
export function isCalendarDate(text: string): boolean {
	const m = DATE.exec(text);
	if (!m) return false;
	const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
	return d.toISOString().slice(0, 10) === text;
}

/**
 * Checks one result. `editing` is the id of the recorded row being changed (it may keep its own
 * year and region). Every problem is listed, not only the first.
 * @example validateResult({ year: '2024', region_code: '33.18', … }, context).ok
 */
export function validateResult(
	fields: ResultFields,
	context: ResultContext,
	editing: number | null = null
): { ok: true; row: ResultRow } | { ok: false; problems: ResultProblem[] } {
	const problems: ResultProblem[] = [];
	const text = (c: ResultColumn) => (fields[c] ?? '').trim();
	const problem = (column: ResultColumn, code: ProblemCode, params: ResultProblem['params'] = {}) =>
		problems.push({ column, code, value: text(column), params });

	const thisYear = Number(context.today.slice(0, 4));
	let year: number | null = null;
	if (text('year') === '') problem('year', 'required');
	else if (!/^\d{4}$/.test(text('year'))) problem('year', 'not_year');
	else {
		const y = Number(text('year'));
		const last = Math.min(thisYear, MAX_YEAR);
		if (y < FIRST_EVALUATION_YEAR || y > last)
			problem('year', 'year_range', { min: FIRST_EVALUATION_YEAR, max: last });
		else year = y;
	}

	const regionCode = text('region_code');
	let regionOk = false;
	if (regionCode === '') problem('region_code', 'required');
	else {
		const kind = context.regionKind(regionCode);
		if (kind === null) problem('region_code', 'unknown_region');
		else if (kind !== 'kabupaten' && kind !== 'kota') problem('region_code', 'not_kabupaten_kota');
		else regionOk = true;
	}

	const weightSetCode = text('weight_set');
	const weightSet = context.weightSets.find((w) => w.code === weightSetCode);
	if (weightSetCode === '') problem('weight_set', 'required');
	else if (!weightSet)
		problem('weight_set', 'unknown_weight_set', {
			known: context.weightSets.map((w) => w.code).join(', ')
		});

	/** A score or index on the 0–4 scale (improvement: −4 to 4), two decimals at most. */
	const score = (column: ResultColumn, min: number): number | null => {
		const parsed = readDecimal(text(column));
		if (!parsed) {
			problem(column, 'not_number');
			return null;
		}
		if (parsed.decimals > 2) {
			problem(column, 'too_many_decimals');
			return null;
		}
		if (parsed.value < min || parsed.value > 4) {
			problem(column, 'out_of_range', { min, max: 4 });
			return null;
		}
		return parsed.value;
	};

	const scores = Object.fromEntries(INSTRUMENT_PARTS.map((p) => [p, null])) as Record<
		InstrumentPartKey,
		number | null
	>;
	let scoresComplete = weightSet !== undefined;
	for (const part of INSTRUMENT_PARTS) {
		const weighted = weightSet ? weightSet.weights[part] > 0 : true;
		if (text(part) === '') {
			if (weightSet && weighted) {
				problem(part, 'required');
				scoresComplete = false;
			}
			continue;
		}
		if (weightSet && !weighted) {
			problem(part, 'not_weighted', { weightSet: weightSet.code });
			continue;
		}
		scores[part] = score(part, 0);
		if (scores[part] === null) scoresComplete = false;
	}

	let final: number | null = null;
	if (text('final') === '') problem('final', 'required');
	else final = score('final', 0);
	if (final !== null && weightSet && scoresComplete) {
		const recomputed = evaluationIndex(scores, weightSet.weights);
		// 1e-9 absorbs binary rounding: 2.855 against 2.84 is a gap of 0.015, not 0.0150000001.
		if (recomputed !== null && Math.abs(recomputed - final) > FINAL_TOLERANCE + 1e-9)
			problem('final', 'final_mismatch', {
				recomputed: Math.round(recomputed * 1000) / 1000,
				gap: Math.round(Math.abs(recomputed - final) * 1000) / 1000,
				tolerance: FINAL_TOLERANCE,
				weightSet: weightSet.code,
				weights: INSTRUMENT_PARTS.map((p) => weightSet.weights[p]).join('/')
			});
	}

	const improvement = text('improvement') === '' ? null : score('improvement', -4);

	const letter = text('letter');
	if (letter === '') problem('letter', 'required');
	else if (letter.length > MAX_LETTER) problem('letter', 'too_long', { max: MAX_LETTER });

	const letterDate = text('letter_date');
	if (letterDate === '') problem('letter_date', 'required');
	else if (!isCalendarDate(letterDate)) problem('letter_date', 'not_date');
	else if (year !== null && Number(letterDate.slice(0, 4)) < year)
		problem('letter_date', 'date_before_year', { year });
	else if (letterDate > context.today)
		problem('letter_date', 'date_future', { today: context.today });

	const sourceHref = text('source_href');
	if (sourceHref.length > MAX_HREF) problem('source_href', 'too_long', { max: MAX_HREF });
	else if (sourceHref !== '' && !isWebAddress(sourceHref)) problem('source_href', 'not_url');

	const note = text('note');
	if (note.length > MAX_NOTE) problem('note', 'too_long', { max: MAX_NOTE });

	if (year !== null && regionOk) {
		const letterOfTable = context.publishedIn(year, regionCode);
		const existing = context.recordedId(year, regionCode);
		if (letterOfTable !== null) problem('year', 'published', { letter: letterOfTable, year });
		else if (existing !== null && existing !== editing)
			problem('year', 'exists', { id: existing, year });
	}

	if (problems.length > 0) return { ok: false, problems };
	return {
		ok: true,
		row: {
			year: year!,
			regionCode,
			weightSet: weightSet!.code,
			scores,
			final: final!,
			improvement,
			letter,
			letterDate,
			sourceHref,
			note
		}
	};
}

function isWebAddress(text: string): boolean {
	try {
		const url = new URL(text);
		return url.protocol === 'https:' || url.protocol === 'http:';
	} catch {
		return false;
	}
}

/** A file the import cannot read as a table of results; the page words it. */
export type ResultFileProblem =
	| { code: 'unreadable'; message: Message }
	| { code: 'missing_columns'; columns: string[] }
	| { code: 'unknown_columns'; columns: string[] }
	| { code: 'no_rows' }
	| { code: 'too_many_rows'; max: number }
	| { code: 'cell_count'; row: number; expected: number; found: number }
	| { code: 'malformed'; row: number; detail: string };

/** One data row of an import, with its line number in the file (the header is row 1). */
export interface ResultRecord {
	row: number;
	fields: ResultFields;
}

/** A problem of one row of an import. */
export interface RowProblem extends ResultProblem {
	row: number;
}

/** The most rows one import takes: a letter lists some 140 regions; a few letters fit. */
export const MAX_IMPORT_ROWS = 2000;

const isColumn = (label: string): label is ResultColumn =>
	(RESULT_COLUMNS as readonly string[]).includes(label);

/**
 * Reads an uploaded results file: refuses what is not a CSV (a workbook, a PDF) and text that is
 * not UTF-8 or Windows-1252 with the import's own messages (`sniff`, `decodeBytes`), then the
 * records (`readResultRecords`).
 * @example readResultsFile(new TextEncoder().encode('year,region_code,…'))
 */
export function readResultsFile(
	bytes: Uint8Array
): { records: ResultRecord[] } | { problem: ResultFileProblem } {
	const notCsv = sniff(bytes.subarray(0, 16));
	if (notCsv) return { problem: { code: 'unreadable', message: notCsv.message } };
	const decoded = decodeBytes(bytes);
	if ('problem' in decoded)
		return { problem: { code: 'unreadable', message: decoded.problem.message } };
	return readResultRecords(decoded.text);
}

/**
 * Reads the records of a results CSV. The delimiter is `,`, `;` or a tab, told from the header
 * (`detectDialect`, as the indicator import does); the header names every column of
 * RESULT_COLUMNS once and nothing else, in any order. Blank lines are skipped; the row numbers
 * stay those of the file.
 * @example readResultRecords('year;region_code;…\n2024;33.18;…') // { records: [{ row: 2, fields: { year: '2024', … } }] }
 */
export function readResultRecords(
	text: string
): { records: ResultRecord[] } | { problem: ResultFileProblem } {
	const body = text.replace(/^\uFEFF/, '');
	const dialect = detectDialect(body.split(/\r?\n/, 1)[0], (l) => isColumn(l.toLowerCase()));
	if ('error' in dialect)
		return { problem: { code: 'unreadable', message: dialect.error.message } };
	const parsed = Papa.parse<string[]>(body, {
		delimiter: dialect.delimiter,
		dynamicTyping: false,
		skipEmptyLines: false
	});
	if (parsed.errors.length > 0) {
		const e = parsed.errors[0];
		return { problem: { code: 'malformed', row: (e.row ?? 0) + 1, detail: e.message } };
	}
	const [header = [], ...lines] = parsed.data;
	const columns = header.map((h) => h.trim().toLowerCase());
	const missing = RESULT_COLUMNS.filter((c) => !columns.includes(c));
	if (missing.length > 0) return { problem: { code: 'missing_columns', columns: missing } };
	const unknown = columns.filter((c, i) => !isColumn(c) || columns.indexOf(c) !== i);
	if (unknown.length > 0) return { problem: { code: 'unknown_columns', columns: unknown } };
	const records: ResultRecord[] = [];
	for (const [i, cells] of lines.entries()) {
		if (cells.every((c) => c.trim() === '')) continue;
		const row = i + 2;
		if (cells.length !== columns.length)
			return {
				problem: { code: 'cell_count', row, expected: columns.length, found: cells.length }
			};
		records.push({
			row,
			fields: Object.fromEntries(columns.map((c, j) => [c, cells[j]])) as ResultFields
		});
	}
	if (records.length === 0) return { problem: { code: 'no_rows' } };
	if (records.length > MAX_IMPORT_ROWS)
		return { problem: { code: 'too_many_rows', max: MAX_IMPORT_ROWS } };
	return { records };
}

/**
 * Checks every record of an import (`validateResult` each), and that no two rows hold the same
 * region and year: all rows, or the problems of every row.
 * @example validateResults(records, context) // { ok: false, problems: [{ row: 3, column: 'final', code: 'final_mismatch', … }] }
 */
export function validateResults(
	records: readonly ResultRecord[],
	context: ResultContext
): { ok: true; rows: ResultRow[] } | { ok: false; problems: RowProblem[] } {
	const problems: RowProblem[] = [];
	const rows: ResultRow[] = [];
	const firstRow = new Map<string, number>();
	for (const r of records) {
		const checked = validateResult(r.fields, context);
		if (!checked.ok) {
			problems.push(...checked.problems.map((p) => ({ row: r.row, ...p })));
			continue;
		}
		const key = `${checked.row.year}|${checked.row.regionCode}`;
		const first = firstRow.get(key);
		if (first !== undefined) {
			problems.push({
				row: r.row,
				column: 'year',
				code: 'duplicate',
				value: String(checked.row.year),
				params: { first, year: checked.row.year, region: checked.row.regionCode }
			});
			continue;
		}
		firstRow.set(key, r.row);
		rows.push(checked.row);
	}
	return problems.length > 0 ? { ok: false, problems } : { ok: true, rows };
}
