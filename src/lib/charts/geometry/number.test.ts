import { describe, it, expect } from 'vitest';
import { isNum, round2 } from './number';

describe('isNum()', () => {
	it.each([
		[0, true],
		[-2.5, true],
		[null, false],
		[undefined, false],
		[NaN, false],
		[Infinity, false],
		[-Infinity, false],
		['3', false]
	])('isNum(%s) gives %s', (v, out) => {
		expect(isNum(v)).toBe(out);
	});
});

describe('round2()', () => {
	it.each([
		[134.6666, 134.67],
		[1.005, 1],
		[-0.001, 0],
		[-2.344, -2.34],
		[0, 0]
	])('round2(%d) gives %d', (v, out) => {
		expect(Object.is(round2(v), out)).toBe(true);
	});
});
