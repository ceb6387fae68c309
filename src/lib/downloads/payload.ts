/**
 * What a chart's "Data (XLSX)" form sends: the chart's table model and frame texts as JSON in one
 * hidden field, so the server can write the workbook from exactly the numbers the page drew, with
 * no JavaScript in the browser and no spreadsheet library in its bundle. The server reads it back
 * with `parseTablePayload`, which checks every field against the declared shape and size limits
 * once, where the data enters; after that the types can be trusted.
 *
 * Pure: no SvelteKit, no DOM.
 */
import type { Locale } from '../format';
import type { ColumnKind, TableColumn, TableModel, TableRow } from '../charts/types';
import { fileSlug } from '../charts/geometry/csv';

/** The endpoint the form posts to (the same for both languages: the payload names its own). */
export const XLSX_PATH = '/downloads/xlsx';
/** The form field that holds the JSON. */
export const PAYLOAD_FIELD = 'table';

export interface TablePayload {
	lang: Locale;
	/** File name without extension, already in the page's language. */
	filename: string;
	title: string;
	source?: string;
	note?: string;
	table: TableModel;
}

/** Far above any chart's table (a province has 35 regions), low enough to bound the work. */
export const PAYLOAD_LIMITS = {
	rows: 5000,
	columns: 400,
	cells: 200_000,
	text: 2000
} as const;

/** A row on the wire: its cells in column order, its code, the indexes of flagged columns. */
interface WireRow {
	v: (string | number | null)[];
	c?: string;
	/** Columns whose value is illustrative. */
	f?: number[];
	/** Columns whose value is carried forward. */
	k?: number[];
	/** The row's decimals (TableRow.decimals). */
	d?: number;
}

/**
 * The hidden field's value: compact JSON of what the workbook needs. Rows are arrays in column
 * order and flags are column indexes (a page may hold a dozen of these fields, so every repeated
 * key counts); screen-only columns are left out, the workbook would drop them anyway.
 * @example tablePayload({ lang: 'id', filename: 'x', title: 'T', table }) // '{"lang":"id","filename":"x","title":"T","columns":[…],"rows":[{"v":[…]}]}'
 */
export function tablePayload(payload: TablePayload): string {
	const { table, ...rest } = payload;
	const columns = table.columns.filter((c) => c.only !== 'screen');
	const indexes = (marks: Record<string, boolean> | undefined) =>
		columns.flatMap((c, i) => (marks?.[c.key] ? [i] : []));
	const rows = table.rows.map((r) => {
		const row: WireRow = { v: columns.map((c) => r.cells[c.key] ?? null) };
		if (r.code) row.c = r.code;
		const f = indexes(r.flags);
		if (f.length) row.f = f;
		const k = indexes(r.carried);
		if (k.length) row.k = k;
		if (r.decimals !== undefined) row.d = r.decimals;
		return row;
	});
	return JSON.stringify({ ...rest, columns, rows });
}

export type Parsed = { ok: true; payload: TablePayload } | { ok: false; problem: string };

class Invalid extends Error {}

const KINDS: readonly ColumnKind[] = ['text', 'number', 'year'];

function fail(path: string, what: string): never {
	throw new Invalid(`${path}: ${what}`);
}

function obj(v: unknown, path: string): Record<string, unknown> {
	if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(path, 'expected an object');
	return v as Record<string, unknown>;
}

function str(v: unknown, path: string): string {
	if (typeof v !== 'string') fail(path, 'expected text');
	if (v.length > PAYLOAD_LIMITS.text) fail(path, `longer than ${PAYLOAD_LIMITS.text} characters`);
	return v;
}

function optStr(v: unknown, path: string): string | undefined {
	return v === undefined || v === null ? undefined : str(v, path);
}

function column(v: unknown, path: string): TableColumn {
	const c = obj(v, path);
	const kind = c.kind as ColumnKind;
	if (!KINDS.includes(kind)) fail(`${path}.kind`, 'expected text, number or year');
	const col: TableColumn = {
		key: str(c.key, `${path}.key`),
		label: str(c.label, `${path}.label`),
		kind
	};
	if (c.decimals !== undefined) col.decimals = decimalCount(c.decimals, `${path}.decimals`);
	const unit = optStr(c.unit, `${path}.unit`);
	if (unit !== undefined) col.unit = unit;
	if (c.only !== undefined) {
		if (c.only !== 'screen' && c.only !== 'download')
			fail(`${path}.only`, 'expected screen or download');
		col.only = c.only;
	}
	if (c.exact !== undefined) {
		if (typeof c.exact !== 'boolean') fail(`${path}.exact`, 'expected true or false');
		col.exact = c.exact;
	}
	return col;
}

