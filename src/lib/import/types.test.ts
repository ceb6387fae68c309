import { describe, expect, it } from 'vitest';
import { isYearInRange, MAX_YEAR, MIN_YEAR } from './types';

describe('the year range', () => {
	it('is 1990–2100', () => {
		expect([MIN_YEAR, MAX_YEAR]).toEqual([1990, 2100]);
	});

	it.each([
		[2024, true],
		[1990, true],
		[2100, true],
		[1989, false],
		[2101, false],
		[2024.5, false],
		[NaN, false],
		[Infinity, false]
	])('isYearInRange(%s) is %s', (year, expected) => {
		expect(isYearInRange(year)).toBe(expected);
	});
});
