/**
 * An import template as an XLSX workbook, made from the same rows as the CSV template
 * (`templateRows`), so an OPD fills it in Excel and uploads it unchanged: the data sheet first
 * (the importer reads the first visible sheet), its years and example values stored as numbers,
 * then a sheet of the indicators it is for (code, name, unit) and one of the regions (code,
 * name), to look codes up without leaving the file. Text goes through the download formula guard
 * (`sheetCell`), which the validator undoes.
 */
import ExcelJS from 'exceljs';
import { sheetCell } from '../../csv/write';
import { findColumn, parseNumber, type ImportKind, type Locale } from '../../import';

export interface TemplateLists {
	indicators: readonly { code: string; nameId: string; nameEn: string; unit: string }[];
	regions: readonly { code: string; name: string; kind: string }[];
}

const WORDS = {
	id: {
		data: 'Data',
		indicators: 'Indikator',
		regions: 'Wilayah',
		indicatorHeader: ['kode_indikator', 'nama', 'satuan'],
		regionHeader: ['kode_wilayah', 'nama', 'jenis']
	},
	en: {
		data: 'Data',
		indicators: 'Indicators',
		regions: 'Regions',
		indicatorHeader: ['indicator_code', 'name', 'unit'],
		regionHeader: ['region_code', 'name', 'kind']
	}
} as const;

/** A column that holds numbers: a year, a value, or a year of the wide shape. */
function numericColumn(kind: ImportKind, label: string): boolean {
	if (/^\d{4}$/.test(label)) return true;
	const type = findColumn(kind, label)?.type;
	return type === 'year' || type === 'value';
}

function addSheet(wb: ExcelJS.Workbook, name: string, rows: readonly (string | number | null)[][]) {
	const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
	for (const row of rows) ws.addRow(row.map((c) => (typeof c === 'string' ? sheetCell(c) : c)));
	ws.getRow(1).font = { bold: true };
	ws.columns.forEach((column, i) => {
		const widest = Math.max(...rows.map((r) => String(r[i] ?? '').length));
		column.width = Math.min(60, Math.max(10, widest + 2));
	});
	return ws;
}

/**
 * The workbook's bytes.
 * @example await templateWorkbook('observations', 'id', templateRows('observations', 'id'), lists) // <Buffer 50 4b 03 04 …>
 */
export async function templateWorkbook(
	kind: ImportKind,
	lang: Locale,
	rows: readonly string[][],
	lists: TemplateLists
): Promise<Buffer> {
	const words = WORDS[lang];
	const [header, ...body] = rows;
	const numeric = header.map((label) => numericColumn(kind, label));
	const data = body.map((row) =>
		row.map((cell, i) => {
			if (cell === '') return null;
			if (!numeric[i]) return cell;
			const n = parseNumber(cell, lang);
			return typeof n === 'number' ? n : cell;
		})
	);
	const wb = new ExcelJS.Workbook();
	wb.creator = 'Rapor Cerdas';
	addSheet(wb, words.data, [header, ...data]);
	addSheet(wb, words.indicators, [
		[...words.indicatorHeader],
		...lists.indicators.map((i) => [i.code, lang === 'id' ? i.nameId : i.nameEn, i.unit])
	]);
	addSheet(wb, words.regions, [
		[...words.regionHeader],
		...lists.regions.map((r) => [r.code, r.name, r.kind])
	]);
	return Buffer.from(await wb.xlsx.writeBuffer());
}
