/**
 * CSV for a chart's data download, written by the one CSV writer (`$lib/csv/write`: quoting, CRLF
 * line ends, formula guard). Numbers are written raw with a '.' decimal point so every tool reads
 * them back; the formatted, localised numbers are for the HTML table.
 */
import { csvRows, type CsvValue } from '../../csv/write';
import type { TableModel } from '../types';

/**
 * The CSV of a table model: a header row, then raw values. A column with illustrative values gets a
 * companion column right after it (header `<label> (<flagLabel>)`, cells 'true' or empty), so the
 * download stays honest about which figures are not official.
 * @example tableToCsv({ caption: '', columns: [{ key: 'y', label: 'Year', kind: 'year' }], rows: [{ cells: { y: 2018 } }] }) === 'Year\r\n2018\r\n'
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
		const cells: CsvValue[] = [];
		for (const c of model.columns) {
			cells.push(r.cells[c.key]);
			if (flagged.has(c.key)) cells.push(r.flags?.[c.key] ? true : null);
		}
		return cells;
	});
	return csvRows([header, ...body], ',');
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
