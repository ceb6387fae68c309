import { describe, expect, it } from 'vitest';
import { DEFAULT_RATING_BANDS } from './scoring/profile';
import { effectiveWeights, fillSlots, recompute, whatIfView, type WhatIfPayload } from './whatif';

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

describe('fillSlots()', () => {
	it('fills named slots and leaves an unknown one as it is', () => {
		expect(fillSlots('Peringkat {rank} dari {n} wilayah', { rank: 2, n: 6 })).toBe(
			'Peringkat 2 dari 6 wilayah'
		);
		expect(fillSlots('{score} ({unknown})', { score: '45,3' })).toBe('45,3 ({unknown})');
	});
});

describe('whatIfView()', () => {
	const payload = (locale: 'id' | 'en', region: string, rendered = {}): WhatIfPayload => ({
		region,
		locale,
		peers: regions,
		baseWeights: { x: 1, y: 1, z: 1 },
		rendered,
		options,
		bands: [...DEFAULT_RATING_BANDS],
		words:
			locale === 'id'
				? {
						result: 'Dengan bobot ini: indeks komposit {score}, peringkat {rank} dari {n}.',
						rank: 'Peringkat {rank} dari {n} wilayah',
						notScored: 'belum diskor (data kurang)'
					}
				: {
						result: 'With these weights: composite index {score}, rank {rank} of {n}.',
						rank: 'Rank {rank} of {n} regions',
						notScored: 'not scored (insufficient data)'
					}
	});

	it('at the rendered weights is unchanged and, at the defaults, not active', () => {
		expect(whatIfView(payload('id', 'a'), {})).toEqual({
			changed: false,
			active: false,
			score: '60,0',
			ratingClass: 'rating-orange',
			ratingLabel: 'Tantangan signifikan',
			rank: 'Peringkat 1 dari 1 wilayah',
			result: 'Dengan bobot ini: indeks komposit 60,0, peringkat 1 dari 1.',
			multiples: { x: '1,0', y: '1,0', z: '1,0' }
		});
	});

	it('recomputes score, rating and rank among the regions scored under the new weights', () => {
		expect(whatIfView(payload('id', 'a'), { y: 3, z: 0 })).toEqual({
			changed: true,
			active: true,
			score: '50,0',
			ratingClass: 'rating-orange',
			ratingLabel: 'Tantangan signifikan',
			rank: 'Peringkat 2 dari 2 wilayah',
			result: 'Dengan bobot ini: indeks komposit 50,0, peringkat 2 dari 2.',
			multiples: { x: '1,0', y: '3,0', z: '0,0' }
		});
	});

	it('speaks English with English numbers', () => {
		const view = whatIfView(payload('en', 'c'), { x: 0, y: 0 });
		expect([view.score, view.ratingClass, view.ratingLabel, view.rank, view.result]).toEqual([
			'90.0',
			'rating-green',
			'Achieved',
			'Rank 1 of 2 regions',
			'With these weights: composite index 90.0, rank 1 of 2.'
		]);
	});

	it('with every weight at zero has no score, no rating and no rank, and says so', () => {
		const view = whatIfView(payload('id', 'a'), { x: 0, y: 0, z: 0 });
		expect([view.score, view.ratingClass, view.ratingLabel, view.rank, view.result]).toEqual([
			'–',
			'rating-none',
			'belum diskor (data kurang)',
			'',
			'Dengan bobot ini: indeks komposit –, peringkat – dari 0.'
		]);
	});

	it('is unchanged at weights the page was rendered with, and still active', () => {
		const view = whatIfView(payload('id', 'a', { y: 3 }), { y: 3 });
		expect([view.changed, view.active]).toEqual([false, true]);
		expect(whatIfView(payload('id', 'a', { y: 3 }), {}).changed).toBe(true);
	});
});
