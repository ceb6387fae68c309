import { describe, it, expect } from 'vitest';
import { radarAngle, radarLabel, radarPath, radarPoints, radarRing, radarXY } from './radar';

describe('radarAngle()', () => {
	it.each([
		[0, 6, 0],
		[1, 4, Math.PI / 2],
		[3, 6, Math.PI]
	])('radarAngle(%i, %i) gives %d', (i, n, a) => {
		expect(radarAngle(i, n)).toBe(a);
	});
});

describe('radarXY()', () => {
	it.each([
		[100, 0, 6, 100, { x: 0, y: -100 }],
		[50, 1, 4, 100, { x: 50, y: 0 }],
		[80, 1, 6, 120, { x: 83.14, y: -48 }],
		[80, 4, 6, 120, { x: -83.14, y: 48 }],
		[150, 0, 6, 100, { x: 0, y: -100 }],
		[-10, 2, 6, 100, { x: 0, y: 0 }],
		[0, 3, 6, 100, { x: 0, y: 0 }]
	])('radarXY(%d, %i, %i, %d) gives %o (clamped to 0..100)', (v, i, n, r, xy) => {
		expect(radarXY(v, i, n, r)).toEqual(xy);
	});

	it('radarXY() scales by max', () => {
		expect(radarXY(2.5, 0, 4, 100, 5)).toEqual({ x: 0, y: -50 });
	});
});

describe('radarPoints()', () => {
	it('radarPoints() skips null and NaN scores and keeps axis indices', () => {
		expect(radarPoints([100, null, 50, NaN], 100)).toEqual([
			{ i: 0, value: 100, x: 0, y: -100 },
			{ i: 2, value: 50, x: 0, y: 50 }
		]);
	});
	it('radarPoints() of no scores is empty', () => {
		expect(radarPoints([], 100)).toEqual([]);
	});
});

describe('radarPath()', () => {
	it.each([
		[[100, 50, 100, 50], 'M0,-100L50,0L0,100L-50,0Z'],
		[[100, 50, null, 25], 'M-25,0L0,-100L50,0'],
		[[null, 50, 100, 25], 'M50,0L0,100L-25,0'],
		[[100, null, 100, null], 'M0,100ZM0,-100Z'],
		[[null, null, null, null], ''],
		[[], '']
	] as [(number | null)[], string][])('radarPath(%j, 100) gives %j', (values, d) => {
		expect(radarPath(values, 100)).toBe(d);
	});

	it('radarPath() draws a six-axis polygon with coordinates rounded to 0.01', () => {
		expect(radarPath([80, 80, 80, 80, 80, 80], 120)).toBe(
			'M0,-96L83.14,-48L83.14,48L0,96L-83.14,48L-83.14,-48Z'
		);
	});
});

describe('radarRing()', () => {
	it('radarRing() gives the grid polygon at a level', () => {
		expect(radarRing(50, 4, 100)).toBe('M0,-50L50,0L0,50L-50,0Z');
	});
});

describe('radarLabel()', () => {
	it.each([
		[0, 6, { x: 0, y: -110, anchor: 'middle', valign: 'above' }],
		[1, 6, { x: 95.26, y: -55, anchor: 'start', valign: 'middle' }],
		[3, 6, { x: 0, y: 110, anchor: 'middle', valign: 'below' }],
		[5, 6, { x: -95.26, y: -55, anchor: 'end', valign: 'middle' }]
	])('radarLabel(%i, %i, 100, 10) gives %o', (i, n, label) => {
		expect(radarLabel(i, n, 100, 10)).toEqual(label);
	});
});
