/**
 * Trends against targets, after the SDSN SDG dashboards: the actual annual change compared with
 * the annual change needed to reach the target by its year.
 */
import { COVERAGE_EPSILON } from './aggregate.ts';
import type { TrendSettings } from './profile.ts';
import { TREND_STATES, type Polarity, type TrendDetail, type TrendState } from './types.ts';

export interface YearValue {
	year: number;
	value: number;
}

/**
 * The target that applies in `year`: the one set for that year, else the first later one (the
 * goal still being worked towards, e.g. an RPJMD end-year target), else the last earlier one.
 * Only targets[from] .. targets[to − 1] are searched (the engine keeps every region's and
 * indicator's targets in one array).
 * @example selectTarget([{ year: 2021, value: 5 }, { year: 2026, value: 9 }], 2023) // { year: 2026, value: 9 }
 */
export function selectTarget(
	targets: readonly YearValue[],
	year: number,
	from = 0,
	to = targets.length
): YearValue | null {
	let later: YearValue | null = null;
	let earlier: YearValue | null = null;
	for (let k = from; k < to; k++) {
		const t = targets[k];
		if (t.year === year) return t;
		if (t.year > year) {
			if (!later || t.year < later.year) later = t;
		} else if (!earlier || t.year > earlier.year) earlier = t;
	}
	return later ?? earlier;
}

export function emptyTrendDetail(state: TrendState): TrendDetail {
	return {
		state,
		fromYear: null,
		fromValue: null,
		toYear: null,
		toValue: null,
		target: null,
		targetYear: null,
		actualRate: null,
		neededRate: null,
		ratio: null
	};
}

/**
 * Core of the indicator trend from the first and last observed values of the window (the engine
 * calls it on its arrays). `points` is the number of observed values in the window; `target` the
 * one selectTarget chose (null when none); `range` is the indicator's scoring range |best − worst|
 * (for the stable band; NaN when it has none).
 *
 * With a target (SDSN), in order: no value → `too_few_years`; latest value at or beyond the target
 * (polarity-aware) → `on_track`; fewer than `minPoints` values → `too_few_years`; otherwise, with
 * d = +1 (higher is better) or −1, actual = d(last − first) / (lastYear − firstYear) and needed =
 * d(target − first) / max(targetYear − firstYear, 1), the ratio actual/needed gives `on_track`
 * (≥ onTrackRatio), `moderately_improving` (> moderateRatio), `stagnating` (≥ 0) or `decreasing`
 * (< 0). When the first value had already met the target (needed ≤ 0) and the last has not, the
 * indicator fell away from it: `decreasing`.
 *
 * Without a target, the direction only: fewer than `minPoints` values → `too_few_years`; an annual
 * change within `stableBand` × range (× |first| when there is no range) → `stable`; else
 * `improving` or `worsening` by the sign of d × change.
 */
export function trendFromEnds(...args: Parameters<typeof trendCodeFromEnds>): TrendState {
	return TREND_STATES[trendCodeFromEnds(...args)];
}

/**
 * `trendFromEnds` as a state code (the index into TREND_STATES), the form the engine stores for
 * every region, indicator and year: no state name to look up again in its hot loop. The rates are
 * plain numbers and `rates` counts how many were computed (actual, then needed, then ratio; `out`
 * gets null for the rest): a local that may hold null or a number is a boxed number, one heap
 * allocation per computed rate, and the engine calls this for every region, indicator and year.
 */
export function trendCodeFromEnds(
	fromYear: number,
	fromValue: number,
	toYear: number,
	toValue: number,
	points: number,
	target: YearValue | null,
	polarity: Polarity,
	settings: TrendSettings,
	out?: TrendDetail,
	range = NaN
): number {
	let state: number;
	let actual = NaN;
	let needed = NaN;
	let ratio = NaN;
	let rates = 0;
	const d = polarity === 'higher' ? 1 : -1;
	if (points < 1) state = TOO_FEW;
	else if (target !== null && d * (toValue - target.value) >= 0) state = ON_TRACK;
	else if (points < settings.minPoints || toYear <= fromYear) state = TOO_FEW;
	else if (target !== null) {
		actual = (d * (toValue - fromValue)) / (toYear - fromYear);
		needed = (d * (target.value - fromValue)) / Math.max(target.year - fromYear, 1);
		rates = 2;
		if (needed <= 0) state = DECREASING;
		else {
			ratio = actual / needed;
			rates = 3;
			state = stateOfRatio(ratio, settings);
		}
	} else {
		actual = (d * (toValue - fromValue)) / (toYear - fromYear);
		rates = 1;
		const scale = Number.isFinite(range) && range > 0 ? range : Math.abs(fromValue);
		state = stateOfChange(actual, settings.stableBand * scale);
	}
	if (out)
		describeTrend(
			out,
			state,
			fromYear,
			fromValue,
			toYear,
			toValue,
			points,
			target,
			rates,
			actual,
			needed,
			ratio
		);
	return state;
}

