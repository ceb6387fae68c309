import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { geoArea } from 'd3-geo';
import {
	GeoDataError,
	parseRegionGeo,
	rewindForD3,
	rewindGeometry,
	ringSignedArea,
	type RegionCollection,
	type Ring
} from './geo';

const dataFile = (name: string) =>
	fileURLToPath(new URL(`../../../../data/geo/${name}`, import.meta.url));
const rawText = (name: string) => readFileSync(dataFile(name), 'utf8');
const KM2_PER_SR = 6371.0088 ** 2;

// A 1° square at the equator, counter-clockwise (RFC 7946 exterior), with a clockwise hole.
const ccwSquare: Ring = [
	[0, 0],
	[1, 0],
	[1, 1],
	[0, 1],
	[0, 0]
];
const cwHole: Ring = [
	[0.25, 0.25],
	[0.25, 0.75],
	[0.75, 0.75],
	[0.75, 0.25],
	[0.25, 0.25]
];

describe('ringSignedArea()', () => {
	it.each([
		['a counter-clockwise unit square', ccwSquare, 1],
		['a clockwise square of side 0.5', cwHole, -0.25],
		['an empty ring', [] as Ring, 0],
		[
			'a degenerate two-point ring',
			[
				[0, 0],
				[1, 1],
				[0, 0]
			] as Ring,
			0
		]
	])('ringSignedArea() of %s is %s', (_, ring, area) => {
		expect(ringSignedArea(ring)).toBe(area);
	});
});

describe('rewindGeometry()', () => {
	it('rewindGeometry() turns an RFC 7946 polygon clockwise and its hole counter-clockwise', () => {
		const out = rewindGeometry({ type: 'Polygon', coordinates: [ccwSquare, cwHole] });
		expect(out.coordinates).toEqual([
			[
				[0, 0],
				[0, 1],
				[1, 1],
				[1, 0],
				[0, 0]
			],
			[
				[0.25, 0.25],
				[0.75, 0.25],
				[0.75, 0.75],
				[0.25, 0.75],
				[0.25, 0.25]
			]
		]);
	});

	it('rewindGeometry() leaves rings already in d3 winding as they are and does not mutate its input', () => {
		const cw: Ring = [...ccwSquare].reverse();
		const input = { type: 'MultiPolygon' as const, coordinates: [[cw]] };
		const out = rewindGeometry(input);
		expect(out.coordinates).toEqual([[cw]]);
		expect(out.coordinates[0][0]).not.toBe(cw);
		expect(input.coordinates[0][0]).toEqual(cw);
	});

	it('rewindGeometry() makes geoArea of a 1° equatorial square ~1.2e4 km² instead of the rest of the globe', () => {
		const before = geoArea({ type: 'Polygon', coordinates: [ccwSquare] });
		const after = geoArea(rewindGeometry({ type: 'Polygon', coordinates: [ccwSquare] }));
		expect(before).toBeGreaterThan(4 * Math.PI - 0.001);
		expect(Math.round(after * KM2_PER_SR)).toBe(12364);
	});
});

describe('rewindForD3() on the bundled boundary files', () => {
	const files: [string, number][] = [
		['jateng-kabupaten.geojson', 35],
		['pati-kecamatan.geojson', 21]
	];
	it.each(files)(
		'%s: every feature covers less than a hemisphere once rewound (%s features)',
		(name, n) => {
			const raw = JSON.parse(rawText(name)) as RegionCollection;
			// The published files follow RFC 7946: unrewound, d3 reads each one as the globe's complement.
			expect(raw.features.every((f) => geoArea(f) > 2 * Math.PI)).toBe(true);
			const fc = rewindForD3(raw);
			expect(fc.features).toHaveLength(n);
			for (const f of fc.features) {
				const area = geoArea(f);
				expect(area, f.properties.code).toBeGreaterThan(0);
				expect(area, f.properties.code).toBeLessThan(2 * Math.PI);
			}
		}
	);

	it('rewindForD3() gives Kabupaten Pati 1588 km², the sum of its 21 kecamatan to 0.1 %', () => {
		const kab = parseRegionGeo(rawText('jateng-kabupaten.geojson'));
		const kec = parseRegionGeo(rawText('pati-kecamatan.geojson'));
		const pati = geoArea(kab.features.find((f) => f.properties.code === '33.18')!) * KM2_PER_SR;
		const sum = kec.features.reduce((s, f) => s + geoArea(f), 0) * KM2_PER_SR;
		expect(Math.round(pati)).toBe(1588);
		expect(Math.abs(sum - pati) / pati).toBeLessThan(0.001);
	});
});

describe('parseRegionGeo()', () => {
	const feature = (
		properties: unknown,
		geometry: unknown = { type: 'Polygon', coordinates: [ccwSquare] }
	) =>
		JSON.stringify({
			type: 'FeatureCollection',
			features: [{ type: 'Feature', properties, geometry }]
		});
	const props = { code: '33.18', name: 'Kabupaten Pati', bps_code: '3318' };

	it('parseRegionGeo() keeps code, name and bps_code and rewinds the rings', () => {
		const fc = parseRegionGeo(feature({ ...props, extra: 1 }));
		expect(fc.features[0].properties).toEqual(props);
		expect(ringSignedArea(fc.features[0].geometry.coordinates[0] as Ring)).toBe(-1);
	});

	it.each([
		['not JSON', '{', 'x.geojson is not valid JSON'],
		['not a collection', '{"type":"Feature"}', 'x.geojson is not a GeoJSON FeatureCollection.'],
		[
			'a missing bps_code',
			feature({ code: '33.18', name: 'Kabupaten Pati' }),
			'x.geojson, feature 1: property "bps_code" must be a non-empty string.'
		],
		[
			'an empty code',
			feature({ ...props, code: '' }),
			'x.geojson, feature 1: property "code" must be a non-empty string.'
		],
		[
			'a Point geometry',
			feature(props, { type: 'Point', coordinates: [0, 0] }),
			'x.geojson, feature 1 (33.18): geometry must be a Polygon or MultiPolygon of closed lon/lat rings.'
		],
		[
			'a ring with a NaN',
			feature(props, {
				type: 'Polygon',
				coordinates: [
					[
						[0, 0],
						[1, 0],
						[null, 1],
						[0, 0]
					]
				]
			}),
			'x.geojson, feature 1 (33.18): geometry must be a Polygon or MultiPolygon of closed lon/lat rings.'
		]
	])('parseRegionGeo() rejects %s', (_, text, message) => {
		expect(() => parseRegionGeo(text, 'x.geojson')).toThrow(GeoDataError);
		expect(() => parseRegionGeo(text, 'x.geojson')).toThrow(message);
	});

	it('parseRegionGeo() rejects a code that appears twice', () => {
		const f = {
			type: 'Feature',
			properties: props,
			geometry: { type: 'Polygon', coordinates: [ccwSquare] }
		};
		const text = JSON.stringify({ type: 'FeatureCollection', features: [f, f] });
		expect(() => parseRegionGeo(text, 'x.geojson')).toThrow(
			'x.geojson, feature 2: code 33.18 appears twice.'
		);
	});
});
