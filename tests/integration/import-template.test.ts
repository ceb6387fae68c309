/**
 * Templates round-trip: the XLSX template, filled in as an OPD fills it in Excel (values typed
 * into the data sheet, nothing else touched), imports unchanged; so does the CSV template.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { templateCsv, templateRows } from '../../src/lib/import';
import { importFileAs } from '../../src/lib/server/imports/service';
import { templateWorkbook } from '../../src/lib/server/imports/template-workbook';
import { corpusDatabase } from './importer-fixtures';

let conn: ReturnType<typeof corpusDatabase>;
beforeEach(() => {
	conn = corpusDatabase();
});
afterEach(() => conn.close());

const actor = { id: 7, username: 'produsen', address: '127.0.0.1' };
const limits = { maxBytes: 1_000_000, maxRows: 1000 };
const codes = { region: '33.18', indicators: ['poverty_rate', 'grdp_growth'], year: 2024 };
const lists = {
	indicators: [
		{
			code: 'poverty_rate',
			nameId: 'Persentase penduduk miskin',
			nameEn: 'Poverty rate',
			unit: '%'
		},
		{ code: 'grdp_growth', nameId: 'Pertumbuhan PDRB', nameEn: 'GRDP growth', unit: '%' }
	],
	regions: [{ code: '33.18', name: 'Kabupaten Pati', kind: 'kabupaten' }]
};
const current = () =>
	conn.sqlite
		.prepare(
			`SELECT region_code, indicator_code, year, value, source FROM observations WHERE superseded_by IS NULL ORDER BY 1, 2, 3`
		)
		.all();

describe('the XLSX template', () => {
	it('has the data sheet first, numbers as numbers, and the indicator and region lists', async () => {
		const bytes = await templateWorkbook(
			'observations',
			'id',
			templateRows('observations', 'id', 'wide', codes),
			lists
		);
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
		expect(wb.worksheets.map((w) => w.name)).toEqual(['Data', 'Indikator', 'Wilayah']);
		const data = wb.worksheets[0];
		expect(data.getRow(1).values).toEqual([
			undefined,
			'kode_wilayah',
			'kode_indikator',
			'2023',
			'2024',
			'sumber',
			'jenis_sumber',
			'periode_rujukan',
			'catatan',
			'ilustrasi'
		]);
		expect(data.getRow(2).values).toEqual([undefined, '33.18', 'poverty_rate']);
		expect(wb.worksheets[1].getRow(2).values).toEqual([
			undefined,
			'poverty_rate',
			'Persentase penduduk miskin',
			'%'
		]);
		expect(wb.worksheets[2].getRow(2).values).toEqual([
			undefined,
			'33.18',
			'Kabupaten Pati',
			'kabupaten'
		]);
		const example = new ExcelJS.Workbook();
		await example.xlsx.load(
			(await templateWorkbook(
				'observations',
				'en',
				templateRows('observations', 'en'),
				lists
			)) as unknown as ExcelJS.Buffer
		);
		// The example row's year and value are numbers in the sheet.
		expect(example.worksheets[0].getCell('C2').value).toBe(2023);
		expect(typeof example.worksheets[0].getCell('D2').value).toBe('number');
	});

	for (const shape of ['long', 'wide'] as const) {
		it(`round-trips, ${shape}: filled in the data sheet, it imports unchanged`, async () => {
			const wb = new ExcelJS.Workbook();
			await wb.xlsx.load(
				(await templateWorkbook(
					'observations',
					'id',
					templateRows('observations', 'id', shape, codes),
					lists
				)) as unknown as ExcelJS.Buffer
			);
			const data = wb.worksheets[0];
			// As a producer fills it: a value (a number, or Indonesian text) and a source per row.
			const header = (data.getRow(1).values as string[]).slice(1);
			const col = (label: string) => header.indexOf(label) + 1;
			const valueCol = col(shape === 'long' ? 'nilai' : '2024');
			data.getCell(2, valueCol).value = 9.48;
			data.getCell(3, valueCol).value = '4,95';
			data.getCell(2, col('sumber')).value = 'BPS Kabupaten Pati, Tabel 4.1';
			data.getCell(3, col('sumber')).value = 'BPS Kabupaten Pati, Tabel 6.2';
			const file = path.join(conn.dir, `filled-${shape}.xlsx`);
			writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
			const report = await importFileAs(conn, file, actor, { kind: 'observations', limits });
			expect(report.errors).toEqual([]);
			expect(report).toMatchObject({ status: 'imported', sheet: 'Data' });
			expect(current()).toEqual([
				{
					region_code: '33.18',
					indicator_code: 'grdp_growth',
					year: 2024,
					value: 4.95,
					source: 'BPS Kabupaten Pati, Tabel 6.2'
				},
				{
					region_code: '33.18',
					indicator_code: 'poverty_rate',
					year: 2024,
					value: 9.48,
					source: 'BPS Kabupaten Pati, Tabel 4.1'
				}
			]);
		});
	}
});

describe('the CSV template', () => {
	it('round-trips: filled in, it imports unchanged', async () => {
		const filled = templateCsv('observations', 'id', 'long', codes)
			.replace('33.18;poverty_rate;2024;;;', '33.18;poverty_rate;2024;9,48;BPS;')
			.replace('33.18;grdp_growth;2024;;;', '33.18;grdp_growth;2024;4,95;BPS;');
		const file = path.join(conn.dir, 'filled.csv');
		writeFileSync(file, filled);
		const report = await importFileAs(conn, file, actor, { kind: 'observations', limits });
		expect(report.errors).toEqual([]);
		expect(report.counts).toMatchObject({ rows: 2, inserted: 2 });
	});
});
