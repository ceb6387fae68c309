/**
 * Bullet chart geometry (Stephen Few): qualitative bands as grey rectangles, the value as a dark
 * bar, the target as a perpendicular tick. Everything is clamped to the [min, max] domain.
 */
import { scaleLinear } from 'd3-scale';
import { isNum, round2 } from './number';
import { BAND_GREYS } from './palette';

export interface BulletBand {
	from: number;
	to: number;
	label: string;
}

export interface BulletGeometry {
	bands: { x: number; width: number; fill: string; label: string }[];
	bar: { x: number; y: number; width: number; height: number } | null;
	target: { x: number; y1: number; y2: number } | null;
}

/**
 * Rectangles of the bands, the value bar and the target tick in a left..right × height box.
 * Bands are listed worst first; the worst gets the darkest grey.
 * @example bulletGeometry({ value: 50, target: 80, bands: [], min: 0, max: 100 }, 0, 200, 30).bar // { x: 0, y: 10, width: 100, height: 10 }
 */
export function bulletGeometry(
	d: {
		value: number | null;
		target?: number | null;
		bands: BulletBand[];
		min: number;
		max: number;
	},
	left: number,
	right: number,
	height: number
): BulletGeometry {
	const x = scaleLinear().domain([d.min, d.max]).range([left, right]).clamp(true);
	const bands = d.bands.map((b, i) => {
		const [x0, x1] = [x(Math.min(b.from, b.to)), x(Math.max(b.from, b.to))];
		return {
			x: round2(x0),
			width: round2(x1 - x0),
			fill: BAND_GREYS[i % BAND_GREYS.length],
			label: b.label
		};
	});
	const barH = round2(height / 3);
	const bar = isNum(d.value)
		? {
				x: round2(x(Math.min(d.min, d.value))),
				y: barH,
				width: round2(x(d.value) - x(d.min)),
				height: barH
			}
		: null;
	const target = isNum(d.target)
		? { x: round2(x(d.target)), y1: round2(height / 6), y2: round2(height - height / 6) }
		: null;
	return { bands, bar, target };
}

/**
 * The label of the band a value falls in ('' when none).
 * @example bandOf(55, [{ from: 0, to: 50, label: 'low' }, { from: 50, to: 100, label: 'high' }]) === 'high'
 */
export function bandOf(value: number | null | undefined, bands: BulletBand[]): string {
	if (!isNum(value)) return '';
	const hit = [...bands]
		.reverse()
		.find((b) => value >= Math.min(b.from, b.to) && value <= Math.max(b.from, b.to));
	return hit?.label ?? '';
}
