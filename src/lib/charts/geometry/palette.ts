/**
 * Colours, dash patterns and marker shapes for charts. Series colours are Okabe–Ito (safe for the
 * common colour-vision deficiencies), and every series also gets its own dash pattern and marker so
 * colour is never the only cue. Sequential fills are five viridis steps.
 */
import { round2 } from './number';

/** Okabe–Ito, ordered so the first colours keep at least 3:1 contrast on white. */
export const SERIES_COLORS = [
	'#0072B2',
	'#D55E00',
	'#009E73',
	'#CC79A7',
	'#000000',
	'#E69F00',
	'#56B4E9'
] as const;

/** Dash arrays paired with series; '' is a solid line. */
export const SERIES_DASHES = ['', '6 3', '2 3', '8 3 2 3', '1 2', '10 4', '4 2 1 2'] as const;

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'triangle-down' | 'plus';

export const SERIES_MARKERS: readonly MarkerShape[] = [
	'circle',
	'square',
	'triangle',
	'diamond',
	'triangle-down',
	'plus'
];

/** Five viridis steps, dark to light. */
export const SEQUENTIAL = ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'] as const;

/** Neutral greys for qualitative bands (bullet chart), darker first. */
export const BAND_GREYS = ['#a6a6a6', '#c8c8c8', '#e0e0e0', '#eeeeee', '#f7f7f7'] as const;

/** Grey for marks that are context, not the selected region (4.6:1 on white). */
export const CONTEXT_GREY = '#767676';
export const INK = '#1a1a1a';

export interface SeriesStyle {
	color: string;
	dash: string;
	marker: MarkerShape;
}

/**
 * A target on a line chart: ink, even dashes and diamond markers. No series style uses black or
 * the diamond among peers (see peerStyle), so a target is never mistaken for a region.
 */
export const TARGET_STYLE: SeriesStyle = { color: INK, dash: '4 4', marker: 'diamond' };

/**
 * Peer regions' colours: the Okabe–Ito colours after the region's blue, without black (the
 * target's ink), with the orange darkened to #9E6B00 and the sky blue (too close to the region's
 * blue, and 2.3:1 on white) replaced by Tol's wine #882255, so every peer keeps 3:1 on white.
 */
export const PEER_COLORS = ['#D55E00', '#009E73', '#CC79A7', '#9E6B00', '#882255'] as const;
const PEER_MARKERS: readonly MarkerShape[] = ['square', 'triangle', 'triangle-down', 'plus'];
const PEER_DASHES = SERIES_DASHES.slice(1);

/**
 * The colour, dash and marker of the i-th series, cycling when there are more series than styles.
 * @example seriesStyle(1) // { color: '#D55E00', dash: '6 3', marker: 'square' }
 */
export function seriesStyle(i: number): SeriesStyle {
	const k = Math.max(0, Math.trunc(i));
	return {
		color: SERIES_COLORS[k % SERIES_COLORS.length],
		dash: SERIES_DASHES[k % SERIES_DASHES.length],
		marker: SERIES_MARKERS[k % SERIES_MARKERS.length]
	};
}

/**
 * The style of the k-th peer region on a line chart: never the region's own (seriesStyle(0):
 * blue, solid, circles) and never the target's (TARGET_STYLE: ink, diamonds), each peer with its
 * own colour, dash and marker, cycling past five peers.
 * @example peerStyle(0) // { color: '#D55E00', dash: '6 3', marker: 'square' }
 */
export function peerStyle(k: number): SeriesStyle {
	const i = Math.max(0, Math.trunc(k));
	return {
		color: PEER_COLORS[i % PEER_COLORS.length],
		dash: PEER_DASHES[i % PEER_DASHES.length],
		marker: PEER_MARKERS[i % PEER_MARKERS.length]
	};
}

function polygon(points: [number, number][]): string {
	return points.map(([x, y], i) => `${i ? 'L' : 'M'}${round2(x)},${round2(y)}`).join('') + 'Z';
}

/**
 * An SVG path for a marker of "radius" r centred on 0,0 (place it with a translate).
 * @example markerPath('square', 4) === 'M-3.6,-3.6L3.6,-3.6L3.6,3.6L-3.6,3.6Z'
 */
export function markerPath(shape: MarkerShape, r: number): string {
	switch (shape) {
		case 'square': {
			const s = r * 0.9;
			return polygon([
				[-s, -s],
				[s, -s],
				[s, s],
				[-s, s]
			]);
		}
		case 'triangle':
			return polygon([
				[0, -r * 1.2],
				[r * 1.1, r * 0.8],
				[-r * 1.1, r * 0.8]
			]);
		case 'triangle-down':
			return polygon([
				[0, r * 1.2],
				[-r * 1.1, -r * 0.8],
				[r * 1.1, -r * 0.8]
			]);
		case 'diamond':
			return polygon([
				[0, -r * 1.3],
				[r * 1.3, 0],
				[0, r * 1.3],
				[-r * 1.3, 0]
			]);
		case 'plus': {
			const a = r * 1.2;
			const t = r * 0.4;
			return polygon([
				[-t, -a],
				[t, -a],
				[t, -t],
				[a, -t],
				[a, t],
				[t, t],
				[t, a],
				[-t, a],
				[-t, t],
				[-a, t],
				[-a, -t],
				[-t, -t]
			]);
		}
		default: {
			const k = round2(r);
			return `M${k},0A${k},${k} 0 1,1 ${-k},0A${k},${k} 0 1,1 ${k},0Z`;
		}
	}
}

function channel(c: number): number {
	const s = c / 255;
	return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/**
 * WCAG relative luminance of a #rrggbb colour.
 * @example relativeLuminance('#ffffff') === 1
 */
export function relativeLuminance(hex: string): number {
	const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
	if (!m) throw new Error(`relativeLuminance(): '${hex}' is not a #rrggbb colour`);
	const [r, g, b] = [m[1], m[2], m[3]].map((h) => channel(parseInt(h, 16)));
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * WCAG contrast ratio between two #rrggbb colours (1 to 21).
 * @example contrastRatio('#000000', '#ffffff') === 21
 */
export function contrastRatio(a: string, b: string): number {
	const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
	return (hi + 0.05) / (lo + 0.05);
}

/**
 * Black or white, whichever reads better on the given background.
 * @example textColorOn('#440154') === '#ffffff'
 */
export function textColorOn(background: string): '#000000' | '#ffffff' {
	return contrastRatio(background, '#000000') >= contrastRatio(background, '#ffffff')
		? '#000000'
		: '#ffffff';
}
