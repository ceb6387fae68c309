import { describe, it, expect } from 'vitest';
import { textWidth, tooltipBox, truncate, wrapWords } from './text';

describe('textWidth()', () => {
	it.each([
		['2024', 12, 28.8],
		['', 12, 0],
		['tidak ada data', 11, 92.4],
		['Ü', 10, 6]
	])('textWidth(%j, %d) gives %d', (text, size, width) => {
		expect(textWidth(text, size)).toBe(width);
	});
});

describe('wrapWords()', () => {
	it.each([
		['Smart Environment', 10, ['Smart', 'Environment']],
		['Smart Governance', 20, ['Smart Governance']],
		['Tata kelola sampah dan limbah', 12, ['Tata kelola', 'sampah dan', 'limbah']],
		['  ', 10, []],
		['', 10, []]
	])('wrapWords(%j, %d) gives %j', (text, max, lines) => {
		expect(wrapWords(text, max)).toEqual(lines);
	});
});

describe('truncate()', () => {
	it.each([
		['Kabupaten Grobogan', 10, 'Kabupaten…'],
		['Pati', 10, 'Pati'],
		['Kudus', 5, 'Kudus'],
		['Kudus', 1, '…'],
		['', 3, '']
	])('truncate(%j, %d) gives %j', (text, max, out) => {
		expect(truncate(text, max)).toBe(out);
	});
});

describe('tooltipBox()', () => {
	const bounds = { width: 200, height: 100 };
	it('tooltipBox() centres the box above the anchor', () => {
		expect(tooltipBox(100, 60, ['45,2'], 12, bounds)).toEqual({
			x: 82,
			y: 29,
			width: 37,
			height: 23,
			lineHeight: 15,
			padding: 4
		});
	});

	it('tooltipBox() keeps the box inside the left and right edges', () => {
		expect(tooltipBox(5, 60, ['45,2'], 12, bounds).x).toBe(0);
		expect(tooltipBox(199, 60, ['45,2'], 12, bounds).x).toBe(163);
	});

	it('tooltipBox() flips below the anchor when there is no room above', () => {
		expect(tooltipBox(100, 10, ['2024', 'Skor 45,2'], 12, bounds)).toEqual({
			x: 64,
			y: 18,
			width: 73,
			height: 38,
			lineHeight: 15,
			padding: 4
		});
	});

	it('tooltipBox() of no lines is only its padding', () => {
		expect(tooltipBox(100, 60, [], 12, bounds)).toEqual({
			x: 96,
			y: 44,
			width: 8,
			height: 8,
			lineHeight: 15,
			padding: 4
		});
	});
});
