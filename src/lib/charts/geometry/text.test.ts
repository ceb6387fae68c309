import { describe, it, expect } from 'vitest';
import {
	boxesOverlap,
	segmentHitsBox,
	textBox,
	textWidth,
	tooltipBox,
	truncate,
	wrapWords
} from './text';

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

describe('textBox()', () => {
	it.each([
		['100', 10, 20, 10, 'start', { x: 10, y: 12, width: 18, height: 10 }],
		['100', 10, 20, 10, 'end', { x: -8, y: 12, width: 18, height: 10 }],
		['100', 10, 20, 10, 'middle', { x: 1, y: 12, width: 18, height: 10 }],
		['', 0, 0, 12, 'start', { x: 0, y: -9.6, width: 0, height: 12 }]
	] as const)('textBox(%j, %d, %d, %d, %j) gives %o', (text, x, y, size, anchor, box) => {
		expect(textBox(text, x, y, size, anchor)).toEqual(box);
	});
});

describe('boxesOverlap()', () => {
	const a = { x: 0, y: 0, width: 10, height: 10 };
	it.each([
		[{ x: 5, y: 5, width: 10, height: 10 }, 0, true],
		[{ x: 10, y: 0, width: 5, height: 5 }, 0, false],
		[{ x: 10, y: 0, width: 5, height: 5 }, 1, true],
		[{ x: 0, y: 12, width: 5, height: 5 }, 2, false],
		[{ x: 0, y: 11.9, width: 5, height: 5 }, 2, true],
		[{ x: -20, y: -20, width: 5, height: 5 }, 0, false]
	])('boxesOverlap(a, %o, gap %d) gives %s', (b, gap, out) => {
		expect(boxesOverlap(a, b, gap)).toBe(out);
		expect(boxesOverlap(b, a, gap)).toBe(out);
	});
});

describe('segmentHitsBox()', () => {
	const box = { x: 5, y: 0, width: 5, height: 10 };
	it.each([
		[0, 5, 20, 5, true],
		[0, 5, 4, 5, false],
		[6, 1, 7, 2, true],
		[0, 20, 20, 20, false],
		[0, 0, 20, 20, true],
		[0, 8, 8, 20, false],
		[7, -5, 7, 15, true],
		[11, -5, 11, 15, false]
	])('segmentHitsBox(%d, %d, %d, %d, box) gives %s', (x1, y1, x2, y2, out) => {
		expect(segmentHitsBox(x1, y1, x2, y2, box)).toBe(out);
	});
});
