/**
 * Map geometry for RegionMap: a Mercator projection fitted to the viewport, and SVG paths with
 * quantised, relative coordinates so the Jawa Tengah map stays within its 150 KB page budget.
 *
 * Why a custom path context instead of `geoPath().digits(1)`: digits only rounds absolute
 * coordinates ("L412.3,208.7"). The context below rounds to the same 0.1 px grid, drops points
 * that land on the previous one, drops rings that collapse below three points, and writes
 * relative moves ("l1.2-.3"), which roughly halves the path text (measured in projection.test.ts).
 * Pure module: no Svelte, no SvelteKit.
 */
import { geoMercator, geoPath, type GeoContext, type GeoProjection } from 'd3-geo';
import type { RegionCollection, RegionFeature } from './geo';

/**
 * A d3-geo path context that writes an SVG path with coordinates rounded to `digits` decimals,
 * relative after the first point. Call `result()` after drawing to take the string.
 * @example const c = new QuantisedPath(1); c.moveTo(0, 0); c.lineTo(10.04, 0); c.lineTo(10, 5); c.closePath(); c.result() === 'M0,0l10,0 0,5z'
 */
export class QuantisedPath implements GeoContext {
	private readonly k: number;
	private readonly digits: number;
	private out = '';
	private ring: [number, number][] = [];
	/** Last written absolute point, in grid units (null before the first). */
	private cur: [number, number] | null = null;

	constructor(digits = 1) {
		this.digits = Math.max(0, Math.min(6, Math.trunc(digits)));
		this.k = 10 ** this.digits;
	}

	moveTo(x: number, y: number): void {
		this.flush(false);
		this.ring = [[Math.round(x * this.k), Math.round(y * this.k)]];
	}

	lineTo(x: number, y: number): void {
		const p: [number, number] = [Math.round(x * this.k), Math.round(y * this.k)];
		const last = this.ring[this.ring.length - 1];
		if (last && last[0] === p[0] && last[1] === p[1]) return;
		this.ring.push(p);
	}

	closePath(): void {
		this.flush(true);
	}

	/** Point geometries are not drawn by region maps. */
	arc(): void {}

	beginPath(): void {}

	/** The path written so far; resets the context for the next feature. */
	result(): string {
		this.flush(false);
		const d = this.out;
		this.out = '';
		this.cur = null;
		return d;
	}

	private num(units: number): string {
		const s = String(units / this.k + 0);
		// ".5" and "-.5" are valid SVG numbers and one byte shorter.
		if (s.startsWith('0.')) return s.slice(1);
		if (s.startsWith('-0.')) return '-' + s.slice(2);
		return s;
	}

	private pair(dx: number, dy: number): string {
		const x = this.num(dx);
		const y = this.num(dy);
		return y.startsWith('-') ? x + y : `${x},${y}`;
	}

	private flush(closed: boolean): void {
		const pts = this.ring;
		this.ring = [];
		if (pts.length === 0) return;
		if (closed && pts.length > 1) {
			const [a, b] = [pts[0], pts[pts.length - 1]];
			if (a[0] === b[0] && a[1] === b[1]) pts.pop();
		}
		// A ring narrower than the grid is invisible at this size: leave it out.
		if (pts.length < (closed ? 3 : 2)) return;
		const [x0, y0] = pts[0];
		this.out +=
			this.cur === null
				? `M${this.pair(x0, y0)}`
				: `m${this.pair(x0 - this.cur[0], y0 - this.cur[1])}`;
		let seg = '';
		for (let i = 1; i < pts.length; i++) {
			const p = this.pair(pts[i][0] - pts[i - 1][0], pts[i][1] - pts[i - 1][1]);
			seg += i === 1 ? p : p.startsWith('-') ? p : ` ${p}`;
		}
		this.out += `l${seg}`;
		if (closed) {
			this.out += 'z';
			this.cur = [x0, y0];
		} else {
			this.cur = pts[pts.length - 1];
		}
	}
}

export interface MapViewport {
	width: number;
	height: number;
	projection: GeoProjection;
}

/**
 * A Mercator projection fitted to a box `width` wide with `padding` on every side. Without a
 * height, the height follows the shape (the map touches all four padded edges); with one, the map
 * touches two opposite edges and is centred along the other axis.
 * @example fitMapProjection(jateng, 600).height === 481 // padding 4
 */
export function fitMapProjection(
	collection: RegionCollection,
	width: number,
	height?: number,
	padding = 4
): MapViewport {
	const w = Math.max(2 * padding + 1, width);
	let h = height;
	const projection = geoMercator();
	if (h === undefined) {
		projection.fitWidth(w - 2 * padding, collection);
		const [[, y0], [, y1]] = geoPath(projection).bounds(collection);
		h = Math.ceil(y1 - y0) + 2 * padding;
	}
	h = Math.max(2 * padding + 1, h);
	projection.fitExtent(
		[
			[padding, padding],
			[w - padding, h - padding]
		],
		collection
	);
	return { width: w, height: h, projection };
}

/** One region, projected: what RegionMap draws. */
export interface MapShape {
	code: string;
	name: string;
	bpsCode: string;
	/** SVG path (quantised, relative). */
	d: string;
	/** Projected centroid, where the tooltip points to. */
	cx: number;
	cy: number;
	/** Projected bounding box (0.1 px): whether the region is big enough to carry its name. */
	box?: { x: number; y: number; width: number; height: number };
}

/** The projected map: viewport size and one shape per feature, in feature order. */
export interface MapGeometry {
	width: number;
	height: number;
	shapes: MapShape[];
}

const r1 = (v: number) => Math.round(v * 10) / 10 + 0;

/**
 * Projects every feature into a width × height viewport (height from the shape when omitted) and
 * writes its quantised path. Call it on the server and pass the result to RegionMap's `geometry`
 * prop to keep the raw GeoJSON out of the page's hydration data.
 * @example projectRegions(pati, 600).shapes.length === 21
 */
export function projectRegions(
	collection: RegionCollection,
	width: number,
	height?: number,
	opts: { padding?: number; digits?: number } = {}
): MapGeometry {
	const { padding = 4, digits = 1 } = opts;
	const view = fitMapProjection(collection, width, height, padding);
	const ctx = new QuantisedPath(digits);
	const draw = geoPath(view.projection, ctx);
	const measure = geoPath(view.projection);
	const shapes = collection.features.map((f: RegionFeature) => {
		draw(f);
		const [cx, cy] = measure.centroid(f);
		const [[x0, y0], [x1, y1]] = measure.bounds(f);
		return {
			code: f.properties.code,
			name: f.properties.name,
			bpsCode: f.properties.bps_code,
			d: ctx.result(),
			cx: r1(cx),
			cy: r1(cy),
			box: { x: r1(x0), y: r1(y0), width: r1(x1 - x0), height: r1(y1 - y0) }
		};
	});
	return { width: view.width, height: view.height, shapes };
}
