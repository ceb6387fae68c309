/**
 * Pure helpers of the peer pages (compare, years): ranks, rank intervals, slope-chart years and
 * which illustrative values entered a score. No SvelteKit, no database: unit-tested beside it.
 */
import { competitionRanks } from '$lib/scoring/rank';

/** The parts of a scored group (GroupScore) these helpers read. */
export interface ScoredGroup {
	children: ScoredGroup[];
	indicators: {
		code: string;
		score: number | null;
		illustrative: boolean;
		yearUsed: number | null;
	}[];
}

const isNum = (v: number | null | undefined): v is number =>
	typeof v === 'number' && Number.isFinite(v);

/**
 * Each item's competition rank by code (`competitionRanks` of `$lib/scoring/rank`: 1 = highest,
 * ties share a rank, 1, 2, 2, 4), null for an unscored item.
 * @example ranksByCode([{ code: 'a', score: 5 }, { code: 'b', score: 7 }]).get('a') === 2
 */
export function ranksByCode(
	items: readonly { code: string; score: number | null }[]
): Map<string, number | null> {
	const ranks = competitionRanks(items.map((d) => d.score));
	return new Map(items.map((d, i) => [d.code, ranks[i] === 0 ? null : ranks[i]]));
}

/**
 * A rank as the interval a reader should see: the engine's interval when there is one (widened to
 * include the rank itself), else the rank alone; null when unranked.
 * @example rankRange(3, [2, 4]) // [2, 4]; rankRange(3, null) // [3, 3]
 */
export function rankRange(
	rank: number | null,
	interval: readonly [number, number] | null
): [number, number] | null {
	if (!isNum(rank)) return null;
	if (!interval || !isNum(interval[0]) || !isNum(interval[1])) return [rank, rank];
	return [Math.min(rank, interval[0], interval[1]), Math.max(rank, interval[0], interval[1])];
}

/**
 * The default first year of the slope chart: the base year when it has scores, else the first
 * scored year (null when nothing is scored).
 * @example defaultFromYear(2018, [2019, 2020]) === 2019
 */
export function defaultFromYear(baseYear: number, scoredYears: readonly number[]): number | null {
	if (scoredYears.includes(baseYear)) return baseYear;
	return scoredYears.find((y) => y >= baseYear) ?? scoredYears[0] ?? null;
}

export { nearestYear } from '$lib/scorecard-url';

/**
 * Keys `indicator@yearUsed` of the illustrative values that entered a score of the group (its
 * indicators and those of its descendants); an unscored indicator entered nothing.
 * @example illustrativeInputs(dimension) // ['qris_merchants@2022']
 */
export function illustrativeInputs(group: ScoredGroup): string[] {
	const out: string[] = [];
	const walk = (g: ScoredGroup) => {
		for (const i of g.indicators) {
			if (i.illustrative && i.score !== null) out.push(`${i.code}@${i.yearUsed ?? ''}`);
		}
		for (const c of g.children) walk(c);
	};
	walk(group);
	return out;
}

/** A region's name for narrow chart columns ("Pati", "Kota Semarang"); one rule for every page. */
export { shortRegionName } from '$lib/region-names';

/**
 * A name without its trailing gloss in brackets, for narrow chart labels.
 * @example withoutGloss('Ekonomi Cerdas (Smart Economy)') === 'Ekonomi Cerdas'
 */
export function withoutGloss(name: string): string {
	const short = name.replace(/\s*\([^()]*\)\s*$/, '');
	return short === '' ? name : short;
}

/**
 * The value axis of a slope chart: the scores' range widened to whole tens within 0–100, so close
 * scores are not squashed into a sliver; [0, 100] without scores.
 * @example slopeDomain([35.2, 54.8]) // [30, 60]
 */
export function slopeDomain(values: readonly (number | null)[]): [number, number] {
	const v = values.filter(isNum);
	if (v.length === 0) return [0, 100];
	let lo = Math.max(0, Math.floor(Math.min(...v) / 10) * 10);
	let hi = Math.min(100, Math.ceil(Math.max(...v) / 10) * 10);
	if (hi - lo < 10) {
		if (hi < 100) hi = Math.min(100, lo + 10);
		else lo = Math.max(0, hi - 10);
	}
	return [lo, hi];
}
