/**
 * Choropleth classes. By default the classes come from the mapped values themselves (quantiles),
 * so the colours spread over the regions actually compared instead of sharing one or two fifths
 * of a fixed 0–100 scale; the legend then gives each class's real bounds and how many regions
 * fall in it. Equal intervals over a fixed domain remain for maps that must keep one colour per
 * value across years (`scheme: 'equal'`). Values are classed as they are written (rounded to the
 * legend's decimals), so a region shown as "50,0" is never in the class that ends at 50,0.
 * Fills are the charts' five viridis steps, so a map and a heatmap of the same scores agree.
 * Pure module.
 */
import { bisectLeft, bisectRight } from 'd3-array';
import { formatNumber, type Locale } from '../../format';
import { roundAsShown } from '../../rounding';
import { isNum } from '../geometry/number';
import { SEQUENTIAL } from '../geometry/palette';

export type Domain = readonly [number, number];
export type ClassScheme = 'quantile' | 'equal';

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

/**
 * The inner breaks of `classes` quantile classes of the values (each rounded to `decimals` first).
 * A break is the value found at the quantile's rank (no interpolation between values), without
 * repeats and never the lowest value, so every class holds at least one value; fewer distinct
 * values than classes give fewer classes. A value on a break belongs to the class above it.
 * @example quantileBreaks([10, 20, 30, 40, 50], 4, 0) // [20, 30, 40]
 */
export function quantileBreaks(
	values: readonly (number | null | undefined)[],
	classes: number,
	decimals = 2
): number[] {
	const sorted = values
		.filter(isNum)
		.map((v) => roundAsShown(v, decimals))
		.sort((a, b) => a - b);
	const n = Math.trunc(classes);
	if (sorted.length === 0 || !(n >= 2)) return [];
	const out: number[] = [];
	for (let i = 1; i < n; i++) {
		const q = sorted[Math.floor((i * sorted.length) / n)];
		if (q > sorted[0] && q > (out.at(-1) ?? -Infinity)) out.push(q);
	}
	return out;
}

/**
 * `k` colours spread evenly over a sequential scale, dark to light (one class takes the middle).
 * @example spreadColors(3) // ['#440154', '#21918c', '#fde725']
 */
export function spreadColors(k: number, colors: readonly string[] = SEQUENTIAL): string[] {
	const n = Math.max(0, Math.trunc(k));
	const last = colors.length - 1;
	if (n === 1) return [colors[Math.round(last / 2)]];
	return Array.from(
		{ length: n },
		(_, i) => colors[Math.min(last, Math.round((i * last) / Math.max(1, n - 1)))]
	);
}

export interface MapClass {
	/** Index of the class, 0 for the lowest. */
	index: number;
	from: number;
	to: number;
	fill: string;
	/** Legend text, e.g. "20–40" or "61,5" for a class of one value; the last class includes its upper bound. */
	label: string;
	/** How many of the classed values fall in the class (0 for equal intervals without values). */
	count: number;
}

export interface ClassesOptions {
	scheme?: ClassScheme;
	/** The fixed scale of equal intervals (ignored by quantiles). */
	domain?: Domain;
	/** Decimals the values and bounds are written with; default up to 2. */
	decimals?: number;
	colors?: readonly string[];
}

export interface MapClassing {
	/** Inner breaks: a value v is in class bisectRight(breaks, roundAsShown(v, decimals)). */
	breaks: number[];
	classes: MapClass[];
	/**
	 * The smallest difference between two values in neighbouring classes (a value just below a
	 * break and the first value on or above it); Infinity with fewer than two classes.
	 */
	closest: number;
}

/**
 * The classes of a map and their legend labels (formatted for the locale): quantiles of the values
 * from their lowest to their highest, or equal intervals over `domain`. No values (quantiles) or an
 * empty domain (equal intervals) give no classes.
 * @example mapClassing([40, 50, 60], 3, 'id', { decimals: 0 }).classes.map((c) => c.label) // ['40–50', '50–60', '60']
 */
export function mapClassing(
	values: readonly (number | null | undefined)[],
	classes: number,
	lang: Locale,
	{ scheme = 'quantile', domain = [0, 100], decimals, colors = SEQUENTIAL }: ClassesOptions = {}
): MapClassing {
	const d = decimals ?? 2;
	const shown = values.filter(isNum).map((v) => roundAsShown(v, d));
	let edges: number[];
	let breaks: number[];
	if (scheme === 'equal') {
		breaks = classBreaks(domain, classes);
		edges = domain[1] > domain[0] ? [domain[0], ...breaks, domain[1]] : [];
	} else {
		breaks = quantileBreaks(shown, classes, d);
		edges = shown.length ? [Math.min(...shown), ...breaks, Math.max(...shown)] : [];
	}
	const fmt = (v: number) => formatNumber(v, lang, { decimals });
	const counts = new Array<number>(Math.max(1, edges.length - 1)).fill(0);
	for (const v of shown) counts[Math.min(counts.length - 1, bisectRight(breaks, v))]++;
	const spans: [number, number][] = edges.slice(0, -1).map((e, i) => [e, edges[i + 1]]);
	const fills = scheme === 'equal' ? [...colors] : spreadColors(spans.length, colors);
	const out = spans.map(([from, to], i) => ({
		index: i,
		from,
		to,
		fill: fills[Math.min(i, fills.length - 1)],
		label: from === to ? fmt(from) : `${fmt(from)}–${fmt(to)}`,
		count: counts[i] ?? 0
	}));
	const sorted = [...shown].sort((a, b) => a - b);
	let closest = Infinity;
	for (const b of breaks) {
		const k = bisectLeft(sorted, b);
		if (k > 0 && k < sorted.length) closest = Math.min(closest, sorted[k] - sorted[k - 1]);
	}
	return {
		breaks,
		classes: out,
		closest: Number.isFinite(closest) ? Math.round(closest * 1e9) / 1e9 : Infinity
	};
}

/**
 * The fill of a value: the colour of its class (values outside the classes take the end ones);
 * null for a missing value, which the map hatches instead.
 * @example classFill(50, mapClassing([0, 100], 5, 'id', { scheme: 'equal' })) === '#21918c'
 */
export function classFill(
	value: number | null | undefined,
	classing: MapClassing,
	decimals = 2
): string | null {
	if (!isNum(value) || classing.classes.length === 0) return null;
	const i = bisectRight(classing.breaks, roundAsShown(value, decimals));
	return classing.classes[Math.min(i, classing.classes.length - 1)].fill;
}
