/**
 * A chart's table as the downloads write it (CSV and XLSX alike): a header row and typed cells.
 * The HTML table shows each number once, formatted; a download has to be read back by a
 * spreadsheet, so it gets, per number column, the value rounded exactly as the page shows it and
 * the precise value beside it, then a column per flag the page marks (illustrative, carried
 * forward). The row's code (region, dimension) and the unit and source become columns of their
 * own, and the "*" marker a chart puts after a name becomes a yes/no column: names stay names.
 *
 * Pure: no DOM, no SvelteKit. The words come in as `SheetLabels` (see ./labels).
 */
import { formatNumber, type Locale } from '../format';
import { CSV_LOCALE, csvPrecise, csvRounded } from '../csv/locale';
import { csvRows, type CsvValue } from '../csv/write';
import type { TableColumn, TableModel } from '../charts/types';

/** One cell of a download: text, a number (rounded to `decimals` when given), a flag, or empty. */
export type SheetCell =
	| { t: 'text'; v: string }
	| { t: 'number'; v: number; decimals?: number }
	| { t: 'flag'; v: boolean }
	| null;

export interface SheetColumn {
	header: string;
	/** Cells of this column are numbers shown with this many decimals (XLSX number format). */
	decimals?: number;
	/** What the column holds, for the XLSX column width and format. */
	kind: 'text' | 'number' | 'flag';
}

export interface Sheet {
	columns: SheetColumn[];
	rows: SheetCell[][];
}

/** The words of a download's header row and flag cells, in the page's language. */
export interface SheetLabels {
	/** Header of the row-code column from the row header's label: 'Wilayah' → 'Kode wilayah'. */
	code: (label: string) => string;
	precise: (label: string) => string;
	illustrative: (label: string) => string;
	carried: (label: string) => string;
	/** Header of the yes/no column that replaces the "*" after a name. */
	marked: string;
	unit: string;
	source: string;
	yes: string;
	no: string;
}

export interface SheetContext {
	lang: Locale;
	labels: SheetLabels;
	/** The chart's source line, repeated on every row so a copied row keeps it. */
	source?: string;
}

/** The marker a chart appends to a name whose value is illustrative (compare, slope). */
export const NAME_MARKER = ' *';

/**
 * A name without the chart's trailing "*" marker, and whether it had one.
 * @example splitMarker('Pati *') // { name: 'Pati', marked: true }
 */
export function splitMarker(name: string): { name: string; marked: boolean } {
	return name.endsWith(NAME_MARKER)
		? { name: name.slice(0, -NAME_MARKER.length).trimEnd(), marked: true }
		: { name, marked: false };
}

/**
 * The value as the page shows it, as a number: rounded by the one formatter (so 1.005 rounds the
 * way the page prints it, not the way `Math.round` would), null when missing.
 * @example shownValue(32.40287037037037, 1) === 32.4; shownValue(2.555, undefined) === 2.56
 */
export function shownValue(value: unknown, decimals: number | undefined): number | null {
	if (typeof value !== 'number' || !Number.isFinite(value)) return null;
	return Number(formatNumber(value, 'en', { decimals, grouping: false }));
}

const isValue = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

interface Plan {
	column: SheetColumn;
	cell: (row: TableModel['rows'][number]) => SheetCell;
}

/**
 * The download of a table model: its columns in order, each number column followed by its precise
 * value (unless `exact`) and its flags, the row header followed by the row code and the marker
 * column when any row has them, the unit (when one unit serves every number column) and the
 * source last. Screen-only columns are left out.
 * @example tableSheet(model, ctx).columns.map((c) => c.header) // ['Dimensi', 'Kode dimensi', '2023', '2023 (presisi)', 'Sumber']
 */
