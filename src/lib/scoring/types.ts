/**
 * Plain input and result types of the scoring engine. Deliberately independent of the database
 * schema (the engine also runs in the browser and in CLI scripts): callers map their rows to these.
 */

export const POLARITIES = ['higher', 'lower'] as const;
export const VALUE_TYPES = ['number', 'percent', 'count', 'level'] as const;
export const METHODS = ['minmax', 'target', 'bands', 'level'] as const;
/**
 * Trend states. The first four measure progress towards a target (SDSN); the next three are the
 * direction alone, for an indicator without a real target (never "on track": there is nothing to be
 * on track for); `too_few_years` when the window has fewer values than the profile asks for.
 */
export const TREND_STATES = [
	'on_track',
	'moderately_improving',
	'stagnating',
	'decreasing',
	'improving',
	'stable',
	'worsening',
	'too_few_years'
] as const;
/** The states that compare with a target. */
export const TARGET_TREND_STATES = [
	'on_track',
	'moderately_improving',
	'stagnating',
	'decreasing'
] as const;

export type Polarity = (typeof POLARITIES)[number];
export type ValueType = (typeof VALUE_TYPES)[number];
export type Method = (typeof METHODS)[number];
export type TrendState = (typeof TREND_STATES)[number];
export type Aggregation = 'arithmetic' | 'geometric';

/**
 * Why a score is null. `context`: weight 0, shown but never scored; `insufficient_data`: a group
 * whose scored children carry less than `min_coverage` of its weight; `stale_data`: a group with
 * enough inputs, but more than `max_carried_share` of them carried from earlier years; `not_applicable`: an
 * indicator in a year before its `yearFrom`, or a group all of whose weighted children are not
 * applicable that year (its weight then leaves its parent's total, like a context indicator's).
 */
export const NULL_REASONS = [
	'no_value',
	'no_target',
	'invalid_bounds',
	'invalid_value',
	'context',
	'insufficient_data',
	'not_applicable',
	'stale_data'
] as const;
export type NullReason = (typeof NULL_REASONS)[number];

/** A node of the framework tree: a GM100SC dimension or element, an SPBE domain or aspect. */
export interface FrameworkNodeInput {
	code: string;
	/** null for a top-level node (dimension, domain). */
	parentCode: string | null;
	level: string;
	nameId: string;
	nameEn: string;
	weight: number;
	sortOrder?: number;
}

/**
 * An indicator as the engine scores it. Not the import's `IndicatorInput` (server/db/imports.ts),
 * which is the indicators row an import writes, with texts, OPD and `breakYears` as text.
 */
export interface EngineIndicator {
	code: string;
	/** The node the indicator belongs to (an element or aspect). */
	elementCode: string;
	nameId?: string;
	nameEn?: string;
	unit?: string;
	polarity: Polarity;
	valueType: ValueType;
	method: Method;
	worst: number | null;
	best: number | null;
	benchmark: number | null;
	/** 0 = context indicator: shown, never scored, not counted in coverage. */
	weight: number;
	/**
	 * First assessment year the indicator exists (QRIS merchants from 2020, say); before it the
	 * indicator is not applicable and its observations are not used. null/absent = always.
	 */
	yearFrom?: number | null;
	/**
	 * Years from which the series is on a new basis (BPS's life expectancy from 2024): a value
	 * from before a break is neither carried forward past it nor compared with a value after it.
	 */
	breakYears?: readonly number[];
	sortOrder?: number;
}

/**
 * A framework as the engine scores it: its tree and indicators. Not the import's `FrameworkInput`,
 * which is the frameworks row (version, years in force, source) without the tree.
 */
export interface EngineFramework {
	code: string;
	nameId: string;
	nameEn: string;
	nodes: readonly FrameworkNodeInput[];
	indicators: readonly EngineIndicator[];
}

/**
 * An observed value as the engine scores it; provenance optional. Not the import's
 * `ObservationInput`, which is the row written, with its note and spreadsheet row.
 */
export interface EngineObservation {
	regionCode: string;
	indicatorCode: string;
	year: number;
	value: number;
	illustrative?: boolean;
	source?: string;
	/** Provenance carried through to the scores (the engine never reads it). */
	sourceKind?: string;
	referencePeriod?: string;
}

/**
 * A region's target for an indicator and year as the engine reads it. Not the import's
 * `TargetInput`, which also writes the target's source document.
 */
export interface EngineTarget {
	regionCode: string;
	indicatorCode: string;
	year: number;
	value: number;
}

/** A rating band of the profile: a score at or above `min` (and below the next band) gets it. */
export interface RatingBand {
	id: string;
	min: number;
	labelId: string;
	labelEn: string;
	/** A colour key (green, yellow, orange, red) that the pages map to their palette. */
	colour: string;
}

