import { describe, expect, it } from 'vitest';
import { INVALID, readCell, type CellColumn, type CellRules } from './cells';
import { findColumn } from './schemas';

const column = (label: string): CellColumn => ({
	decl: findColumn('observations', label)!,
	label
});
const rules: CellRules = {
	locale: 'id',
	defaultRegion: undefined,
	filled: new Set(),
	allowIllustrative: false
};

/** The value and the errors reported for one cell at row 4. */
function read(label: string, text: string, over: Partial<CellRules> = {}) {
	const errors: unknown[][] = [];
	const value = readCell(
		column(label),
		text,
		4,
		{ ...rules, ...over },
		{
			error: (code, row, col, cell, message) => errors.push([code, row, col, cell, message.en])
		}
	);
	return { value, errors };
}

describe('readCell()', () => {
	it('reads a number in the file’s locale', () => {
		expect(read('nilai', '73,48')).toEqual({ value: 73.48, errors: [] });
		expect(read('value', '2.349.304')).toEqual({ value: 2349304, errors: [] });
		expect(read('value', '73.48', { locale: 'en' })).toEqual({ value: 73.48, errors: [] });
	});

	it('reports a cell that is not a number with its row, column and text', () => {
		const r = read('nilai', 'oops');
		expect(r.value).toBe(INVALID);
		expect(r.errors.map((e) => e.slice(0, 4))).toEqual([['type-error', 4, 'nilai', 'oops']]);
	});

	it('a year outside 1990–2100 is a constraint error; not a year at all, a type error', () => {
		expect(read('tahun', '2023')).toEqual({ value: 2023, errors: [] });
		expect(read('tahun', '1989').errors.map((e) => e[0])).toEqual(['constraint-error']);
		expect(read('tahun', '20x3').errors.map((e) => e[0])).toEqual(['type-error']);
	});

	it('a blank required cell is an error; a blank region with a file-wide region is not', () => {
		expect(read('tahun', '').errors.map((e) => e.slice(0, 4))).toEqual([
			['constraint-error', 4, 'tahun', '']
		]);
		expect(read('kode_wilayah', '', { defaultRegion: '33.18' })).toEqual({
			value: null,
			errors: []
		});
		// Nor a blank source when the file gives one (the validator fills it).
		expect(read('sumber', '').errors.map((e) => e[0])).toEqual(['constraint-error']);
		expect(read('sumber', '', { filled: new Set(['source']) })).toEqual({
			value: null,
			errors: []
		});
	});

	it('a row flagged illustrative is refused unless the instance takes them', () => {
		expect(read('illustrative', 'ya').errors.map((e) => e[0])).toEqual(['constraint-error']);
		expect(read('illustrative', 'ya', { allowIllustrative: true })).toEqual({
			value: true,
			errors: []
		});
		expect(read('illustrative', 'tidak')).toEqual({ value: false, errors: [] });
		expect(read('illustrative', 'mungkin').errors.map((e) => e[0])).toEqual(['type-error']);
	});
});
