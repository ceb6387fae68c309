/**
 * Radar (spider) chart geometry, centred on 0,0: the first axis points up, axes go clockwise.
 * A null score leaves a gap in the outline; it is never drawn as 0.
 */
import { curveLinear, curveLinearClosed, lineRadial } from 'd3-shape';
import { isNum, round2 } from './number';
import { boxesOverlap, segmentHitsBox, textBox, textWidth, wrapWords, type Box } from './text';

const clamp = (v: number, max: number) => Math.max(0, Math.min(max, v));

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
	return { x: round2(r * Math.sin(a)), y: round2(-r * Math.cos(a)) };
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
		if (isNum(v)) out.push({ i, value: v, ...radarXY(v, i, n, radius, max) });
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
	const items = values.map((v, i) => ({ i, v: isNum(v) ? clamp(v, max) : null }));
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
	return { x: round2(r * s), y: round2(-r * c), anchor, valign };
}

export interface RadarLayoutOptions {
	/** Axis labels wrap at this many characters. */
	maxChars?: number;
	fontSize?: number;
	/** Gap between the outer ring and a label. */
	offset?: number;
	minRadius?: number;
	maxRadius?: number;
}

export interface RadarAxisLabel {
	x: number;
	/** Baseline of the first line, relative to the centre; later lines follow lineHeight apart. */
	y: number;
	anchor: 'start' | 'middle' | 'end';
	lines: string[];
}

export interface RadarLayout {
	width: number;
	height: number;
	cx: number;
	cy: number;
	radius: number;
	fontSize: number;
	lineHeight: number;
	labels: RadarAxisLabel[];
	/** The box each axis label takes, relative to the centre (what tick labels must avoid). */
	labelBoxes: Box[];
}

/**
 * The whole radar layout for a drawing width: labels wrapped at maxChars (tighter when the chart
 * is narrow and that gives a larger radar), the largest radius that keeps every side label inside
 * the width (capped at maxRadius), and a height that fits the top and bottom labels. Text widths
 * are estimated (0.6 em per character), so no DOM is needed.
 * @example radarLayout(340, ['Gov', 'Eco', 'Env', 'Liv']).radius // 134
 */
export function radarLayout(
	width: number,
	labels: readonly string[],
	{
		maxChars = 14,
		fontSize = 12,
		offset = 10,
		minRadius = 40,
		maxRadius = 170
	}: RadarLayoutOptions = {}
): RadarLayout {
	const n = labels.length;
	const pad = 4;
	const lineHeight = Math.round(fontSize * 1.2);
	const fit = (chars: number) => {
		const wrapped = labels.map((l) => wrapWords(l, chars));
		let r = maxRadius;
		wrapped.forEach((lines, i) => {
			const s = Math.abs(Math.sin(radarAngle(i, n)));
			// Top and bottom labels are centred on their axis; only side labels eat into the width.
			if (s < 0.1) return;
			const w = Math.max(0, ...lines.map((t) => textWidth(t, fontSize)));
			r = Math.min(r, (width / 2 - pad - w) / s - offset);
		});
		return { wrapped, radius: Math.floor(Math.max(minRadius, Math.min(maxRadius, r))) };
	};
	let best = fit(maxChars);
	// On a narrow chart, lines of maxChars would shrink the radar itself: wrap tighter (down to 6
	// characters) where that buys a larger radius, preferring the longest lines among equals.
	if (best.radius < Math.min(maxRadius, 0.3 * width)) {
		for (let c = maxChars - 1; c >= 6; c--) {
			const f = fit(c);
			if (f.radius > best.radius) best = f;
		}
	}
	const { wrapped, radius } = best;

	const placed = wrapped.map((lines, i) => {
		const pos = radarLabel(i, n, radius, offset);
		const block = (lines.length - 1) * lineHeight;
		const first =
			pos.valign === 'above'
				? pos.y - block
				: pos.valign === 'middle'
					? pos.y - block / 2 + Math.round(fontSize / 3)
					: pos.y + Math.round(fontSize * 0.85);
		const w = Math.max(0, ...lines.map((t) => textWidth(t, fontSize)));
		const left = pos.anchor === 'start' ? pos.x : pos.anchor === 'end' ? pos.x - w : pos.x - w / 2;
		return {
			label: { x: pos.x, y: round2(first), anchor: pos.anchor, lines },
			box: {
				x: round2(left),
				y: round2(first - 0.8 * fontSize),
				width: w,
				height: round2(block + fontSize)
			},
			top: first - fontSize,
			bottom: first + block + Math.round(fontSize / 3)
		};
	});
	const top = Math.ceil(Math.max(radius, ...placed.map((p) => -p.top)) + pad);
	const bottom = Math.ceil(Math.max(radius, ...placed.map((p) => p.bottom)) + pad);
	return {
		width,
		height: top + bottom,
		cx: round2(width / 2),
		cy: top,
		radius,
		fontSize,
		lineHeight,
		labels: placed.map((p) => p.label),
		labelBoxes: placed.map((p) => p.box)
	};
}

