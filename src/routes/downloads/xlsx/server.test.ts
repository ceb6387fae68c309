import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { chartLabels } from '$lib/charts/labels';
import { radarModel } from '$lib/charts/tables';
import { PAYLOAD_FIELD, tablePayload } from '$lib/downloads/payload';
import { POST } from './+server';

const url = new URL('https://rapor.example/downloads/xlsx');

/** The endpoint called as SvelteKit would, with a form body and an optional referer. */
function post(body: Record<string, string>, referer?: string) {
	const request = new Request(url, {
		method: 'POST',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			...(referer ? { referer } : {})
		},
		body: new URLSearchParams(body).toString()
	});
	return POST({ request, url } as Parameters<typeof POST>[0]);
}

const table = radarModel(
	[{ code: 'governance', label: 'Tata Kelola Cerdas' }],
	[{ key: '2023', label: '2023', values: { governance: 61.04 } }],
	{ title: 'Skor dimensi', lang: 'id', labels: chartLabels('id'), decimals: 1 }
).table;
const payload = tablePayload({
	lang: 'id',
	filename: 'skor-dimensi-kabupaten-pati-2023',
	title: 'Skor dimensi Kabupaten Pati 2023',
	source: 'Rapor Cerdas',
	table
});

describe('POST /downloads/xlsx', () => {
	it('POST /downloads/xlsx answers the form with the workbook as an attachment named in the page language', async () => {
		const res = await post({ [PAYLOAD_FIELD]: payload }, 'https://rapor.example/?region=33.18');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe(
			'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
		);
		expect(res.headers.get('content-disposition')).toBe(
			'attachment; filename="skor-dimensi-kabupaten-pati-2023.xlsx"'
		);
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(await res.arrayBuffer());
		expect(wb.worksheets[0].getRow(2).values).toEqual([
			undefined,
			'Tata Kelola Cerdas',
			'governance',
			61,
			61.04,
			'Rapor Cerdas'
		]);
		expect(wb.worksheets[1].getCell('B3').value).toBe('https://rapor.example/?region=33.18');
	});

	it('POST /downloads/xlsx leaves out a referer from another site', async () => {
		const res = await post({ [PAYLOAD_FIELD]: payload }, 'https://elsewhere.example/');
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(await res.arrayBuffer());
		expect(wb.worksheets[1].getColumn(1).values).toEqual([
			undefined,
			'Judul',
			'Sumber',
			'Tanggal unduh'
		]);
	});

	it.each([
		[{}, 'Tabel untuk diunduh tidak dapat dibaca (no table). Muat ulang halaman, lalu unduh lagi.'],
		[
			{ [PAYLOAD_FIELD]: '{"lang":"id"}' },
			'Tabel untuk diunduh tidak dapat dibaca (columns: expected a list of columns). Muat ulang halaman, lalu unduh lagi.'
		]
	])('POST /downloads/xlsx with %j is a 400 that says what to do', async (body, text) => {
		const res = await post(body);
		expect(res.status).toBe(400);
		expect(await res.text()).toBe(text);
	});
});
