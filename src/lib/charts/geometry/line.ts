/**
 * Geometry of values across years (LineChart, Sparkline): a linear year axis (so a missing year
 * keeps its place), a value axis, and paths that break at null values instead of dropping to 0.
 */
import { extent } from 'd3-array';
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { YearValue } from '../types';

export interface Margin {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

const isNum = (v: number | null | undefined): v is number =>
	typeof v === 'number' && Number.isFinite(v);

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
