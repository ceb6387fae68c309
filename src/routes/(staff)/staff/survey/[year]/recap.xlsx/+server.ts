import ExcelJS from 'exceljs';
import { sheetCell } from '$lib/csv/write';
import { responseRows } from '$lib/server/surveys';
import { getConnection } from '$lib/server/db';
import { RECAP_HEADER } from '$lib/survey/recap';
import { recapOf } from '../recap.server';
import type { RequestHandler } from './$types';

/**
 * The recap as a workbook: the recap sheet (numbers as numbers, two decimals shown), and the
 * anonymous responses (one row per form: its number, channel, age band and each answer; "TT" for
 * tidak tahu), which assessors may ask to see behind the means.
 */
export const GET: RequestHandler = async (event) => {
	const { view, rows } = recapOf(event);
	const wb = new ExcelJS.Workbook();
	wb.creator = 'Rapor Cerdas';
	const recap = wb.addWorksheet('Rekap', { views: [{ state: 'frozen', ySplit: 1 }] });
	recap.addRow([...RECAP_HEADER]);
	recap.getRow(1).font = { bold: true };
	for (const r of rows) recap.addRow(r.map((c) => (typeof c === 'string' ? sheetCell(c) : c)));
	for (const col of [10, 11, 12]) recap.getColumn(col).numFmt = '0.00';
	const codes = view.structure.statements.map((s) => s.code);
	const answers = wb.addWorksheet('Jawaban', { views: [{ state: 'frozen', ySplit: 1 }] });
	answers.addRow(['No', 'Saluran', 'Usia', ...codes]);
	answers.getRow(1).font = { bold: true };
	for (const [i, r] of responseRows(getConnection(), view.survey.year).entries()) {
		const byCode = new Map(r.answers.map((a) => [a.code, a.score ?? 'TT']));
		answers.addRow([
			i + 1,
			r.channel === 'online' ? 'daring' : 'kertas',
			r.ageBand ?? '',
			...codes.map((c) => byCode.get(c) ?? null)
		]);
	}
	const body = Buffer.from(await wb.xlsx.writeBuffer());
	return new Response(body, {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="rekap-survei-dampak-${view.survey.year}.xlsx"`,
			'cache-control': 'private, no-store'
		}
	});
};
