import { describe, it, expect } from 'vitest';
import {
	radarAngle,
	radarLabel,
	radarLayout,
	radarPath,
	radarPoints,
	radarRing,
	radarTicks,
	radarXY
} from './radar';
import { boxesOverlap, segmentHitsBox, textBox } from './text';
import { GM100SC_LABELS } from '../test-fixtures';

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

describe('radarLayout() label boxes', () => {
	it('radarLayout() gives the box of every axis label, lines included', () => {
		const l = radarLayout(340, ['Smart Governance', 'B', 'C', 'D']);
		expect(l.labelBoxes).toEqual([
			{ x: -36, y: -181.6, width: 72, height: 26 },
			{ x: 158, y: -5.6, width: 7.2, height: 12 },
			{ x: -3.6, y: 158.4, width: 7.2, height: 12 },
			{ x: -165.2, y: -5.6, width: 7.2, height: 12 }
		]);
	});
});

describe('radarTicks()', () => {
	const levels = [20, 40, 60, 80, 100];
	const texts = levels.map(String);

	it('radarTicks() writes each ring value on the bisector of the first two axes, outside the ring', () => {
		expect(radarTicks([50, 100], ['50', '100'], [], 6, 100)).toEqual([
			{ level: 50, text: '50', x: 24.65, y: -40.5, anchor: 'start' },
			{ level: 100, text: '100', x: 46.3, y: -78, anchor: 'start' }
		]);
	});

	it('radarTicks() never puts a value on an axis, where the top label and the vertices are', () => {
		for (const t of radarTicks(levels, texts, [], 6, 134)) expect(t.x).toBeGreaterThan(0);
	});

	it('radarTicks() moves the values to the next gap when one would touch an axis label there', () => {
		const avoid = [{ x: 40, y: -90, width: 40, height: 20 }];
		expect(radarTicks([50, 100], ['50', '100'], [], 6, 100, 100, { avoid })).toEqual([
			{ level: 50, text: '50', x: 46.3, y: -3, anchor: 'start' },
			{ level: 100, text: '100', x: 89.6, y: -3, anchor: 'start' }
		]);
	});

	it('radarTicks() leaves out a value that touches an axis label in every gap', () => {
		const avoid = [
			{ x: -200, y: -200, width: 400, height: 150 },
			{ x: -200, y: 50, width: 400, height: 150 }
		];
		expect(radarTicks([50, 100], ['50', '100'], [], 4, 100, 100, { avoid })).toEqual([
			{ level: 50, text: '50', x: 28, y: -28, anchor: 'start' }
		]);
	});

	it('radarTicks() moves the values away from a vertex marker they would sit under', () => {
		expect(radarTicks([40], ['40'], [], 6, 100)).toEqual([
			{ level: 40, text: '40', x: 20.32, y: -33, anchor: 'start' }
		]);
		// A score of 46,5 on the second axis puts its marker at (40.27, -23.25), on that "40".
		const series = [[null, 46.5, null, null, null, null]];
		expect(radarTicks([40], ['40'], series, 6, 100)).toEqual([
			{ level: 40, text: '40', x: 37.64, y: -3, anchor: 'start' }
		]);
	});

	it('radarTicks() keeps no two values closer than a line of text on a small radar, the outermost first', () => {
		expect(radarTicks(levels, texts, [], 6, 40).map((t) => t.level)).toEqual([40, 100]);
	});

	it('radarTicks() moves the values to the gap between axes that the outlines cross least', () => {
		// A series at 66 on the first two axes crosses the top-right gap right where "60" is written.
		const series = [[66, 66, 0, 0, 0, 0]];
		const ticks = radarTicks(levels, texts, series, 6, 134);
		expect(ticks.map((t) => [t.level, t.x, t.y, t.anchor])).toEqual([
			[20, 26.21, -3, 'start'],
			[40, 49.42, -3, 'start'],
			[60, 72.63, -3, 'start'],
			[80, 95.84, -3, 'start'],
			[100, 119.05, -3, 'start']
		]);
		const crossed = ticks.filter((t) =>
			segmentHitsBox(0, -88.44, 76.59, -44.22, textBox(t.text, t.x, t.y, 11, t.anchor))
		);
		expect(crossed).toEqual([]);
		const topRight = radarTicks(levels, texts, [], 6, 134).find((t) => t.level === 60)!;
		expect(
			segmentHitsBox(0, -88.44, 76.59, -44.22, textBox('60', topRight.x, topRight.y, 11, 'start'))
		).toBe(true);
	});

	it('radarTicks() of the GM100SC radar at 480 px touches no axis label', () => {
		const gm = GM100SC_LABELS;
		const l = radarLayout(480, gm);
		const ticks = radarTicks(levels, texts, [], 6, l.radius, 100, { avoid: l.labelBoxes });
		expect(ticks.map((t) => t.level)).toEqual(levels);
		for (const t of ticks) {
			const box = textBox(t.text, t.x, t.y, 11, t.anchor);
			for (const label of l.labelBoxes) expect(boxesOverlap(box, label, 2)).toBe(false);
		}
	});

	it.each([
		[[20], [], 2],
		[[], [], 6]
	] as [number[], number[][], number][])(
		'radarTicks(%j, …, n = %i) gives no ticks for fewer than 3 axes or no levels',
		(lv, series, n) => {
			expect(radarTicks(lv, lv.map(String), series, n, 100)).toEqual([]);
		}
	);
});
