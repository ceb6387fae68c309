/**
 * Scoring profiles: the method choices of one framework for a range of assessment years, kept as
 * data (data/profiles/*.json, the `scoring_profiles` table). The JSON is snake_case; the parsed
 * settings are camelCase. Every bad field is reported at once, with its path.
 */
import { isYearInRange, MAX_YEAR, MIN_YEAR } from '../import/types.ts';
import type { Aggregation, RatingBand } from './types.ts';

export interface TrendSettings {
	/** Window in years, ending at the assessment year, whose first and last values give the rate. */
	years: number;
	/** Fewest observed values in the window for a trend (otherwise `too_few_years`). */
	minPoints: number;
	/** actual/needed at or above this → on track (SDSN: 1). */
	onTrackRatio: number;
	/** actual/needed above this → moderately improving (SDSN: 0.5). */
	moderateRatio: number;
	/**
	 * Without a target, an annual change within this share of the indicator's scoring range
	 * (|best − worst|) is `stable`; beyond it the trend is `improving` or `worsening`.
	 */
	stableBand: number;
}

export interface SensitivitySettings {
	draws: number;
	/** Each top-level weight is multiplied by U(1 − spread, 1 + spread) in every draw. */
	weightSpread: number;
	seed: number;
	/** Alternate arithmetic and geometric aggregation between draws. */
	includeGeometric: boolean;
	/** Lower and upper percentile of the rank distribution that form the interval. */
	percentiles: [number, number];
}

export interface PredikatBand {
	id: string;
	min: number;
	labelId: string;
	labelEn: string;
}

export interface ProfileSettings {
	aggregation: Aggregation;
	/** A group (element, dimension) is scored when its scored children carry this share of its weight. */
	minCoverage: number;
	/**
	 * The same rule for the composite, over the dimensions: 1 = every dimension must be scored, so
	 * no composite or rank stands on a part of the framework.
	 */
	compositeMinCoverage: number;
	/**
	 * Highest share of a group's scored weight that may come from values carried forward from an
	 * earlier year; above it the group is not scored (`stale_data`). 1 = no limit.
	 */
	maxCarriedShare: number;
	carryForwardYears: number;
	/** Highest score the `target` method gives (100 = exceeding a target earns nothing extra). */
	targetCap: number;
	/** Geometric aggregation: child scores are floored at this before the logarithm. */
	geometricFloor: number;
	trend: TrendSettings;
	/** Highest band first; the last band's `min` must be ≤ 0 so every score has a band. */
	ratingBands: RatingBand[];
	sensitivity: SensitivitySettings;
	/** SPBE predikat bands on the 1–5 index scale (SPBE profiles only). */
	spbePredikat: PredikatBand[] | null;
}

export interface Profile {
	code: string;
	framework: string;
	version: string;
	nameId: string;
	nameEn: string;
	yearFrom: number;
	yearTo: number | null;
	isDefault: boolean;
	settings: ProfileSettings;
}

export const DEFAULT_RATING_BANDS: readonly RatingBand[] = Object.freeze([
	{ id: 'achieved', min: 80, labelId: 'Tercapai', labelEn: 'Achieved', colour: 'green' },
	{
		id: 'challenges_remain',
		min: 65,
		labelId: 'Tantangan tersisa',
		labelEn: 'Challenges remain',
		colour: 'yellow'
	},
	{
		id: 'significant_challenges',
		min: 50,
		labelId: 'Tantangan signifikan',
		labelEn: 'Significant challenges',
		colour: 'orange'
	},
	{
		id: 'major_challenges',
		min: 0,
		labelId: 'Tantangan besar',
		labelEn: 'Major challenges',
		colour: 'red'
	}
]);

