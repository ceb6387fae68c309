import { describe, it, expect } from 'vitest';
import { heatBin, heatBins, heatCells, heatFill, heatLayout } from './heatmap';

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
	it('heatLayout() keeps short column headers horizontal', () => {
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
			rowText: ['Governance', 'Economy']
		});
	});

	it('heatLayout() rotates and shortens column headers that do not fit', () => {
		const l = heatLayout(['Pati'], ['Kabupaten Grobogan Raya', 'Kudus'], 120, 10, 20);
		expect(l).toEqual({
			left: 32,
			top: 93,
			cellWidth: 44,
			cellHeight: 20,
			width: 120,
			height: 113,
			rotate: true,
			columnText: ['Kabupaten Groboga…', 'Kudus'],
			rowText: ['Pati']
		});
	});

	it('heatLayout() caps the row label column at 40 % of the width and shortens the labels', () => {
		const l = heatLayout(['Smart Environment'], ['A'], 100, 12);
		expect([l.left, l.rowText]).toEqual([40, ['Smart E…']]);
	});

	it('heatLayout() of no rows or columns has no cells', () => {
		const l = heatLayout([], [], 200, 12);
		expect([l.left, l.cellWidth, l.height]).toEqual([8, 0, 22]);
	});
});
