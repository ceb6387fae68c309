import { describe, it, expect } from 'vitest';
import { csvDataUri, fileSlug, tableToCsv } from './csv';
import type { TableModel } from '../types';

describe('tableToCsv()', () => {
	const model: TableModel = {
		caption: 'Skor',
		columns: [
			{ key: 'year', label: 'Tahun', kind: 'year' },
			{ key: 'v', label: 'Nilai', kind: 'number', unit: '%' },
			{ key: 't', label: 'Target', kind: 'number' }
		],
		rows: [
			{ cells: { year: 2018, v: 45.25, t: 50 } },
			{ cells: { year: 2019, v: null, t: 55 } },
			{ cells: { year: 2020, v: 61, t: null }, flags: { v: true } }
		]
	};

	it('tableToCsv() writes raw numbers and adds a flag column after an illustrative column', () => {
		expect(tableToCsv(model, 'ilustratif')).toBe(
			'Tahun,Nilai (%),Nilai (ilustratif),Target\r\n2018,45.25,,50\r\n2019,,,55\r\n2020,61,true,\r\n'
		);
	});

	it('tableToCsv() adds no flag column when nothing is illustrative', () => {
		expect(tableToCsv({ ...model, rows: model.rows.slice(0, 1) })).toBe(
			'Tahun,Nilai (%),Target\r\n2018,45.25,50\r\n'
		);
	});

	it('tableToCsv() escapes a formula in a row header', () => {
		const m: TableModel = {
			caption: '',
			columns: [{ key: 'n', label: 'Wilayah', kind: 'text' }],
			rows: [{ cells: { n: '=HYPERLINK("x")' } }]
		};
		expect(tableToCsv(m)).toBe(`Wilayah\r\n"'=HYPERLINK(""x"")"\r\n`);
	});

	it('tableToCsv() guards a formula after a separator and keeps negative numbers', () => {
		const m: TableModel = {
			caption: '',
			columns: [
				{ key: 'n', label: 'Wilayah', kind: 'text' },
				{ key: 'v', label: 'Nilai', kind: 'number' }
			],
			rows: [{ cells: { n: 'x;=10*10;', v: -3.5 } }]
		};
		expect(tableToCsv(m)).toBe(`Wilayah,Nilai\r\n"x;'=10*10;",-3.5\r\n`);
	});
});

describe('csvDataUri()', () => {
	it('csvDataUri() prefixes a UTF-8 BOM and percent-encodes the text', () => {
		expect(csvDataUri('a,b\r\nĀ')).toBe('data:text/csv;charset=utf-8,%EF%BB%BFa%2Cb%0D%0A%C4%80');
	});
});

describe('fileSlug()', () => {
	it.each([
		['Skor dimensi — Pati 2024', 'skor-dimensi-pati-2024'],
		['Éléments', 'elements'],
		['***', 'chart'],
		['', 'chart'],
		['a'.repeat(59) + ' bc', 'a'.repeat(59)]
	])('fileSlug(%j) gives %j', (title, slug) => {
		expect(fileSlug(title)).toBe(slug);
	});
});
