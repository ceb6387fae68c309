import { describe, expect, it } from 'vitest';
import { rankItems } from '../charts/geometry/bars';
import { chartLabels } from '../charts/labels';
import { barsModel, lineModel, radarModel, slopeModel, type ModelContext } from '../charts/tables';
import type { TableModel } from '../charts/types';
import { sheetLabels } from './labels';
import { sheetCsv, shownValue, splitMarker, tableSheet, type SheetContext } from './sheet';

const ctx = (lang: 'id' | 'en', extra: Partial<ModelContext> = {}): ModelContext => ({
	title: 'T',
	lang,
	labels: chartLabels(lang),
	decimals: 1,
	...extra
});
const sheetCtx = (lang: 'id' | 'en', source?: string): SheetContext => ({
	lang,
	labels: sheetLabels(lang),
	source
});
const csv = (model: TableModel, c: SheetContext) => sheetCsv(tableSheet(model, c), c);

/** /compare's composite bars: "*" after an illustrative region's name, engine rank intervals. */
const bars = (lang: 'id' | 'en') =>
	barsModel(
		rankItems([
			{ code: '33.18', label: 'Pati *', score: 32.40287037037037, rankLow: 2, rankHigh: 3 },
			{ code: '33.19', label: 'Kudus', score: 45.25, rankLow: 1, rankHigh: 1 },
			{ code: '33.20', label: 'Jepara', score: 32.4, rankLow: 2, rankHigh: 3 },
			{ code: '33.21', label: 'Demak', score: null }
		]),
		ctx(lang)
	).table;

describe('sheetCsv(tableSheet())', () => {
	it('sheetCsv() of ranked bars in Indonesian: BOM, ";", decimal commas, rank numbers, code and marker columns', () => {
		expect(csv(bars('id'), sheetCtx('id', 'Rapor Cerdas, profil GM100SC v1'))).toBe(
			'\uFEFF' +
				'Wilayah;Kode wilayah;Ilustratif;Peringkat;Peringkat terbaik yang mungkin;Peringkat terburuk yang mungkin;Skor;Skor (presisi);Sumber\r\n' +
				'Kudus;33.19;tidak;1;1;1;"45,3";"45,25";"Rapor Cerdas, profil GM100SC v1"\r\n' +
				'Pati;33.18;ya;2;2;3;"32,4";"32,40287037037037";"Rapor Cerdas, profil GM100SC v1"\r\n' +
				'Jepara;33.20;tidak;3;2;3;"32,4";"32,4";"Rapor Cerdas, profil GM100SC v1"\r\n' +
				'Demak;33.21;tidak;;;;;;"Rapor Cerdas, profil GM100SC v1"\r\n'
		);
	});

	it('sheetCsv() of ranked bars in English: BOM, ",", decimal points, English headers and flags', () => {
		expect(csv(bars('en'), sheetCtx('en', 'Rapor Cerdas, GM100SC profile v1'))).toBe(
			'\uFEFF' +
				'Region,Region code,Illustrative,Rank,Best possible rank,Worst possible rank,Score,Score (precise),Source\r\n' +
				'Kudus,33.19,no,1,1,1,45.3,45.25,"Rapor Cerdas, GM100SC profile v1"\r\n' +
				'Pati,33.18,yes,2,2,3,32.4,32.40287037037037,"Rapor Cerdas, GM100SC profile v1"\r\n' +
				'Jepara,33.20,no,3,2,3,32.4,32.4,"Rapor Cerdas, GM100SC profile v1"\r\n' +
				'Demak,33.21,no,,,,,,"Rapor Cerdas, GM100SC profile v1"\r\n'
		);
	});

	const series = [
		{
			key: '33.18',
			label: 'Kabupaten Pati',
			points: [
				{ year: 2022, value: 71.123 },
				{ year: 2023, value: 72.0049, illustrative: true }
			]
		}
	];
	const target = [{ year: 2023, value: 75, illustrative: true }];

	it('sheetCsv() of a line chart with a unit: one unit column, illustrative flags after each value column', () => {
		const model = lineModel(series, target, ctx('id', { decimals: 2, unit: 'indeks' })).table;
		expect(csv(model, sheetCtx('id', 'BPS'))).toBe(
			'\uFEFF' +
				'Tahun;Kabupaten Pati;Kabupaten Pati (presisi);Kabupaten Pati (ilustratif);Target;Target (presisi);Target (ilustratif);Satuan;Sumber\r\n' +
				'2022;"71,12";"71,123";tidak;;;;indeks;BPS\r\n' +
				'2023;"72,00";"72,0049";ya;"75,00";75;ya;indeks;BPS\r\n'
		);
		const en = lineModel(series, target, ctx('en', { decimals: 2, unit: 'index' })).table;
		expect(csv(en, sheetCtx('en'))).toBe(
			'\uFEFF' +
				'Year,Kabupaten Pati,Kabupaten Pati (precise),Kabupaten Pati (illustrative),Target,Target (precise),Target (illustrative),Unit\r\n' +
				'2022,71.12,71.123,no,,,,index\r\n' +
				'2023,72.00,72.0049,yes,75.00,75,yes,index\r\n'
		);
	});

	it('sheetCsv() of a radar adds a carried-forward column, empty where the value is missing', () => {
		const model = radarModel(
			[
				{ code: 'governance', label: 'Tata Kelola' },
				{ code: 'economy', label: 'Ekonomi' }
			],
			[
				{
					key: '2023',
					label: '2023',
					values: { governance: 61.04, economy: null },
					carried: { governance: true, economy: true }
				}
			],
			ctx('id')
		).table;
		expect(csv(model, sheetCtx('id'))).toBe(
			'\uFEFF' +
				'Dimensi;Kode dimensi;2023;2023 (presisi);2023 (nilai tahun sebelumnya)\r\n' +
				'Tata Kelola;governance;"61,0";"61,04";ya\r\n' +
				'Ekonomi;economy;;;\r\n'
		);
		expect(csv(model, sheetCtx('en'))).toBe(
			'\uFEFF' +
				"Dimensi,Dimensi code,2023,2023 (precise),2023 (earlier year's value)\r\n" +
				'Tata Kelola,governance,61.0,61.04,yes\r\n' +
				'Ekonomi,economy,,,\r\n'
		);
	});

	it('sheetCsv() guards a formula in a name and keeps negative decimal-comma numbers as numbers', () => {
		const model = slopeModel(
			[{ code: 'a', label: '=HYPERLINK("x")', from: 40, to: 35.45 }],
			2018,
			2024,
			ctx('id')
		).table;
		expect(csv(model, sheetCtx('id'))).toBe(
			'\uFEFF' +
				'Wilayah;Kode wilayah;2018;2018 (presisi);2024;2024 (presisi);Perubahan;Perubahan (presisi)\r\n' +
				`"'=HYPERLINK(""x"")";a;"40,0";40;"35,5";"35,45";"-4,5";"-4,549999999999997"\r\n`
		);
		expect(csv(model, sheetCtx('en'))).toBe(
			'\uFEFF' +
				'Wilayah,Wilayah code,2018,2018 (precise),2024,2024 (precise),Perubahan,Perubahan (precise)\r\n' +
				`"'=HYPERLINK(""x"")",a,40.0,40,35.5,35.45,-4.5,-4.549999999999997\r\n`
		);
	});

	it('sheetCsv() names each unit in its header when the number columns have different units', () => {
		const model: TableModel = {
			caption: '',
			columns: [
				{ key: 'n', label: 'Wilayah', kind: 'text' },
				{ key: 'p', label: 'Penduduk', kind: 'number', decimals: 0, unit: 'jiwa', exact: true },
				{ key: 'a', label: 'Akses', kind: 'number', unit: '%' }
			],
			rows: [{ cells: { n: 'Pati', p: 1379022, a: 66.666666 } }]
		};
		expect(csv(model, sheetCtx('id'))).toBe(
			'\uFEFF' +
				'Wilayah;Penduduk (jiwa);Akses (%);Akses (%) (presisi)\r\n' +
				'Pati;1379022;"66,67";"66,666666"\r\n'
		);
	});

	it('sheetCsv() of a table without rows is its header row alone', () => {
		const model: TableModel = {
			caption: '',
			columns: [
				{ key: 'y', label: 'Tahun', kind: 'year' },
				{ key: 'v', label: 'Nilai', kind: 'number' }
			],
			rows: []
		};
		expect(csv(model, sheetCtx('id'))).toBe('\uFEFFTahun;Nilai;Nilai (presisi)\r\n');
	});
});

