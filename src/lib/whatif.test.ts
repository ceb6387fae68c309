import { describe, expect, it } from 'vitest';
import { DEFAULT_RATING_BANDS } from './scoring/profile';
import { effectiveWeights, recompute } from './whatif';

const options = { aggregation: 'arithmetic' as const, minCoverage: 0.8, geometricFloor: 1 };
const regions = [
	{ code: 'a', dimensions: { x: 80, y: 40, z: 60 } },
	{ code: 'b', dimensions: { x: 50, y: 70, z: null } },
	{ code: 'c', dimensions: { x: null, y: null, z: 90 } }
];

describe('recompute()', () => {
	it('averages with equal weights, leaves a region under min_coverage unscored and ranks the rest', () => {
		const out = recompute(regions, { x: 1, y: 1, z: 1 }, options, DEFAULT_RATING_BANDS);
		expect(out.map((r) => [r.code, r.score, r.rank])).toEqual([
			['a', 60, 1],
			['b', null, null],
			['c', null, null]
		]);
		expect(out[1].coverage).toBeCloseTo(2 / 3, 12);
		expect(out[0].rating?.id).toBe('significant_challenges');
	});

	it('re-ranks when weights change and a zero weight drops a dimension from coverage', () => {
		const out = recompute(regions, { x: 1, y: 3, z: 0 }, options, DEFAULT_RATING_BANDS);
		expect(out.map((r) => [r.code, r.score, r.rank])).toEqual([
			['a', 50, 2],
			['b', 65, 1],
			['c', null, null]
		]);
		expect(out[1].coverage).toBe(1);
		expect(out[1].rating?.id).toBe('challenges_remain');
	});

	it('gives tied scores the same rank', () => {
		const tied = [
			{ code: 'a', dimensions: { x: 50 } },
			{ code: 'b', dimensions: { x: 50 } },
			{ code: 'c', dimensions: { x: 10 } }
		];
		expect(recompute(tied, { x: 1 }, options, DEFAULT_RATING_BANDS).map((r) => r.rank)).toEqual([
			1, 1, 3
		]);
	});
});

describe('effectiveWeights()', () => {
	it('multiplies base weights by the reader’s multiples, defaulting to 1', () => {
		expect(effectiveWeights({ a: 1, b: 2, c: 0.5 }, { b: 0.5, c: 0 })).toEqual({
			a: 1,
			b: 1,
			c: 0
		});
	});
});
