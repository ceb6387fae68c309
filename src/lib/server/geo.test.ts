import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GeoDataError, type RegionCollection, type RegionFeature } from '../charts/map/geo';
import { boundaries, indexFeatures, mapGeometry, pickFeatures } from './geo';

const DATA = path.resolve('data');

const square = (code: string, name: string, x = 0): RegionFeature => ({
	type: 'Feature',
	properties: { code, name, bps_code: code.replace(/\./g, '') },
	geometry: {
		type: 'Polygon',
		coordinates: [
			[
				[x, 0],
				[x, 1],
				[x + 1, 1],
				[x + 1, 0],
				[x, 0]
			]
		]
	}
});
const fc = (...features: RegionFeature[]): RegionCollection => ({
	type: 'FeatureCollection',
	features
});

describe('indexFeatures()', () => {
	it('indexFeatures() keys the features of every file by region code', () => {
		const index = indexFeatures([
			{ file: 'a.geojson', collection: fc(square('33.18', 'Kabupaten Pati')) },
			{ file: 'b.geojson', collection: fc(square('33.18.08', 'Juwana', 2)) }
		]);
		expect([...index.keys()]).toEqual(['33.18', '33.18.08']);
		expect(index.get('33.18.08')?.properties.name).toBe('Juwana');
	});

	it('indexFeatures() refuses a code found in two files, naming both', () => {
		expect(() =>
			indexFeatures([
				{ file: 'a.geojson', collection: fc(square('33.18', 'A')) },
				{ file: 'b.geojson', collection: fc(square('33.18', 'B')) }
			])
		).toThrow(new GeoDataError('b.geojson: region 33.18 is already in a.geojson.'));
	});

	it('indexFeatures() of no files is empty', () => {
		expect(indexFeatures([]).size).toBe(0);
	});
});

describe('pickFeatures()', () => {
	const index = indexFeatures([
		{
			file: 'x.geojson',
			collection: fc(
				square('33.18.10', 'Pati', 4),
				square('33.18.02', 'Kayen', 2),
				square('33.18.01', 'Sukolilo')
			)
		}
	]);
	it.each([
		[
			['33.18.10', '33.18.02', '33.18.01'],
			['33.18.01', '33.18.02', '33.18.10']
		],
		[['33.18.02', '33.18.02', '99.99'], ['33.18.02']],
		[['99.99'], null],
		[[], null]
	])('pickFeatures(index, %j) gives %j in numeric code order', (codes, expected) => {
		const picked = pickFeatures(index, codes);
		expect(picked && picked.features.map((f) => f.properties.code)).toEqual(expected);
	});
});

describe('boundaries() and mapGeometry() with the bundled data folder', () => {
	it('boundaries() reads the 35 kabupaten/kota and 21 kecamatan of data/geo/', () => {
		const index = boundaries(DATA);
		expect(index.size).toBe(56);
		expect(index.get('33.18')?.properties).toEqual({
			code: '33.18',
			name: 'Kabupaten Pati',
			bps_code: '3318'
		});
		expect(index.get('33.18.21')?.properties).toEqual({
			code: '33.18.21',
			name: 'Trangkil',
			bps_code: '3318160'
		});
		// Read once: the same index object on the next call.
		expect(boundaries(DATA)).toBe(index);
	});

	it('mapGeometry() projects the chosen regions into the width, in code order, and caches it', () => {
		const codes = ['33.18.03', '33.18.01', '33.18.02'];
		const geo = mapGeometry(codes, 300, { dataDir: DATA })!;
		expect(geo.width).toBe(300);
		expect(geo.shapes.map((s) => s.code)).toEqual(['33.18.01', '33.18.02', '33.18.03']);
		for (const s of geo.shapes) {
			expect(s.d).toMatch(/^M[\d.]+,[\d.]+l/);
			expect(s.cx).toBeGreaterThanOrEqual(0);
			expect(s.cx).toBeLessThanOrEqual(300);
			expect(s.cy).toBeGreaterThanOrEqual(0);
			expect(s.cy).toBeLessThanOrEqual(geo.height);
		}
		expect(mapGeometry([...codes].reverse(), 300, { dataDir: DATA })).toBe(geo);
	});

	it('mapGeometry() gives a fixed height when asked, and null for regions without a boundary', () => {
		expect(mapGeometry(['33.18'], 200, { height: 150, dataDir: DATA })?.height).toBe(150);
		expect(mapGeometry(['33.99.01'], 600, { dataDir: DATA })).toBeNull();
	});

	it('boundaries() of a data folder without geo/ is empty', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'rapor-geo-'));
		try {
			cpSync(path.join(DATA, 'instance.json'), path.join(dir, 'instance.json'));
			expect(boundaries(dir).size).toBe(0);
			expect(mapGeometry(['33.18'], 600, { dataDir: dir })).toBeNull();
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
