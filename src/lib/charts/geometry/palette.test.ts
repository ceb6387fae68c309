import { describe, it, expect } from 'vitest';
import {
	contrastRatio,
	markerPath,
	PEER_COLORS,
	peerStyle,
	relativeLuminance,
	SEQUENTIAL,
	SERIES_COLORS,
	seriesStyle,
	TARGET_STYLE,
	textColorOn,
	CONTEXT_GREY,
	type MarkerShape
} from './palette';

describe('seriesStyle()', () => {
	it.each([
		[0, { color: '#0072B2', dash: '', marker: 'circle' }],
		[1, { color: '#D55E00', dash: '6 3', marker: 'square' }],
		[5, { color: '#E69F00', dash: '10 4', marker: 'plus' }],
		[7, { color: '#0072B2', dash: '', marker: 'square' }],
		[-1, { color: '#0072B2', dash: '', marker: 'circle' }]
	])('seriesStyle(%i) gives %o', (i, expected) => {
		expect(seriesStyle(i)).toEqual(expected);
	});

	it('seriesStyle() gives the first seven series seven distinct colour+dash pairs', () => {
		const pairs = new Set(
			[0, 1, 2, 3, 4, 5, 6].map((i) => `${seriesStyle(i).color}${seriesStyle(i).dash}`)
		);
		expect(pairs.size).toBe(7);
	});
});

describe('peerStyle()', () => {
	it.each([
		[0, { color: '#D55E00', dash: '6 3', marker: 'square' }],
		[1, { color: '#009E73', dash: '2 3', marker: 'triangle' }],
		[3, { color: '#9E6B00', dash: '1 2', marker: 'plus' }],
		[4, { color: '#882255', dash: '10 4', marker: 'square' }],
		[5, { color: '#D55E00', dash: '4 2 1 2', marker: 'triangle' }],
		[-2, { color: '#D55E00', dash: '6 3', marker: 'square' }]
	])('peerStyle(%i) gives %o', (k, expected) => {
		expect(peerStyle(k)).toEqual(expected);
	});

	it("peerStyle() never gives a peer the target's ink or diamonds, nor the region's blue, solid line or circles", () => {
		const region = seriesStyle(0);
		for (let k = 0; k < 30; k++) {
			const p = peerStyle(k);
			expect(p.color).not.toBe(TARGET_STYLE.color);
			expect(p.color).not.toBe('#000000');
			expect(p.marker).not.toBe(TARGET_STYLE.marker);
			expect(p.dash).not.toBe(TARGET_STYLE.dash);
			expect(p.color).not.toBe(region.color);
			expect(p.dash).not.toBe(region.dash);
			expect(p.marker).not.toBe(region.marker);
		}
	});

	it('peerStyle() gives the first five peers five distinct colours, dashes and colour+marker pairs', () => {
		const five = [0, 1, 2, 3, 4].map(peerStyle);
		expect(new Set(five.map((p) => p.color)).size).toBe(5);
		expect(new Set(five.map((p) => p.dash)).size).toBe(5);
	});

	it('PEER_COLORS all keep 3:1 contrast on white', () => {
		expect(PEER_COLORS.map((c) => Math.round(contrastRatio(c, '#ffffff') * 100) / 100)).toEqual([
			3.87, 3.42, 3.06, 4.61, 8.73
		]);
	});
});

describe('markerPath()', () => {
	it.each([
		['circle', 4, 'M4,0A4,4 0 1,1 -4,0A4,4 0 1,1 4,0Z'],
		['square', 4, 'M-3.6,-3.6L3.6,-3.6L3.6,3.6L-3.6,3.6Z'],
		['triangle', 5, 'M0,-6L5.5,4L-5.5,4Z'],
		['triangle-down', 5, 'M0,6L-5.5,-4L5.5,-4Z'],
		['diamond', 3, 'M0,-3.9L3.9,0L0,3.9L-3.9,0Z'],
		['plus', 5, 'M-2,-6L2,-6L2,-2L6,-2L6,2L2,2L2,6L-2,6L-2,2L-6,2L-6,-2L-2,-2Z']
	] as [MarkerShape, number, string][])('markerPath(%s, %d) gives %s', (shape, r, d) => {
		expect(markerPath(shape, r)).toBe(d);
	});
});

describe('contrast', () => {
	it('relativeLuminance() gives 0 for black and 1 for white', () => {
		expect(relativeLuminance('#000000')).toBe(0);
		expect(relativeLuminance('#FFFFFF')).toBe(1);
	});

	it('relativeLuminance() rejects a colour that is not #rrggbb', () => {
		expect(() => relativeLuminance('red')).toThrow("'red' is not a #rrggbb colour");
	});

	it('contrastRatio() of black on white is 21 and is symmetric', () => {
		expect(contrastRatio('#000000', '#ffffff')).toBe(21);
		expect(contrastRatio('#ffffff', '#000000')).toBe(21);
	});

	it('contrastRatio() keeps the first three series colours and the context grey at 3:1 or more on white', () => {
		const ratios = [...SERIES_COLORS.slice(0, 3), CONTEXT_GREY].map(
			(c) => Math.round(contrastRatio(c, '#ffffff') * 100) / 100
		);
		expect(ratios).toEqual([5.19, 3.87, 3.42, 4.54]);
	});

	it.each([
		['#440154', '#ffffff'],
		['#3b528b', '#ffffff'],
		['#21918c', '#000000'],
		['#5ec962', '#000000'],
		['#fde725', '#000000']
	])('textColorOn(%s) gives %s', (bg, fg) => {
		expect(textColorOn(bg)).toBe(fg);
	});

	it('textColorOn() reaches 4.5:1 on every sequential step', () => {
		for (const bg of SEQUENTIAL)
			expect(contrastRatio(bg, textColorOn(bg))).toBeGreaterThanOrEqual(4.5);
	});
});
