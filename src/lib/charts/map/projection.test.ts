import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { geoPath } from 'd3-geo';
import { parseRegionGeo, type RegionCollection } from './geo';
import { QuantisedPath, fitMapProjection, projectRegions } from './projection';

const load = (name: string): RegionCollection =>
	parseRegionGeo(
		readFileSync(fileURLToPath(new URL(`../../../../data/geo/${name}`, import.meta.url)), 'utf8')
	);
const jateng = load('jateng-kabupaten.geojson');
const pati = load('pati-kecamatan.geojson');

function draw(ops: (c: QuantisedPath) => void, digits = 1): string {
	const c = new QuantisedPath(digits);
	ops(c);
	return c.result();
}

describe('QuantisedPath', () => {
	it('QuantisedPath writes the first point absolute and the rest relative, rounded to 0.1', () => {
		const d = draw((c) => {
			c.moveTo(10.04, 20.06);
			c.lineTo(12.5, 20.06);
			c.lineTo(12.5, 18.01);
			c.closePath();
		});
		expect(d).toBe('M10,20.1l2.5,0 0-2.1z');
	});

	it('QuantisedPath drops a point that rounds onto the previous one and the closing point', () => {
		const d = draw((c) => {
			c.moveTo(0, 0);
			c.lineTo(0.04, 0.02);
			c.lineTo(1, 0);
			c.lineTo(1, 1);
			c.lineTo(0.01, 0.01);
			c.closePath();
		});
		expect(d).toBe('M0,0l1,0 0,1z');
	});

	it('QuantisedPath leaves out a ring that collapses below three points on the grid', () => {
		const d = draw((c) => {
			c.moveTo(5, 5);
			c.lineTo(5.01, 5.02);
			c.lineTo(5.03, 5);
			c.closePath();
			c.moveTo(6, 6);
			c.lineTo(7, 6);
			c.lineTo(7, 7);
			c.closePath();
		});
		expect(d).toBe('M6,6l1,0 0,1z');
	});

	it("QuantisedPath starts a second ring with a relative move from the first ring's start", () => {
		const d = draw((c) => {
			c.moveTo(1, 1);
			c.lineTo(2, 1);
			c.lineTo(2, 2);
			c.closePath();
			c.moveTo(0.5, 3.25);
			c.lineTo(0.5, 4);
			c.lineTo(-0.5, 4);
			c.closePath();
		});
		expect(d).toBe('M1,1l1,0 0,1zm-.5,2.3l0,.7-1,0z');
	});

	it('QuantisedPath writes open lines without z and resets after result()', () => {
		const c = new QuantisedPath(0);
		c.moveTo(0, 0);
		c.lineTo(2.6, -1.4);
		expect(c.result()).toBe('M0,0l3-1');
		c.moveTo(1, 1);
		c.lineTo(1, 1);
		expect(c.result()).toBe('');
	});

	it('QuantisedPath with 2 digits keeps hundredths and writes -0 as 0', () => {
		const d = draw((c) => {
			c.moveTo(-0.001, 0.126);
			c.lineTo(1.111, 0.126);
			c.lineTo(1.111, 1);
			c.closePath();
		}, 2);
		expect(d).toBe('M0,.13l1.11,0 0,.87z');
	});
});

describe('fitMapProjection()', () => {
	function bounds(fc: RegionCollection, view: ReturnType<typeof fitMapProjection>) {
		return fc.features.map((f) => geoPath(view.projection).bounds(f));
	}

	it('fitMapProjection(jateng, 600) is 481 px high and every region lies inside, touching left and right', () => {
		const view = fitMapProjection(jateng, 600);
		expect([view.width, view.height]).toEqual([600, 481]);
		const all = bounds(jateng, view);
		for (const [[x0, y0], [x1, y1]] of all) {
			expect(x0).toBeGreaterThanOrEqual(4 - 1e-6);
			expect(y0).toBeGreaterThanOrEqual(4 - 1e-6);
			expect(x1).toBeLessThanOrEqual(596 + 1e-6);
			expect(y1).toBeLessThanOrEqual(477 + 1e-6);
		}
		expect(Math.min(...all.map((b) => b[0][0]))).toBeCloseTo(4, 6);
		expect(Math.max(...all.map((b) => b[1][0]))).toBeCloseTo(596, 6);
	});

	it.each([
		['a wide box (touches top and bottom)', 600, 300, 'y'],
		['a tall box (touches left and right)', 300, 600, 'x']
	])('fitMapProjection() in %s keeps the map inside it', (_, w, h, axis) => {
		const view = fitMapProjection(jateng, w as number, h as number, 0);
		const [[x0, y0], [x1, y1]] = geoPath(view.projection).bounds(jateng);
		expect([view.width, view.height]).toEqual([w, h]);
		for (const v of [x0, x1]) expect(v).toBeGreaterThanOrEqual(-1e-6);
		for (const v of [y0, y1]) expect(v).toBeGreaterThanOrEqual(-1e-6);
		expect(x1).toBeLessThanOrEqual((w as number) + 1e-6);
		expect(y1).toBeLessThanOrEqual((h as number) + 1e-6);
		if (axis === 'y') {
			expect(y0).toBeCloseTo(0, 6);
			expect(y1).toBeCloseTo(h as number, 6);
		} else {
			expect(x0).toBeCloseTo(0, 6);
			expect(x1).toBeCloseTo(w as number, 6);
		}
	});

	it('fitMapProjection() never makes a box smaller than its padding', () => {
		const view = fitMapProjection(pati, 0, 0, 4);
		expect([view.width, view.height]).toEqual([9, 9]);
	});
});

describe('projectRegions()', () => {
	it('projectRegions(jateng, 600) draws the 35 regions in 58,619 characters of path, 45 % less than digits(1)', () => {
		const g = projectRegions(jateng, 600);
		expect(g.shapes).toHaveLength(35);
		const total = g.shapes.reduce((s, x) => s + x.d.length, 0);
		expect(total).toBe(58619);
		const view = fitMapProjection(jateng, 600);
		const absolute = geoPath(view.projection).digits(1);
		const plain = jateng.features.reduce((s, f) => s + (absolute(f) ?? '').length, 0);
		expect(plain).toBe(107417);
	});

	it('projectRegions() keeps codes, names and BPS codes and puts each centroid inside the map', () => {
		const g = projectRegions(pati, 400);
		expect(g.width).toBe(400);
		const margoyoso = g.shapes.find((s) => s.code === '33.18.16')!;
		expect([margoyoso.name, margoyoso.bpsCode]).toEqual(['Margoyoso', '3318170']);
		for (const s of g.shapes) {
			expect(s.d).toMatch(/^M[\d.]+,[\d.]+l/);
			expect(s.cx).toBeGreaterThan(0);
			expect(s.cx).toBeLessThan(g.width);
			expect(s.cy).toBeGreaterThan(0);
			expect(s.cy).toBeLessThan(g.height);
		}
	});
});
