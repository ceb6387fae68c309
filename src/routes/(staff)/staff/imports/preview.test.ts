import { describe, expect, it } from 'vitest';
import type { ImportError } from '$lib/import/types';
import { cleanFileName, errorsCsv, previewOf } from './preview';

const typeError: ImportError = {
	code: 'type-error',
	row: 3,
	column: 'value',
	value: '=1+2',
	message: { id: 'Bukan angka; isi angka.', en: 'Not a number; enter a number.' }
};

describe('errorsCsv', () => {
	it('errorsCsv() writes English headers with commas, escapes a formula cell and quotes a ";"', () => {
		expect(errorsCsv([typeError], 'en')).toBe(
			`code,row,column,value,message\r\ntype-error,3,value,'=1+2,"Not a number; enter a number."\r\n`
		);
	});
	it('errorsCsv() guards a formula after a separator inside the uploaded value, in both languages', () => {
		const e: ImportError = { ...typeError, value: 'x;=10*10;' };
		expect(errorsCsv([e], 'id')).toBe(
			'kode;baris;kolom;nilai;pesan\r\n' +
				`type-error;3;value;"x;'=10*10;";"Bukan angka; isi angka."\r\n`
		);
		expect(errorsCsv([e], 'en')).toBe(
			'code,row,column,value,message\r\n' +
				`type-error,3,value,"x;'=10*10;","Not a number; enter a number."\r\n`
		);
	});
	it('errorsCsv() writes Indonesian headers with semicolons and quotes a cell holding one', () => {
		expect(errorsCsv([typeError], 'id')).toBe(
			'kode;baris;kolom;nilai;pesan\r\n' + `type-error;3;value;'=1+2;"Bukan angka; isi angka."\r\n`
		);
	});
	it('errorsCsv() leaves row and column empty for a whole-file error', () => {
		const e: ImportError = {
			code: 'format-error',
			row: null,
			column: null,
			value: null,
			message: { id: 'Kosong.', en: 'Empty.' }
		};
		expect(errorsCsv([e], 'en')).toBe(
			'code,row,column,value,message\r\nformat-error,,,,Empty.\r\n'
		);
	});
	it('errorsCsv() of no errors is the header line only', () => {
		expect(errorsCsv([], 'en')).toBe('code,row,column,value,message\r\n');
	});
});

describe('previewOf', () => {
	const report = {
		status: 'valid',
		kind: 'observations' as const,
		shape: 'long' as const,
		dialect: null,
		fileName: 'a.csv',
		bytes: 10,
		sha256: 'ab',
		rowCount: 1,
		counts: { rows: 1, inserted: 1, updated: 0, unchanged: 0 },
		errors: [],
		errorCount: 0,
		notices: [{ id: 'Baris 1 dilewati: judul tabel …', en: 'Row(s) 1 skipped: …' }],
		preview: [
			{
				regionCode: '33',
				indicatorCode: 'hdi_ipm',
				year: 2001,
				value: 65.25,
				source: 'BPS',
				note: null,
				illustrative: null,
				sourceRow: 2
			}
		]
	};
	it('previewOf() lays out rows in the schema column order with nulls for empty cells', () => {
		const view = previewOf(report, 'tok');
		expect(view.columns[2]).toEqual({ key: 'year', name: 'year', type: 'year' });
		expect(view.columns.map((c) => c.name)).toEqual([
			'region_code',
			'indicator_code',
			'year',
			'value',
			'source',
			'source_kind',
			'reference_period',
			'note',
			'illustrative'
		]);
		expect(view.rows).toEqual([['33', 'hdi_ipm', 2001, 65.25, 'BPS', null, null, null, null]]);
		expect(view.status).toBe('valid');
		expect(view.token).toBe('tok');
	});
	it('previewOf() carries the sheet of a workbook and the values replaced', () => {
		expect(previewOf(report, null)).toMatchObject({ sheet: null, changes: [] });
		const change = {
			table: 'targets' as const,
			regionCode: '33.18',
			indicatorCode: 'hdi_ipm',
			year: 2026,
			before: 72,
			after: 73.5,
			sourceBefore: 'RPJMD 2021–2026',
			sourceAfter: 'RPJMD 2021–2026'
		};
		expect(previewOf({ ...report, sheet: 'IPM', changes: [change] }, null)).toMatchObject({
			sheet: 'IPM',
			changes: [change]
		});
	});

	it('previewOf() maps any status other than valid or unchanged to refused', () => {
		expect(previewOf({ ...report, status: 'refused' }, null).status).toBe('refused');
		expect(previewOf({ ...report, status: 'unchanged' }, null).status).toBe('unchanged');
		expect(previewOf({ ...report, status: 'imported' }, null).status).toBe('refused');
	});
});

describe('cleanFileName', () => {
	it.each([
		['data.csv', 'data.csv'],
		['C:\\Users\\ana\\ipm 2023.csv', 'ipm 2023.csv'],
		['../../etc/passwd', 'passwd'],
		['a\u0000b\nc.csv', 'abc.csv'],
		['', 'upload.csv'],
		['   ', 'upload.csv'],
		['x'.repeat(300), 'x'.repeat(200)]
	])('cleanFileName(%j) is %j', (input, expected) => {
		expect(cleanFileName(input)).toBe(expected);
	});
});