describe('tableSheet()', () => {
	it('tableSheet() types each cell: text, number with the decimals shown, flag, or empty', () => {
		const sheet = tableSheet(bars('id'), sheetCtx('id'));
		expect(sheet.columns).toEqual([
			{ header: 'Wilayah', kind: 'text' },
			{ header: 'Kode wilayah', kind: 'text' },
			{ header: 'Ilustratif', kind: 'flag' },
			{ header: 'Peringkat', kind: 'number', decimals: 0 },
			{ header: 'Peringkat terbaik yang mungkin', kind: 'number', decimals: 0 },
			{ header: 'Peringkat terburuk yang mungkin', kind: 'number', decimals: 0 },
			{ header: 'Skor', kind: 'number', decimals: 1 },
			{ header: 'Skor (presisi)', kind: 'number' }
		]);
		expect(sheet.rows[1]).toEqual([
			{ t: 'text', v: 'Pati' },
			{ t: 'text', v: '33.18' },
			{ t: 'flag', v: true },
			{ t: 'number', v: 2, decimals: 0 },
			{ t: 'number', v: 2, decimals: 0 },
			{ t: 'number', v: 3, decimals: 0 },
			{ t: 'number', v: 32.4, decimals: 1 },
			{ t: 'number', v: 32.40287037037037 }
		]);
		expect(sheet.rows[3]).toEqual([
			{ t: 'text', v: 'Demak' },
			{ t: 'text', v: '33.21' },
			{ t: 'flag', v: false },
			null,
			null,
			null,
			null,
			null
		]);
	});
});

describe('splitMarker()', () => {
	it.each([
		['Pati *', 'Pati', true],
		['Kota  Semarang  *', 'Kota  Semarang', true],
		['Pati', 'Pati', false],
		['Pati*', 'Pati*', false],
		['*', '*', false],
		['', '', false]
	])('splitMarker(%j) gives %j, marked %s', (text, name, marked) => {
		expect(splitMarker(text)).toEqual({ name, marked });
	});
});

describe('shownValue()', () => {
	it.each([
		[32.40287037037037, 1, 32.4],
		[1.005, 2, 1.01],
		[2.555, undefined, 2.56],
		[45.25, 1, 45.3],
		[-0.04, 1, 0],
		[1234567.891, 0, 1234568],
		[null, 1, null],
		[Number.NaN, 1, null],
		[Number.POSITIVE_INFINITY, 1, null],
		['5', 1, null]
	] as [unknown, number | undefined, number | null][])(
		'shownValue(%j, %j) is %j, as the page prints it',
		(value, decimals, shown) => {
			expect(shownValue(value, decimals)).toBe(shown);
		}
	);
});
