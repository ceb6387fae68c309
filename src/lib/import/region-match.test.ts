import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { msg } from './messages';
import {
	editDistance,
	normaliseRegionName,
	preferredKinds,
	RegionNameIndex,
	type RegionCandidate
} from './region-match';
import type { RegionInfo, RegionKind } from './types';

/** The seed's regions (data/): the province, its 35 kabupaten and kota, and Pati's kecamatan. */
function seedRegions(): Map<string, RegionInfo> {
	const regions = new Map<string, RegionInfo>();
	for (const file of ['regions.csv', 'regions-jateng.csv', 'kecamatan.csv']) {
		const text = readFileSync(new URL(`../../../data/${file}`, import.meta.url), 'utf-8');
		for (const line of text.trim().split('\n').slice(1)) {
			const [code, name, kind, , bps] = line.split(',');
			regions.set(code, { name, kind: kind as RegionKind, bpsCode: bps || null });
		}
	}
	return regions;
}

const regions = seedRegions();
const index = new RegionNameIndex(regions);
const codes = (list: RegionCandidate[]) => list.map((r) => r.code);

describe('normaliseRegionName()', () => {
	it('drops case, spaces, punctuation and accents', () => {
		expect(normaliseRegionName(' KOTA  Semarang ')).toBe('kotasemarang');
		expect(normaliseRegionName('Kab.Pati')).toBe('kabpati');
		expect(normaliseRegionName('Kabupaten  Pati,')).toBe('kabupatenpati');
		expect(normaliseRegionName('Kota Baru')).toBe(normaliseRegionName('Kotabaru'));
		expect(normaliseRegionName('Pâti')).toBe('pati');
		expect(normaliseRegionName(' - ')).toBe('');
	});
});

describe('RegionNameIndex.match()', () => {
	const found = (code: string) => ({ status: 'found', code });

	for (const name of [
		'Kabupaten Pati',
		'Kab. Pati',
		'Kab Pati',
		'KABUPATEN PATI',
		'kab.pati',
		' Kabupaten  Pati ',
		'KabupatenPati'
	])
		it(`"${name}" is Kabupaten Pati`, () => {
			expect(index.match(name)).toEqual(found('33.18'));
		});

	it('a city by its kind word, in any case', () => {
		expect(index.match('Kota Semarang')).toEqual(found('33.74'));
		expect(index.match('KOTA SEMARANG')).toEqual(found('33.74'));
		expect(index.match('Kabupaten Semarang')).toEqual(found('33.22'));
	});

	it('no guessing of abbreviations: "Kota Smg" is no region', () => {
		expect(index.match('Kota Smg')).toEqual({ status: 'unknown' });
		expect(index.match('Kab Smg')).toEqual({ status: 'unknown' });
	});

	it('a bare name shared by several regions is ambiguous, with every one of them', () => {
		const pati = index.match('PATI');
		expect(pati.status).toBe('ambiguous');
		expect(pati.status === 'ambiguous' && codes(pati.candidates)).toEqual(['33.18', '33.18.10']);
		const semarang = index.match('Semarang');
		expect(semarang.status === 'ambiguous' && codes(semarang.candidates)).toEqual([
			'33.22',
			'33.74'
		]);
	});

	it('a bare name of one region only is that region', () => {
		expect(index.match('Kudus')).toEqual(found('33.19'));
		expect(index.match('jawa tengah')).toEqual(found('33'));
		expect(index.match('Prov. Jawa Tengah')).toEqual(found('33'));
	});

	it('a kind word picks between regions of one name: "Kecamatan Pati", "Kec. Pati"', () => {
		expect(index.match('Kecamatan Pati')).toEqual(found('33.18.10'));
		expect(index.match('Kec. Pati')).toEqual(found('33.18.10'));
	});

	it('a Kemendagri or BPS code in the name column is taken as the code', () => {
		expect(index.match('33.18')).toEqual(found('33.18'));
		expect(index.match(' 3318 ')).toEqual(found('33.18'));
		expect(index.match('3318100')).toEqual(found('33.18.10'));
		expect(index.match('33.99')).toEqual({ status: 'unknown' });
	});

	it('punctuation alone, or a name no region has, is unknown', () => {
		expect(index.match('-')).toEqual({ status: 'unknown' });
		expect(index.match('Kabupaten Atlantis')).toEqual({ status: 'unknown' });
	});

	it('an index of no regions knows no name', () => {
		expect(new RegionNameIndex(new Map()).match('Kabupaten Pati')).toEqual({ status: 'unknown' });
	});
});

