import { describe, expect, it } from 'vitest';
import { findColumn, kindSchemas, normaliseLabel } from './schemas';
import { IMPORT_KINDS } from './types';

describe('kindSchemas', () => {
	for (const kind of IMPORT_KINDS) {
		const schema = kindSchemas[kind];
		it(`kindSchemas.${kind} has unique names, keys and labels, and its key columns exist`, () => {
			const all = [...schema.columns, ...(schema.alternates ?? [])];
			const labels = all.flatMap((c) => [...new Set([c.name, ...c.aliases.map(normaliseLabel)])]);
			expect(new Set(labels).size).toBe(labels.length);
			const keys = all.map((c) => c.key);
			expect(new Set(keys).size).toBe(keys.length);
			for (const k of schema.key) expect(schema.columns.some((c) => c.name === k)).toBe(true);
			for (const c of schema.alternates ?? [])
				expect(schema.columns.some((d) => d.name === c.insteadOf)).toBe(true);
			for (const c of all) {
				expect(c.aliases.length).toBeGreaterThan(0);
				expect(c.description.id).not.toBe('');
				expect(c.description.en).not.toBe('');
				if (c.type === 'enum') expect(c.enum?.length).toBeGreaterThan(0);
			}
		});
	}

	it('kindSchemas.observations lists the long-shape columns in template order', () => {
		expect(kindSchemas.observations.columns.map((c) => c.name)).toEqual([
			'region_code',
			'indicator_code',
			'year',
			'value',
			'source',
			'source_kind',
			'reference_period',
			'note',
			'illustrative'
		]);
	});
});

describe('findColumn()', () => {
	const rows: [string, string, string | undefined][] = [
		['observations', 'kode_wilayah', 'region_code'],
		['observations', ' Kode Wilayah ', 'region_code'],
		['observations', 'KODE-INDIKATOR', 'indicator_code'],
		['observations', 'tahun', 'year'],
		['observations', 'nilai', 'value'],
		['observations', 'sumber', 'source'],
		['observations', 'catatan', 'note'],
		['observations', 'keterangan', 'note'],
		['observations', 'ilustrasi', 'illustrative'],
		['targets', 'jenis_dokumen', 'document_type'],
		['indicators', 'satuan', 'unit'],
		['regions', 'kode_induk', 'parent_code'],
		['observations', 'Nama Wilayah', 'region_name'],
		['observations', 'Kabupaten/Kota', 'region_name'],
		['observations', 'Kabupaten / Kota', 'region_name'],
		['observations', 'Kab./Kota', 'region_name'],
		['observations', 'KECAMATAN', 'region_name'],
		['targets', 'wilayah', 'region_name'],
		['indicators', 'wilayah', undefined],
		['observations', 'document_type', undefined],
		['observations', '2023', undefined],
		['observations', '', undefined]
	];
	for (const [kind, label, want] of rows)
		it(`findColumn('${kind}', ${JSON.stringify(label)}) is ${want}`, () => {
			expect(findColumn(kind as 'observations', label)?.name).toBe(want);
		});
});
