import { describe, expect, it } from 'vitest';
import { rankIntervalsBySensitivity, type SensitivityInput } from './sensitivity.ts';

const settings = {
	draws: 20,
	weightSpread: 0,
	seed: 1,
	includeGeometric: false,
	percentiles: [5, 95] as [number, number]
};
// Three regions, two children each: [r × 2 + k].
const input = (over: Partial<SensitivityInput> = {}): SensitivityInput => ({
	childScores: [
		Float64Array.from([80, 60, 50, 88, 10, 20]),
		Float64Array.from([80, 60, 50, 88, 10, 20])
	],
	modes: ['arithmetic', 'geometric'],
	weights: [1, 1],
	baseRanks: [1, 2, 3],
	settings,
	geometricFloor: 1,
	minCoverage: 0.5,
	...over
});

describe('rankIntervalsBySensitivity()', () => {
	it('collapses to the base rank when the weights cannot move and the aggregation is fixed', () => {
		expect(rankIntervalsBySensitivity(input())).toEqual([
			[1, 1],
			[2, 2],
			[3, 3]
		]);
	});

	it('a region not ranked in the main run gets no interval and ranks nobody down', () => {
		expect(rankIntervalsBySensitivity(input({ baseRanks: [1, 0, 2] }))).toEqual([
			[1, 1],
			null,
			[2, 2]
		]);
	});

	it('weights that move can swap two close regions: the interval spans both ranks', () => {
		// 80/60 (70) and 50/88 (69): a heavier second child puts the second region first.
		const [a, b, c] = rankIntervalsBySensitivity(
			input({ settings: { ...settings, weightSpread: 0.5, draws: 200 } })
		);
		expect(a).toEqual([1, 2]);
		expect(b).toEqual([1, 2]);
		expect(c).toEqual([3, 3]);
	});

	it('alternating aggregation takes the geometric scores as logarithms, once', () => {
		const geometric = Float64Array.from([80, 60, 50, 90, 10, 0.5]);
		const run = input({
			childScores: [Float64Array.from([80, 60, 50, 88, 10, 20]), geometric],
			settings: { ...settings, includeGeometric: true }
		});
		rankIntervalsBySensitivity(run);
		expect(Array.from(geometric)).toEqual(
			[80, 60, 50, 90, 10, 0.5].map((v) => Math.log(Math.max(v, 1)))
		);
	});

	it('a region under the coverage rule drops out of every draw: the others move up, each interval keeps its base rank', () => {
		const scores = Float64Array.from([80, NaN, 50, 88, 10, 20]);
		expect(
			rankIntervalsBySensitivity(
				input({ childScores: [scores, Float64Array.from(scores)], minCoverage: 0.75 })
			)
		).toEqual([
			[1, 1],
			[1, 2],
			[2, 3]
		]);
	});
});
