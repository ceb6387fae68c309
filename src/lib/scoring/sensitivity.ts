/**
 * The rank sensitivity of a composite: Monte Carlo over its top-level weights (each ×
 * U(1 − spread, 1 + spread)), alternating arithmetic and geometric aggregation between draws when
 * the profile asks for it, and each region's rank interval from the ranks of all draws. Pure and
 * columnar; the engine (`engine.ts`) lays out the children's scores and calls it once per year.
 */
import { COVERAGE_EPSILON } from './aggregate.ts';
import type { SensitivitySettings } from './profile.ts';
import { competitionRanks, mulberry32, rankIntervalsFromDraws } from './rank.ts';
import type { Aggregation } from './types.ts';

export interface SensitivityInput {
	/**
	 * The composite's children's scores per region (NaN: none), laid out [region × nChildren +
	 * child], once under each aggregation of `modes` (an indicator child's score is the same in both).
	 */
	childScores: [Float64Array, Float64Array];
	/** The profile's aggregation, then the other one. */
	modes: [Aggregation, Aggregation];
	/** The children's weights this year. */
	weights: ArrayLike<number>;
	/** The main run's rank of each region (0: not ranked, so not in the draws). */
	baseRanks: ArrayLike<number>;
	settings: SensitivitySettings;
	geometricFloor: number;
	/** The composite's coverage rule: the share of its weight that needs a score. */
	minCoverage: number;
}

/**
 * Each region's rank interval at the settings' percentiles over the draws (null: not ranked).
 * Consumes `childScores` (the geometric mode's scores become their logarithms).
 * @example rankIntervalsBySensitivity({ childScores, modes: ['arithmetic', 'geometric'], … })[r] // [2, 4]
 */
export function rankIntervalsBySensitivity(input: SensitivityInput): ([number, number] | null)[] {
	const { childScores, modes, weights, baseRanks, settings, geometricFloor: floor } = input;
	const { draws, weightSpread, seed, includeGeometric, percentiles } = settings;
	const nReg = baseRanks.length;
	const nc = weights.length;
	// Geometric means are arithmetic means of logs: take the logs once, not once per draw.
	modes.forEach((mode, m) => {
		if (mode !== 'geometric') return;
		const cs = childScores[m];
		for (let k = 0; k < cs.length; k++) {
			const v = cs[k];
			if (v === v) cs[k] = Math.log(v < floor ? floor : v);
		}
	});
	const rand = mulberry32(seed);
	const w = new Float64Array(nc);
	// Only regions with a main composite take part: one unscored in the main run must neither
	// get an interval nor push the others down in the draws that happen to score it.
	const inRun: number[] = [];
	for (let r = 0; r < nReg; r++) if (baseRanks[r] > 0) inRun.push(r);
	const comp = new Float64Array(nReg).fill(NaN);
	const ranks = new Int32Array(draws * nReg);
	const sortScratch = new Float64Array(nReg);
	const minCov = input.minCoverage - COVERAGE_EPSILON;
	for (let d = 0; d < draws; d++) {
		let total = 0;
		for (let k = 0; k < nc; k++) {
			w[k] = weights[k] * (1 - weightSpread + 2 * weightSpread * rand());
			if (w[k] > 0) total += w[k];
		}
		const m = includeGeometric && d % 2 === 1 ? 1 : 0;
		const cs = childScores[m];
		const geometric = modes[m] === 'geometric';
		for (let q = 0; q < inRun.length; q++) {
			const r = inRun[q];
			let scored = 0;
			let acc = 0;
			for (let k = 0, at = r * nc; k < nc; k++, at++) {
				const v = cs[at];
				if (v === v && w[k] > 0) {
					scored += w[k];
					acc += w[k] * v;
				}
			}
			comp[r] =
				total > 0 && scored > 0 && scored / total >= minCov
					? geometric
						? Math.exp(acc / scored)
						: acc / scored
					: NaN;
		}
		competitionRanks(comp, ranks.subarray(d * nReg, d * nReg + nReg), sortScratch);
	}
	return rankIntervalsFromDraws(ranks, nReg, draws, baseRanks, percentiles);
}
