/**
 * One cell's text to its typed value, by its column's declaration (`schemas.ts`): text, codes
 * against their pattern, enumerations, booleans in both languages, years, year lists and numbers
 * in the file's locale. A problem goes to the validator's error list with the cell's row, column
 * and text, and the value comes back as INVALID. Pure; the validator (`validate.ts`) calls it for
 * every cell, so a success allocates nothing. Here too: a cell's text as it is read (`cellText`),
 * the marks of a value cell that holds no value (`isMissingMark`), and `detached`, for a cell's
 * text kept beyond its chunk.
 */
import { restoreFormulas } from '../csv/write';
import { msg } from './messages';
import { parseNumber } from './number';
import type { ColumnDecl } from './schemas';
import { MAX_YEAR, MIN_YEAR, type ErrorCode, type Locale, type Message } from './types';

/** A cell that failed its column's rule (already reported). */
export const INVALID = Symbol('invalid');
export type Cell = unknown | typeof INVALID;

const YEAR_TEXT = /^\+?\d+$/;
const BOOLEANS = new Map<string, boolean>([
	['1', true],
	['true', true],
	['ya', true],
	['yes', true],
	['y', true],
	['0', false],
	['false', false],
	['tidak', false],
	['no', false],
	['n', false],
	['t', false]
]);

/** Where a cell's problem is reported: the validator's error list. */
export interface CellErrors {
	error(
		code: ErrorCode,
		row: number | null,
		column: string | null,
		value: string | null,
		message: Message
	): void;
}

/**
 * What a value cell holds when there is no value, as statistics tables write it: a dash, an
 * ellipsis, "NA" (compared trimmed and in lower case). Such a cell is skipped, never read as 0.
 */
const MISSING_MARKS: ReadonlySet<string> = new Set(['-', '–', '—', '…', '...', 'na', 'n/a']);

/** Whether a mark may start with this character: - . N n – — … */
export const mayStartMissingMark = (c: number): boolean =>
	c === 45 || c === 46 || c === 78 || c === 110 || c === 0x2013 || c === 0x2014 || c === 0x2026;

/** A missing-value mark? The first character decides first, so a number costs no lower-casing. */
export function isMissingMark(text: string): boolean {
	return (
		mayStartMissingMark(text.charCodeAt(0)) &&
		text.length <= 3 &&
		MISSING_MARKS.has(text.toLowerCase())
	);
}

/**
 * A copy of a string that does not keep its source alive: V8 represents a slice of a large string
 * as a view into it, so a map key cut from a 1 MB chunk would pin the whole chunk in memory.
 */
export function detached(s: string): string {
	return JSON.parse(JSON.stringify(s)) as string;
}

/**
 * The text of a record's cell at a column, as it is read: trimmed, and the CSV writer's formula
 * guard removed (`restoreFormulas` of `$lib/csv/write`, as `unescapeFormula`).
 */
export function cellText(cells: string[], column: { index: number }): string {
	return restoreFormulas(cells[column.index].trim());
}

/** A column as the header named it, with what speeds up its cells. */
export interface CellColumn {
	decl: ColumnDecl;
	label: string;
	/** An enumeration's values by their lower-case spelling. */
	enumMap?: Map<string, string>;
	/**
	 * The last text that passed this code column's pattern. Files come sorted, so the same code
	 * repeats row after row; comparing with it skips the regular expression.
	 */
	lastCode?: string;
}

/** What the file as a whole decides for its cells. */
export interface CellRules {
	/** The number locale (given, or suggested by the delimiter); null: not known (a tab file). */
	locale: Locale | null;
	/** A region given for the whole file: a blank region code is then allowed. */
	defaultRegion: string | undefined;
	/** Row properties the whole file gives a value (its source): a blank cell takes that value. */
	filled: ReadonlySet<string>;
	/** Whether a row may be flagged illustrative (the demo instance only). */
	allowIllustrative: boolean;
}

/**
 * A cell's value, or INVALID with the problem reported. A blank cell is null unless the column
 * is required. Example: `readCell(col, '73,48', 4, { locale: 'id', … }, errors) === 73.48`.
 */
