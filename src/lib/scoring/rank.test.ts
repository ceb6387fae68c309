import { describe, expect, it } from 'vitest';
import { mulberry32, percentileSorted, rankIntervalsFromDraws, rankScores } from './rank.ts';

describe('rankScores()', () => {
	it.each([
		[
			[50, 80, NaN, 80],
			[3, 1, 0, 1]
		],
		[
			[1, 2, 3],
			[3, 2, 1]
		],
		[
			[5, 5, 5],
			[1, 1, 1]
		],
		[
			[NaN, NaN],
			[0, 0]
		],
		[[], []],
		[
			[0, -1, 100, 0],
			[2, 4, 1, 2]
		]
	])('ranks %j as %j (competition ranking, NaN unranked)', (scores, ranks) => {
		expect(Array.from(rankScores(scores))).toEqual(ranks);
	});
});

describe('mulberry32()', () => {
	it('gives the same sequence for the same seed and another for another seed', () => {
		const a = mulberry32(42);
		const b = mulberry32(42);
		const c = mulberry32(43);
		const sa = Array.from({ length: 5 }, a);
		expect(Array.from({ length: 5 }, b)).toEqual(sa);
		expect(Array.from({ length: 5 }, c)).not.toEqual(sa);
	});
	it('is the standard mulberry32 sequence in [0, 1)', () => {
		const r = mulberry32(1);
		expect(r()).toBe(0.6270739405881613);
		for (let k = 0; k < 1000; k++) {
			const x = r();
			expect(x >= 0 && x < 1).toBe(true);
		}
	});
});

describe('percentileSorted()', () => {
	it.each([
		[[1, 2, 3, 4], 50, 2],
		[[1, 2, 3, 4], 5, 1],
		[[1, 2, 3, 4], 95, 4],
		[[7], 5, 7],
		[[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20], 95, 19]
	])('nearest-rank percentile of %j at %d is %d', (xs, p, expected) => {
		expect(percentileSorted(xs, p)).toBe(expected);
	});
	it('is NaN for no values', () => {
		expect(percentileSorted([], 50)).toBeNaN();
	});
});

describe('rankIntervalsFromDraws()', () => {
	it('takes the percentiles of each region over the draws it was ranked in', () => {
		// 20 draws × 2 regions: region 0 ranks 1 in 19 draws and 2 in one; region 1 the reverse.
		const ranks = new Int32Array(40);
		for (let d = 0; d < 20; d++) {
			const flip = d < 1;
			ranks[d * 2] = flip ? 2 : 1;
			ranks[d * 2 + 1] = flip ? 1 : 2;
		}
		// Region 0: 5th percentile = position 1 = rank 1; 95th = position ⌈19⌉ = 19 = still rank 1.
		expect(rankIntervalsFromDraws(ranks, 2, 20, [1, 2], [5, 95])).toEqual([
			[1, 1],
			[1, 2]
		]);
		expect(rankIntervalsFromDraws(ranks, 2, 20, [1, 2], [0, 100])).toEqual([
			[1, 2],
			[1, 2]
		]);
	});
	it('widens an interval to hold the base rank and is null for a region never ranked', () => {
		const ranks = Int32Array.from([2, 0, 2, 0]);
		expect(rankIntervalsFromDraws(ranks, 2, 2, [1, 0], [5, 95])).toEqual([[1, 2], null]);
	});
	it('is null for a region without a base rank even when draws ranked it', () => {
		const ranks = Int32Array.from([2, 1, 1, 2, 2, 1]);
		expect(rankIntervalsFromDraws(ranks, 2, 3, [1, 0], [0, 100])).toEqual([[1, 2], null]);
	});
	it('is the base rank alone for a region ranked in no draw', () => {
		expect(rankIntervalsFromDraws(new Int32Array(4), 2, 2, [2, 1], [5, 95])).toEqual([
			[2, 2],
			[1, 1]
		]);
	});
});
