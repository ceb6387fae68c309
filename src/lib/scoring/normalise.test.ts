import { describe, expect, it } from 'vitest';
import {
	bandPoints,
	nullReason,
	percentOfBenchmark,
	scoreBands,
	scoreLevel,
	scoreMinmax,
	scoreTarget,
	scoreValue
} from './normalise.ts';
import type { Polarity } from './types.ts';

describe('scoreMinmax()', () => {
	it.each([
		['inside the bounds', 65, 40, 90, 50],
		['at the worst bound', 40, 40, 90, 0],
		['at the best bound', 90, 40, 90, 100],
		['below the worst bound (clamped)', 30, 40, 90, 0],
		['above the best bound (clamped)', 95, 40, 90, 100],
		['lower-is-better (best < worst)', 25, 40, 10, 50],
		['lower-is-better beyond best', 5, 40, 10, 100],
		['lower-is-better beyond worst', 45, 40, 10, 0]
	])('scores a value %s', (_, v, worst, best, expected) => {
		expect(scoreMinmax(v, worst, best)).toBe(expected);
	});
	it.each([
		['a missing worst bound', 50, null, 90],
		['a missing best bound', 50, 40, null],
		['equal bounds', 50, 40, 40],
		['a NaN value', NaN, 40, 90],
		['an infinite bound', 50, -Infinity, 90]
	])('returns null for %s', (_, v, worst, best) => {
		expect(scoreMinmax(v as number, worst as number | null, best as number | null)).toBeNull();
	});
});

describe('scoreTarget()', () => {
	it.each([
		['higher, below target', 45, 60, 'higher', 100, 75],
		['higher, at target', 60, 60, 'higher', 100, 100],
		['higher, above target, capped at 100', 75, 60, 'higher', 100, 100],
		['higher, above target, cap 120', 75, 60, 'higher', 120, 120],
		['higher, above target within cap 150', 72, 60, 'higher', 150, 120],
		['higher, negative value', -6, 60, 'higher', 100, 0],
		['lower, above target', 10, 8, 'lower', 100, 80],
		['lower, below target, capped', 6, 8, 'lower', 100, 100],
		['lower, below target, cap 200', 4, 8, 'lower', 200, 200],
		['lower, value 0 meets a positive target', 0, 8, 'lower', 100, 100],
		['lower, target 0 and value above', 5, 0, 'lower', 100, 0],
		['lower, value ≤ 0 not meeting a negative target', -1, -2, 'lower', 100, 0],
		['lower, value ≤ 0 meeting a negative target', -3, -2, 'lower', 100, 100],
		['higher, target 0 met', 0, 0, 'higher', 100, 100],
		['higher, target 0 missed', -1, 0, 'higher', 100, 0]
	])('scores %s', (_, v, t, pol, cap, expected) => {
		expect(scoreTarget(v as number, t as number, pol as Polarity, cap as number)).toBe(expected);
	});
	it('returns null without a target', () => {
		expect(scoreTarget(5, null, 'higher')).toBeNull();
		expect(scoreTarget(5, NaN, 'higher')).toBeNull();
		expect(scoreTarget(NaN, 5, 'higher')).toBeNull();
	});
});

describe('bandPoints() and scoreBands()', () => {
	it.each([
		[32.9, 100, 'higher', 1],
		[33, 100, 'higher', 2],
		[65.9, 100, 'higher', 2],
		[66, 100, 'higher', 3],
		[94.9, 100, 'higher', 3],
		[95, 100, 'higher', 4],
		[150, 100, 'higher', 4],
		[-5, 100, 'higher', 1],
		[0, 100, 'higher', 1],
		[20, 20, 'lower', 4],
		[40, 20, 'lower', 2],
		[80, 20, 'lower', 1],
		[0, 20, 'lower', 4]
	])('bandPoints(%d, %d, %s) is %d (edges go to the upper band)', (v, b, pol, pts) => {
		expect(bandPoints(v, b, pol as Polarity)).toBe(pts);
		expect(scoreBands(v, b, pol as Polarity)).toBe(pts * 25);
	});
	it.each([
		['a missing benchmark', null],
		['a zero benchmark', 0],
		['a negative benchmark', -10]
	])('returns null for %s', (_, b) => {
		expect(bandPoints(50, b, 'higher')).toBeNull();
		expect(scoreBands(50, b, 'higher')).toBeNull();
	});
	it('percentOfBenchmark() inverts the ratio for lower-is-better', () => {
		expect(percentOfBenchmark(50, 200, 'higher')).toBe(25);
		expect(percentOfBenchmark(40, 20, 'lower')).toBe(50);
		expect(percentOfBenchmark(0, 20, 'lower')).toBe(Infinity);
	});
});

describe('scoreLevel()', () => {
	it.each([
		[1, 0],
		[2, 25],
		[3, 50],
		[4, 75],
		[5, 100],
		[2.5, 37.5]
	])('maps level %d to %d', (level, expected) => {
		expect(scoreLevel(level)).toBe(expected);
	});
	it.each([0, 0.99, 5.01, 6, NaN, -1])('returns null for level %d', (level) => {
		expect(scoreLevel(level)).toBeNull();
	});
});

describe('scoreValue() and nullReason()', () => {
	const spec = (method: 'minmax' | 'target' | 'bands' | 'level') => ({
		method,
		polarity: 'higher' as const,
		worst: 0,
		best: 10,
		benchmark: 10
	});
	it('dispatches on the method', () => {
		expect(scoreValue(spec('minmax'), 5, null)).toBe(50);
		expect(scoreValue(spec('target'), 5, 10)).toBe(50);
		expect(scoreValue(spec('bands'), 5, null)).toBe(50);
		expect(scoreValue(spec('level'), 5, null)).toBe(100);
	});
	it('names the reason for a null score', () => {
		expect(nullReason(spec('target'), 5, null)).toBe('no_target');
		expect(nullReason(spec('level'), 7, null)).toBe('invalid_value');
		expect(nullReason({ ...spec('minmax'), worst: null }, 5, null)).toBe('invalid_bounds');
		expect(nullReason({ ...spec('bands'), benchmark: 0 }, 5, null)).toBe('invalid_bounds');
		expect(nullReason(spec('minmax'), NaN, null)).toBe('invalid_value');
	});
});
