/**
 * Checks the boundary files in data/geo/ and writes the region tables made from them:
 * data/kecamatan.csv (Pati's 21 kecamatan) and data/regions-jateng.csv (Jawa Tengah's 35
 * kabupaten/kota), both in the import format of data/regions.csv.
 *
 * Run: `npx tsx scripts/prepare-geo.ts` (deterministic: same inputs, same bytes out).
 *
 * The GeoJSON files are NOT rewritten: they stay byte-identical to the published RFC 7946 files
 * (see data/geo/README.md) and are rewound for d3-geo when loaded (parseRegionGeo). This script
 * fails if a file does not parse, a ring of a rewound feature covers more than a hemisphere, or
 * the feature counts differ from the README's.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { geoArea } from 'd3-geo';
import { parseRegionGeo, type RegionCollection } from '../src/lib/charts/map/geo';
import { regionRows, regionsCsv } from '../src/lib/charts/map/regions';

const DATA = join(dirname(fileURLToPath(import.meta.url)), '..', 'data');

function load(name: string, expected: number): RegionCollection {
	const file = join(DATA, 'geo', name);
	const fc = parseRegionGeo(readFileSync(file, 'utf8'), file);
	if (fc.features.length !== expected) {
		throw new Error(`${file}: expected ${expected} features, found ${fc.features.length}.`);
	}
	for (const f of fc.features) {
		const area = geoArea(f);
		if (!(area > 0 && area < 2 * Math.PI)) {
			throw new Error(
				`${file}: ${f.properties.code} has spherical area ${area} sr after rewinding.`
			);
		}
	}
	return fc;
}

const kabupaten = load('jateng-kabupaten.geojson', 35);
const kecamatan = load('pati-kecamatan.geojson', 21);

const outputs: [string, string][] = [
	['regions-jateng.csv', regionsCsv(regionRows(kabupaten, 'kabupaten', '33'))],
	['kecamatan.csv', regionsCsv(regionRows(kecamatan, 'kecamatan', '33.18'))]
];
for (const [name, text] of outputs) {
	writeFileSync(join(DATA, name), text);
	console.log(`wrote data/${name} (${text.trim().split('\n').length - 1} rows)`);
}
