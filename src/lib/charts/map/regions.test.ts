import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { parseRegionGeo } from './geo';
import { kabupatenKind, regionRows, regionsCsv, type RegionRow } from './regions';

const repo = (p: string) => fileURLToPath(new URL(`../../../../${p}`, import.meta.url));
const geo = (name: string) => parseRegionGeo(readFileSync(repo(`data/geo/${name}`), 'utf8'));
const csv = (p: string) =>
	Papa.parse<Record<string, string>>(readFileSync(repo(p), 'utf8'), {
		header: true,
		dynamicTyping: false,
		skipEmptyLines: 'greedy'
	});

// The table of data/geo/README.md: Kemendagri code ↔ BPS code for Pati's kecamatan.
const README_TABLE: [string, string, string][] = [
	['33.18.16', 'Margoyoso', '3318170'],
	['33.18.17', 'Gunungwungkal', '3318180'],
	['33.18.18', 'Cluwak', '3318190'],
	['33.18.19', 'Tayu', '3318200'],
	['33.18.20', 'Dukuhseti', '3318210'],
	['33.18.21', 'Trangkil', '3318160']
];
const ORDERED = Array.from({ length: 15 }, (_, i) => {
	const n = String(i + 1).padStart(2, '0');
	return [`33.18.${n}`, `3318${n}0`] as const;
});

describe('data/kecamatan.csv', () => {
	const parsed = csv('data/kecamatan.csv');
	const rows = parsed.data;

	it('data/kecamatan.csv has the import columns of data/regions.csv and 21 kecamatan of 33.18', () => {
		expect(parsed.meta.fields).toEqual(['code', 'name', 'kind', 'parent_code', 'bps_code']);
		expect(rows).toHaveLength(21);
		expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['kecamatan']));
		expect(new Set(rows.map((r) => r.parent_code))).toEqual(new Set(['33.18']));
	});

	it.each(README_TABLE)(
		'data/kecamatan.csv: %s %s has BPS code %s (README table)',
		(code, name, bps) => {
			expect(rows.find((r) => r.code === code)).toMatchObject({ name, bps_code: bps });
		}
	);

	it.each(ORDERED)('data/kecamatan.csv: %s has BPS code %s (same order for 01–15)', (code, bps) => {
		expect(rows.find((r) => r.code === code)?.bps_code).toBe(bps);
	});

	it('every feature of pati-kecamatan.geojson joins to a data/kecamatan.csv row on code and on bps_code', () => {
		const byCode = new Map(rows.map((r) => [r.code, r]));
		const fc = geo('pati-kecamatan.geojson');
		expect(fc.features).toHaveLength(21);
		for (const f of fc.features) {
			const row = byCode.get(f.properties.code);
			expect(row, f.properties.code).toBeDefined();
			expect(row?.name).toBe(f.properties.name);
			expect(row?.bps_code).toBe(f.properties.bps_code);
		}
	});
});

describe('data/regions-jateng.csv', () => {
	const rows = csv('data/regions-jateng.csv').data;

	it('data/regions-jateng.csv lists 29 kabupaten and 6 kota of province 33', () => {
		expect(rows).toHaveLength(35);
		expect(rows.filter((r) => r.kind === 'kabupaten')).toHaveLength(29);
		expect(rows.filter((r) => r.kind === 'kota').map((r) => r.code)).toEqual([
			'33.71',
			'33.72',
			'33.73',
			'33.74',
			'33.75',
			'33.76'
		]);
		expect(new Set(rows.map((r) => r.parent_code))).toEqual(new Set(['33']));
	});

	it('every feature of jateng-kabupaten.geojson joins to a row, and data/regions.csv holds only the province', () => {
		const byCode = new Map(rows.map((r) => [r.code, r]));
		for (const f of geo('jateng-kabupaten.geojson').features) {
			expect(byCode.get(f.properties.code), f.properties.code).toMatchObject({
				name: f.properties.name,
				bps_code: f.properties.bps_code
			});
		}
		// Kabupaten/kota are seeded from data/regions-jateng.csv only: one source per row.
		expect(csv('data/regions.csv').data.map((r) => [r.code, r.kind])).toEqual([['33', 'provinsi']]);
	});
});

describe('regionRows() and regionsCsv()', () => {
	it.each([
		['Kota Semarang', 'kota'],
		['Kabupaten Semarang', 'kabupaten'],
		['Kotawaringin', 'kabupaten'],
		['', 'kabupaten']
	])('kabupatenKind(%j) is %s', (name, kind) => {
		expect(kabupatenKind(name)).toBe(kind);
	});

	it('regionRows() sorts by code and regionsCsv() quotes a name with a comma', () => {
		const fc = {
			type: 'FeatureCollection' as const,
			features: [
				{ code: '33.71', name: 'Kota Magelang', bps_code: '3371' },
				{ code: '33.08', name: 'Kabupaten Magelang, "X"', bps_code: '3308' }
			].map((properties) => ({
				type: 'Feature' as const,
				properties,
				geometry: { type: 'Polygon' as const, coordinates: [] }
			}))
		};
		const rows: RegionRow[] = regionRows(fc, 'kabupaten', '33');
		expect(rows.map((r) => [r.code, r.kind])).toEqual([
			['33.08', 'kabupaten'],
			['33.71', 'kota']
		]);
		expect(regionsCsv(rows)).toBe(
			'code,name,kind,parent_code,bps_code\n' +
				'33.08,"Kabupaten Magelang, ""X""",kabupaten,33,3308\n' +
				'33.71,Kota Magelang,kota,33,3371\n'
		);
		expect(regionsCsv([])).toBe('code,name,kind,parent_code,bps_code\n');
	});

	it('regionsCsv() writes by the one CSV writer: ";" and edge spaces quoted, formulas guarded', () => {
		// The hand-made quoting it replaced quoted only `,` `"` CR and LF: a name with ";" fell
		// apart in a spreadsheet splitting on ";", and "=…" ran as a formula.
		const row = (name: string): RegionRow => ({
			code: '33.18.01',
			name,
			kind: 'kecamatan',
			parent_code: '33.18',
			bps_code: '3318010'
		});
		expect(regionsCsv([row('Sukolilo; Pati'), row(' Juwana'), row('=1+1')])).toBe(
			'code,name,kind,parent_code,bps_code\n' +
				'33.18.01,"Sukolilo; Pati",kecamatan,33.18,3318010\n' +
				'33.18.01," Juwana",kecamatan,33.18,3318010\n' +
				"33.18.01,'=1+1,kecamatan,33.18,3318010\n"
		);
	});
});
