/**
 * Scorecard URLs: the reader's choices (region, year, what-if weights) live in the query string,
 * so every view is a link someone can share. Shared by server loads and browser code.
 */

/** What-if weight parameters are `w.<dimension code>=<multiple>`, e.g. `w.economy=2`. */
export const WEIGHT_PREFIX = 'w.';

export interface ScorecardState {
	region?: string;
	year?: number;
	weights?: Record<string, number>;
}

/**
 * The query string of a scorecard view, for links that keep the reader's choices.
 * @example scorecardQuery({ region: '33.18', year: 2018 }) === '?region=33.18&year=2018'
 */
export function scorecardQuery(
	state: ScorecardState,
	extra: Record<string, string | number | undefined> = {}
): string {
	const params = new URLSearchParams();
	if (state.region) params.set('region', state.region);
	if (state.year !== undefined) params.set('year', String(state.year));
	for (const [code, w] of Object.entries(state.weights ?? {}))
		params.set(WEIGHT_PREFIX + code, String(w));
	for (const [k, v] of Object.entries(extra)) if (v !== undefined) params.set(k, String(v));
	const s = params.toString();
	return s ? `?${s}` : '';
}

/**
 * `href` with its what-if weights set to `multiples`: a multiple of 1 is the default and leaves the
 * URL; other parameters keep their place. A relative `href` stays relative.
 * @example withWeights('/compare?region=33.18&w.economy=2', { economy: 1, society: 0 }) === '/compare?region=33.18&w.society=0'
 */
export function withWeights(href: string, multiples: Readonly<Record<string, number>>): string {
	const url = new URL(href, 'http://relative.invalid');
	for (const [code, w] of Object.entries(multiples)) {
		if (w === 1) url.searchParams.delete(WEIGHT_PREFIX + code);
		else url.searchParams.set(WEIGHT_PREFIX + code, String(w));
	}
	if (url.origin !== 'http://relative.invalid') return url.href;
	return url.pathname + url.search + url.hash;
}

/**
 * The year of `years` nearest to `year` (the later one on a tie), null when there is none: where
 * a page offers "the nearest year with data".
 * @example nearestYear([2018, 2020], 2019) === 2020
 */
export function nearestYear(years: readonly number[], year: number): number | null {
	let best: number | null = null;
	for (const y of years) {
		const d = Math.abs(y - year);
		if (best === null || d < Math.abs(best - year) || (d === Math.abs(best - year) && y > best)) {
			best = y;
		}
	}
	return best;
}
