import { describe, it, expect } from 'vitest';
import { rovingIndex } from './roving';

describe('rovingIndex() in a list', () => {
	it.each([
		['ArrowRight', 0, 3, 1],
		['ArrowDown', 0, 3, 1],
		['ArrowLeft', 2, 3, 1],
		['ArrowUp', 2, 3, 1],
		['ArrowRight', 2, 3, 2],
		['ArrowLeft', 0, 3, 0],
		['Home', 2, 3, 0],
		['End', 0, 3, 2],
		['ArrowRight', -1, 3, 0],
		['ArrowLeft', 7, 3, 0],
		['ArrowRight', 0, 1, 0],
		['ArrowRight', 0, 0, null],
		['Tab', 0, 3, null],
		['Enter', 1, 3, null],
		[' ', 1, 3, null]
	])('rovingIndex(%j, %i, %i) gives %j', (key, index, count, out) => {
		expect(rovingIndex(key, index, count)).toBe(out);
	});
});

describe('rovingIndex() in a grid', () => {
	// 2 rows × 3 columns, then a last row of 1: indexes 0 1 2 / 3 4 5 / 6.
	it.each([
		['ArrowDown', 1, 4],
		['ArrowUp', 4, 1],
		['ArrowUp', 1, 1],
		['ArrowDown', 5, 5],
		['ArrowDown', 3, 6],
		['ArrowRight', 2, 2],
		['ArrowLeft', 3, 3],
		['ArrowRight', 3, 4],
		['ArrowLeft', 5, 4],
		['ArrowRight', 6, 6],
		['Home', 4, 0],
		['End', 1, 6]
	])('rovingIndex(%j, %i, 7, 3) gives %i', (key, index, out) => {
		expect(rovingIndex(key, index, 7, 3)).toBe(out);
	});

	it('rovingIndex() treats columns of 1 as a list', () => {
		expect(rovingIndex('ArrowRight', 0, 3, 1)).toBe(1);
	});
});
