/**
 * The one CSV writer: every CSV the app hands out (the indicator's data.csv, import templates and
 * error lists, the API's `format=csv`, the audit log, the submission manifest, the charts' data
 * links) is written here, and the submission workbook's text cells pass the same formula guard.
 * The scripts that write the repository's data files (scripts/build-dataset.ts,
 * scripts/generate-illustrative.ts, scripts/prepare-geo.ts) write through it too, with LF line
 * ends (see `csvRows`). Pure and framework-free, so browser-side chart code, server code and the
 * scripts share it.
 *
 * Formula guard (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with `=`, `+`, `-`
 * or `@` (and some treat a leading tab or CR alike), so such text gets an apostrophe before the
 * trigger and the spreadsheet shows it as text. Guarding the first character alone is not enough:
 * the file may be split on another separator than it was written with (LibreOffice under
 * Indonesian regional settings splits on `;`, and some tools ignore quotes), and then
 * `x;=10*10;` becomes three cells, the middle one a formula. So every place a spreadsheet could
 * start a cell is guarded: the start, and after each `,` `;` tab, CR or LF inside the text, past
 * any spaces there (LibreOffice's "trim spaces" turns ` =1+1` into a formula).
 *
 * A text that is only a negative number (`-3.5`, `-2e5`, or `-3,5` with the decimal comma of an
 * Indonesian file) is data, not a formula, and is left as it is; JS numbers are written as they
 * are. "Only" holds for every split: `-3,5+1` is `-3` and `5+1` split on `,` but one cell `-3,5+1`
 * split on `;`, which a spreadsheet would run, so it is guarded. `restoreFormulas` undoes the guard exactly, for the
 * import validator that reads these files back.
 *
 * Why not papaparse's `unparse` (issue 17 asked): its `escapeFormulae` tests the cell's first
 * character only, so `x;=10*10;` goes out unguarded, and it prefixes every negative number,
 * `-3.5` becoming the text `'-3.5` (papaparse 5.7.1: `unparse([['x;=10*10;', '-3.5']],
 * { escapeFormulae: true })` gives `x;=10*10;,"'-3.5"`). It fails both halves of the guard's
 * tests (`write.test.ts`), so the writer stays ours.
 */

export type CsvValue = string | number | boolean | null | undefined;
export type CsvDelimiter = ',' | ';';