/** PermenPANRB 59/2020 predikat bands; an index on an edge belongs to the upper band. */
export const SPBE_PREDIKAT_BANDS: readonly PredikatBand[] = Object.freeze([
	{ id: 'memuaskan', min: 4.2, labelId: 'Memuaskan', labelEn: 'Satisfactory' },
	{ id: 'sangat_baik', min: 3.5, labelId: 'Sangat Baik', labelEn: 'Very good' },
	{ id: 'baik', min: 2.6, labelId: 'Baik', labelEn: 'Good' },
	{ id: 'cukup', min: 1.8, labelId: 'Cukup', labelEn: 'Fair' },
	{ id: 'kurang', min: 0, labelId: 'Kurang', labelEn: 'Poor' }
]);

/** Settings used for every field a profile leaves out. */
export const DEFAULT_SETTINGS: Readonly<ProfileSettings> = Object.freeze({
	aggregation: 'arithmetic',
	minCoverage: 0.8,
	compositeMinCoverage: 0.8,
	maxCarriedShare: 1,
	carryForwardYears: 0,
	targetCap: 100,
	geometricFloor: 1,
	trend: { years: 5, minPoints: 2, onTrackRatio: 1, moderateRatio: 0.5, stableBand: 0.01 },
	ratingBands: DEFAULT_RATING_BANDS.map((b) => ({ ...b })),
	sensitivity: {
		draws: 1000,
		weightSpread: 0.5,
		seed: 1,
		includeGeometric: true,
		percentiles: [5, 95]
	},
	spbePredikat: null
} satisfies ProfileSettings);

export interface ProfileIssue {
	path: string;
	message: string;
}