/** What a trend was computed from, so a reader can redo it. */
export interface TrendDetail {
	state: TrendState;
	fromYear: number | null;
	fromValue: number | null;
	toYear: number | null;
	toValue: number | null;
	target: number | null;
	targetYear: number | null;
	/** Actual annual change, signed so that positive means "better" for the polarity. */
	actualRate: number | null;
	/** Annual change needed from `fromValue` to reach the target by its year, same sign rule. */
	neededRate: number | null;
	/** actualRate / neededRate. */
	ratio: number | null;
}

export interface IndicatorTrace {
	method: Method;
	polarity: Polarity;
	value: number | null;
	yearUsed: number | null;
	carriedForward: boolean;
	illustrative: boolean;
	source: string | null;
	/** Who published the value and the period it measures (`''` when the data did not say). */
	sourceKind: string | null;
	referencePeriod: string | null;
	worst: number | null;
	best: number | null;
	target: number | null;
	targetYear: number | null;
	benchmark: number | null;
	/** `bands`: the value as % of the benchmark (polarity-aware) and the U4SSC points 1–4. */
	percentOfBenchmark: number | null;
	points: number | null;
	/** `target`: the cap applied to scores above target. */
	targetCap: number | null;
	weight: number;
	/** The computation written out with the numbers, e.g. `(65 − 40) / (90 − 40) × 100 = 50`. */
	formula: string;
}

export interface IndicatorScore {
	code: string;
	nameId: string;
	nameEn: string;
	unit: string;
	method: Method;
	polarity: Polarity;
	valueType: ValueType;
	weight: number;
	/** True for a weight-0 (context) indicator. */
	context: boolean;
	/** First year the indicator applies; null = always. */
	yearFrom: number | null;
	value: number | null;
	yearUsed: number | null;
	carriedForward: boolean;
	illustrative: boolean;
	worst: number | null;
	best: number | null;
	benchmark: number | null;
	target: number | null;
	targetYear: number | null;
	score: number | null;
	reason: NullReason | null;
	trend: TrendState;
	trendDetail: TrendDetail;
	trace: IndicatorTrace;
}

export interface GroupChildTrace {
	code: string;
	kind: 'group' | 'indicator';
	weight: number;
	score: number | null;
	/** False when the child is not applicable this year: its weight is then outside the total. */
	applicable: boolean;
	/** Counted in the mean: weight > 0, applicable and a score. */
	scored: boolean;
}

export interface GroupTrace {
	aggregation: Aggregation;
	/** The coverage this group needs (the composite's own rule for the root). */
	minCoverage: number;
	/**
	 * Share of the scored weight carried from earlier years, and the most allowed: null for an
	 * element, which may rest on a carried value (the limit binds its dimension).
	 */
	carriedShare: number;
	maxCarriedShare: number | null;
	/** Floor applied to child scores before the logarithm (geometric aggregation only). */
	geometricFloor: number | null;
	children: GroupChildTrace[];
	scoredWeight: number;
	totalWeight: number;
	coverage: number;
	formula: string;
}

/** What a group's score rests on: its indicators (all levels below it) in the assessed year. */
export interface GroupBasis {
	/** Indicators with weight > 0 that apply this year. */
	indicators: number;
	/** Of those, the ones with a score. */
	scored: number;
	/** Of the scored, the ones whose value was carried forward from an earlier year. */
	carried: number;
	/** Of the scored, the ones whose value is illustrative (demo data only). */
	illustrative: number;
	/** Share of the group's score weight that comes from carried values (0 when unscored). */
	carriedShare: number;
}

export interface GroupScore {
	code: string;
	level: string;
	nameId: string;
	nameEn: string;
	weight: number;
	score: number | null;
	reason: NullReason | null;
	rating: RatingBand | null;
	coverage: number;
	basis: GroupBasis;
	trend: TrendState;
	/** Child groups (elements of a dimension); empty for a leaf group. */
	children: GroupScore[];
	/** Indicators attached directly to this group. */
	indicators: IndicatorScore[];
	trace: GroupTrace;
}

export interface CompositeScore extends GroupScore {
	/** 1 = best among the regions scored in the same call; ties share a rank; null if unscored. */
	rank: number | null;
	/** Rank interval from the sensitivity analysis; null when it was not run or the rank is null. */
	rankInterval: [number, number] | null;
	/** How many regions had a composite score that year (the denominator of the rank). */
	rankedRegions: number;
}

/** The rich, camelCase result for pages: everything of one region and year, with traces. */
export interface RegionYearScore {
	regionCode: string;
	year: number;
	framework: string;
	profile: string;
	minCoverage: number;
	compositeMinCoverage: number;
	maxCarriedShare: number;
	/** Profile settings a reader needs to recompute the numbers. */
	targetCap: number;
	aggregation: Aggregation;
	geometricFloor: number;
	composite: CompositeScore;
	/** The top-level groups: GM100SC dimensions, or an SPBE framework's domains (API name kept). */
	dimensions: GroupScore[];
	/** True when any value that entered a score is illustrative: pages must say so. */
	hasIllustrative: boolean;
	/** True when any value that entered a score was carried forward from an earlier year. */
	hasCarriedForward: boolean;
}
