import { describe, expect, it } from 'vitest';
import { outsideRange, possibleRange } from './ranges';

describe('possibleRange()', () => {
	it.each([
		// Value types set the range whatever the unit says.
		['percent', '%', 0, 100, false],
		['level', 'level', 1, 5, true],
		['count', 'units', 0, Infinity, true],
		// A range declared in the unit, with either dash, spaces or none.
		['number', 'index (0-100)', 0, 100, false],
		['number', 'score (0–100)', 0, 100, false],
		['number', 'index (1 - 5)', 1, 5, false],
		['number', 'indeks (0,5-1)', -Infinity, Infinity, false],
		['number', 'index (100-0)', -Infinity, Infinity, false],
		// Units that cannot be negative.
		['number', 'IDR billion', 0, Infinity, false],
		['number', 'IDR/capita/month', 0, Infinity, false],
		['number', 'ha', 0, Infinity, false],
		['number', 'years', 0, Infinity, false],
		['number', 'hours', 0, Infinity, false],
		['number', 'per 100,000 population', 0, Infinity, false],
		['number', 'ratio', 0, Infinity, false],
		['number', 'index', 0, Infinity, false],
		// Growth rates in % can be negative; an unknown or empty unit sets nothing.
		['number', '%', -Infinity, Infinity, false],
		['number', 'hectares of something', -Infinity, Infinity, false],
		['number', '', -Infinity, Infinity, false]
	] as const)('%s in %j: %s to %s', (valueType, unit, min, max, integer) => {
		expect(possibleRange({ valueType, unit })).toEqual({ min, max, integer });
	});

	it('a missing unit sets nothing for a plain number', () => {
		expect(possibleRange({ valueType: 'number' })).toEqual({
			min: -Infinity,
			max: Infinity,
			integer: false
		});
	});
});

describe('outsideRange()', () => {
	const index = possibleRange({ valueType: 'number', unit: 'index (0-100)' });
	const level = possibleRange({ valueType: 'level' });
	it.each([
		[0, index, false],
		[100, index, false],
		[91.5, index, false],
		[1234, index, true],
		[-0.1, index, true],
		[100.0001, index, true],
		[3, level, false],
		[3.5, level, true],
		[0, level, true],
		[6, level, true]
	])('%s: %s', (v, range, expected) => {
		expect(outsideRange(v, range)).toBe(expected);
	});
});
