/**
 * Region rows (the import format of data/regions.csv) made from the boundary files' properties,
 * so region codes, names and BPS codes join with the maps by construction. Used by
 * scripts/prepare-geo.ts to write data/kecamatan.csv and data/regions-jateng.csv. Pure module.
 */
import { csvRows } from '../../csv/write';
import type { RegionCollection } from './geo';

export type RegionKind = 'provinsi' | 'kabupaten' | 'kota' | 'kecamatan';

/** One row of data/regions.csv: `code,name,kind,parent_code,bps_code`. */
export interface RegionRow {
	code: string;
	name: string;
	kind: RegionKind;
	parent_code: string;
	bps_code: string;
}

export const REGION_COLUMNS = ['code', 'name', 'kind', 'parent_code', 'bps_code'] as const;

/**
 * Kabupaten or kota, from the Kemendagri name's prefix.
 * @example kabupatenKind('Kota Semarang') === 'kota'; kabupatenKind('Kabupaten Semarang') === 'kabupaten'
 */
export function kabupatenKind(name: string): 'kabupaten' | 'kota' {
	return /^Kota\s/.test(name) ? 'kota' : 'kabupaten';
}

/**
 * One region row per feature, sorted by code. `kind` 'kabupaten' means "kabupaten or kota by the
 * name's prefix". The parent is given, never derived from the code.
 * @example regionRows(pati, 'kecamatan', '33.18')[0] // { code: '33.18.01', name: 'Sukolilo', kind: 'kecamatan', parent_code: '33.18', bps_code: '3318010' }
 */
export function regionRows(
	collection: RegionCollection,
	kind: 'kabupaten' | 'kecamatan',
	parentCode: string
): RegionRow[] {
	return collection.features
		.map((f) => ({
			code: f.properties.code,
			name: f.properties.name,
			kind: kind === 'kecamatan' ? ('kecamatan' as const) : kabupatenKind(f.properties.name),
			parent_code: parentCode,
			bps_code: f.properties.bps_code
		}))
		.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/**
 * Region rows as CSV text by the one CSV writer (header, LF line ends as data/ is committed, final
 * newline).
 * @example regionsCsv([]) === 'code,name,kind,parent_code,bps_code\n'
 */
export function regionsCsv(rows: readonly RegionRow[]): string {
	return csvRows([REGION_COLUMNS, ...rows.map((r) => REGION_COLUMNS.map((c) => r[c]))], ',', '\n');
}
