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
	const none = { missing: false, illustrative: false, carried: false };
	it.each([
		[base.rows, none],
		[[{ cells: { n: null, v: 1 } }], none],
		[[{ cells: { n: 'A', v: null } }], { ...none, missing: true }],
		[[{ cells: { n: 'A', v: NaN } }], { ...none, missing: true }],
		[[{ cells: { n: 'A', v: 1 }, flags: { v: true } }], { ...none, illustrative: true }],
		[[{ cells: { n: 'A', v: 1 }, carried: { v: true } }], { ...none, carried: true }],
		[[{ cells: { n: 'A', v: 1 }, flags: { v: false }, carried: { v: false } }], none],
		[[], none]
	] as [TableModel['rows'], ReturnType<typeof tableNotes>][])(
		'tableNotes() of rows %j gives %o',
		(rows, notes) => {
			expect(tableNotes({ ...base, rows })).toEqual(notes);
		}
	);

	it('tableNotes() ignores a download-only column, which the HTML table does not show', () => {
		const model: TableModel = {
			...base,
			columns: [
				...base.columns,
				{ key: 'r', label: 'Peringkat', kind: 'number', only: 'download' }
			],
			rows: [{ cells: { n: 'Pati', v: 4, r: null }, flags: { r: true } }]
		};
		expect(tableNotes(model)).toEqual({ missing: false, illustrative: false, carried: false });
	});
});
