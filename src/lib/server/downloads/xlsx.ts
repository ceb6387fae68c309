/**
 * A chart's table as an XLSX workbook, server-side (exceljs never reaches the browser): the same
 * sheet as the CSV (`$lib/downloads/sheet`), with numbers stored as numbers in the number format
 * the page shows (`0.0` for one decimal), flags as the CSV's yes/no words (a boolean would come
 * back from LibreOffice as a `TRUE()` formula), text through the formula guard
 * (`sheetCell`), a bold, frozen header row, and a second sheet saying what the table is, where it
 * comes from and when it was downloaded.
 */
import ExcelJS from 'exceljs';
import { sheetCell } from '../../csv/write';
import { aboutLabels, sheetLabels, type AboutLabels } from '../../downloads/labels';
import type { TablePayload } from '../../downloads/payload';
import { tableSheet, type Sheet, type SheetCell } from '../../downloads/sheet';

export interface WorkbookAbout {
	title: string;
	source?: string;
	note?: string;
	/** The page the table was downloaded from, when known. */
	url?: string;
	/** YYYY-MM-DD. */
	date: string;
}

/**
 * The Excel number format of a column shown with `decimals` decimals (a column shown as it is
 * keeps Excel's General format).
 * @example numberFormat(1) === '0.0'; numberFormat(0) === '0'
 */
export function numberFormat(decimals: number): string {
	return decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0';
}

function value(cell: SheetCell, words: { yes: string; no: string }): ExcelJS.CellValue {
	if (cell === null) return null;
	if (cell.t === 'text') return sheetCell(cell.v);
	if (cell.t === 'flag') return cell.v ? words.yes : words.no;
	return cell.v;
}

/** Sheet names: at most 31 characters, none of `\ / ? * [ ] :`. */
const sheetName = (name: string) => name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Data';

/**
 * The workbook's bytes: the data sheet, then the about sheet.
 * @example await tableWorkbook(sheet, about, { ...aboutLabels('id'), ...sheetLabels('id') }) // <Buffer 50 4b 03 04 …>
 */
export async function tableWorkbook(
	sheet: Sheet,
	about: WorkbookAbout,
	labels: AboutLabels & { yes: string; no: string }
): Promise<Buffer> {
	const wb = new ExcelJS.Workbook();
	wb.creator = 'Rapor Cerdas';
	wb.created = new Date(`${about.date}T00:00:00Z`);
	const ws = wb.addWorksheet(sheetName(labels.sheetData), {
		views: [{ state: 'frozen', ySplit: 1 }]
	});
	ws.addRow(sheet.columns.map((c) => sheetCell(c.header)));
	ws.getRow(1).font = { bold: true };
	for (const r of sheet.rows) {
		const row = ws.addRow(r.map((cell) => value(cell, labels)));
		// A number column of mixed precision (indicators, each its own decimals): the cell says.
		r.forEach((cell, i) => {
			if (
				cell?.t === 'number' &&
				cell.decimals !== undefined &&
				sheet.columns[i].decimals === undefined
			)
				row.getCell(i + 1).numFmt = numberFormat(cell.decimals);
		});
	}
	sheet.columns.forEach((c, i) => {
		const col = ws.getColumn(i + 1);
		col.width = Math.min(60, Math.max(10, c.header.length + 2));
		if (c.kind === 'number' && c.decimals !== undefined) col.numFmt = numberFormat(c.decimals);
	});

	const info = wb.addWorksheet(sheetName(labels.sheetAbout));
	const rows: [string, string | undefined][] = [
		[labels.title, about.title],
		[labels.source, about.source],
		[labels.note, about.note],
		[labels.url, about.url],
		[labels.date, about.date]
	];
	for (const [label, text] of rows) if (text) info.addRow([sheetCell(label), sheetCell(text)]);
	info.getColumn(1).font = { bold: true };
	info.getColumn(1).width = 18;
	info.getColumn(2).width = 80;
	return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The workbook a chart's "Data (XLSX)" form asks for: the payload's table as the same sheet the
 * CSV writes, in the payload's language, with its file name.
 * @example await payloadWorkbook(payload, { date: '2025-05-12' }) // { filename: 'skor-dimensi-pati-2023.xlsx', body: <Buffer …> }
 */
export async function payloadWorkbook(
	payload: TablePayload,
	context: { date: string; url?: string }
): Promise<{ filename: string; body: Buffer }> {
	const { lang } = payload;
	const labels = sheetLabels(lang);
	const sheet = tableSheet(payload.table, { lang, labels, source: payload.source });
	const body = await tableWorkbook(
		sheet,
		{ title: payload.title, source: payload.source, note: payload.note, ...context },
		{ ...aboutLabels(lang), yes: labels.yes, no: labels.no }
	);
	return { filename: `${payload.filename}.xlsx`, body };
}