/** Thrown by parseProfile/parseSettings; `issues` lists every bad field. */
export class ProfileError extends Error {
	readonly issues: ProfileIssue[];
	constructor(issues: ProfileIssue[]) {
		super(
			`Invalid scoring profile (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n` +
				issues.map((i) => `- ${i.path}: ${i.message}`).join('\n')
		);
		this.name = 'ProfileError';
		this.issues = issues;
	}
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

class Reader {
	issues: ProfileIssue[] = [];
	fail(path: string, message: string) {
		this.issues.push({ path, message });
	}
	unknownKeys(o: Obj, allowed: readonly string[], path: string) {
		for (const k of Object.keys(o)) {
			if (!allowed.includes(k)) {
				this.fail(path ? `${path}.${k}` : k, `unknown field (allowed: ${allowed.join(', ')})`);
			}
		}
	}
	num(
		o: Obj,
		key: string,
		path: string,
		fallback: number | undefined,
		check: (n: number) => string | null = () => null
	): number {
		const p = path ? `${path}.${key}` : key;
		const v = o[key];
		if (v === undefined) {
			if (fallback === undefined) this.fail(p, 'is required');
			return fallback ?? NaN;
		}
		if (typeof v !== 'number' || !Number.isFinite(v)) {
			this.fail(p, `must be a finite number, got ${JSON.stringify(v)}`);
			return fallback ?? NaN;
		}
		const problem = check(v);
		if (problem) this.fail(p, `${problem}, got ${v}`);
		return v;
	}
	str(o: Obj, key: string, path: string, fallback?: string): string {
		const p = path ? `${path}.${key}` : key;
		const v = o[key];
		if (v === undefined && fallback !== undefined) return fallback;
		if (typeof v !== 'string' || v.trim() === '') {
			this.fail(p, v === undefined ? 'is required' : 'must be a non-empty string');
			return fallback ?? '';
		}
		return v;
	}
	bool(o: Obj, key: string, path: string, fallback: boolean): boolean {
		const v = o[key];
		if (v === undefined) return fallback;
		if (typeof v !== 'boolean') {
			this.fail(path ? `${path}.${key}` : key, `must be true or false, got ${JSON.stringify(v)}`);
			return fallback;
		}
		return v;
	}
}

const integerAtLeast = (min: number) => (n: number) =>
	Number.isInteger(n) && n >= min ? null : `must be an integer ≥ ${min}`;
function readBands<T extends { id: string; min: number }>(
	r: Reader,
	v: unknown,
	path: string,
	item: (o: Obj, p: string) => T,
	lowestMax: number
): T[] | null {
	if (!Array.isArray(v) || v.length === 0) {
		r.fail(path, 'must be a non-empty array of bands, highest first');
		return null;
	}
	const bands: T[] = [];
	v.forEach((b, i) => {
		const p = `${path}[${i}]`;
		if (!isObj(b)) {
			r.fail(p, 'must be an object');
			return;
		}
		bands.push(item(b, p));
	});
	for (let i = 1; i < bands.length; i++) {
		if (!(bands[i].min < bands[i - 1].min)) {
			r.fail(`${path}[${i}].min`, `must be below the previous band's min (${bands[i - 1].min})`);
		}
	}
	const ids = new Set<string>();
	bands.forEach((b, i) => {
		if (ids.has(b.id)) r.fail(`${path}[${i}].id`, `duplicate band id "${b.id}"`);
		ids.add(b.id);
	});
	const last = bands[bands.length - 1];
	if (last && last.min > lowestMax) {
		r.fail(
			`${path}[${bands.length - 1}].min`,
			`the lowest band must start at ${lowestMax} or below`
		);
	}
	return bands;
}

function readSettings(r: Reader, v: unknown, path: string): ProfileSettings {
	const d = DEFAULT_SETTINGS;
	if (!isObj(v)) {
		r.fail(path || 'settings', 'must be an object');
		return structuredClone(d) as ProfileSettings;
	}
	const p = (k: string) => (path ? `${path}.${k}` : k);
	r.unknownKeys(
		v,
		[
			'aggregation',
			'min_coverage',
			'composite_min_coverage',
			'max_carried_share',
			'carry_forward_years',
			'target_cap',
			'geometric_floor',
			'trend',
			'rating_bands',
			'sensitivity',
			'spbe_predikat'
		],
		path
	);
	let aggregation: Aggregation = d.aggregation;
	if (v.aggregation !== undefined) {
		if (v.aggregation === 'arithmetic' || v.aggregation === 'geometric')
			aggregation = v.aggregation;
		else
			r.fail(
				p('aggregation'),
				`must be "arithmetic" or "geometric", got ${JSON.stringify(v.aggregation)}`
			);
	}
	const minCoverage = r.num(v, 'min_coverage', path, d.minCoverage, (n) =>
		n > 0 && n <= 1 ? null : 'must be above 0 and at most 1'
	);
	// Unset, the composite follows the groups' rule, as profiles did before this setting existed.
	const compositeMinCoverage = r.num(v, 'composite_min_coverage', path, minCoverage, (n) =>
		n > 0 && n <= 1 ? null : 'must be above 0 and at most 1'
	);
	const maxCarriedShare = r.num(v, 'max_carried_share', path, d.maxCarriedShare, (n) =>
		n >= 0 && n <= 1 ? null : 'must be from 0 to 1'
	);
	const carryForwardYears = r.num(
		v,
		'carry_forward_years',
		path,
		d.carryForwardYears,
		integerAtLeast(0)
	);
	const targetCap = r.num(v, 'target_cap', path, d.targetCap, (n) =>
		n >= 100 ? null : 'must be at least 100'
	);
	const geometricFloor = r.num(v, 'geometric_floor', path, d.geometricFloor, (n) =>
		n > 0 && n <= 100 ? null : 'must be above 0 and at most 100'
	);

	const trend = { ...d.trend };
	if (v.trend !== undefined) {
		if (!isObj(v.trend)) r.fail(p('trend'), 'must be an object');
		else {
			const t = v.trend;
			const tp = p('trend');
			r.unknownKeys(
				t,
				['years', 'min_points', 'on_track_ratio', 'moderate_ratio', 'stable_band'],
				tp
			);
			trend.years = r.num(t, 'years', tp, d.trend.years, integerAtLeast(2));
			trend.minPoints = r.num(t, 'min_points', tp, d.trend.minPoints, integerAtLeast(2));
			trend.onTrackRatio = r.num(t, 'on_track_ratio', tp, d.trend.onTrackRatio, (n) =>
				n > 0 ? null : 'must be above 0'
			);
			trend.moderateRatio = r.num(t, 'moderate_ratio', tp, d.trend.moderateRatio, (n) =>
				n >= 0 ? null : 'must be at least 0'
			);
			trend.stableBand = r.num(t, 'stable_band', tp, d.trend.stableBand, (n) =>
				n >= 0 && n < 1 ? null : 'must be at least 0 and below 1'
			);
			if (trend.moderateRatio >= trend.onTrackRatio) {
				r.fail(`${tp}.moderate_ratio`, 'must be below on_track_ratio');
			}
			if (trend.minPoints > trend.years) r.fail(`${tp}.min_points`, 'must not exceed years');
		}
	}

	let ratingBands = d.ratingBands.map((b) => ({ ...b }));
	if (v.rating_bands !== undefined) {
		const bands = readBands(
			r,
			v.rating_bands,
			p('rating_bands'),
			(o, bp): RatingBand => {
				r.unknownKeys(o, ['id', 'min', 'label_id', 'label_en', 'colour'], bp);
				return {
					id: r.str(o, 'id', bp),
					min: r.num(o, 'min', bp, undefined),
					labelId: r.str(o, 'label_id', bp),
					labelEn: r.str(o, 'label_en', bp),
					colour: r.str(o, 'colour', bp)
				};
			},
			0
		);
		if (bands) ratingBands = bands;
	}

	const sensitivity: SensitivitySettings = { ...d.sensitivity, percentiles: [5, 95] };
	if (v.sensitivity !== undefined) {
		if (!isObj(v.sensitivity)) r.fail(p('sensitivity'), 'must be an object');
		else {
			const s = v.sensitivity;
			const sp = p('sensitivity');
			r.unknownKeys(s, ['draws', 'weight_spread', 'seed', 'include_geometric', 'percentiles'], sp);
			sensitivity.draws = r.num(s, 'draws', sp, d.sensitivity.draws, (n) =>
				Number.isInteger(n) && n >= 1 && n <= 100_000 ? null : 'must be an integer 1–100000'
			);
			sensitivity.weightSpread = r.num(s, 'weight_spread', sp, d.sensitivity.weightSpread, (n) =>
				n >= 0 && n < 1 ? null : 'must be at least 0 and below 1'
			);
			sensitivity.seed = r.num(s, 'seed', sp, d.sensitivity.seed, integerAtLeast(0));
			sensitivity.includeGeometric = r.bool(
				s,
				'include_geometric',
				sp,
				d.sensitivity.includeGeometric
			);
			if (s.percentiles !== undefined) {
				const pc = s.percentiles;
				if (
					Array.isArray(pc) &&
					pc.length === 2 &&
					pc.every((x) => typeof x === 'number' && x >= 0 && x <= 100) &&
					pc[0] < pc[1]
				) {
					sensitivity.percentiles = [pc[0], pc[1]];
				} else {
					r.fail(`${sp}.percentiles`, 'must be [low, high] with 0 ≤ low < high ≤ 100');
				}
			}
		}
	}

	let spbePredikat: PredikatBand[] | null = null;
	if (v.spbe_predikat !== undefined) {
		spbePredikat = readBands(
			r,
			v.spbe_predikat,
			p('spbe_predikat'),
			(o, bp): PredikatBand => {
				r.unknownKeys(o, ['id', 'min', 'label_id', 'label_en'], bp);
				return {
					id: r.str(o, 'id', bp),
					min: r.num(o, 'min', bp, undefined),
					labelId: r.str(o, 'label_id', bp),
					labelEn: r.str(o, 'label_en', bp)
				};
			},
			1
		);
	}

	return {
		aggregation,
		minCoverage,
		compositeMinCoverage,
		maxCarriedShare,
		carryForwardYears,
		targetCap,
		geometricFloor,
		trend,
		ratingBands,
		sensitivity,
		spbePredikat
	};
}

/** `json` itself, or its text parsed; text that is not JSON is a ProfileError at `path`. */
function fromJson(json: unknown, path: string): unknown {
	if (typeof json !== 'string') return json;
	try {
		return JSON.parse(json);
	} catch (e) {
		throw new ProfileError([{ path, message: `is not valid JSON (${String(e)})` }]);
	}
}

/**
 * Validates a profile's `settings` object (snake_case JSON, or its text) and fills defaults.
 * @example parseSettings('{"min_coverage":0.75}').minCoverage // 0.75
 */
export function parseSettings(json: unknown): ProfileSettings {
	const r = new Reader();
	const settings = readSettings(r, fromJson(json, 'settings'), '');
	if (r.issues.length) throw new ProfileError(r.issues);
	return settings;
}

/**
 * Validates a whole profile document (data/profiles/*.json) and returns it typed.
 * @example parseProfile(JSON.parse(text)).settings.minCoverage // 0.8
 */
export function parseProfile(json: unknown): Profile {
	const r = new Reader();
	const value = fromJson(json, '(document)');
	if (!isObj(value)) throw new ProfileError([{ path: '(document)', message: 'must be an object' }]);
	const o = value;
	r.unknownKeys(
		o,
		[
			'code',
			'framework',
			'version',
			'name_id',
			'name_en',
			'year_from',
			'year_to',
			'is_default',
			'settings'
		],
		''
	);
	const code = r.str(o, 'code', '');
	if (code && !/^[a-z0-9][a-z0-9._-]*$/.test(code)) {
		r.fail('code', 'must use lower-case letters, digits, ".", "_" or "-"');
	}
	const yearFrom = r.num(o, 'year_from', '', undefined, (n) =>
		isYearInRange(n) ? null : `must be a year ${MIN_YEAR}–${MAX_YEAR}`
	);
	let yearTo: number | null = null;
	if (o.year_to !== undefined && o.year_to !== null) {
		yearTo = r.num(o, 'year_to', '', undefined, (n) =>
			Number.isInteger(n) && n >= yearFrom && n <= MAX_YEAR
				? null
				: `must be null or a year from year_from (${yearFrom}) to ${MAX_YEAR}`
		);
	}
	const profile: Profile = {
		code,
		framework: r.str(o, 'framework', ''),
		version: r.str(o, 'version', ''),
		nameId: r.str(o, 'name_id', ''),
		nameEn: r.str(o, 'name_en', ''),
		yearFrom,
		yearTo,
		isDefault: r.bool(o, 'is_default', '', false),
		settings: readSettings(r, o.settings, 'settings')
	};
	if (r.issues.length) throw new ProfileError(r.issues);
	return profile;
}

/**
 * The settings back in their snake_case JSON form (for the `scoring_profiles.settings` column).
 * @example serialiseSettings(DEFAULT_SETTINGS).min_coverage // 0.8
 */
export function serialiseSettings(s: ProfileSettings): Record<string, unknown> {
	return {
		aggregation: s.aggregation,
		min_coverage: s.minCoverage,
		composite_min_coverage: s.compositeMinCoverage,
		max_carried_share: s.maxCarriedShare,
		carry_forward_years: s.carryForwardYears,
		target_cap: s.targetCap,
		geometric_floor: s.geometricFloor,
		trend: {
			years: s.trend.years,
			min_points: s.trend.minPoints,
			on_track_ratio: s.trend.onTrackRatio,
			moderate_ratio: s.trend.moderateRatio,
			stable_band: s.trend.stableBand
		},
		rating_bands: s.ratingBands.map((b) => ({
			id: b.id,
			min: b.min,
			label_id: b.labelId,
			label_en: b.labelEn,
			colour: b.colour
		})),
		sensitivity: {
			draws: s.sensitivity.draws,
			weight_spread: s.sensitivity.weightSpread,
			seed: s.sensitivity.seed,
			include_geometric: s.sensitivity.includeGeometric,
			percentiles: [...s.sensitivity.percentiles]
		},
		...(s.spbePredikat
			? {
					spbe_predikat: s.spbePredikat.map((b) => ({
						id: b.id,
						min: b.min,
						label_id: b.labelId,
						label_en: b.labelEn
					}))
				}
			: {})
	};
}
