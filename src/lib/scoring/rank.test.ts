import { describe, expect, it } from 'vitest';
import { competitionRanks, mulberry32, percentileSorted, rankIntervalsFromDraws } from './rank.ts';

describe('competitionRanks()', () => {
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
		],
		// From the peer pages' competitionRanks(): ties share a rank and the next rank skips.
		[
			[5, 7, 7, 1],
			[3, 1, 1, 4]
		],
		// null and NaN are unranked and do not count (the peer pages' and the bars' rule).
		[
			[null, NaN, 2],
			[0, 0, 1]
		],
		[
			[undefined, 3, null],
			[0, 1, 0]
		],
		// 0 and -0 are the same score.
		[
			[0, -0, 1],
			[2, 2, 1]
		],
		// No rounding: 61.004 is above 61.0 even though both show as "61,0".
		[
			[61, 61.004, 61],
			[2, 1, 2]
		]
	])('ranks %j as %j (competition ranking, non-finite unranked)', (scores, ranks) => {
		expect(Array.from(competitionRanks(scores))).toEqual(ranks);
	});

	it('competitionRanks() leaves ±Infinity unranked: only a finite number is a score', () => {
		// The engine's copy ranked Infinity first and -Infinity last; the peer pages, the bars and
		// the charts' isNum() treat a non-finite number as no data, and now so does the one rule.
		expect(Array.from(competitionRanks([Infinity, 50, -Infinity, 40]))).toEqual([0, 1, 0, 2]);
	});

	it('competitionRanks() writes into the scratch arrays it is given and reads a Float64Array', () => {
		const out = new Int32Array(6).fill(9);
		const scores = Float64Array.from([1, NaN, 3]);
		const result = competitionRanks(scores, out.subarray(2, 5), new Float64Array(3));
		expect(Array.from(result)).toEqual([2, 0, 1]);
		expect(Array.from(out)).toEqual([9, 9, 2, 0, 1, 9]);
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
