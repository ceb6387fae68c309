/**
 * Choropleth classes: equal-interval breaks over a fixed domain, so the same score has the same
 * colour on every map and year (quantiles would recolour a region when its neighbours change).
 * Fills are the charts' five viridis steps through the heatmap helpers, so a map and a heatmap of
 * the same scores agree. Pure module.
 */
import { formatNumber, type Locale } from '../../format';
import { heatFill } from '../geometry/heatmap';
import { SEQUENTIAL } from '../geometry/palette';

export type Domain = readonly [number, number];

/**
 * The inner breaks that split a domain into `classes` equal intervals (rounded to 1e-9 so
 * decimal domains give clean numbers). Fewer than 1 class or an empty domain gives [].
 * @example classBreaks([0, 100], 5) // [20, 40, 60, 80]
 */
export function classBreaks(domain: Domain, classes: number): number[] {
	const [lo, hi] = domain;
	const n = Math.trunc(classes);
	if (!(n >= 1) || !Number.isFinite(lo) || !Number.isFinite(hi) || !(hi > lo)) return [];
	const step = (hi - lo) / n;
	return Array.from({ length: n - 1 }, (_, i) => Math.round((lo + step * (i + 1)) * 1e9) / 1e9);
}

export interface MapClass {
	/** Index of the class, 0 for the lowest. */
	index: number;
	from: number;
	to: number;
	fill: string;
	/** Legend text, e.g. "20–40"; the last class includes its upper bound. */
	label: string;
}

/**
 * The classes of a domain with their fills and legend labels (formatted for the locale).
 * @example mapClasses([0, 4], 4, 'id')[1] // { index: 1, from: 1, to: 2, fill: '#3b528b', label: '1–2' }
 */
export function mapClasses(
	domain: Domain,
	classes: number,
	lang: Locale,
	colors: readonly string[] = SEQUENTIAL,
	decimals?: number
): MapClass[] {
	const breaks = classBreaks(domain, classes);
	if (breaks.length === 0 && !(domain[1] > domain[0])) return [];
	const edges = [domain[0], ...breaks, domain[1]];
	const fmt = (v: number) => formatNumber(v, lang, { decimals });
	return edges.slice(0, -1).map((from, i) => ({
		index: i,
		from,
		to: edges[i + 1],
		fill: colors[Math.min(i, colors.length - 1)],
		label: `${fmt(from)}–${fmt(edges[i + 1])}`
	}));
}

/**
 * The fill of a value: the colour of its class (values outside the domain take the end classes);
 * null for a missing value, which the map hatches instead.
 * @example classFill(50, [20, 40, 60, 80]) === '#21918c'; classFill(null, [20]) === null
 */
export function classFill(
	value: number | null | undefined,
	breaks: readonly number[],
	colors: readonly string[] = SEQUENTIAL
): string | null {
	return heatFill(value, breaks, colors)?.fill ?? null;
}
