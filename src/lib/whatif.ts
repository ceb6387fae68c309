/**
 * What-if weights in the browser: the composite and ranks of every compared region recomputed
 * from their dimension scores with the scoring module's own aggregation, ranking and rating, so
 * the sliders give the same numbers as the server (dimension scores do not depend on dimension
 * weights; only the composite does).
 */
import { formatNumber, formatScore, MISSING, type Locale } from './format';
import { ratingClass } from './rating-class';
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

/**
 * What the scorecard's what-if script needs to redraw the headline in the browser: the page itself
 * sends no data for hydration (it is not hydrated), so this rides in a JSON block beside the form.
 * `words` are the page's sentences in its language, rendered on the server with `{score}`, `{rank}`
 * and `{n}` left in, so the script carries no message catalogue of its own.
 */
export interface WhatIfPayload {
	region: string;
	locale: Locale;
	peers: WhatIfRegion[];
	baseWeights: Record<string, number>;
	/** The multiples the page was rendered with (the URL's weights, 1 where absent). */
	rendered: Record<string, number>;
	options: AggregateOptions;
	bands: RatingBand[];
	words: { result: string; rank: string; notScored: string };
}

/** The headline and the form as the sliders' multiples give them, in the page's language. */
export interface WhatIfView {
	/** The multiples differ from the rendered ones: the headline shows this view, not the page's. */
	changed: boolean;
	/** Some multiple is not 1: the page says its scores use the reader's weights. */
	active: boolean;
	score: string;
	ratingClass: string;
	ratingLabel: string;
	/** Empty when the region has no rank under these weights. */
	rank: string;
	result: string;
	/** Dimension code → the multiple as the slider's output shows it. */
	multiples: Record<string, string>;
}

/**
 * A server-rendered sentence with its `{name}` slots filled.
 * @example fillSlots('Peringkat {rank} dari {n}', { rank: 2, n: 6 }) === 'Peringkat 2 dari 6'
 */
export function fillSlots(template: string, values: Record<string, string | number>): string {
	return template.replace(/\{(\w+)\}/g, (slot, name: string) =>
		name in values ? String(values[name]) : slot
	);
}

/** `payload.region` under `multiples`, and how many regions have a rank under them. */
export interface WhatIfOutcome {
	live: WhatIfResult | undefined;
	ranked: number;
}

/**
 * The recompute behind a what-if view: the page's headline and whatIfView both read it, so the
 * server recomputes once per render.
 */
export function whatIfOutcome(
	payload: Pick<WhatIfPayload, 'region' | 'peers' | 'baseWeights' | 'options' | 'bands'>,
	multiples: Readonly<Record<string, number>>
): WhatIfOutcome {
	const results = recompute(
		payload.peers,
		effectiveWeights(payload.baseWeights, multiples),
		payload.options,
		payload.bands
	);
	return {
		live: results.find((r) => r.code === payload.region),
		// Ranks are among the regions that have a composite under these weights, not all listed.
		ranked: results.filter((r) => r.rank !== null).length
	};
}

/**
 * The what-if view of `payload.region` under `multiples`: the same recompute as the page's own, so
 * the browser and the server print the same numbers. `outcome`: the recompute, when the caller
 * has it already.
 */
export function whatIfView(
	payload: WhatIfPayload,
	multiples: Readonly<Record<string, number>>,
	{ live, ranked }: WhatIfOutcome = whatIfOutcome(payload, multiples)
): WhatIfView {
	const codes = Object.keys(payload.baseWeights);
	const of = (m: Readonly<Record<string, number>>, c: string) => m[c] ?? 1;
	const score = formatScore(live?.score ?? null, payload.locale);
	const rating = live?.rating ?? null;
	return {
		changed: codes.some((c) => of(multiples, c) !== of(payload.rendered, c)),
		active: codes.some((c) => of(multiples, c) !== 1),
		score,
		ratingClass: ratingClass(rating?.colour),
		ratingLabel: rating
			? payload.locale === 'en'
				? rating.labelEn
				: rating.labelId
			: payload.words.notScored,
		rank: live?.rank == null ? '' : fillSlots(payload.words.rank, { rank: live.rank, n: ranked }),
		result: fillSlots(payload.words.result, { score, rank: live?.rank ?? MISSING, n: ranked }),
		multiples: Object.fromEntries(
			codes.map((c) => [c, formatNumber(of(multiples, c), payload.locale, { decimals: 1 })])
		)
	};
}
