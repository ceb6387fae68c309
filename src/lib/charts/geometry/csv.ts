/**
 * CSV for a chart's data download: RFC 4180 quoting, CRLF line ends, and formula-injection
 * protection (a text cell starting with =, +, -, @, tab or CR gets a leading single quote so a
 * spreadsheet shows it as text instead of running it). Numbers are written raw with a '.' decimal
 * point so every tool reads them back; the formatted, localised numbers are for the HTML table.
 */
import type { TableModel } from '../types';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/**
 * One CSV cell.
 * @example csvCell('=SUM(A1)') === "'=SUM(A1)"; csvCell('a,b') === '"a,b"'; csvCell(-3.5) === '-3.5'
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	const text = FORMULA_START.test(value) ? `'${value}` : value;
	return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Rows of cells as CSV text, CRLF between rows, no trailing line break.
 * @example toCsv([['a', 1], ['b', null]]) === 'a,1\r\nb,'
 */
export function toCsv(rows: (string | number | boolean | null | undefined)[][]): string {
	return rows.map((row) => row.map(csvCell).join(',')).join('\r\n');
}

/**
 * The CSV of a table model: a header row, then raw values. A column with illustrative values gets a
 * companion column right after it (header `<label> (<flagLabel>)`, cells 'true' or empty), so the
 * download stays honest about which figures are not official.
 * @example tableToCsv({ caption: '', columns: [{ key: 'y', label: 'Year', kind: 'year' }], rows: [{ cells: { y: 2018 } }] }) === 'Year\r\n2018'
 */
export function tableToCsv(model: TableModel, flagLabel = 'illustrative'): string {
	const flagged = new Set(
		model.rows.flatMap((r) => Object.keys(r.flags ?? {}).filter((k) => r.flags?.[k]))
	);
	const header: string[] = [];
	for (const c of model.columns) {
		header.push(c.unit ? `${c.label} (${c.unit})` : c.label);
		if (flagged.has(c.key)) header.push(`${c.label} (${flagLabel})`);
	}
	const body = model.rows.map((r) => {
		const cells: (string | number | boolean | null | undefined)[] = [];
		for (const c of model.columns) {
			cells.push(r.cells[c.key]);
			if (flagged.has(c.key)) cells.push(r.flags?.[c.key] ? true : null);
		}
		return cells;
	});
	return toCsv([header, ...body]);
}

/**
 * A data: URL that downloads the CSV without JavaScript; the BOM makes Excel read it as UTF-8.
 * @example csvDataUri('a,b') === 'data:text/csv;charset=utf-8,%EF%BB%BFa%2Cb'
 */
export function csvDataUri(csv: string): string {
	return `data:text/csv;charset=utf-8,${encodeURIComponent('\uFEFF' + csv)}`;
}

/**
 * A file name from a chart title: lower case ASCII, words joined by '-', at most 60 characters.
 * @example fileSlug('Skor dimensi — Pati 2024') === 'skor-dimensi-pati-2024'
 */
export function fileSlug(title: string): string {
	const slug = title
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');
	return slug || 'chart';
}
