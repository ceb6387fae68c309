/**
 * Region boundaries as the maps use them: parsing the bundled GeoJSON (data/geo/) and rewinding
 * its rings for d3-geo.
 *
 * Why rewind at load time instead of shipping rewound files: data/geo/ keeps byte-identical copies
 * of the published RFC 7946 files (checksums in data/geo/README.md), so any other tool reads them
 * as they are; rewinding 9,400 points takes well under a millisecond.
 *
 * RFC 7946 runs an exterior ring counter-clockwise (positive planar area in lon/lat). d3-geo reads
 * rings on the sphere and takes the side to the right of the ring as the inside, so an RFC 7946
 * ring would mean "the whole globe minus this region" (geoArea ≈ 4π sr). Rewound rings run
 * clockwise (holes counter-clockwise). Pure module: no Svelte, no SvelteKit, no file system.
 */

export type Position = [number, number];
export type Ring = Position[];

export type RegionGeometry =
	{ type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };

/** Properties every feature of data/geo/*.geojson carries. */
export interface RegionProperties {
	/** Kemendagri code in dotted form: "33.18", "33.18.08". */
	code: string;
	/** Kemendagri name: "Kabupaten Pati", "Kota Semarang", "Juwana". */
	name: string;
	/** BPS code: "3318", "3318080". Never derived from `code` (Pati's kecamatan orders differ). */
	bps_code: string;
}

export interface RegionFeature {
	type: 'Feature';
	properties: RegionProperties;
	geometry: RegionGeometry;
}

export interface RegionCollection {
	type: 'FeatureCollection';
	features: RegionFeature[];
}

/**
 * Planar signed area of a ring in its own coordinates (shoelace formula): positive when the
 * ring runs counter-clockwise with x east and y north.
 * @example ringSignedArea([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]) === 1
 */
export function ringSignedArea(ring: readonly Position[]): number {
	let sum = 0;
	for (let i = 0, n = ring.length; i < n; i++) {
		const [x0, y0] = ring[i];
		const [x1, y1] = ring[(i + 1) % n];
		sum += x0 * y1 - x1 * y0;
	}
	return sum / 2;
}

function orient(ring: Ring, clockwise: boolean): Ring {
	const area = ringSignedArea(ring);
	const isClockwise = area < 0;
	const copy = ring.map(([x, y]) => [x, y] as Position);
	return isClockwise === clockwise || area === 0 ? copy : copy.reverse();
}

function rewindPolygon(rings: Ring[]): Ring[] {
	return rings.map((ring, i) => orient(ring, i === 0));
}

/**
 * A copy of a polygon geometry with d3-geo winding: exterior rings clockwise, holes
 * counter-clockwise (in lon/lat with y north). Input of either winding gives the same result.
 * @example rewindGeometry({ type: 'Polygon', coordinates: [[[0,0],[1,0],[1,1],[0,0]]] }).coordinates[0] // [[0,0],[1,1],[1,0],[0,0]]
 */
export function rewindGeometry(geometry: RegionGeometry): RegionGeometry {
	if (geometry.type === 'Polygon') {
		return { type: 'Polygon', coordinates: rewindPolygon(geometry.coordinates) };
	}
	return { type: 'MultiPolygon', coordinates: geometry.coordinates.map(rewindPolygon) };
}

/**
 * A copy of a feature collection with every geometry rewound for d3-geo (see rewindGeometry).
 * @example geoArea(rewindForD3(fc).features[0]) < 2 * Math.PI
 */
export function rewindForD3(collection: RegionCollection): RegionCollection {
	return {
		type: 'FeatureCollection',
		features: collection.features.map((f) => ({
			type: 'Feature',
			properties: { ...f.properties },
			geometry: rewindGeometry(f.geometry)
		}))
	};
}

/** A boundary file that is not in the shape data/geo/README.md describes. */
export class GeoDataError extends Error {
	override name = 'GeoDataError';
}

function isPosition(p: unknown): p is Position {
	return (
		Array.isArray(p) &&
		p.length >= 2 &&
		typeof p[0] === 'number' &&
		typeof p[1] === 'number' &&
		Number.isFinite(p[0]) &&
		Number.isFinite(p[1])
	);
}

function isPolygon(rings: unknown): rings is Ring[] {
	return (
		Array.isArray(rings) &&
		rings.length > 0 &&
		rings.every((r) => Array.isArray(r) && r.length >= 4 && r.every(isPosition))
	);
}

/**
 * Parses a boundary file of data/geo/ (JSON text), checks every feature has a Polygon or
 * MultiPolygon and string `code`, `name`, `bps_code`, and returns it rewound for d3-geo.
 * Throws GeoDataError naming the feature and what is wrong.
 * @example parseRegionGeo(readFileSync('data/geo/pati-kecamatan.geojson', 'utf8')).features.length === 21
 */
export function parseRegionGeo(text: string, file = 'GeoJSON'): RegionCollection {
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch (e) {
		throw new GeoDataError(`${file} is not valid JSON: ${(e as Error).message}`);
	}
	const fc = raw as { type?: unknown; features?: unknown };
	if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
		throw new GeoDataError(`${file} is not a GeoJSON FeatureCollection.`);
	}
	const seen = new Set<string>();
	const features = fc.features.map((f: unknown, i: number): RegionFeature => {
		const feat = f as { properties?: Record<string, unknown>; geometry?: Record<string, unknown> };
		const p = feat?.properties ?? {};
		const where = `${file}, feature ${i + 1}`;
		for (const key of ['code', 'name', 'bps_code'] as const) {
			if (typeof p[key] !== 'string' || p[key] === '') {
				throw new GeoDataError(`${where}: property "${key}" must be a non-empty string.`);
			}
		}
		const code = p.code as string;
		if (seen.has(code)) throw new GeoDataError(`${where}: code ${code} appears twice.`);
		seen.add(code);
		const g = feat.geometry ?? {};
		const ok =
			(g.type === 'Polygon' && isPolygon(g.coordinates)) ||
			(g.type === 'MultiPolygon' &&
				Array.isArray(g.coordinates) &&
				g.coordinates.length > 0 &&
				g.coordinates.every(isPolygon));
		if (!ok) {
			throw new GeoDataError(
				`${where} (${code}): geometry must be a Polygon or MultiPolygon of closed lon/lat rings.`
			);
		}
		return {
			type: 'Feature',
			properties: { code, name: p.name as string, bps_code: p.bps_code as string },
			geometry: g as unknown as RegionGeometry
		};
	});
	return rewindForD3({ type: 'FeatureCollection', features });
}
