import { describe, it, expect } from 'vitest';
import {
	radarAngle,
	radarLabel,
	radarLayout,
	radarPath,
	radarPoints,
	radarRing,
	radarXY
} from './radar';

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

describe('radarLayout()', () => {
	const gm = [
		'Smart Governance',
		'Smart Branding',
		'Smart Economy',
		'Smart Living',
		'Smart Society',
		'Smart Environment'
	];
	const summary = (w: number) => {
		const l = radarLayout(w, gm);
		return [l.width, l.height, l.cx, l.cy, l.radius, l.fontSize, l.labels.map((a) => a.lines)];
	};

	it.each([
		[
			340,
			[
				340,
				248,
				170,
				130,
				90,
				12,
				[
					['Smart', 'Governance'],
					['Smart', 'Branding'],
					['Smart', 'Economy'],
					['Smart Living'],
					['Smart', 'Society'],
					['Smart', 'Environment']
				]
			]
		],
		[
			480,
			[
				480,
				360,
				240,
				186,
				146,
				12,
				[
					['Smart', 'Governance'],
					['Smart Branding'],
					['Smart Economy'],
					['Smart Living'],
					['Smart Society'],
					['Smart', 'Environment']
				]
			]
		],
		[
			600,
			[
				600,
				408,
				300,
				210,
				170,
				12,
				[
					['Smart', 'Governance'],
					['Smart Branding'],
					['Smart Economy'],
					['Smart Living'],
					['Smart Society'],
					['Smart', 'Environment']
				]
			]
		]
	] as [number, unknown[]][])(
		'radarLayout(%i, GM100SC dimensions) keeps 12 px labels, wraps past 14 characters and sizes the radius',
		(w, out) => {
			expect(summary(w)).toEqual(out);
		}
	);

	it('radarLayout() places side labels outside the ring and inside the width at 340 px', () => {
		const l = radarLayout(340, gm);
		expect(l.labels.map((a) => [a.x, a.y, a.anchor])).toEqual([
			[0, -114, 'middle'],
			[86.6, -53, 'start'],
			[86.6, 47, 'start'],
			[0, 110, 'middle'],
			[-86.6, 47, 'end'],
			[-86.6, -53, 'end']
		]);
		// 'Environment' (11 characters, 79.2 px) ends 4.2 px inside the left edge.
		expect(l.cx - 86.6 - 79.2).toBeCloseTo(4.2, 6);
	});

	it.each([
		[['Gov', 'Eco', 'Env', 'Liv'], 340, 134, 322],
		[['A very long dimension name indeed', 'B', 'C', 'D'], 200, 78, 238],
		[['Governance', 'Economy', 'Environment', 'Living'], 100, 40, 134],
		[[], 340, 170, 348]
	] as [string[], number, number, number][])(
		'radarLayout(%j at %i px) gives radius %i and height %i (radius kept within 40..170)',
		(labels, w, radius, height) => {
			const l = radarLayout(w, labels);
			expect([l.radius, l.height]).toEqual([radius, height]);
		}
	);

	it('radarLayout() wraps at labelChars given by the caller', () => {
		expect(radarLayout(600, ['Smart Governance'], { maxChars: 20 }).labels[0].lines).toEqual([
			'Smart Governance'
		]);
	});
});
