import { describe, it, expect } from 'vitest';
import { heatBin, heatBins, heatCells, heatFill, heatLayout } from './heatmap';
import { GM100SC_LABELS } from '../test-fixtures';

describe('heatCells()', () => {
	const cellAt = heatCells([
		{ row: 'gov', col: '2018', value: 45 },
		{ row: 'gov', col: '2024', value: null, illustrative: true },
		{ row: 'g', col: 'ov2018', value: 1 }
	]);
	it.each([
		['gov', '2018', { row: 'gov', col: '2018', value: 45 }],
		['gov', '2024', { row: 'gov', col: '2024', value: null, illustrative: true }],
		['g', 'ov2018', { row: 'g', col: 'ov2018', value: 1 }],
		['eco', '2018', undefined],
		['gov2018', '', undefined]
	])('heatCells(cells)(%j, %j) gives %o', (row, col, cell) => {
		expect(cellAt(row, col)).toEqual(cell);
	});
});

describe('heatBin()', () => {
	const t = [20, 40, 60, 80];
	it.each([
		[0, 0],
		[19.99, 0],
		[20, 1],
		[40, 2],
		[79.9, 3],
		[80, 4],
		[100, 4],
		[-5, 0],
		[120, 4],
		[null, null],
		[NaN, null],
		[undefined, null]
	])('heatBin(%s) gives %s', (v, bin) => {
		expect(heatBin(v, t)).toBe(bin);
	});
});

describe('heatFill()', () => {
	it.each([
		[10, { bin: 0, fill: '#440154', text: '#ffffff' }],
		[30, { bin: 1, fill: '#3b528b', text: '#ffffff' }],
		[50, { bin: 2, fill: '#21918c', text: '#000000' }],
		[70, { bin: 3, fill: '#5ec962', text: '#000000' }],
		[95, { bin: 4, fill: '#fde725', text: '#000000' }],
		[null, null]
	])('heatFill(%s) gives %o', (v, fill) => {
		expect(heatFill(v)).toEqual(fill);
	});

	it('heatFill() uses the last colour when there are more bins than colours', () => {
		expect(heatFill(90, [50, 80], ['#ffffff', '#000000'])).toEqual({
			bin: 2,
			fill: '#000000',
			text: '#ffffff'
		});
	});
});

describe('heatBins()', () => {
	it.each([
		[
			[20, 40],
			0,
			100,
			[
				[0, 20],
				[20, 40],
				[40, 100]
			]
		],
		[[], 0, 100, [[0, 100]]]
	])('heatBins(%j, %d, %d) gives %j', (t, min, max, bins) => {
		expect(heatBins(t, min, max)).toEqual(bins);
	});
});

describe('heatLayout()', () => {
	it('heatLayout() keeps short column headers horizontal and sizes the label column to the longest label', () => {
		const l = heatLayout(['Governance', 'Economy'], ['2018', '2020', '2022', '2024'], 360, 12);
		expect(l).toEqual({
			left: 80,
			top: 22,
			cellWidth: 70,
			cellHeight: 32,
			width: 360,
			height: 86,
			rotate: false,
			columnText: ['2018', '2020', '2022', '2024'],
			columnCut: [false, false, false, false],
			rowLines: [['Governance'], ['Economy']],
			rowCut: [false, false],
			lineHeight: 14
		});
	});

	it('heatLayout() turns headers that do not fit so each ends above its column, shortened past 18 characters', () => {
		const l = heatLayout(['Pati'], ['Kabupaten Grobogan Raya', 'Kudus'], 120, 10, 20);
		expect(l).toEqual({
			left: 62,
			top: 93,
			cellWidth: 29,
			cellHeight: 20,
			width: 120,
			height: 113,
			rotate: true,
			columnText: ['Kabupaten Groboga…', 'Kudus'],
			columnCut: [true, false],
			rowLines: [['Pati']],
			rowCut: [false],
			lineHeight: 12
		});
	});

	it('heatLayout() widens the label column so the first turned header starts inside the chart', () => {
		// 'Kabupaten Grobogan' reaches 129.6 × √½ = 91.6 px left of its column's middle.
		const l = heatLayout(['A'], ['Kabupaten Grobogan', 'B'], 200, 12);
		expect([l.left, l.cellWidth, l.rotate]).toEqual([56, 72, true]);
		expect(l.left + l.cellWidth / 2 - 129.6 * Math.SQRT1_2).toBeGreaterThanOrEqual(0);
	});

	it('heatLayout() sizes the GM100SC rows at 340 px and wraps the one past 40 % onto two lines', () => {
		const rows = ['Komposit', ...GM100SC_LABELS];
		const cols = ['Pati', 'Kudus', 'Rembang', 'Jepara', 'Grobogan', 'Blora'];
		const l = heatLayout(rows, cols, 340, 12);
		expect([l.left, l.cellWidth, l.rotate, l.top]).toEqual([136, 34, true, 59]);
		expect(l.rowLines).toEqual([
			['Komposit'],
			['Tata Kelola', 'Cerdas'],
			['Branding Cerdas'],
			['Ekonomi Cerdas'],
			['Kehidupan Cerdas'],
			['Masyarakat Cerdas'],
			['Lingkungan Cerdas']
		]);
		expect(l.rowCut.every((c) => !c)).toBe(true);
		// The last header ends at the middle of the last column: nothing past the right edge.
		expect(l.left + 5.5 * l.cellWidth).toBeLessThanOrEqual(340);
	});

	it.each([
		[['Kabupaten Grobogan Selatan Raya'], 32, [['Kabupaten', 'Grobogan…']]],
		[['Kabupaten Grobogan Selatan Raya'], 20, [['Kabupaten…']]],
		[['Smart Environment', 'Komposit'], 32, [['Smart', 'Environme…'], ['Komposit']]]
	])(
		'heatLayout(%j, …, 200 px, cells %i px high) shortens only what does not fit the 80 px label column',
		(rows, cellHeight, lines) => {
			const l = heatLayout(rows, ['A'], 200, 12, cellHeight);
			expect(l.left).toBe(80);
			expect(l.rowLines).toEqual(lines);
			expect(l.rowCut).toEqual(lines.map((ls) => ls.at(-1)!.endsWith('…')));
		}
	);

	it('heatLayout() shortens every label past the cap to the same number of characters', () => {
		const l = heatLayout(['Smart Environment', 'Smart Governance', 'Komposit'], ['A'], 100, 12);
		expect([l.left, l.rowLines]).toEqual([40, [['Sma…'], ['Sma…'], ['Kom…']]]);
	});

	it('heatLayout() of no rows or columns has no cells', () => {
		const l = heatLayout([], [], 200, 12);
		expect([l.left, l.cellWidth, l.height]).toEqual([8, 0, 22]);
	});
});
