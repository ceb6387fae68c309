/**
 * Formatting of the "show as table" alternative: the same numbers the chart draws, written in
 * the reader's locale through the one formatter.
 */
import { formatNumber, formatYear } from '../format';
import type { Lang, TableColumn, TableModel } from './types';

/**
 * The text of one table cell.
 * @example formatCell({ key: 'v', label: 'Skor', kind: 'number', decimals: 1 }, 45.25, 'id') === '45,3'
 */
export function formatCell(
	col: TableColumn,
	value: string | number | null | undefined,
	lang: Lang
): string {
	if (col.kind === 'text') return value === null || value === undefined ? '' : String(value);
	const num = typeof value === 'number' ? value : null;
	if (col.kind === 'year') return formatYear(num);
	return formatNumber(num, lang, { decimals: col.decimals, unit: col.unit });
}

/**
 * Whether any cell of the HTML table is missing, flagged illustrative or carried forward, so the
 * table (and a downloaded image) needs its footnotes. Download-only columns do not count.
 * @example tableNotes(model) // { missing: true, illustrative: false, carried: false }
 */
export function tableNotes(model: TableModel): {
	missing: boolean;
	illustrative: boolean;
	carried: boolean;
} {
	let missing = false;
	let illustrative = false;
	let carried = false;
	for (const row of model.rows) {
		for (const col of model.columns) {
			if (col.only === 'download') continue;
			const v = row.cells[col.key];
			if (col.kind !== 'text' && (typeof v !== 'number' || !Number.isFinite(v))) missing = true;
			if (row.flags?.[col.key]) illustrative = true;
			if (row.carried?.[col.key]) carried = true;
		}
	}
	return { missing, illustrative, carried };
}
