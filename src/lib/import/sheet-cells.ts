/**
 * Workbook (XLSX) cells as the CSV validator reads them. An XLSX file is turned into CSV text row
 * by row (`server/imports/workbook.ts` does the reading) and then goes through exactly the same
 * validation as a CSV file, so both get the same checks, error codes and messages. This module is
 * the pure part of that: what text a cell becomes, how a row becomes a CSV line, and how merged
 * header cells are laid out so the header is one row.
 *
 * Numbers are written in the file's number locale (`9,31` in an Indonesian file), so a number
 * stored as a number and one typed as Indonesian text ("9,31", "2.349.304") read alike. A cell
 * shown as a percentage (format `0%`, `0,00%`) holds a fraction: it is written as the percent
 * the sheet shows, 0.0931 as 9,31. A formula is read as its last computed value.
 */
import type { Locale } from './types';

/** A cell value as exceljs's streaming reader gives it. */
export type SheetValue =
	| null
	| undefined
	| number
	| string
	| boolean
	| Date
	| { formula?: string; sharedFormula?: string; result?: unknown }
	| { richText: { text: string }[] }
	| { text: string; hyperlink: string }
	| { error: string };

/** A number format that shows a percentage: a `%` outside quotes and brackets. */
function isPercentFormat(numFmt: string | undefined): boolean {
	if (!numFmt || !numFmt.includes('%')) return false;
	return /%/.test(numFmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''));
}

/**
 * A number as the validator reads it in `locale`: no grouping, the locale's decimal mark, never
 * an exponent (1e-7 is 0,0000001).
 * @example numberText(2349304, 'id') === '2349304'; numberText(9.31, 'id') === '9,31'
 */
export function numberText(n: number, locale: Locale): string {
	let s = String(n);
	// Only below 1e-6 and from 1e21 does String() write an exponent; 20 places is the most
	// toLocaleString allows, and no indicator value is smaller than 1e-20.
	if (s.includes('e'))
		s = n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
	return locale === 'id' ? s.replace('.', ',') : s;
}

/**
 * The text of one cell. A formula gives its cached result (one never computed, as some generators
 * write it, gives its formula, which the validator then refuses as not a number); an error value
 * gives its code (`#N/A`); a date gives `yyyy-mm-dd`.
 * @example cellText(0.0931, '0.00%', 'id') === '9,31'; cellText({ formula: 'B2*2', result: 4 }, undefined, 'id') === '4'
 */
export function cellText(value: SheetValue, numFmt: string | undefined, locale: Locale): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) return '';
		// toPrecision(15): Excel's own precision, so 0.0931 × 100 is 9.31, not 9.310000000000001.
		return numberText(
			isPercentFormat(numFmt) ? Number((value * 100).toPrecision(15)) : value,
			locale
		);
	}
	if (typeof value === 'string') return value;
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	if (value instanceof Date)
		return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
	if ('richText' in value) return value.richText.map((r) => r.text).join('');
	if ('error' in value) return value.error;
	if ('hyperlink' in value) return value.text;
	if ('formula' in value || 'sharedFormula' in value) {
		const result = value.result;
		if (result === undefined || result === null) return `=${value.formula ?? value.sharedFormula}`;
		if (typeof result === 'object' && result !== null && 'error' in result)
			return String((result as { error: string }).error);
		return cellText(result as SheetValue, numFmt, locale);
	}
	return '';
}

/**
 * One CSV record: cells joined by `delimiter`, quoted only when they hold the delimiter, a quote
 * or a line break. No formula guard: the text goes to our own validator, not to a spreadsheet.
 * @example csvLine(['a;b', 'c'], ';') === '"a;b";c'
 */
export function csvLine(cells: readonly string[], delimiter: ',' | ';'): string {
	let line = '';
	for (let i = 0; i < cells.length; i++) {
		const c = cells[i];
		if (i > 0) line += delimiter;
		if (c.includes(delimiter) || c.includes('"') || c.includes('\n') || c.includes('\r'))
			line += '"' + c.replace(/"/g, '""') + '"';
		else line += c;
	}
	return line;
}

/** A merged range, rows and columns 1-based and inclusive. */
export interface MergedRange {
	top: number;
	left: number;
	bottom: number;
	right: number;
}

/** Column letters to a 1-based number: `columnNumber('AB') === 28`. */
function columnNumber(letters: string): number {
	let n = 0;
	for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
	return n;
}

/**
 * A range as the sheet writes it, or null: `parseRange('A3:B4')` is rows 3–4, columns 1–2.
 * @example parseRange('C3:E3') → { top: 3, left: 3, bottom: 3, right: 5 }
 */
export function parseRange(ref: string): MergedRange | null {
	const m = /^\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref.trim().toUpperCase());
	if (!m) return null;
	const [top, bottom] = [Number(m[2]), Number(m[4])].sort((a, b) => a - b);
	const [left, right] = [columnNumber(m[1]), columnNumber(m[3])].sort((a, b) => a - b);
	return { top, left, bottom, right };
}

