/**
 * What-if weights in the browser: the composite and ranks of every compared region recomputed
 * from their dimension scores with the scoring module's own aggregation, ranking and rating, so
 * the sliders give the same numbers as the server (dimension scores do not depend on dimension
 * weights; only the composite does).
 */
import { aggregate, type AggregateOptions } from './scoring/aggregate';
import { competitionRanks } from './scoring/rank';
import { rateScore } from './scoring/rating';
import type { RatingBand } from './scoring/types';

export interface WhatIfRegion {
	code: string;
	/** Dimension code → score (null when the dimension is not scored). */
	dimensions: Record<string, number | null>;
}

export interface WhatIfResult {
	code: string;
	score: number | null;
	coverage: number;
	rating: RatingBand | null;
	/** 1 = best; null when unscored. */
	rank: number | null;
}

/**
 * Composite scores and ranks under `weights` (dimension code → weight; a missing code weighs 0).
 * @example recompute([{ code: 'a', dimensions: { x: 80, y: 40 } }], { x: 1, y: 3 }, opts, bands)[0].score // 50
 */
export function recompute(
	regions: readonly WhatIfRegion[],
	weights: Readonly<Record<string, number>>,
	options: AggregateOptions,
	bands: readonly RatingBand[]
): WhatIfResult[] {
	const codes = Object.keys(weights);
	const composites = regions.map((r) =>
		aggregate(
			codes.map((c) => ({ score: r.dimensions[c] ?? null, weight: weights[c] })),
			options
		)
	);
	const ranks = competitionRanks(composites.map((c) => c.score));
	return regions.map((r, i) => ({
		code: r.code,
		score: composites[i].score,
		coverage: composites[i].coverage,
		rating: rateScore(composites[i].score, bands),
		rank: ranks[i] === 0 ? null : ranks[i]
	}));
}

/**
 * Effective weights: each dimension's base weight times the reader's multiple (default 1).
 * @example effectiveWeights({ a: 1, b: 2 }, { b: 0.5 }) // { a: 1, b: 1 }
 */
export function effectiveWeights(
	base: Readonly<Record<string, number>>,
	multiples: Readonly<Record<string, number>>
): Record<string, number> {
	return Object.fromEntries(Object.entries(base).map(([c, w]) => [c, w * (multiples[c] ?? 1)]));
}
