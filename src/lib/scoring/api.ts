/**
 * The JSON answer of GET /api/v1/scores, built from the engine's rich result: snake_case, null
 * scores where a group is not scored, every input needed to recompute each number.
 */
import type { ScoreResult } from './engine.ts';
import type {
	Aggregation,
	GroupBasis,
	GroupScore,
	IndicatorScore,
	Method,
	NullReason,
	Polarity,
	RatingBand,
	RegionYearScore,
	TrendState
} from './types.ts';

export interface ApiRating {
	id: string;
	label_id: string;
	label_en: string;
	colour: string;
}

export interface ApiIndicator {
	code: string;
	value: number | null;
	year_used: number | null;
	method: Method;
	worst: number | null;
	best: number | null;
	target: number | null;
	polarity: Polarity;
	weight: number;
	score: number | null;
	trend: TrendState;
	/** `bands`: the value is scored as a % of this. */
	benchmark: number | null;
	/** The year of the target used (`target` method and trend). */
	target_year: number | null;
	/** True when `year_used` is before the assessment year. */
	carried_forward: boolean;
	/** True when the value is illustrative, not a sourced figure. */
	illustrative: boolean;
	source: string | null;
	/** Who published it: bps, salinan_bps, pemerintah, berita, lainnya; `''` when not stated. */
	source_kind: string | null;
	/** The period the value measures, as printed (`Maret 2023`); `''` when not stated. */
	reference_period: string | null;
	/** Why `score` is null; null when scored. */
	reason: NullReason | null;
	/** Weight 0: shown, never scored, not counted in coverage. */
	context: boolean;
	/** First year the indicator applies (earlier years: reason `not_applicable`); null = always. */
	year_from: number | null;
}

/** What a score rests on (see GroupBasis). */
export interface ApiBasis {
	indicators: number;
	scored: number;
	carried_forward: number;
	illustrative: number;
	carried_share: number;
}

export interface ApiElement {
	code: string;
	name_id: string;
	name_en: string;
	weight: number;
	score: number | null;
	coverage: number;
	basis: ApiBasis;
	trend: TrendState;
	reason: NullReason | null;
	indicators: ApiIndicator[];
}

export interface ApiDimension {
	code: string;
	name_id: string;
	name_en: string;
	weight: number;
	score: number | null;
	rating: ApiRating | null;
	coverage: number;
	basis: ApiBasis;
	trend: TrendState;
	reason: NullReason | null;
	elements: ApiElement[];
}

export interface ApiScores {
	region_code: string;
	year: number;
	framework: string;
	profile: string;
	/** Share of a group's weight that must be scored for the group to be scored. */
	min_coverage: number;
	/** The same rule for the composite over the dimensions (1: every dimension). */
	composite_min_coverage: number;
	/** Highest share of a group's weight that may rest on values carried from earlier years. */
	max_carried_share: number;
	/** `target` method: the cap on scores above target. */
	target_cap: number;
	aggregation: Aggregation;
	/** Geometric aggregation: child scores below this are raised to it before the logarithm. */
	geometric_floor: number;
	composite: {
		score: number | null;
		rating: ApiRating | null;
		coverage: number;
		rank: number | null;
		rank_interval: [number, number] | null;
		reason: NullReason | null;
		basis: ApiBasis;
	};
	dimensions: ApiDimension[];
}

const apiBasis = (b: GroupBasis): ApiBasis => ({
	indicators: b.indicators,
	scored: b.scored,
	carried_forward: b.carried,
	illustrative: b.illustrative,
	carried_share: b.carriedShare
});

const apiRating = (b: RatingBand | null): ApiRating | null =>
	b ? { id: b.id, label_id: b.labelId, label_en: b.labelEn, colour: b.colour } : null;

const apiIndicator = (i: IndicatorScore): ApiIndicator => ({
	code: i.code,
	value: i.value,
	year_used: i.yearUsed,
	method: i.method,
	worst: i.worst,
	best: i.best,
	target: i.target,
	polarity: i.polarity,
	weight: i.weight,
	score: i.score,
	trend: i.trend,
	benchmark: i.benchmark,
	target_year: i.targetYear,
	carried_forward: i.carriedForward,
	illustrative: i.illustrative,
	source: i.trace.source,
	source_kind: i.trace.sourceKind,
	reference_period: i.trace.referencePeriod,
	reason: i.reason,
	context: i.context,
	year_from: i.yearFrom
});

const apiElement = (e: GroupScore): ApiElement => ({
	code: e.code,
	name_id: e.nameId,
	name_en: e.nameEn,
	weight: e.weight,
	score: e.score,
	coverage: e.coverage,
	basis: apiBasis(e.basis),
	trend: e.trend,
	reason: e.reason,
	indicators: e.indicators.map(apiIndicator)
});

/**
 * The API shape of one region and year (dimensions → elements → indicators; a framework deeper
 * than two node levels would need its own shape).
 * @example toApiScores(result.regionYear('33.18', 2022)!).composite.rank // 4
 */
export function toApiScores(s: RegionYearScore): ApiScores {
	return {
		region_code: s.regionCode,
		year: s.year,
		framework: s.framework,
		profile: s.profile,
		min_coverage: s.minCoverage,
		composite_min_coverage: s.compositeMinCoverage,
		max_carried_share: s.maxCarriedShare,
		target_cap: s.targetCap,
		aggregation: s.aggregation,
		geometric_floor: s.geometricFloor,
		composite: {
			score: s.composite.score,
			rating: apiRating(s.composite.rating),
			coverage: s.composite.coverage,
			rank: s.composite.rank,
			rank_interval: s.composite.rankInterval,
			reason: s.composite.reason,
			basis: apiBasis(s.composite.basis)
		},
		dimensions: s.dimensions.map((d) => ({
			code: d.code,
			name_id: d.nameId,
			name_en: d.nameEn,
			weight: d.weight,
			score: d.score,
			rating: apiRating(d.rating),
			coverage: d.coverage,
			basis: apiBasis(d.basis),
			trend: d.trend,
			reason: d.reason,
			elements: d.children.map(apiElement)
		}))
	};
}

/**
 * Shortcut: the API JSON for a region and year of a result, null when the region or year was not
 * in the call.
 * @example apiScores(scoreFramework(input), '33.18', 2022)?.dimensions.length // 6
 */
export function apiScores(result: ScoreResult, regionCode: string, year: number): ApiScores | null {
	const s = result.regionYear(regionCode, year);
	return s ? toApiScores(s) : null;
}
