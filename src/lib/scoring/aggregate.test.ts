import { describe, expect, it } from 'vitest';
import { aggregate, type AggregateOptions } from './aggregate.ts';

const arith: AggregateOptions = { aggregation: 'arithmetic', minCoverage: 0.8, geometricFloor: 1 };
const geo: AggregateOptions = { ...arith, aggregation: 'geometric' };

describe('aggregate()', () => {
	it('takes the weighted arithmetic mean of scored children', () => {
		expect(
			aggregate(
				[
					{ score: 80, weight: 1 },
					{ score: 40, weight: 3 }
				],
				arith
			)
		).toEqual({
			score: 50,
			coverage: 1,
			reason: null
		});
	});
	it('scores a group whose scored weight share is exactly 0.8', () => {
		const kids = [70, 70, 70, 70, null].map((score) => ({ score, weight: 1 }));
		expect(aggregate(kids, arith)).toEqual({ score: 70, coverage: 0.8, reason: null });
	});
	it('scores a group at 0.8 reached through floating-point sums (0.4 + 0.4 of 1)', () => {
		const r = aggregate(
			[
				{ score: 60, weight: 0.4 },
				{ score: 80, weight: 0.4 },
				{ score: null, weight: 0.2 }
			],
			arith
		);
		expect(r.score).toBeCloseTo(70, 12);
		expect(r.reason).toBeNull();
	});
	it('leaves a group at 0.79 coverage unscored with reason insufficient_data', () => {
		expect(
			aggregate(
				[
					{ score: 90, weight: 79 },
					{ score: null, weight: 21 }
				],
				arith
			)
		).toEqual({ score: null, coverage: 0.79, reason: 'insufficient_data' });
	});
	it('ignores weight-0 (context) children for both the mean and the coverage', () => {
		expect(
			aggregate(
				[
					{ score: null, weight: 0 },
					{ score: 0, weight: 0 },
					{ score: 60, weight: 1 }
				],
				arith
			)
		).toEqual({ score: 60, coverage: 1, reason: null });
	});
	it.each([
		['no children', []],
		['only weight-0 children', [{ score: 50, weight: 0 }]],
		['only unscored children', [{ score: null, weight: 1 }]]
	])('gives null and coverage 0 for %s', (_, kids) => {
		expect(aggregate(kids, arith)).toEqual({
			score: null,
			coverage: 0,
			reason: 'insufficient_data'
		});
	});
	it('takes the weighted geometric mean with the profile option', () => {
		expect(
			aggregate(
				[
					{ score: 100, weight: 1 },
					{ score: 25, weight: 1 }
				],
				geo
			).score
		).toBeCloseTo(50, 12);
		expect(
			aggregate(
				[
					{ score: 10, weight: 2 },
					{ score: 100, weight: 1 }
				],
				geo
			).score
		).toBeCloseTo(Math.cbrt(10 * 10 * 100), 12);
	});
	it('floors zero scores at geometricFloor before the logarithm', () => {
		expect(
			aggregate(
				[
					{ score: 0, weight: 1 },
					{ score: 100, weight: 1 }
				],
				geo
			).score
		).toBeCloseTo(10, 12);
		expect(
			aggregate(
				[
					{ score: 0, weight: 1 },
					{ score: 100, weight: 1 }
				],
				{ ...geo, geometricFloor: 4 }
			).score
		).toBeCloseTo(20, 12);
	});
});
