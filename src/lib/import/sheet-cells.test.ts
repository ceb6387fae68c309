import { describe, expect, it } from 'vitest';
import {
	BodyMerges,
	cellText,
	csvLine,
	layOutMerges,
	numberText,
	parseRange,
	type MergedRange
} from './sheet-cells';

describe('numberText()', () => {
	it('writes the locale’s decimal mark, no grouping and no exponent', () => {
		expect(numberText(9.31, 'id')).toBe('9,31');
		expect(numberText(9.31, 'en')).toBe('9.31');
		expect(numberText(2349304, 'id')).toBe('2349304');
		expect(numberText(-0.5, 'id')).toBe('-0,5');
		expect(numberText(1e-7, 'id')).toBe('0,0000001');
		expect(numberText(1e21, 'en')).toBe('1000000000000000000000');
	});
});

describe('cellText()', () => {
	it('reads each kind of value exceljs gives', () => {
		expect(cellText(null, undefined, 'id')).toBe('');
		expect(cellText(undefined, undefined, 'id')).toBe('');
		expect(cellText(71.35, 'General', 'id')).toBe('71,35');
		expect(cellText('9,31', undefined, 'id')).toBe('9,31');
		expect(cellText('2.349.304', undefined, 'id')).toBe('2.349.304');
		expect(cellText(true, undefined, 'id')).toBe('true');
		expect(cellText(new Date(Date.UTC(2023, 7, 17)), 'dd/mm/yyyy', 'id')).toBe('2023-08-17');
		expect(cellText({ richText: [{ text: 'Kab. ' }, { text: 'Pati' }] }, undefined, 'id')).toBe(
			'Kab. Pati'
		);
		expect(cellText({ text: 'BPS', hyperlink: 'https://bps.go.id' }, undefined, 'id')).toBe('BPS');
		expect(cellText({ error: '#N/A' }, undefined, 'id')).toBe('#N/A');
	});

	it('reads a formula as its computed value, and one never computed as its formula', () => {
		expect(cellText({ formula: 'B2+1', result: 72.35 }, undefined, 'id')).toBe('72,35');
		expect(cellText({ sharedFormula: 'B2', result: 'x' }, undefined, 'id')).toBe('x');
		expect(cellText({ formula: 'B2/0', result: { error: '#DIV/0!' } }, undefined, 'id')).toBe(
			'#DIV/0!'
		);
		expect(cellText({ formula: 'SUM(B2:B4)' }, undefined, 'id')).toBe('=SUM(B2:B4)');
	});

	it('writes a percentage cell as the percent it shows', () => {
		expect(cellText(0.0931, '0.00%', 'id')).toBe('9,31');
		expect(cellText(0.0931, '0%', 'en')).toBe('9.31');
		expect(cellText(0.07, '0.0%', 'en')).toBe('7');
		// A % inside quotes or a colour bracket is literal text, not a percent format.
		expect(cellText(5, '0"%"', 'en')).toBe('5');
		expect(cellText(5, '[Red]0.0', 'en')).toBe('5');
	});

	it('gives nothing for a number that is not finite', () => {
		expect(cellText(Number.NaN, undefined, 'id')).toBe('');
	});
});

describe('csvLine()', () => {
	it('quotes only cells that need it', () => {
		expect(csvLine(['Kab. Pati', '71,35', ''], ';')).toBe('Kab. Pati;71,35;');
		expect(csvLine(['a;b', 'say "hi"', 'two\nlines'], ';')).toBe('"a;b";"say ""hi""";"two\nlines"');
		expect(csvLine(['9,31', 'x'], ',')).toBe('"9,31",x');
		expect(csvLine([], ';')).toBe('');
	});
});

describe('parseRange()', () => {
	it('reads a range in either corner order, with or without $', () => {
		expect(parseRange('A3:B4')).toEqual({ top: 3, left: 1, bottom: 4, right: 2 });
		expect(parseRange('$AB$10:Z2')).toEqual({ top: 2, left: 26, bottom: 10, right: 28 });
		expect(parseRange('A3')).toBeNull();
		expect(parseRange('3A:4B')).toBeNull();
	});
});

const range = (ref: string) => parseRange(ref) as MergedRange;

describe('layOutMerges()', () => {
	it('makes a BPS two-row header one row, keeping the title', () => {
		const rows = [
			['Tabel 3.1 IPM'],
			[],
			['Kabupaten/Kota', 'Tahun'],
			['', '2021', '2022', '2023'],
			['Kab. Pati', '71,35', '-', '72,8']
		];
		layOutMerges(rows, [range('A1:D1'), range('A3:A4'), range('B3:D3')]);
		expect(rows).toEqual([
			['Tabel 3.1 IPM'],
			[],
			['', ''],
			['Kabupaten/Kota', '2021', '2022', '2023'],
			['Kab. Pati', '71,35', '-', '72,8']
		]);
	});

	it('fills a region merged down over data rows into each row', () => {
		const rows = [
			['kode_wilayah', 'kode_indikator', '2023'],
			['33.18', 'ipm', '72,8'],
			['', 'tpt', '4,1']
		];
		layOutMerges(rows, [range('A2:A3')]);
		expect(rows[2]).toEqual(['33.18', 'tpt', '4,1']);
	});

	it('keeps a label merged across columns when the row below is not all labels', () => {
		const rows = [['Catatan'], ['', 'x']];
		layOutMerges(rows, [range('A1:C1')]);
		expect(rows[0]).toEqual(['Catatan']);
	});

	it('ignores merges below the rows it was given and blank merges', () => {
		const rows = [['a', 'b']];
		layOutMerges(rows, [range('A5:A9'), range('B1:B2')]);
		expect(rows).toEqual([['a', 'b']]);
	});
});

describe('BodyMerges', () => {
	it('fills the first column of a merge down its rows, only below the head', () => {
		const merges = new BodyMerges([range('A20:A22'), range('B3:B4'), range('C20:E20')], 13);
		const rows = [
			['Pati', 'ipm', '1'],
			['', 'tpt', '2'],
			['x', 'y', '3']
		];
		merges.apply(20, rows[0]);
		merges.apply(21, rows[1]);
		merges.apply(22, rows[2]);
		expect(rows.map((r) => r[0])).toEqual(['Pati', 'Pati', 'x']);
		const short: string[] = [];
		merges.apply(21, short);
		expect(short).toEqual(['Pati']);
	});
});
