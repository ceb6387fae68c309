import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { rankItems } from '../../charts/geometry/bars';
import { chartLabels } from '../../charts/labels';
import { barsModel } from '../../charts/tables';
import { numberFormat, payloadWorkbook } from './xlsx';

/** Every cell of a sheet as [address, value, number format], in row order. */
async function cells(body: Buffer, sheet: number) {
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(body as unknown as ArrayBuffer);
	const ws = wb.worksheets[sheet];
	const out: [string, unknown, string | undefined][] = [];
	ws.eachRow((row) =>
		row.eachCell((c) =>
			out.push([c.address, c.value, c.type === ExcelJS.ValueType.Number ? c.numFmt : undefined])
		)
	);
	return { name: ws.name, cells: out, frozen: ws.views?.[0] };
}

const table = (lang: 'id' | 'en') =>
	barsModel(
		rankItems([
			{ code: '33.18', label: 'Pati *', score: 32.40287037037037, rankLow: 1, rankHigh: 2 },
			{ code: '33.19', label: '=HYPERLINK("x")', score: 32.4, rankLow: 1, rankHigh: 2 },
			{ code: '33.20', label: 'Demak', score: null }
		]),
		{ title: 'T', lang, labels: chartLabels(lang), decimals: 1 }
	).table;

describe('payloadWorkbook()', () => {
	it('payloadWorkbook() stores numbers as numbers in the format the page shows, flags as words, text guarded', async () => {
		const { filename, body } = await payloadWorkbook(
			{
				lang: 'id',
				filename: 'peringkat-komposit-2023',
				title: 'Peringkat 2023',
				source: 'Rapor Cerdas',
				table: table('id')
			},
			{ date: '2025-05-12', url: 'https://rapor.example/compare?year=2023' }
		);
		expect(filename).toBe('peringkat-komposit-2023.xlsx');
		const data = await cells(body, 0);
		expect(data.name).toBe('Data');
		expect(data.frozen).toMatchObject({ state: 'frozen', ySplit: 1 });
		expect(data.cells).toEqual([
			['A1', 'Wilayah', undefined],
			['B1', 'Kode wilayah', undefined],
			['C1', 'Ilustratif', undefined],
			['D1', 'Peringkat', undefined],
			['E1', 'Peringkat terbaik yang mungkin', undefined],
			['F1', 'Peringkat terburuk yang mungkin', undefined],
			['G1', 'Skor', undefined],
			['H1', 'Skor (presisi)', undefined],
			['I1', 'Sumber', undefined],
			['A2', 'Pati', undefined],
			['B2', '33.18', undefined],
			['C2', 'ya', undefined],
			['D2', 1, '0'],
			['E2', 1, '0'],
			['F2', 2, '0'],
			['G2', 32.4, '0.0'],
			['H2', 32.40287037037037, undefined],
			['I2', 'Rapor Cerdas', undefined],
			['A3', `'=HYPERLINK("x")`, undefined],
			['B3', '33.19', undefined],
			['C3', 'tidak', undefined],
			['D3', 2, '0'],
			['E3', 1, '0'],
			['F3', 2, '0'],
			['G3', 32.4, '0.0'],
			['H3', 32.4, undefined],
			['I3', 'Rapor Cerdas', undefined],
			['A4', 'Demak', undefined],
			['B4', '33.20', undefined],
			['C4', 'tidak', undefined],
			['I4', 'Rapor Cerdas', undefined]
		]);
		const about = await cells(body, 1);
		expect(about.name).toBe('Keterangan');
		expect(about.cells).toEqual([
			['A1', 'Judul', undefined],
			['B1', 'Peringkat 2023', undefined],
			['A2', 'Sumber', undefined],
			['B2', 'Rapor Cerdas', undefined],
			['A3', 'Diunduh dari', undefined],
			['B3', 'https://rapor.example/compare?year=2023', undefined],
			['A4', 'Tanggal unduh', undefined],
			['B4', '2025-05-12', undefined]
		]);
	});

	it('payloadWorkbook() in English names the sheets and headers in English', async () => {
		const { body } = await payloadWorkbook(
			{
				lang: 'en',
				filename: 'composite-ranking-2023',
				title: 'Ranking 2023',
				note: 'Note',
				table: table('en')
			},
			{ date: '2025-05-12' }
		);
		const data = await cells(body, 0);
		expect(data.name).toBe('Data');
		expect(data.cells.slice(0, 8).map((c) => c[1])).toEqual([
			'Region',
			'Region code',
			'Illustrative',
			'Rank',
			'Best possible rank',
			'Worst possible rank',
			'Score',
			'Score (precise)'
		]);
		const about = await cells(body, 1);
		expect(about.name).toBe('About');
		expect(about.cells.map((c) => c[1])).toEqual([
			'Title',
			'Ranking 2023',
			'Note',
			'Note',
			'Download date',
			'2025-05-12'
		]);
	});
});

describe('tableWorkbook()', () => {
	it('tableWorkbook() formats a number cell by its own decimals where its column fixes none', async () => {
		const { body } = await payloadWorkbook(
			{
				lang: 'id',
				filename: 'indikator',
				title: 'Indikator',
				table: {
					caption: 'Indikator',
					columns: [
						{ key: 'name', label: 'Indikator', kind: 'text' },
						{ key: 'value', label: 'Nilai', kind: 'number', exact: true }
					],
					rows: [
						{ cells: { name: 'Laju PDRB', value: 5.2871 }, decimals: 2 },
						{ cells: { name: 'Penduduk', value: 1379022.4 }, decimals: 0 },
						{ cells: { name: 'Tanpa presisi', value: 7.125 } }
					]
				}
			},
			{ date: '2025-05-12' }
		);
		expect((await cells(body, 0)).cells.filter(([a]) => a.startsWith('B'))).toEqual([
			['B1', 'Nilai', undefined],
			['B2', 5.29, '0.00'],
			['B3', 1379022, '0'],
			// No decimals anywhere: the page's default (up to two) and no number format.
			['B4', 7.13, undefined]
		]);
	});
});

describe('numberFormat()', () => {
	it.each([
		[0, '0'],
		[1, '0.0'],
		[3, '0.000']
	])('numberFormat(%j) is %j', (decimals, format) => {
		expect(numberFormat(decimals)).toBe(format);
	});
});