/** Half the size of a vertex marker's box (markers are drawn with r = 4 to 4.5, plus a stroke). */
const VERTEX = 6;

export interface RadarTick {
	level: number;
	text: string;
	/** Anchor point of the text (baseline), relative to the centre. */
	x: number;
	y: number;
	anchor: 'start' | 'end';
}

export interface RadarTickOptions {
	fontSize?: number;
	/** Boxes the tick labels must not touch (the axis labels: RadarLayout.labelBoxes). */
	avoid?: readonly Box[];
	/** Clearance in px between a tick label and anything it avoids. */
	gap?: number;
}

/**
 * Where the values of the grid rings are written. Not on an axis, where the axis label and every
 * series' vertex marker sit, but on the bisector of two neighbouring axes, just outside the ring's
 * edge there. The gap between axes is the one that keeps the most values, and among those the one
 * whose labels the series outlines cross least (the top-right gap among equals). A label that
 * would touch an axis label, or the label of the next ring out (rings closer than a line of text
 * on a small radar), is left out, so the outermost ring keeps its value. Returns ticks from the inside
 * out, with the text the caller formatted for each level.
 * @example radarTicks([50, 100], ['50', '100'], [], 6, 100)[1] // { level: 100, text: '100', x: 46.3, y: -78, anchor: 'start' }
 */
export function radarTicks(
	levels: readonly number[],
	texts: readonly string[],
	series: readonly (readonly (number | null | undefined)[])[],
	n: number,
	radius: number,
	max = 100,
	{ fontSize = 11, avoid = [], gap = 2 }: RadarTickOptions = {}
): RadarTick[] {
	if (n < 3 || levels.length === 0) return [];
	const half = Math.PI / n;
	const segments: [number, number, number, number][] = [];
	// The vertex markers are drawn above the picture: a value under one could not be read.
	const vertices: Box[] = [];
	for (const values of series) {
		for (let k = 0; k < n; k++) {
			const a = values[k];
			const b = values[(k + 1) % n];
			if (!isNum(a)) continue;
			const p = radarXY(a, k, n, radius, max);
			vertices.push({ x: p.x - VERTEX, y: p.y - VERTEX, width: 2 * VERTEX, height: 2 * VERTEX });
			if (!isNum(b)) continue;
			const q = radarXY(b, (k + 1) % n, n, radius, max);
			segments.push([p.x, p.y, q.x, q.y]);
		}
	}
	const blocked = [...avoid, ...vertices];
	const candidate = (k: number) => {
		const angle = (2 * k + 1) * half;
		const s = Math.sin(angle);
		const c = Math.cos(angle);
		const anchor: 'start' | 'end' = s >= -1e-9 ? 'start' : 'end';
		const ticks: (RadarTick & { box: Box })[] = [];
		// From the outside in, so the outermost ring keeps its value when rings are too close.
		[...levels.entries()].reverse().forEach(([i, level]) => {
			// On the bisector a ring (a polygon) is nearer the centre than at its corners.
			const d = ((radius * clamp(level, max)) / max) * Math.cos(half);
			const x = round2(d * s + (anchor === 'start' ? 3 : -3));
			const y = round2(c >= -1e-9 ? -d * c - 3 : -d * c + 0.8 * fontSize + 3);
			const text = texts[i] ?? String(level);
			const box = textBox(text, x, y, fontSize, anchor);
			if (blocked.some((a) => boxesOverlap(box, a, gap))) return;
			const prev = ticks.at(-1);
			if (prev && boxesOverlap(box, prev.box, gap)) return;
			ticks.push({ level, text, x, y, anchor, box });
		});
		const crossed = ticks.filter((t) =>
			segments.some(([x1, y1, x2, y2]) => segmentHitsBox(x1, y1, x2, y2, t.box))
		).length;
		return { ticks: ticks.reverse(), crossed };
	};
	let best = candidate(0);
	for (let k = 1; k < n; k++) {
		const c = candidate(k);
		if (
			c.ticks.length > best.ticks.length ||
			(c.ticks.length === best.ticks.length && c.crossed < best.crossed)
		) {
			best = c;
		}
	}
	return best.ticks.map(({ level, text, x, y, anchor }) => ({ level, text, x, y, anchor }));
}
