/**
 * Region boundaries for the maps, read from DATA_DIR/geo/*.geojson once and projected on the
 * server: pages get a MapGeometry (quantised paths), never the raw GeoJSON, which would add about
 * 200 KB of hydration data to the Jawa Tengah map (see src/lib/charts/map/projection.ts).
 *
 * Which regions a map shows comes from the regions table (children of a region, by parent_code),
 * not from the file names, so a new boundary file needs no code change.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
	parseRegionGeo,
	GeoDataError,
	type RegionCollection,
	type RegionFeature
} from '../charts/map/geo';
import { projectRegions, type MapGeometry } from '../charts/map/projection';
import { config } from './config';
import { getConnection } from './db';
import * as regionsDb from './db/regions';

export const GEO_DIR = 'geo';

/**
 * The features of several boundary files by region code; a code in two files is refused, since
 * the map could not tell which outline is right.
 * @example indexFeatures([{ file: 'a.geojson', collection: pati }]).get('33.18.08')?.properties.name === 'Juwana'
 */
export function indexFeatures(
	files: readonly { file: string; collection: RegionCollection }[]
): Map<string, RegionFeature> {
	const byCode = new Map<string, RegionFeature>();
	const fileOf = new Map<string, string>();
	for (const { file, collection } of files) {
		for (const f of collection.features) {
			const code = f.properties.code;
			const earlier = fileOf.get(code);
			if (earlier !== undefined) {
				throw new GeoDataError(`${file}: region ${code} is already in ${earlier}.`);
			}
			byCode.set(code, f);
			fileOf.set(code, file);
		}
	}
	return byCode;
}

/**
 * The features of the given codes as one collection, in code order (the map's tab order); codes
 * without a boundary are left out. Null when none has one, so a page never draws an empty map.
 * @example pickFeatures(index, ['33.18.02', '33.18.01', '99'])?.features.map((f) => f.properties.code) // ['33.18.01', '33.18.02']
 */
export function pickFeatures(
	index: ReadonlyMap<string, RegionFeature>,
	codes: readonly string[]
): RegionCollection | null {
	const features = [...new Set(codes)]
		.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
		.map((c) => index.get(c))
		.filter((f): f is RegionFeature => f !== undefined);
	return features.length ? { type: 'FeatureCollection', features } : null;
}

const indexes = new Map<string, Map<string, RegionFeature>>();
const projected = new Map<string, MapGeometry | null>();
const MAX_PROJECTED = 64;

/** Every boundary of DATA_DIR/geo/, parsed and rewound for d3-geo, read once per data folder. */
export function boundaries(dataDir = config().dataDir): Map<string, RegionFeature> {
	let hit = indexes.get(dataDir);
	if (hit) return hit;
	const dir = path.join(dataDir, GEO_DIR);
	const files = existsSync(dir)
		? readdirSync(dir)
				.filter((f) => f.endsWith('.geojson'))
				.sort()
		: [];
	hit = indexFeatures(
		files.map((file) => ({
			file,
			collection: parseRegionGeo(readFileSync(path.join(dir, file), 'utf8'), file)
		}))
	);
	indexes.set(dataDir, hit);
	return hit;
}

/**
 * The projected map of the given regions `width` px wide (height from the shape unless given),
 * cached per region set and size; null when none of them has a boundary.
 * @example mapGeometry(['33.18.01', …, '33.18.21'], 600)?.shapes.length === 21
 */
export function mapGeometry(
	codes: readonly string[],
	width: number,
	opts: { height?: number; dataDir?: string } = {}
): MapGeometry | null {
	const dataDir = opts.dataDir ?? config().dataDir;
	const key = JSON.stringify([dataDir, width, opts.height ?? null, [...codes].sort()]);
	if (projected.has(key)) return projected.get(key)!;
	const collection = pickFeatures(boundaries(dataDir), codes);
	const geometry = collection ? projectRegions(collection, width, opts.height) : null;
	if (projected.size >= MAX_PROJECTED) projected.delete(projected.keys().next().value as string);
	projected.set(key, geometry);
	return geometry;
}

export interface ChildRegion {
	code: string;
	name: string;
	kind: string;
}

/**
 * The regions under `parent` in the regions table (e.g. Pati's kecamatan), optionally of some
 * kinds only, in code order.
 */
export function childRegions(parent: string, kinds?: readonly string[]): ChildRegion[] {
	const rows: ChildRegion[] = regionsDb.children(getConnection(), parent);
	return kinds ? rows.filter((r) => kinds.includes(r.kind)) : rows;
}