/** SDSN's state for the ratio of the actual to the needed annual change towards a target. */
function stateOfRatio(ratio: number, settings: TrendSettings): number {
	if (ratio >= settings.onTrackRatio) return ON_TRACK;
	if (ratio > settings.moderateRatio) return MODERATELY_IMPROVING;
	return ratio >= 0 ? STAGNATING : DECREASING;
}

/** The direction of an annual change (already signed by polarity) with no target to compare with. */
function stateOfChange(actual: number, stableBand: number): number {
	if (Math.abs(actual) <= stableBand) return STABLE;
	return actual > 0 ? IMPROVING : WORSENING;
}

/**
 * The numbers behind a trend state, for the views. This, stateOfRatio and stateOfChange stand
 * apart from trendCodeFromEnds so that it stays small enough for V8 to inline into the engine's
 * loop (at most 460 bytes of bytecode; 578 before, whose call boxed three numbers a cell).
 */
function describeTrend(
	out: TrendDetail,
	state: number,
	fromYear: number,
	fromValue: number,
	toYear: number,
	toValue: number,
	points: number,
	target: YearValue | null,
	rates: number,
	actual: number,
	needed: number,
	ratio: number
): void {
	out.state = TREND_STATES[state];
	out.fromYear = points > 0 ? fromYear : null;
	out.fromValue = points > 0 ? fromValue : null;
	out.toYear = points > 0 ? toYear : null;
	out.toValue = points > 0 ? toValue : null;
	out.target = target !== null ? target.value : null;
	out.targetYear = target !== null ? target.year : null;
	out.actualRate = rates >= 1 ? actual : null;
	out.neededRate = rates >= 2 ? needed : null;
	out.ratio = rates >= 3 ? ratio : null;
}

/**
 * Indicator trend for `year` from its observed series (carried-forward values do not count) and
 * its targets; the window is the `settings.years` years ending at `year`, and starts no earlier
 * than the latest series break at or before `year`.
 * @example indicatorTrend([{ year: 2020, value: 50 }, { year: 2022, value: 60 }], [{ year: 2025, value: 75 }], 'higher', 2022, { years: 5, minPoints: 2, onTrackRatio: 1, moderateRatio: 0.5, stableBand: 0.01 }).state // 'on_track'
 */
export function indicatorTrend(
	series: readonly YearValue[],
	targets: readonly YearValue[],
	polarity: Polarity,
	year: number,
	settings: TrendSettings,
	options: { breakYears?: readonly number[]; range?: number } = {}
): TrendDetail {
	const t = selectTarget(targets, year);
	let first: YearValue | null = null;
	let last: YearValue | null = null;
	let points = 0;
	const from = Math.max(year - settings.years + 1, segmentStart(options.breakYears, year));
	for (const p of series) {
		if (p.year < from || p.year > year || !Number.isFinite(p.value)) continue;
		points++;
		if (!first || p.year < first.year) first = p;
		if (!last || p.year > last.year) last = p;
	}
	const out = emptyTrendDetail('too_few_years');
	trendFromEnds(
		first?.year ?? 0,
		first?.value ?? NaN,
		last?.year ?? 0,
		last?.value ?? NaN,
		points,
		t,
		polarity,
		settings,
		out,
		options.range
	);
	return out;
}

/**
 * The first year of the series segment that `year` is in: the latest break at or before it, or
 * −Infinity when there is none. Values before it are on another basis.
 * @example segmentStart([2024], 2025) // 2024
 */
export function segmentStart(breakYears: readonly number[] | undefined, year: number): number {
	let start = -Infinity;
	for (const b of breakYears ?? []) if (b <= year && b > start) start = b;
	return start;
}

