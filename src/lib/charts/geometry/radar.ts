/**
 * Radar (spider) chart geometry, centred on 0,0: the first axis points up, axes go clockwise.
 * A null score leaves a gap in the outline; it is never drawn as 0.
 */
import { curveLinear, curveLinearClosed, lineRadial } from 'd3-shape';

const r2 = (v: number) => Math.round(v * 100) / 100 + 0;
const clamp = (v: number, max: number) => Math.max(0, Math.min(max, v));
const isScore = (v: number | null | undefined): v is number =>
	typeof v === 'number' && Number.isFinite(v);

/**
 * Angle in radians of axis i of n, clockwise from 12 o'clock.
 * @example radarAngle(1, 4) === Math.PI / 2
 */
export function radarAngle(i: number, n: number): number {
	return (2 * Math.PI * i) / n;
}

/**
 * Position of a score on axis i of n (values clamped to 0..max), rounded to 0.01.
 * @example radarXY(50, 1, 4, 100) // { x: 50, y: 0 }
 */
export function radarXY(
	value: number,
	i: number,
	n: number,
	radius: number,
	max = 100
): { x: number; y: number } {
	const a = radarAngle(i, n);
	const r = (radius * clamp(value, max)) / max;
	return { x: r2(r * Math.sin(a)), y: r2(-r * Math.cos(a)) };
}

export interface RadarPoint {
	i: number;
	value: number;
	x: number;
	y: number;
}

/**
 * The drawable points of a series: one per non-null score, with its axis index.
 * @example radarPoints([100, null], 50) // [{ i: 0, value: 100, x: 0, y: -50 }]
 */
export function radarPoints(
	values: (number | null | undefined)[],
	radius: number,
	max = 100
): RadarPoint[] {
	const n = values.length;
	const out: RadarPoint[] = [];
	values.forEach((v, i) => {
		if (isScore(v)) out.push({ i, value: v, ...radarXY(v, i, n, radius, max) });
	});
	return out;
}

/**
 * The outline of a series: a closed polygon when every score is present, otherwise open
 * polylines that stop at each null (wrapping past the last axis to the first).
 * @example radarPath([100, 50, null, 25], 100) === 'M-25,0L0,-100L50,0'
 */
export function radarPath(
	values: (number | null | undefined)[],
	radius: number,
	max = 100
): string {
	const n = values.length;
	if (n === 0) return '';
	const items = values.map((v, i) => ({ i, v: isScore(v) ? clamp(v, max) : null }));
	const firstGap = items.findIndex((d) => d.v === null);
	const ordered =
		firstGap < 0 ? items : [...items.slice(firstGap + 1), ...items.slice(0, firstGap + 1)];
	const gen = lineRadial<{ i: number; v: number | null }>()
		.angle((d) => radarAngle(d.i, n))
		.radius((d) => (radius * (d.v ?? 0)) / max)
		.defined((d) => d.v !== null)
		.curve(firstGap < 0 ? curveLinearClosed : curveLinear)
		.digits(2);
	return gen(ordered) ?? '';
}

/**
 * A grid ring (polygon) at a given score level.
 * @example radarRing(50, 4, 100) === 'M0,-50L50,0L0,50L-50,0Z'
 */
export function radarRing(level: number, n: number, radius: number, max = 100): string {
	return radarPath(
		Array.from({ length: n }, () => level),
		radius,
		max
	);
}

export interface RadarLabel {
	x: number;
	y: number;
	anchor: 'start' | 'middle' | 'end';
	/** Where the text block sits relative to y: above it (top axis), below it, or centred on it. */
	valign: 'above' | 'below' | 'middle';
}

/**
 * Where the label of axis i goes: just outside the radius, anchored away from the centre.
 * @example radarLabel(0, 6, 100, 10) // { x: 0, y: -110, anchor: 'middle', valign: 'above' }
 */
export function radarLabel(i: number, n: number, radius: number, offset: number): RadarLabel {
	const a = radarAngle(i, n);
	const s = Math.sin(a);
	const c = Math.cos(a);
	const r = radius + offset;
	const anchor = Math.abs(s) < 0.1 ? 'middle' : s > 0 ? 'start' : 'end';
	const valign = c > 0.9 ? 'above' : c < -0.9 ? 'below' : 'middle';
	return { x: r2(r * s), y: r2(-r * c), anchor, valign };
}
