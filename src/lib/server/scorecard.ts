/**
 * What every scorecard page reads from its URL: the region, the year and the what-if weights,
 * resolved against the data once, with the same 404s everywhere. Pages keep their state in the
 * URL (`?region=33.18&year=2018&w.economy=2`), so every view is a link someone can share.
 */
import { error } from '@sveltejs/kit';
import { config } from './config';
import { getConnection } from './db';
import * as regionsDb from './db/regions';
import { MAX_YEAR, MIN_YEAR } from '$lib/domain';
import { scoring, type ScoringContext } from './scores';
import { nearestYear, WEIGHT_PREFIX } from '../scorecard-url';
import { defaultYear, type YearStatus } from '../scorecard-years';

/** What-if weights are multiples of the data's weight within this range (0 switches a dimension off). */
export const WEIGHT_MIN = 0;
export const WEIGHT_MAX = 5;

export interface RegionInfo {
	code: string;
	name: string;
	kind: string;
	parentCode: string | null;
}

export interface Scorecard {
	ctx: ScoringContext;
	region: RegionInfo;
	/** The year asked for, or the default year (see `defaultYear`). */
	year: number;
	/** True when `year` came from the URL. */
	yearAsked: boolean;
	/** Every assessment year with what its data allow, ascending. */
	yearStatuses: YearStatus[];
	/** True when the region has a composite score in `year`. */
	yearHasScore: boolean;
	/** Nearest year with a composite score, when `year` has none (null if none at all). */
	nearestScoredYear: number | null;
	/** Years with a composite score for this region, ascending. */
	scoredYears: number[];
	/** What-if dimension weights from the URL (multiples of the data's weights); empty when none. */
	weights: Record<string, number>;
	/** The same as absolute node weights, as the engine takes them. */
	weightOverrides: Record<string, number>;
	/** Every region compared, for pickers and peer charts. */
	regions: RegionInfo[];
	/** The instance's base assessment year (2018 for Pati). */
	baseYear: number;
}

function notFound(message: string): never {
	error(404, message);
}

/** Parses `w.<dimension>=<number>` parameters; unknown dimensions or bad numbers are a 404. */
export function parseWeights(url: URL, dimensionCodes: readonly string[]): Record<string, number> {
	const weights: Record<string, number> = {};
	for (const [key, raw] of url.searchParams) {
		if (!key.startsWith(WEIGHT_PREFIX)) continue;
		const code = key.slice(WEIGHT_PREFIX.length);
		if (!dimensionCodes.includes(code)) notFound(`Unknown dimension "${code}" in "${key}".`);
		const value = Number(raw.replace(',', '.'));
		if (raw.trim() === '' || !Number.isFinite(value) || value < WEIGHT_MIN || value > WEIGHT_MAX) {
			notFound(`Weight "${key}" must be a number from ${WEIGHT_MIN} to ${WEIGHT_MAX}.`);
		}
		weights[code] = value;
	}
	return weights;
}

/** Parses `?year=`; a malformed or out-of-range year is a 404 (the page does not exist). */
export function parseYear(url: URL, name = 'year'): number | null {
	const raw = url.searchParams.get(name);
	if (raw === null || raw === '') return null;
	if (!/^\d{4}$/.test(raw) || Number(raw) < MIN_YEAR || Number(raw) > MAX_YEAR) {
		notFound(`"${raw}" is not a year.`);
	}
	return Number(raw);
}

/** Resolves region, year and weights from a scorecard URL, scoring with the weights applied. */
export function resolveScorecard(url: URL, options: { framework?: string } = {}): Scorecard {
	const conn = getConnection();
	const { instance } = config();
	const framework = options.framework ?? instance.defaultFramework;
	const base = scoring(conn, { framework });
	const dimensionCodes = base.framework.nodes
		.filter((n) => n.parentCode === null)
		.map((n) => n.code);
	const weights = parseWeights(url, dimensionCodes);
	const weightOverrides = Object.fromEntries(
		Object.entries(weights).map(([code, w]) => {
			const node = base.framework.nodes.find((n) => n.code === code)!;
			return [code, node.weight * w];
		})
	);
	const ctx = Object.keys(weights).length
		? scoring(conn, { framework, weights: weightOverrides })
		: base;

	const allRegions: readonly RegionInfo[] = regionsDb.all(conn);
	const regionCode = url.searchParams.get('region') || instance.defaultRegion;
	const region = allRegions.find((r) => r.code === regionCode);
	if (!region || !ctx.regions.includes(region.code)) notFound(`Unknown region "${regionCode}".`);

	const yearStatuses = yearStatusesOf(ctx, region.code);
	const scoredYears = yearStatuses.filter((s) => s.composite).map((s) => s.year);
	const asked = parseYear(url);
	const year = asked ?? defaultYear(yearStatuses) ?? instance.baseYear;
	const yearHasScore = scoredYears.includes(year);
	return {
		ctx,
		region,
		year,
		yearAsked: asked !== null,
		yearStatuses,
		yearHasScore,
		nearestScoredYear: yearHasScore ? year : nearestYear(scoredYears, year),
		scoredYears,
		weights,
		weightOverrides,
		regions: allRegions.filter((r) => ctx.regions.includes(r.code)),
		baseYear: instance.baseYear
	};
}

/** What each assessment year's data allow for a region, ascending. */
export function yearStatusesOf(ctx: ScoringContext, region: string): YearStatus[] {
	return ctx.years.map((y) => yearStatus(ctx, region, y));
}

/** What one year's data allow for a region (from the memoised rich scores). */
function yearStatus(ctx: ScoringContext, region: string, year: number): YearStatus {
	const ry = ctx.regionYear(region, year);
	const dimensions = ry?.dimensions ?? [];
	return {
		year,
		dimensions: dimensions.length,
		scoredDimensions: dimensions.filter((d) => d.score !== null).length,
		composite: ry?.composite.score != null,
		freshIndicators: ry ? ry.composite.basis.scored - ry.composite.basis.carried : 0
	};
}