/** Ordinal points of the four target-assessed states, used to combine children's trends. */
export const TREND_POINTS: Readonly<Record<string, number>> = {
	on_track: 3,
	moderately_improving: 2,
	stagnating: 1,
	decreasing: 0
};

const STATE_CODE = new Map<TrendState, number>(TREND_STATES.map((s, i) => [s, i]));
export const trendCode = (s: TrendState): number => STATE_CODE.get(s) as number;
const TOO_FEW = trendCode('too_few_years');
const ON_TRACK = trendCode('on_track');
const MODERATELY_IMPROVING = trendCode('moderately_improving');
const STAGNATING = trendCode('stagnating');
const DECREASING = trendCode('decreasing');
const IMPROVING = trendCode('improving');
const STABLE = trendCode('stable');
const WORSENING = trendCode('worsening');
/** Direction of each state: target states map to where they move (stagnating counts as flat). */
const DIRECTION = TREND_STATES.map((s) =>
	s === 'on_track' || s === 'moderately_improving' || s === 'improving'
		? 1
		: s === 'decreasing' || s === 'worsening'
			? -1
			: 0
);

/**
 * Whether `w` of `total` weight reaches the coverage a group trend needs. A module function, not a
 * closure in `TrendTally.state`: that runs for every group, region and year, and the closure made
 * per call (named by tsx's `__name` on top) cost half of `npm run bench -- scoring`'s full case.
 */
function enoughShare(w: number, total: number, minCoverage: number): boolean {
	return total > 0 && w > 0 && w / total >= minCoverage - COVERAGE_EPSILON;
}

/**
 * The running sums of a group trend (groupTrend's rule), to which the children are added one at
 * a time: the engine adds each child in its aggregation loop, so the children's states need no
 * copying into arrays first (that copy and a second loop were half of the aggregation's time).
 */
export class TrendTally {
	private total = 0;
	private targeted = 0;
	private directed = 0;
	private points = 0;
	private direction = 0;

	/** Starts a new group. */
	reset(): void {
		this.total = 0;
		this.targeted = 0;
		this.directed = 0;
		this.points = 0;
		this.direction = 0;
	}

	/** Adds a child by its state code (an index into TREND_STATES); a weight ≤ 0 counts for nothing. */
	add(state: number, w: number): void {
		if (!(w > 0)) return;
		this.total += w;
		if (state === TOO_FEW) return;
		this.directed += w;
		this.direction += w * DIRECTION[state];
		if (state <= 3) {
			this.targeted += w;
			this.points += w * (3 - state); // codes 0..3 are on_track..decreasing, points 3..0
		}
	}

	/** The group's trend code from the children added since the last reset. */
	state(minCoverage: number): number {
		if (enoughShare(this.targeted, this.total, minCoverage)) {
			const mean = this.points / this.targeted;
			return mean >= 2.5 ? 0 : mean >= 1.5 ? 1 : mean >= 0.5 ? 2 : 3;
		}
		if (enoughShare(this.directed, this.total, minCoverage)) {
			const mean = this.direction / this.directed;
			return mean >= 1 / 3 ? IMPROVING : mean <= -1 / 3 ? WORSENING : STABLE;
		}
		return TOO_FEW;
	}
}

/**
 * Trend of a group. When children with a target carry at least `minCoverage` of the weight: the
 * weighted mean of their trend points (on track 3, moderately improving 2, stagnating 1,
 * decreasing 0), rounded half up back to a state. Otherwise, when children with any trend carry
 * that share: the direction alone, the weighted mean of +1 (improving, on track, moderately
 * improving), 0 (stable, stagnating) and −1 (worsening, decreasing): `improving` from +⅓, `worsening`
 * from −⅓, else `stable`. Otherwise `too_few_years`.
 * @example groupTrend([{ state: 'on_track', weight: 1 }, { state: 'stagnating', weight: 1 }], 0.8) // 'moderately_improving'
 */
export function groupTrend(
	children: readonly { state: TrendState; weight: number }[],
	minCoverage: number
): TrendState {
	const tally = new TrendTally();
	for (const c of children) tally.add(trendCode(c.state), c.weight);
	return TREND_STATES[tally.state(minCoverage)];
}
