/**
 * Geometry of values across years (LineChart, Sparkline): a linear year axis (so a missing year
 * keeps its place), a value axis, and paths that break at null values instead of dropping to 0.
 */
import { extent } from 'd3-array';
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { YearValue } from '../types';
import { isNum } from './number';

export interface Margin {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

/**
 * The first and last year among the points, or null when there are none.
 * @example yearExtent([[{ year: 2018, value: 1 }], [{ year: 2024, value: null }]]) // [2018, 2024]
 */
export function yearExtent(series: YearValue[][]): [number, number] | null {
	const [lo, hi] = extent(series.flat(), (p) => p.year);
	return lo === undefined || hi === undefined ? null : [lo, hi];
}

/**
 * A rounded ("nice") value domain covering the values; [0, 1] when nothing is known.
 * @example valueDomain([3.2, 7.9]) // [3, 8]; valueDomain([3.2, 7.9], true) // [0, 8]
 */
export function valueDomain(
	values: (number | null | undefined)[],
	includeZero = false
): [number, number] {
	const nums = values.filter(isNum);
	if (includeZero) nums.push(0);
	if (nums.length === 0) return [0, 1];
	let lo = Math.min(...nums);
	let hi = Math.max(...nums);
	if (lo === hi) {
		const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
		[lo, hi] = [lo - pad, hi + pad];
	}
	const [a, b] = scaleLinear().domain([lo, hi]).nice(5).domain();
	return [a, b];
}

export interface LineScales {
	x: ScaleLinear<number, number>;
	y: ScaleLinear<number, number>;
}

/**
 * Scales for a plot of width × height px inside a margin.
 * @example lineScales([2018, 2024], [0, 100], 300, 200, { top: 10, right: 10, bottom: 20, left: 30 })
 */
export function lineScales(
	years: [number, number],
	domain: [number, number],
	width: number,
	height: number,
	m: Margin
): LineScales {
	const [y0, y1] = years[0] === years[1] ? [years[0] - 0.5, years[1] + 0.5] : years;
	return {
		x: scaleLinear()
			.domain([y0, y1])
			.range([m.left, width - m.right]),
		y: scaleLinear()
			.domain(domain)
			.range([height - m.bottom, m.top])
	};
}

/**
 * The SVG path of a series, broken at null values; points are sorted by year first.
 * @example linePath([{ year: 2018, value: 0 }, { year: 2019, value: null }, { year: 2020, value: 1 }], x, y)
 */
export function linePath(
	points: YearValue[],
	x: (year: number) => number,
	y: (value: number) => number
): string {
	const sorted = [...points].sort((a, b) => a.year - b.year);
	const gen = line<YearValue>()
		.defined((p) => isNum(p.value))
		.x((p) => x(p.year))
		.y((p) => y(p.value as number))
		.digits(2);
	return gen(sorted) ?? '';
}

/**
 * Whole years to label on the axis, evenly stepped so at most maxTicks appear.
 * @example yearTicks([2018, 2024], 4) // [2018, 2020, 2022, 2024]
 */
export function yearTicks(years: [number, number], maxTicks: number): number[] {
	const [a, b] = [Math.ceil(years[0]), Math.floor(years[1])];
	if (b < a) return [];
	const span = b - a;
	const step = Math.max(1, Math.ceil(span / Math.max(1, maxTicks - 1)));
	const ticks: number[] = [];
	for (let t = a; t <= b; t += step) ticks.push(t);
	return ticks;
}

/**
 * Decimals for value-axis tick labels, from the step between ticks (d3-format's precisionFixed:
 * max(0, -floor(log10(step)))), so a step of 0.2 gets 1 decimal and a step of 500 000 gets none.
 * A lone tick gets the fewest decimals (up to 6) that write it exactly.
 * @example tickDecimals([0, 0.2, 0.4]) === 1; tickDecimals([2500000, 3000000]) === 0
 */
export function tickDecimals(ticks: number[]): number {
	const nums = [...new Set(ticks.filter(isNum))].sort((a, b) => a - b);
	if (nums.length === 0) return 0;
	if (nums.length === 1) {
		const v = nums[0];
		let d = 0;
		while (d < 6 && Math.abs(Number(v.toFixed(d)) - v) > 1e-9 * Math.max(1, Math.abs(v))) d++;
		return d;
	}
	let step = Infinity;
	for (let i = 1; i < nums.length; i++) step = Math.min(step, nums[i] - nums[i - 1]);
	// The epsilon absorbs float noise: 0.30000000000000004 - 0.2 must still count as a step of 0.1.
	return Math.max(0, -Math.floor(Math.log10(step) + 1e-6));
}

export interface AxisTick {
	value: number;
	label: string;
}

/**
 * Value-axis ticks with their labels, written with tickDecimals(ticks) decimals (one more, up to 6,
 * while two labels would still read the same); a tick whose label repeats an earlier one is dropped,
 * so no label ever appears twice.
 * @example axisTicks([0, 0.5, 1], (v, d) => v.toFixed(d)) // [{ value: 0, label: '0.0' }, { value: 0.5, label: '0.5' }, { value: 1, label: '1.0' }]
 */
export function axisTicks(
	ticks: number[],
	format: (value: number, decimals: number) => string
): AxisTick[] {
	const nums = ticks.filter(isNum);
	let d = tickDecimals(nums);
	let labels = nums.map((v) => format(v, d));
	while (d < 6 && new Set(labels).size < labels.length) {
		d++;
		labels = nums.map((v) => format(v, d));
	}
	const seen = new Set<string>();
	const out: AxisTick[] = [];
	nums.forEach((value, i) => {
		if (seen.has(labels[i])) return;
		seen.add(labels[i]);
		out.push({ value, label: labels[i] });
	});
	return out;
}

/**
 * The hidden keys after a reader toggles one: keys in `order` come first in that order, keys
 * `order` does not know are kept after them, and no key is listed twice.
 * @example toggleHidden(['kudus', 'rembang'], ['rembang'], 'kudus', true) // ['kudus', 'rembang']
 */
export function toggleHidden(
	order: string[],
	hidden: string[],
	key: string,
	hide: boolean
): string[] {
	const set = new Set(hidden);
	if (hide) set.add(key);
	else set.delete(key);
	const known = new Set(order);
	return [
		...new Set([...order.filter((k) => set.has(k)), ...[...set].filter((k) => !known.has(k))])
	];
}