describe('a kecamatan file', () => {
	// The column "Kecamatan" says which kind its names are: "Pati" is then the kecamatan.
	const kecamatan = new RegionNameIndex(regions, preferredKinds('Kecamatan'));

	it('names each kecamatan by its bare name, "Pati" included', () => {
		expect(
			['Sukolilo', 'KAYEN', 'Pati', 'Juwana', 'Dukuhseti'].map((n) => kecamatan.match(n))
		).toEqual([
			{ status: 'found', code: '33.18.01' },
			{ status: 'found', code: '33.18.02' },
			{ status: 'found', code: '33.18.10' },
			{ status: 'found', code: '33.18.08' },
			{ status: 'found', code: '33.18.20' }
		]);
	});

	it('still takes a kabupaten written with its kind word (the table’s total row)', () => {
		expect(kecamatan.match('Kabupaten Pati')).toEqual({ status: 'found', code: '33.18' });
	});

	it('a Kabupaten/Kota column makes "Pati" the kabupaten, but "Semarang" stays two regions', () => {
		const kabKota = new RegionNameIndex(regions, preferredKinds('Kabupaten/Kota'));
		expect(kabKota.match('Pati')).toEqual({ status: 'found', code: '33.18' });
		const semarang = kabKota.match('Semarang');
		expect(semarang.status === 'ambiguous' && codes(semarang.candidates)).toEqual([
			'33.22',
			'33.74'
		]);
	});
});

describe('preferredKinds()', () => {
	const kinds = (label: string) => {
		const set = preferredKinds(label);
		return set ? [...set].sort() : undefined;
	};
	it('reads the kinds a column label names', () => {
		expect(kinds('Kabupaten/Kota')).toEqual(['kabupaten', 'kota']);
		expect(kinds('Kab. / Kota')).toEqual(['kabupaten', 'kota']);
		expect(kinds('Kabupaten/Kota Regency/Municipality')).toEqual(['kabupaten', 'kota']);
		expect(kinds('Kecamatan')).toEqual(['kecamatan']);
		expect(kinds('nama_wilayah')).toBeUndefined();
		expect(kinds('Daerah')).toBeUndefined();
	});
});

describe('RegionNameIndex.suggest()', () => {
	it('offers up to three nearest names of an unknown one, nearest first', () => {
		expect(codes(index.suggest('Pekalngan'))).toEqual(['33.26', '33.75', '33.18.07']);
		expect(codes(index.suggest('Sukolio'))).toEqual(['33.18.01', '33.11']);
	});

	it('compares a name written with its kind word without it, that kind first', () => {
		expect(codes(index.suggest('Kabupaten Patti'))).toEqual(['33.18', '33.18.10']);
		// A shortening is offered (never taken): Smg of Semarang.
		expect(codes(index.suggest('Kota Smg'))).toEqual(['33.74', '33.22']);
		expect(codes(index.suggest('Kab Smg'))).toEqual(['33.22', '33.74']);
	});

	it('offers nothing when nothing is close', () => {
		expect(index.suggest('Atlantis')).toEqual([]);
		expect(index.suggest('-')).toEqual([]);
	});
});

describe('editDistance()', () => {
	it('counts insertions, deletions and substitutions', () => {
		expect(editDistance('pati', 'pati')).toBe(0);
		expect(editDistance('pati', 'patti')).toBe(1);
		expect(editDistance('kudus', 'kuduz')).toBe(1);
		expect(editDistance('', 'abc')).toBe(3);
		expect(editDistance('kotasmg', 'kotasemarang')).toBe(5);
		expect(editDistance('a'.repeat(100), 'b'.repeat(100))).toBe(100);
	});
});

describe('the messages of an unmatched name', () => {
	it('an ambiguous name lists its regions, with the kind where the name lacks it', () => {
		const pati = index.match('PATI');
		expect(pati.status).toBe('ambiguous');
		if (pati.status !== 'ambiguous') return;
		expect(msg.ambiguousRegionName('PATI', pati.candidates)).toEqual({
			id: 'Nama wilayah "PATI" cocok dengan lebih dari satu wilayah: Kabupaten Pati (33.18), Pati (kecamatan, 33.18.10). Tulis nama lengkapnya atau pakai kolom kode_wilayah.',
			en: 'Region name "PATI" matches more than one region: Kabupaten Pati (33.18), Pati (kecamatan, 33.18.10). Write the full name or use the region_code column.'
		});
	});

	it('an unknown name offers the nearest ones, or says only what to do', () => {
		expect(msg.unknownRegionName('Kota Smg', index.suggest('Kota Smg'))).toEqual({
			id: 'Nama wilayah "Kota Smg" tidak terdaftar. Mungkin maksudnya: Kota Semarang (33.74), Kabupaten Semarang (33.22)? Periksa ejaannya (singkatan selain Kab., Kec. dan Prov. tidak dikenali) atau pakai kolom kode_wilayah.',
			en: 'Region name "Kota Smg" is not registered. Did you mean: Kota Semarang (33.74), Kabupaten Semarang (33.22)? Check the spelling (no abbreviation other than Kab., Kec. and Prov. is recognised) or use the region_code column.'
		});
		expect(msg.unknownRegionName('Atlantis', [])).toEqual({
			id: 'Nama wilayah "Atlantis" tidak terdaftar. Periksa ejaannya (singkatan selain Kab., Kec. dan Prov. tidak dikenali) atau pakai kolom kode_wilayah.',
			en: 'Region name "Atlantis" is not registered. Check the spelling (no abbreviation other than Kab., Kec. and Prov. is recognised) or use the region_code column.'
		});
	});
});
