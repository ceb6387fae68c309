import { describe, it, expect } from 'vitest';
import { bandOf, bulletGeometry, type BulletBand } from './bullet';

const bands: BulletBand[] = [
	{ from: 0, to: 40, label: 'kurang' },
	{ from: 40, to: 70, label: 'cukup' },
	{ from: 70, to: 100, label: 'baik' }
];

describe('bulletGeometry()', () => {
	it('bulletGeometry() places bands, the value bar and the target tick', () => {
		expect(bulletGeometry({ value: 55, target: 80, bands, min: 0, max: 100 }, 10, 210, 30)).toEqual(
			{
				bands: [
					{ x: 10, width: 80, fill: '#a6a6a6', label: 'kurang' },
					{ x: 90, width: 60, fill: '#c8c8c8', label: 'cukup' },
					{ x: 150, width: 60, fill: '#e0e0e0', label: 'baik' }
				],
				bar: { x: 10, y: 10, width: 110, height: 10 },
				target: { x: 170, y1: 5, y2: 25 }
			}
		);
	});

	it.each([
		[120, { x: 0, y: 10, width: 200, height: 10 }],
		[-20, { x: 0, y: 10, width: 0, height: 10 }],
		[0, { x: 0, y: 10, width: 0, height: 10 }],
		[null, null],
		[NaN, null]
	])('bulletGeometry() with value %s gives bar %o (clamped, null for missing)', (value, bar) => {
		expect(bulletGeometry({ value, bands: [], min: 0, max: 100 }, 0, 200, 30).bar).toEqual(bar);
	});

	it('bulletGeometry() has no target tick without a target and clamps one beyond the domain', () => {
		expect(bulletGeometry({ value: 1, bands: [], min: 0, max: 100 }, 0, 200, 30).target).toBe(null);
		expect(
			bulletGeometry({ value: 1, target: 150, bands: [], min: 0, max: 100 }, 0, 200, 30).target
		).toEqual({
			x: 200,
			y1: 5,
			y2: 25
		});
	});
});

describe('bandOf()', () => {
	it.each([
		[10, 'kurang'],
		[40, 'cukup'],
		[70, 'baik'],
		[100, 'baik'],
		[120, ''],
		[null, ''],
		[NaN, '']
	])('bandOf(%s) gives %j (the upper band wins on a boundary)', (v, label) => {
		expect(bandOf(v, bands)).toBe(label);
	});
});
