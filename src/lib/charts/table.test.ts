import { describe, it, expect } from 'vitest';
import { formatCell, tableNotes } from './table';
import type { TableColumn, TableModel } from './types';

describe('formatCell()', () => {
	const score: TableColumn = { key: 'v', label: 'Skor', kind: 'number', decimals: 1 };
	const people: TableColumn = { key: 'p', label: 'Penduduk', kind: 'number' };
	const pct: TableColumn = { key: 'q', label: 'Akses', kind: 'number', unit: '%' };
	const year: TableColumn = { key: 'y', label: 'Tahun', kind: 'year' };
	const text: TableColumn = { key: 't', label: 'Wilayah', kind: 'text' };
	it.each([
		[score, 45.25, 'id', '45,3'],
		[score, 45.25, 'en', '45.3'],
		[people, 1379022, 'id', '1.379.022'],
		[people, 1379022, 'en', '1,379,022'],
		[pct, 12.5, 'id', '12,5%'],
		[year, 2024, 'id', '2024'],
		[text, 'Pati', 'en', 'Pati'],
		[text, 33.18, 'id', '33.18'],
		[text, null, 'id', ''],
		[score, null, 'id', '–'],
		[score, 'x', 'id', '–'],
		[year, undefined, 'en', '–']
	] as [TableColumn, string | number | null | undefined, 'id' | 'en', string][])(
		'formatCell(%o, %j, %s) gives %j',
		(col, v, lang, out) => {
			expect(formatCell(col, v, lang)).toBe(out);
		}
	);
});

describe('tableNotes()', () => {
	const base: TableModel = {
		caption: '',
		columns: [
			{ key: 'n', label: 'Wilayah', kind: 'text' },
			{ key: 'v', label: 'Skor', kind: 'number' }
		],
		rows: [{ cells: { n: 'Pati', v: 4 } }]
	};
	it.each([
		[base.rows, { missing: false, illustrative: false }],
		[[{ cells: { n: null, v: 1 } }], { missing: false, illustrative: false }],
		[[{ cells: { n: 'A', v: null } }], { missing: true, illustrative: false }],
		[[{ cells: { n: 'A', v: NaN } }], { missing: true, illustrative: false }],
		[[{ cells: { n: 'A', v: 1 }, flags: { v: true } }], { missing: false, illustrative: true }],
		[[], { missing: false, illustrative: false }]
	] as [TableModel['rows'], { missing: boolean; illustrative: boolean }][])(
		'tableNotes() of rows %j gives %o',
		(rows, notes) => {
			expect(tableNotes({ ...base, rows })).toEqual(notes);
		}
	);
});