const TRIGGER = new Set(['=', '+', '-', '@']);
const START_TRIGGER = new Set(['=', '+', '-', '@', '\t', '\r']);
const SEPARATOR = new Set([',', ';', '\t', '\r', '\n']);
const ANY_TRIGGER = /[=+\-@\t\r]/;
const NEGATIVE_NUMBER = /^-\d+(\.\d+)?(e[+-]?\d+)?$/i;
/** The same with a decimal comma (`-3,5`), as a file split on `;` shows it. */
const NEGATIVE_DECIMAL_COMMA = /^-\d+(,\d+)?(e[+-]?\d+)?$/i;
/** Where a cell ends when the file is split on `;` (or a tab): a `,` is then inside the cell. */
const SEPARATOR_BUT_COMMA = new Set([';', '\t', '\r', '\n']);
const NEEDS_QUOTES = /[",;\t\r\n]|^\s|\s$/;

/** Where a cell could start in `text`: 0 and the index after each separator, past spaces. */
function cellStarts(text: string): { at: number; start: boolean }[] {
	const out: { at: number; start: boolean }[] = [];
	for (let i = 0; i <= text.length; i++) {
		if (i > 0 && !SEPARATOR.has(text[i - 1])) continue;
		let at = i;
		while (text[at] === ' ') at++;
		out.push({ at, start: i === 0 });
	}
	return out;
}

/** Would a spreadsheet run the piece of text at `at` (apostrophes already there skipped)? */
function triggers(text: string, at: number, start: boolean): boolean {
	let k = at;
	while (text[k] === "'") k++;
	const c = text[k];
	return c !== undefined && (start ? START_TRIGGER : TRIGGER).has(c);
}

function pieceAt(text: string, at: number, separators: ReadonlySet<string> = SEPARATOR): string {
	let end = at;
	while (end < text.length && !separators.has(text[end])) end++;
	return text.slice(at, end).trimEnd();
}

/** Is the cell at `at` a negative number however the text is split (on `,` or on `;`)? */
function negativeNumberAt(text: string, at: number): boolean {
	if (!NEGATIVE_NUMBER.test(pieceAt(text, at))) return false;
	const wide = pieceAt(text, at, SEPARATOR_BUT_COMMA);
	return NEGATIVE_NUMBER.test(wide) || NEGATIVE_DECIMAL_COMMA.test(wide);
}

/**
 * Text a spreadsheet shows as text: an apostrophe before every formula trigger at a place a cell
 * could start (see the module comment).
 * @example neutraliseFormulas('x;=10*10;') === "x;'=10*10;"; neutraliseFormulas('-3,5') === '-3,5'
 */
export function neutraliseFormulas(text: string): string {
	if (!ANY_TRIGGER.test(text)) return text;
	let out = '';
	let from = 0;
	for (const { at, start } of cellStarts(text)) {
		if (!triggers(text, at, start) || negativeNumberAt(text, at)) continue;
		out += text.slice(from, at) + "'";
		from = at;
	}
	return out + text.slice(from);
}

/**
 * Undoes `neutraliseFormulas`: one apostrophe less wherever it put one. A reader of our own files
 * (the import validator) gets back exactly the text that was written.
 * @example restoreFormulas("x;'=10*10;") === 'x;=10*10;'; restoreFormulas("''=x") === "'=x"
 */
export function restoreFormulas(text: string): string {
	// The validator calls this on every cell it reads: most have no apostrophe at all.
	if (!text.includes("'")) return text;
	let out = '';
	let from = 0;
	for (const { at, start } of cellStarts(text)) {
		if (text[at] !== "'" || !triggers(text, at, start)) continue;
		out += text.slice(from, at);
		from = at + 1;
	}
	return out + text.slice(from);
}

/**
 * A workbook (XLSX) cell value under the same guard: text neutralised, anything else unchanged.
 * @example sheetCell('=HYPERLINK("http://x")') === '\'=HYPERLINK("http://x")'; sheetCell(3.5) === 3.5
 */
export function sheetCell<T>(value: T): T | string {
	return typeof value === 'string' ? neutraliseFormulas(value) : value;
}

/**
 * One CSV field: numbers as they are (non-finite ones empty), null and undefined empty, booleans
 * `true`/`false`, text guarded and quoted (quotes doubled) when it holds `,` `;` a tab, a quote, CR
 * or LF, or starts or ends with a space. Both separators are quoted whichever the file uses, so a
 * field stays whole when a spreadsheet splits on the other one.
 * @example csvCell('=SUM(A1)') === "'=SUM(A1)"; csvCell('a;b') === '"a;b"'; csvCell(-3.5) === '-3.5'
 */
export function csvCell(value: CsvValue): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	const text = neutraliseFormulas(value);
	return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * How a row ends: CRLF (RFC 4180) in every file the app hands out; LF in the repository's data/
 * files, which are committed with LF so that a rebuilt file diffs line by line against the old one
 * (`npm run data:build -- --check` compares bytes). The importer reads both.
 */
export type CsvLineEnd = '\r\n' | '\n';

/**
 * Rows as CSV text, each row ended by `lineEnd` (CRLF unless told), the last one too.
 * @example csvRows([['a', 1], ['=x', null]], ';') === "a;1\r\n'=x;\r\n"; csvRows([['a', 'b c']], ',', '\n') === 'a,b c\n'
 */
export function csvRows(
	rows: readonly (readonly CsvValue[])[],
	delimiter: CsvDelimiter,
	lineEnd: CsvLineEnd = '\r\n'
): string {
	let out = '';
	for (const row of rows) out += row.map(csvCell).join(delimiter) + lineEnd;
	return out;
}