export function readCell(
	b: CellColumn,
	text: string,
	row: number,
	rules: CellRules,
	errors: CellErrors
): Cell {
	const d = b.decl;
	if (text === '') {
		if (
			!d.required ||
			(d.name === 'region_code' && rules.defaultRegion !== undefined) ||
			rules.filled.has(d.key)
		)
			return null;
		errors.error('constraint-error', row, b.label, '', msg.required(b.label));
		return INVALID;
	}
	switch (d.type) {
		case 'text':
			return text;
		case 'code':
			if (d.pattern && text !== b.lastCode) {
				if (!d.pattern.regex.test(text)) {
					errors.error('constraint-error', row, b.label, text, msg.pattern(text, d.pattern.hint));
					return INVALID;
				}
				b.lastCode = text;
			}
			return text;
		case 'enum': {
			const v = b.enumMap?.get(text.toLowerCase());
			if (v === undefined) {
				errors.error('constraint-error', row, b.label, text, msg.enumeration(text, d.enum ?? []));
				return INVALID;
			}
			return v;
		}
		case 'boolean': {
			const v = BOOLEANS.get(text.toLowerCase());
			if (v === undefined) {
				errors.error('type-error', row, b.label, text, msg.boolean(text));
				return INVALID;
			}
			if (v && d.key === 'illustrative' && !rules.allowIllustrative) {
				errors.error('constraint-error', row, b.label, text, msg.illustrativeRefused());
				return INVALID;
			}
			return v;
		}
		case 'year':
			return readYear(text, row, b.label, errors);
		case 'years': {
			const parts = text.split(/[\s,;]+/).filter(Boolean);
			if (parts.length === 0 || parts.some((p) => !YEAR_TEXT.test(p))) {
				errors.error('type-error', row, b.label, text, msg.years(text));
				return INVALID;
			}
			const years: number[] = [];
			for (const p of parts) {
				const y = readYear(p, row, b.label, errors);
				if (y === INVALID) return INVALID;
				years.push(y);
			}
			return [...new Set(years)].sort((a, b) => a - b);
		}
		default: {
			const v = readNumber(text, row, b.label, rules.locale, errors);
			if (v === INVALID) return INVALID;
			if (d.type === 'integer' && !Number.isInteger(v)) {
				errors.error('type-error', row, b.label, text, msg.integer(text));
				return INVALID;
			}
			if (d.min !== undefined && v < d.min) {
				errors.error('constraint-error', row, b.label, text, msg.min(text, d.min));
				return INVALID;
			}
			if (d.max !== undefined && v > d.max) {
				errors.error('constraint-error', row, b.label, text, msg.max(text, d.max));
				return INVALID;
			}
			return v;
		}
	}
}

/** A number in the file's locale, or INVALID with the problem reported. */
export function readNumber(
	text: string,
	row: number,
	label: string,
	locale: Locale | null,
	errors: CellErrors
): number | typeof INVALID {
	// A locale detected from the delimiter (`;` Indonesian, `,` English) is as good as one given:
	// the page and the report name it, and people write `1.234` meaning their own locale's
	// number. Only a tab-separated file, whose delimiter says nothing, leaves `1.234` ambiguous.
	const v = parseNumber(text, locale, locale !== null);
	if (typeof v === 'number') return v;
	errors.error('type-error', row, label, text, msg.number(v.error, text, locale));
	return INVALID;
}

/** A whole year in MIN_YEAR–MAX_YEAR, or INVALID with the problem reported. */
export function readYear(
	text: string,
	row: number,
	label: string,
	errors: CellErrors
): number | typeof INVALID {
	if (!YEAR_TEXT.test(text)) {
		errors.error('type-error', row, label, text, msg.year(text));
		return INVALID;
	}
	const y = Number(text);
	if (y < MIN_YEAR || y > MAX_YEAR) {
		errors.error('constraint-error', row, label, text, msg.yearRange(text));
		return INVALID;
	}
	return y;
}
