/**
 * Indicator scores 0–100 for the four methods. Every function returns null when the score cannot
 * be computed; the engine then records why (see `nullReason`).
 */
import type { EngineIndicator, Method, NullReason, Polarity } from './types.ts';

const clamp = (x: number, lo: number, hi: number) => (x < lo ? lo : x > hi ? hi : x);

/**
 * Min–max: `clamp((x − worst) / (best − worst) × 100, 0, 100)`; for lower-is-better indicators
 * `best < worst`, so the same formula reverses. Null when a bound is missing or worst = best.
 * @example scoreMinmax(65, 40, 90) // 50
 */
export function scoreMinmax(
	value: number,
	worst: number | null,
	best: number | null
): number | null {
	if (worst === null || best === null || !Number.isFinite(worst) || !Number.isFinite(best))
		return null;
	if (worst === best || !Number.isFinite(value)) return null;
	return clamp(((value - worst) / (best - worst)) * 100, 0, 100);
}

/**
 * Distance to target (Bappenas style), 100 = target met:
 * - higher is better, target > 0: `value / target × 100`;
 * - lower is better, value > 0: `target / value × 100` (a target of 0 gives 0 until the value is 0);
 * - otherwise (a target ≤ 0 for higher, a value ≤ 0 for lower) no ratio exists: met → 100, not met → 0.
 * The result is clamped to [0, cap]; cap = 100 means exceeding a target earns nothing extra.
 * @example scoreTarget(45, 60, 'higher') // 75
 */
export function scoreTarget(
	value: number,
	target: number | null,
	polarity: Polarity,
	cap = 100
): number | null {
	if (target === null || !Number.isFinite(target) || !Number.isFinite(value)) return null;
	if (polarity === 'higher') {
		if (target > 0) return clamp((value / target) * 100, 0, cap);
		return value >= target ? 100 : 0;
	}
	if (value > 0) return clamp((target / value) * 100, 0, cap);
	return value <= target ? 100 : 0;
}

/** U4SSC band edges in % of the benchmark; a value on an edge earns the upper band's points. */
export const BAND_EDGES = [33, 66, 95] as const;

/**
 * Value as % of the benchmark, polarity-aware: `value / benchmark × 100` (higher is better) or
 * `benchmark / value × 100` (lower is better; a value ≤ 0 counts as infinitely good).
 * Null when the benchmark is missing or not above 0.
 * @example percentOfBenchmark(50, 200, 'higher') // 25
 */
export function percentOfBenchmark(
	value: number,
	benchmark: number | null,
	polarity: Polarity
): number | null {
	if (benchmark === null || !Number.isFinite(benchmark) || benchmark <= 0) return null;
	if (!Number.isFinite(value)) return null;
	// × 100 first: 66 × 100 / 100 is exactly 66, 66 / 100 × 100 is not.
	if (polarity === 'higher') return (value * 100) / benchmark;
	return value > 0 ? (benchmark * 100) / value : Infinity;
}

/**
 * U4SSC points 1–4: below 33 % of the benchmark 1, 33–66 % 2, 66–95 % 3, from 95 % 4.
 * @example bandPoints(70, 100, 'higher') // 3
 */
export function bandPoints(
	value: number,
	benchmark: number | null,
	polarity: Polarity
): number | null {
	const pct = percentOfBenchmark(value, benchmark, polarity);
	if (pct === null) return null;
	if (pct >= BAND_EDGES[2]) return 4;
	if (pct >= BAND_EDGES[1]) return 3;
	if (pct >= BAND_EDGES[0]) return 2;
	return 1;
}

/**
 * Bands method: points / 4 × 100 (25, 50, 75, 100). Chosen over (points − 1) / 3 so that an
 * equal-weight mean of these scores equals U4SSC's own group score Σ points / (4 × KPIs) × 100.
 * @example scoreBands(96, 100, 'higher') // 100
 */
export function scoreBands(
	value: number,
	benchmark: number | null,
	polarity: Polarity
): number | null {
	const pts = bandPoints(value, benchmark, polarity);
	return pts === null ? null : pts * 25;
}

/**
 * Capability level 1–5 (SPBE) → (level − 1) / 4 × 100; null outside [1, 5]. Linear, so a weighted
 * mean of these scores is (SPBE index − 1) / 4 × 100.
 * @example scoreLevel(3) // 50
 */
export function scoreLevel(level: number): number | null {
	if (!Number.isFinite(level) || level < 1 || level > 5) return null;
	return ((level - 1) / 4) * 100;
}

/** The fields of an indicator that the score functions read. */
export type ScoringSpec = Pick<
	EngineIndicator,
	'method' | 'polarity' | 'worst' | 'best' | 'benchmark'
>;

/**
 * Score of one value by the indicator's method; `target` is only read by the `target` method.
 * @example scoreValue({ method: 'level', polarity: 'higher', worst: null, best: null, benchmark: null }, 5, null) // 100
 */
export function scoreValue(
	spec: ScoringSpec,
	value: number,
	target: number | null,
	targetCap = 100
): number | null {
	switch (spec.method) {
		case 'minmax':
			return scoreMinmax(value, spec.worst, spec.best);
		case 'target':
			return scoreTarget(value, target, spec.polarity, targetCap);
		case 'bands':
			return scoreBands(value, spec.benchmark, spec.polarity);
		case 'level':
			return scoreLevel(value);
	}
}

/**
 * Why `scoreValue` gave null for a present value.
 * @example nullReason({ method: 'target', polarity: 'higher', worst: null, best: null, benchmark: null }, 3, null) // 'no_target'
 */
export function nullReason(spec: ScoringSpec, value: number, target: number | null): NullReason {
	if (!Number.isFinite(value)) return 'invalid_value';
	const m: Method = spec.method;
	if (m === 'target')
		return target === null || !Number.isFinite(target) ? 'no_target' : 'invalid_value';
	if (m === 'level') return 'invalid_value';
	return 'invalid_bounds';
}
