/**
 * Aggregation of child scores into a group score, with the coverage rule: a group is scored only
 * when its scored children carry at least `minCoverage` of its weight (children of weight 0 are
 * context and count for neither side).
 */
import type { Aggregation } from './types.ts';

/**
 * Tolerance for the coverage comparison, so 0.4 + 0.4 out of 1 counts as exactly 0.8 despite
 * floating-point rounding.
 */
export const COVERAGE_EPSILON = 1e-9;

export interface AggregateOptions {
	aggregation: Aggregation;
	minCoverage: number;
	/** Geometric mean only: scores below this floor are raised to it, so a 0 does not zero the group. */
	geometricFloor: number;
}

export interface AggregateOut {
	score: number;
	coverage: number;
	scoredWeight: number;
	totalWeight: number;
}

/**
 * Core of `aggregate` on parallel arrays (the engine's hot loop); NaN marks a missing score and
 * `out.score` is NaN when the group is not scored. Scores are read from `scores[offset + k]`.
 */
export function aggregateArrays(
	scores: ArrayLike<number>,
	weights: ArrayLike<number>,
	n: number,
	aggregation: Aggregation,
	minCoverage: number,
	geometricFloor: number,
	out: AggregateOut,
	offset = 0
): AggregateOut {
	let total = 0;
	let scored = 0;
	let acc = 0;
	const geometric = aggregation === 'geometric';
	for (let k = 0; k < n; k++) {
		const w = weights[k];
		if (!(w > 0)) continue;
		total += w;
		const s = scores[offset + k];
		if (s !== s) continue;
		scored += w;
		acc += geometric ? w * Math.log(s < geometricFloor ? geometricFloor : s) : w * s;
	}
	out.totalWeight = total;
	out.scoredWeight = scored;
	out.coverage = total > 0 ? scored / total : 0;
	if (total > 0 && scored > 0 && out.coverage >= minCoverage - COVERAGE_EPSILON) {
		out.score = geometric ? Math.exp(acc / scored) : acc / scored;
	} else {
		out.score = NaN;
	}
	return out;
}

export interface ChildScore {
	score: number | null;
	weight: number;
}

export interface AggregateResult {
	score: number | null;
	coverage: number;
	reason: 'insufficient_data' | null;
}

/**
 * Weighted arithmetic mean `Σ wᵢsᵢ / Σ wᵢ` or geometric mean `exp(Σ wᵢ ln max(sᵢ, floor) / Σ wᵢ)`
 * over the scored children, null when their weight share is below `minCoverage`.
 * @example aggregate([{ score: 80, weight: 1 }, { score: 40, weight: 3 }], { aggregation: 'arithmetic', minCoverage: 0.8, geometricFloor: 1 }).score // 50
 */
export function aggregate(
	children: readonly ChildScore[],
	options: AggregateOptions
): AggregateResult {
	const n = children.length;
	const scores = new Float64Array(n);
	const weights = new Float64Array(n);
	children.forEach((c, k) => {
		scores[k] = c.score === null ? NaN : c.score;
		weights[k] = c.weight;
	});
	const out = aggregateArrays(
		scores,
		weights,
		n,
		options.aggregation,
		options.minCoverage,
		options.geometricFloor,
		{ score: NaN, coverage: 0, scoredWeight: 0, totalWeight: 0 }
	);
	const scored = out.score === out.score;
	return {
		score: scored ? out.score : null,
		coverage: out.coverage,
		reason: scored ? null : 'insufficient_data'
	};
}