/** A count of decimals as `Intl.NumberFormat` takes it: a whole number from 0 to 20. */
function decimalCount(d: unknown, path: string): number {
	if (typeof d !== 'number' || !Number.isInteger(d) || d < 0 || d > 20)
		fail(path, 'expected a whole number from 0 to 20');
	return d;
}

function indexList(
	v: unknown,
	columns: readonly TableColumn[],
	path: string
): Record<string, boolean> | undefined {
	if (v === undefined) return undefined;
	if (!Array.isArray(v)) fail(path, 'expected a list of column numbers');
	const out: Record<string, boolean> = {};
	v.forEach((i, n) => {
		if (typeof i !== 'number' || !Number.isInteger(i) || !columns[i])
			fail(`${path}[${n}]`, 'not a column of the table');
		out[columns[i].key] = true;
	});
	return out;
}

function row(v: unknown, columns: readonly TableColumn[], path: string): TableRow {
	const r = obj(v, path);
	if (!Array.isArray(r.v) || r.v.length !== columns.length)
		fail(`${path}.v`, `expected ${columns.length} cells`);
	const cells: TableRow['cells'] = {};
	r.v.forEach((cell: unknown, i) => {
		const at = `${path}.v[${i}]`;
		const key = columns[i].key;
		if (cell === null) cells[key] = null;
		else if (typeof cell === 'string') cells[key] = str(cell, at);
		else if (typeof cell === 'number' && Number.isFinite(cell)) cells[key] = cell;
		else fail(at, 'expected text, a finite number or null');
	});
	const out: TableRow = { cells };
	const f = indexList(r.f, columns, `${path}.f`);
	if (f) out.flags = f;
	const k = indexList(r.k, columns, `${path}.k`);
	if (k) out.carried = k;
	const code = optStr(r.c, `${path}.c`);
	if (code !== undefined) out.code = code;
	if (r.d !== undefined) out.decimals = decimalCount(r.d, `${path}.d`);
	return out;
}

/**
 * The payload from the form field's text, or the first problem found with its path.
 * @example parseTablePayload('{}') // { ok: false, problem: 'lang: expected id or en' }
 */
export function parseTablePayload(text: string): Parsed {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return { ok: false, problem: 'not JSON' };
	}
	try {
		const p = obj(data, 'payload');
		if (p.lang !== 'id' && p.lang !== 'en') fail('lang', 'expected id or en');
		if (!Array.isArray(p.columns) || p.columns.length === 0)
			fail('columns', 'expected a list of columns');
		if (p.columns.length > PAYLOAD_LIMITS.columns)
			fail('columns', `more than ${PAYLOAD_LIMITS.columns}`);
		const columns = p.columns.map((c, i) => column(c, `columns[${i}]`));
		if (new Set(columns.map((c) => c.key)).size !== columns.length)
			fail('columns', 'two columns share a key');
		if (!Array.isArray(p.rows)) fail('rows', 'expected a list of rows');
		if (p.rows.length > PAYLOAD_LIMITS.rows) fail('rows', `more than ${PAYLOAD_LIMITS.rows}`);
		if (p.rows.length * columns.length > PAYLOAD_LIMITS.cells)
			fail('rows', `more than ${PAYLOAD_LIMITS.cells} cells`);
		const rows = p.rows.map((r, i) => row(r, columns, `rows[${i}]`));
		const title = str(p.title, 'title');
		const payload: TablePayload = {
			lang: p.lang,
			// Whatever arrives, the file name is a slug: no path, no quote for the header.
			filename: fileSlug(str(p.filename, 'filename')),
			title,
			table: { caption: title, columns, rows }
		};
		const source = optStr(p.source, 'source');
		if (source !== undefined) payload.source = source;
		const note = optStr(p.note, 'note');
		if (note !== undefined) payload.note = note;
		return { ok: true, payload };
	} catch (e) {
		if (e instanceof Invalid) return { ok: false, problem: e.message };
		throw e;
	}
}