export function tableSheet(model: TableModel, ctx: SheetContext): Sheet {
	const { labels } = ctx;
	const columns = model.columns.filter((c) => c.only !== 'screen');
	const numeric = columns.filter((c) => c.kind === 'number');
	const units = new Set(numeric.map((c) => c.unit ?? ''));
	// One unit for all: a column of its own. Several: each number header names its own.
	const sharedUnit = units.size === 1 ? [...units][0] : '';
	const any = (pick: (r: TableModel['rows'][number]) => unknown) => model.rows.some(pick);

	const plan: Plan[] = [];
	columns.forEach((col, i) => {
		if (col.kind === 'text') {
			plan.push({
				column: { header: col.label, kind: 'text' },
				cell: (r) => {
					const v = r.cells[col.key];
					if (v === null || v === undefined || v === '') return null;
					return { t: 'text', v: i === 0 ? splitMarker(String(v)).name : String(v) };
				}
			});
			if (i === 0) planRowHeader(plan, col, model, labels);
			return;
		}
		if (col.kind === 'year') {
			plan.push({
				column: { header: col.label, kind: 'number', decimals: 0 },
				cell: (r) => {
					const v = r.cells[col.key];
					return isValue(v) ? { t: 'number', v: Math.trunc(v), decimals: 0 } : null;
				}
			});
			return;
		}
		planNumber(plan, col, sharedUnit, labels, any);
	});
	if (sharedUnit) {
		plan.push({
			column: { header: labels.unit, kind: 'text' },
			cell: () => ({ t: 'text', v: sharedUnit })
		});
	}
	if (ctx.source) {
		const source = ctx.source;
		plan.push({
			column: { header: labels.source, kind: 'text' },
			cell: () => ({ t: 'text', v: source })
		});
	}
	return {
		columns: plan.map((p) => p.column),
		rows: model.rows.map((r) => plan.map((p) => p.cell(r)))
	};
}

/** After the row header: the row's code and the yes/no column of the "*" marker, when present. */
function planRowHeader(plan: Plan[], col: TableColumn, model: TableModel, labels: SheetLabels) {
	if (model.rows.some((r) => r.code)) {
		plan.push({
			column: { header: labels.code(col.label), kind: 'text' },
			cell: (r) => (r.code ? { t: 'text', v: r.code } : null)
		});
	}
	const marked = (r: TableModel['rows'][number]) => {
		const v = r.cells[col.key];
		return typeof v === 'string' && splitMarker(v).marked;
	};
	if (model.rows.some(marked)) {
		plan.push({
			column: { header: labels.marked, kind: 'flag' },
			cell: (r) => ({ t: 'flag', v: marked(r) })
		});
	}
}

/** A number column: as shown, precise (unless exact), then its illustrative and carried flags. */
function planNumber(
	plan: Plan[],
	col: TableColumn,
	sharedUnit: string,
	labels: SheetLabels,
	any: (pick: (r: TableModel['rows'][number]) => unknown) => boolean
) {
	const header = col.unit && col.unit !== sharedUnit ? `${col.label} (${col.unit})` : col.label;
	const decimals = col.decimals;
	plan.push({
		column: { header, kind: 'number', decimals },
		cell: (r) => {
			const d = decimals ?? r.decimals;
			const v = shownValue(r.cells[col.key], d);
			return v === null ? null : { t: 'number', v, decimals: d };
		}
	});
	if (!col.exact) {
		plan.push({
			column: { header: labels.precise(header), kind: 'number' },
			cell: (r) => {
				const v = r.cells[col.key];
				return isValue(v) ? { t: 'number', v } : null;
			}
		});
	}
	const flag = (label: string, pick: (r: TableModel['rows'][number]) => boolean | undefined) => {
		if (!any((r) => pick(r))) return;
		plan.push({
			column: { header: label, kind: 'flag' },
			// A missing value is neither illustrative nor carried: its flag stays empty.
			cell: (r) => (isValue(r.cells[col.key]) ? { t: 'flag', v: !!pick(r) } : null)
		});
	};
	flag(labels.illustrative(header), (r) => r.flags?.[col.key]);
	flag(labels.carried(header), (r) => r.carried?.[col.key]);
}

/** The text of one cell in a CSV of the page's language. */
function csvValue(cell: SheetCell, ctx: SheetContext): CsvValue {
	if (cell === null) return null;
	if (cell.t === 'text') return cell.v;
	if (cell.t === 'flag') return cell.v ? ctx.labels.yes : ctx.labels.no;
	// Fixed decimals keep the page's trailing zeros ('61,0'); without, the value is written whole.
	return cell.decimals === undefined
		? csvPrecise(cell.v, ctx.lang)
		: csvRounded(cell.v, ctx.lang, cell.decimals);
}

/**
 * The sheet as a CSV file for a reader of `ctx.lang`: UTF-8 with a BOM (so Excel reads it as
 * UTF-8), `;` and decimal commas in Indonesian, `,` and points in English, through the one CSV
 * writer (quoting, CRLF, formula guard).
 * @example sheetCsv(sheet, { lang: 'id', labels }) // '\uFEFFTahun;Skor;Skor (presisi)\r\n2023;"32,4";"32,40287037037037"\r\n'
 */
export function sheetCsv(sheet: Sheet, ctx: SheetContext): string {
	const rows = [
		sheet.columns.map((c) => c.header),
		...sheet.rows.map((r) => r.map((cell) => csvValue(cell, ctx)))
	];
	return '\uFEFF' + csvRows(rows, CSV_LOCALE[ctx.lang].delimiter);
}