/**
 * Lays out merged cells so a table's header is one row, as the validator expects. Rows are the
 * first rows of the sheet (`rows[0]` is row 1), changed in place.
 * - A cell merged down over several rows ("Kabupaten/Kota" over rows 3–4, beside years in row 4)
 *   moves to the merge's bottom row, where the rest of the header is.
 * - A cell merged across columns above a row of labels ("Tahun" over the years) only groups them:
 *   it is dropped, and the labels below are the header.
 * - Below that, a cell merged down (a region named once for several rows) fills every row of its
 *   range, in its first column.
 * @example with rows 3 `['Kabupaten/Kota', 'Tahun', '', '']` and 4 `['', '2021', '2022', '2023']`
 * and merges A3:A4, B3:D3, row 3 becomes blank and row 4 `['Kabupaten/Kota', '2021', '2022', '2023']`.
 */
export function layOutMerges(rows: string[][], merges: readonly MergedRange[]): void {
	const at = (r: number, c: number) => rows[r - 1]?.[c - 1] ?? '';
	const set = (r: number, c: number, v: string) => {
		const row = rows[r - 1];
		if (!row) return;
		while (row.length < c) row.push('');
		row[c - 1] = v;
	};
	for (const m of merges) {
		if (m.top > rows.length) continue;
		const master = at(m.top, m.left);
		if (m.bottom > m.top) {
			if (master === '') continue;
			if (isHeaderLike(rows, m)) {
				set(m.top, m.left, '');
				set(Math.min(m.bottom, rows.length), m.left, master);
			} else
				for (let r = m.top + 1; r <= Math.min(m.bottom, rows.length); r++) set(r, m.left, master);
		} else if (m.right > m.left && master !== '') {
			const below = (rows[m.top] ?? []).slice(m.left - 1, m.right);
			if (below.length === m.right - m.left + 1 && below.every((c) => c.trim() !== ''))
				set(m.top, m.left, '');
		}
	}
}

/**
 * Whether a merge spanning rows is part of a header: some other cell of its bottom row, outside
 * the merge, is filled while the same column of its top row is merged across or blank. That is
 * the shape of a two-row header; a region merged over data rows has filled cells on every row.
 */
function isHeaderLike(rows: string[][], m: MergedRange): boolean {
	const top = rows[m.top - 1] ?? [];
	const bottom = rows[Math.min(m.bottom, rows.length) - 1] ?? [];
	for (let c = 0; c < bottom.length; c++) {
		if (c >= m.left - 1 && c <= m.right - 1) continue;
		if ((bottom[c] ?? '').trim() !== '' && (top[c] ?? '').trim() === '') return true;
	}
	return false;
}

/**
 * Merges below the first rows, applied as the rows stream past: a cell merged down fills its
 * column in every row of the range (a region named once for several rows), as in the head.
 * Merges are few (a sheet lists them all), so each row looks up only those that start or span it.
 */
export class BodyMerges {
	private readonly down: MergedRange[];
	private readonly masters = new Map<MergedRange, string>();

	/** `merges` starting after row `headRows` (those are `layOutMerges`'s). */
	constructor(merges: readonly MergedRange[], headRows: number) {
		this.down = merges
			.filter((m) => m.top > headRows && m.bottom > m.top)
			.sort((a, b) => a.top - b.top);
	}

	/** Fills row `row`'s merged cells in place. */
	apply(row: number, cells: string[]): void {
		if (this.down.length === 0) return;
		for (const m of this.down) {
			if (m.top > row) break;
			if (row > m.bottom) continue;
			if (row === m.top) this.masters.set(m, cells[m.left - 1] ?? '');
			else {
				const master = this.masters.get(m) ?? '';
				while (cells.length < m.left) cells.push('');
				if (cells[m.left - 1] === '') cells[m.left - 1] = master;
			}
		}
	}
}
