/**
 * The declared schema of every import kind: the single source for the validator, its error
 * messages, the CSV templates and the documentation pages.
 *
 * Header labels are matched after normalisation (trimmed, lower case, spaces and hyphens as `_`),
 * so `Kode Wilayah`, `kode-wilayah` and `KODE_WILAYAH` all mean `region_code`. The first alias is
 * the Indonesian label used by the Indonesian template.
 */
import {
	MAX_YEAR,
	METHODS,
	MIN_YEAR,
	POLARITIES,
	REGION_KINDS,
	SOURCE_KINDS,
	TARGET_DOCUMENTS,
	VALUE_TYPES,
	type ImportKind,
	type Message,
	type Shape
} from './types';

/**
 * `code`: text without spaces; `value`: a number checked against the indicator's value type;
 * `year`: a four-digit integer in MIN_YEAR–MAX_YEAR; `years`: such years separated by spaces.
 */
export type ColumnType =
	'text' | 'code' | 'enum' | 'integer' | 'number' | 'year' | 'years' | 'boolean' | 'value';

/** In a wide file: `key` columns and `shared` columns apply to every year; `cell` columns become year columns. */
export type WideRole = 'key' | 'shared' | 'cell';

export interface ColumnDecl {
	/** Canonical (English) header label. */
	name: string;
	/** Property of the typed row. */
	key: string;
	/** Indonesian header labels; the first one is used in Indonesian templates. */
	aliases: readonly string[];
	type: ColumnType;
	required: boolean;
	enum?: readonly string[];
	/** Inclusive numeric bounds (for `number` and `integer`). */
	min?: number;
	max?: number;
	pattern?: { regex: RegExp; hint: Message };
	/** Example cell for templates, written in the English number format. */
	example: string;
	/** Example cell in the Indonesian template, when it differs. */
	exampleId?: string;
	description: Message;
	wide?: WideRole;
	/**
	 * The canonical name of the column this one may stand in for (`region_name` for
	 * `region_code`): its cell is resolved to that column's value and is no row property itself.
	 */
	insteadOf?: string;
}

export interface KindSchema {
	kind: ImportKind;
	description: Message;
	shapes: readonly Shape[];
	/** Canonical names of the columns that identify a row; a key twice in a file is `unique-error`. */
	key: readonly string[];
	/** The columns of the typed rows, in template order. */
	columns: readonly ColumnDecl[];
	/**
	 * Columns a file may have in place of one of `columns` (`insteadOf`). They are recognised in
	 * a header and documented, but never written: not in templates, exports or typed rows.
	 */
	alternates?: readonly ColumnDecl[];
}

const CODE_HINT: Message = {
	id: 'kode tanpa spasi (huruf, angka, titik, garis bawah, tanda hubung)',
	en: 'a code without spaces (letters, digits, dots, underscores, hyphens)'
};
const CODE_PATTERN = { regex: /^[A-Za-z0-9][A-Za-z0-9._\-/]*$/, hint: CODE_HINT };
const REGION_CODE_PATTERN = {
	regex: /^[0-9]{2}(\.[0-9]+)*$/,
	hint: {
		id: 'kode wilayah Kemendagri seperti 33, 33.18 atau 33.18.08',
		en: 'a Kemendagri region code such as 33, 33.18 or 33.18.08'
	}
};

const regionCode: ColumnDecl = {
	name: 'region_code',
	key: 'regionCode',
	aliases: ['kode_wilayah', 'kode_daerah'],
	type: 'code',
	required: true,
	pattern: REGION_CODE_PATTERN,
	example: '33.18',
	description: {
		id: 'Kode wilayah Kemendagri (33.18 = Kabupaten Pati). Boleh dihilangkan bila wilayah bawaan diberikan.',
		en: 'Kemendagri region code (33.18 = Kabupaten Pati). May be left out when a default region is given.'
	},
	wide: 'key'
};
/**
 * Region names instead of codes, as BPS tables list them. The aliases are the first column's
 * labels of such tables; which kinds a label names (`Kabupaten/Kota`, `Kecamatan`) decides
 * between regions of one name (`region-names.ts`).
 */
const regionName: ColumnDecl = {
	name: 'region_name',
	key: 'regionName',
	aliases: [
		'nama_wilayah',
		'wilayah',
		'nama_daerah',
		'daerah',
		'kabupaten/kota',
		'kabupaten_kota',
		'kab/kota',
		'kab./kota',
		'kab_kota',
		'kabupaten',
		'provinsi/kabupaten/kota',
		'kabupaten/kota regency/municipality',
		'kecamatan',
		'kecamatan/subdistrict',
		'region',
		'regency/municipality'
	],
	type: 'text',
	required: false,
	example: 'Kabupaten Pati',
	description: {
		id: 'Nama wilayah sebagai pengganti kode_wilayah, seperti tabel BPS menuliskannya: Kabupaten Pati, Kab. Pati, KOTA SEMARANG. Nama yang dimiliki beberapa wilayah (Pati: kabupaten dan kecamatan) harus ditulis lengkap; judul kolom Kabupaten/Kota atau Kecamatan sudah menentukan jenisnya. Dipakai hanya bila tidak ada kolom kode_wilayah.',
		en: 'Region name in place of region_code, as BPS tables write it: Kabupaten Pati, Kab. Pati, KOTA SEMARANG. A name several regions share (Pati: a kabupaten and a kecamatan) must be written in full; a column headed Kabupaten/Kota or Kecamatan already says which kind. Used only when there is no region_code column.'
	},
	wide: 'key',
	insteadOf: 'region_code'
};
const indicatorCode: ColumnDecl = {
	name: 'indicator_code',
	key: 'indicatorCode',
	aliases: ['kode_indikator'],
	type: 'code',
	required: true,
	pattern: CODE_PATTERN,
	example: 'poverty_rate',
	description: {
		id: 'Kode indikator yang sudah terdaftar.',
		en: 'Code of a registered indicator.'
	},
	wide: 'key'
};
const year: ColumnDecl = {
	name: 'year',
	key: 'year',
	aliases: ['tahun'],
	type: 'year',
	required: true,
	example: '2023',
	description: {
		id: `Tahun data, ${MIN_YEAR}–${MAX_YEAR}.`,
		en: `Year of the value, ${MIN_YEAR}–${MAX_YEAR}.`
	},
	wide: 'cell'
};
const value: ColumnDecl = {
	name: 'value',
	key: 'value',
	aliases: ['nilai'],
	type: 'value',
	required: true,
	example: '9.5',
	exampleId: '9,5',
	description: {
		id: 'Nilai, dalam format angka berkas (12,5 dan 1.234.567 dalam berkas Indonesia). Persen 0–100, cacah bilangan bulat ≥ 0, level 1–5.',
		en: "Value in the file's number format (12.5 and 1,234,567 in English files). Percent 0–100, counts whole numbers ≥ 0, levels 1–5."
	},
	wide: 'cell'
};
const source: ColumnDecl = {
	name: 'source',
	key: 'source',
	aliases: ['sumber'],
	type: 'text',
	required: true,
	example: 'example only: replace with the URL or document of the value',
	exampleId: 'contoh saja: ganti dengan URL atau dokumen sumber nilai',
	description: {
		id: 'URL atau dokumen tempat nilai dibaca. Wajib: setiap angka punya sumber.',
		en: 'URL or document the value was read in. Required: every number has a source.'
	},
	wide: 'shared'
};
const note: ColumnDecl = {
	name: 'note',
	key: 'note',
	aliases: ['catatan', 'keterangan'],
	type: 'text',
	required: false,
	example: 'illustrative example row',
	exampleId: 'baris contoh ilustratif',
	description: { id: 'Catatan bebas.', en: 'Free note.' },
	wide: 'shared'
};
const sourceKind: ColumnDecl = {
	name: 'source_kind',
	key: 'sourceKind',
	aliases: ['jenis_sumber'],
	type: 'enum',
	enum: SOURCE_KINDS,
	required: false,
	example: 'bps',
	description: {
		id: 'Penerbit sumber: bps (laman BPS), salinan_bps (salinan publik tabel BPS), pemerintah, berita atau lainnya.',
		en: 'Who published the source: bps (a BPS page), salinan_bps (a public copy of a BPS table), pemerintah (government), berita (news) or lainnya (other).'
	},
	wide: 'shared'
};
const referencePeriod: ColumnDecl = {
	name: 'reference_period',
	key: 'referencePeriod',
	aliases: ['periode_rujukan', 'periode'],
	type: 'text',
	required: false,
	// Empty in the templates: a wide file shares it across its year columns, where one period
	// would be wrong for the others.
	example: '',
	description: {
		id: 'Periode yang diukur, seperti tertulis di sumber: Maret 2023, Agustus 2022, SSGI 2022.',
		en: 'The period measured, as the source prints it: Maret 2023 (March), Agustus 2022 (August), SSGI 2022.'
	},
	wide: 'shared'
};
const illustrative: ColumnDecl = {
	name: 'illustrative',
	key: 'illustrative',
	aliases: ['ilustrasi', 'ilustratif'],
	type: 'boolean',
	required: false,
	example: 'true',
	exampleId: 'ya',
	description: {
		id: 'Isi ya/1/true bila nilai hanya ilustrasi (bukan data nyata); halaman akan menandainya.',
		en: 'Set to true/1/ya when the value is illustrative (not real data); pages will say so.'
	},
	wide: 'shared'
};

function text(
	name: string,
	key: string,
	aliases: string[],
	required: boolean,
	example: string,
	description: Message,
	exampleId?: string
): ColumnDecl {
	return { name, key, aliases, type: 'text', required, example, exampleId, description };
}

// Columns the framework files (frameworks, nodes, indicators) share.

/** `name_id` and `name_en`, with the examples the templates show. */
function names(exampleId: string, exampleEn: string): ColumnDecl[] {
	return [
		text('name_id', 'nameId', ['nama_id'], true, exampleId, {
			id: 'Nama dalam bahasa Indonesia.',
			en: 'Name in Indonesian.'
		}),
		text('name_en', 'nameEn', ['nama_en'], true, exampleEn, {
			id: 'Nama dalam bahasa Inggris.',
			en: 'Name in English.'
		})
	];
}

const descriptions: ColumnDecl[] = [
	text('description_id', 'descriptionId', ['deskripsi_id'], false, '', {
		id: 'Uraian dalam bahasa Indonesia.',
		en: 'Description in Indonesian.'
	}),
	text('description_en', 'descriptionEn', ['deskripsi_en'], false, '', {
		id: 'Uraian dalam bahasa Inggris.',
		en: 'Description in English.'
	})
];

const frameworkCode: ColumnDecl = {
	name: 'framework_code',
	key: 'frameworkCode',
	aliases: ['kode_kerangka'],
	type: 'code',
	required: true,
	pattern: CODE_PATTERN,
	example: 'example-framework',
	description: { id: 'Kode kerangka yang terdaftar.', en: 'Code of a registered framework.' }
};

const weight: ColumnDecl = {
	name: 'weight',
	key: 'weight',
	aliases: ['bobot'],
	type: 'number',
	required: false,
	min: 0,
	example: '1',
	description: { id: 'Bobot, ≥ 0 (kosong = 1).', en: 'Weight, ≥ 0 (empty = 1).' }
};

const sortOrder: ColumnDecl = {
	name: 'sort_order',
	key: 'sortOrder',
	aliases: ['urutan'],
	type: 'integer',
	required: false,
	example: '1',
	description: { id: 'Urutan tampil.', en: 'Display order.' }
};

const regionsSchema: KindSchema = {
	kind: 'regions',
	description: { id: 'Wilayah (provinsi, kabupaten/kota, kecamatan).', en: 'Regions.' },
	shapes: ['long'],
	key: ['code'],
	columns: [
		{
			name: 'code',
			key: 'code',
			aliases: ['kode'],
			type: 'code',
			required: true,
			pattern: REGION_CODE_PATTERN,
			example: '33.18',
			description: { id: 'Kode wilayah Kemendagri.', en: 'Kemendagri region code.' }
		},
		text('name', 'name', ['nama'], true, 'Kabupaten Pati', {
			id: 'Nama wilayah.',
			en: 'Region name.'
		}),
		{
			name: 'kind',
			key: 'kind',
			aliases: ['jenis'],
			type: 'enum',
			enum: REGION_KINDS,
			required: true,
			example: 'kabupaten',
			description: {
				id: `Jenis wilayah: ${REGION_KINDS.join(', ')}.`,
				en: `Kind of region: ${REGION_KINDS.join(', ')}.`
			}
		},
		{
			name: 'parent_code',
			key: 'parentCode',
			aliases: ['kode_induk'],
			type: 'code',
			required: false,
			pattern: REGION_CODE_PATTERN,
			example: '33',
			description: {
				id: 'Kode wilayah induk: sudah terdaftar atau ada di baris sebelumnya dalam berkas.',
				en: 'Parent region code: already registered or on an earlier row of the file.'
			}
		},
		{
			name: 'bps_code',
			key: 'bpsCode',
			aliases: ['kode_bps'],
			type: 'code',
			required: false,
			pattern: CODE_PATTERN,
			example: '3318',
			description: { id: 'Kode wilayah BPS.', en: 'BPS region code.' }
		}
	]
};

const frameworksSchema: KindSchema = {
	kind: 'frameworks',
	description: { id: 'Kerangka penilaian (GM100SC, SPBE).', en: 'Assessment frameworks.' },
	shapes: ['long'],
	key: ['code'],
	columns: [
		{
			name: 'code',
			key: 'code',
			aliases: ['kode'],
			type: 'code',
			required: true,
			pattern: CODE_PATTERN,
			example: 'example-framework',
			description: { id: 'Kode kerangka.', en: 'Framework code.' }
		},
		text('version', 'version', ['versi'], true, '2024', { id: 'Versi.', en: 'Version.' }),
		...names('Kerangka contoh', 'Example framework'),
		{
			name: 'year_from',
			key: 'yearFrom',
			aliases: ['tahun_mulai', 'tahun_awal'],
			type: 'year',
			required: true,
			example: '2020',
			description: {
				id: 'Tahun penilaian pertama versi ini berlaku.',
				en: 'First assessment year this version applies to.'
			}
		},
		{
			name: 'year_to',
			key: 'yearTo',
			aliases: ['tahun_akhir', 'tahun_selesai'],
			type: 'year',
			required: false,
			example: '',
			description: {
				id: 'Tahun penilaian terakhir (kosong = masih berlaku); tidak sebelum tahun_mulai.',
				en: 'Last assessment year (empty = still in force); not before year_from.'
			}
		},
		text('source', 'source', ['sumber'], false, 'example only', {
			id: 'Dokumen atau peraturan yang menetapkan kerangka.',
			en: 'Document or regulation defining the framework.'
		})
	]
};

const nodesSchema: KindSchema = {
	kind: 'nodes',
	description: {
		id: 'Simpul kerangka: dimensi dan elemen (GM100SC), domain dan aspek (SPBE).',
		en: 'Framework nodes: dimensions and elements (GM100SC), domains and aspects (SPBE).'
	},
	shapes: ['long'],
	key: ['framework_code', 'code'],
	columns: [
		frameworkCode,
		{
			name: 'code',
			key: 'code',
			aliases: ['kode'],
			type: 'code',
			required: true,
			pattern: CODE_PATTERN,
			example: 'governance.service',
			description: { id: 'Kode simpul dalam kerangka.', en: 'Node code within the framework.' }
		},
		{
			name: 'parent_code',
			key: 'parentCode',
			aliases: ['kode_induk'],
			type: 'code',
			required: false,
			pattern: CODE_PATTERN,
			example: 'governance',
			description: {
				id: 'Kode simpul induk (kerangka yang sama): sudah terdaftar atau di baris sebelumnya.',
				en: 'Parent node code (same framework): already registered or on an earlier row.'
			}
		},
		text('level', 'level', ['tingkat'], true, 'element', {
			id: 'Tingkat: dimension/element (GM100SC), domain/aspect (SPBE).',
			en: 'Level: dimension/element (GM100SC), domain/aspect (SPBE).'
		}),
		...names('Pelayanan publik', 'Public service'),
		...descriptions,
		weight,
		sortOrder
	]
};

const indicatorsSchema: KindSchema = {
	kind: 'indicators',
	description: {
		id: 'Indikator dan cara penilaiannya.',
		en: 'Indicators and how they are scored.'
	},
	shapes: ['long'],
	key: ['code'],
	columns: [
		{
			name: 'code',
			key: 'code',
			aliases: ['kode'],
			type: 'code',
			required: true,
			pattern: CODE_PATTERN,
			example: 'poverty_rate',
			description: { id: 'Kode indikator.', en: 'Indicator code.' }
		},
		frameworkCode,
		{
			name: 'element_code',
			key: 'elementCode',
			aliases: ['kode_elemen'],
			type: 'code',
			required: true,
			pattern: CODE_PATTERN,
			example: 'economy.welfare',
			description: {
				id: 'Kode simpul (elemen) dalam kerangka tersebut.',
				en: 'Code of the node (element) in that framework.'
			}
		},
		...names('Persentase penduduk miskin', 'Poverty rate'),
		...descriptions,
		text('rationale_id', 'rationaleId', ['alasan_id'], false, '', {
			id: 'Mengapa indikator ini mengukur elemennya (bahasa Indonesia).',
			en: 'Why this indicator measures its element (Indonesian).'
		}),
		text('rationale_en', 'rationaleEn', ['alasan_en'], false, '', {
			id: 'Mengapa indikator ini mengukur elemennya (bahasa Inggris).',
			en: 'Why this indicator measures its element (English).'
		}),
		text('unit', 'unit', ['satuan'], true, '%', { id: 'Satuan.', en: 'Unit.' }),
		{
			name: 'polarity',
			key: 'polarity',
			aliases: ['polaritas'],
			type: 'enum',
			enum: POLARITIES,
			required: true,
			example: 'lower',
			description: {
				id: 'higher = makin tinggi makin baik; lower = makin rendah makin baik.',
				en: 'higher = higher is better; lower = lower is better.'
			}
		},
		{
			name: 'value_type',
			key: 'valueType',
			aliases: ['tipe_nilai', 'jenis_nilai'],
			type: 'enum',
			enum: VALUE_TYPES,
			required: true,
			example: 'percent',
			description: {
				id: 'number (bebas), percent (0–100), count (bilangan bulat ≥ 0), level (1–5).',
				en: 'number (any), percent (0–100), count (whole number ≥ 0), level (1–5).'
			}
		},
		{
			name: 'method',
			key: 'method',
			aliases: ['metode'],
			type: 'enum',
			enum: METHODS,
			required: true,
			example: 'minmax',
			description: {
				id: 'minmax (perlu worst ≠ best), target, bands (perlu benchmark), level (perlu value_type level).',
				en: 'minmax (needs worst ≠ best), target, bands (needs benchmark), level (needs value_type level).'
			}
		},
		{
			name: 'worst',
			key: 'worst',
			aliases: ['terburuk'],
			type: 'number',
			required: false,
			example: '20',
			description: {
				id: 'Nilai dengan skor 0; best > worst bila polaritas higher, best < worst bila lower.',
				en: 'Value scoring 0; best > worst when polarity is higher, best < worst when lower.'
			}
		},
		{
			name: 'best',
			key: 'best',
			aliases: ['terbaik'],
			type: 'number',
			required: false,
			example: '0',
			description: { id: 'Nilai dengan skor 100.', en: 'Value scoring 100.' }
		},
		{
			name: 'benchmark',
			key: 'benchmark',
			aliases: ['acuan'],
			type: 'number',
			required: false,
			example: '',
			description: {
				id: 'Acuan untuk metode bands (nilai yang mendapat skor penuh).',
				en: 'Benchmark for the bands method (the value earning full points).'
			}
		},
		text('opd', 'opd', ['opd'], false, 'BPS', {
			id: 'OPD penghasil data, mis. BPS, DISKOMINFO.',
			en: 'Producing agency (OPD), e.g. BPS, DISKOMINFO.'
		}),
		weight,
		text('definition_source', 'definitionSource', ['sumber_definisi'], false, 'example only', {
			id: 'Sumber definisi (metadata BPS, peraturan).',
			en: 'Where the definition comes from (BPS metadata, a regulation).'
		}),
		{
			name: 'year_from',
			key: 'yearFrom',
			aliases: ['tahun_mulai'],
			type: 'integer',
			required: false,
			min: MIN_YEAR,
			max: MAX_YEAR,
			example: '2020',
			description: {
				id: 'Tahun pertama indikator berlaku (kosong = sejak awal kerangka).',
				en: 'First year the indicator applies (empty = from the framework’s first year).'
			}
		},
		{
			name: 'decimals',
			key: 'decimals',
			aliases: ['desimal'],
			type: 'integer',
			required: false,
			min: 0,
			max: 6,
			example: '2',
			description: {
				id: 'Jumlah desimal yang ditampilkan, 0–6 (kosong = seperti nilainya).',
				en: 'Decimals shown to readers, 0–6 (empty = as the value has).'
			}
		},
		{
			name: 'break_years',
			key: 'breakYears',
			aliases: ['tahun_perubahan_metode'],
			type: 'years',
			required: false,
			example: '',
			description: {
				id: 'Tahun mulai dasar penghitungan baru (mis. 2024 untuk UHH BPS dengan Long Form SP2020), dipisah spasi. Tren dan perbandingan tidak melintasi tahun ini.',
				en: 'Years from which the series is on a new basis (e.g. 2024 for BPS life expectancy on the SP2020 Long Form), separated by spaces. No trend or comparison runs across them.'
			}
		},
		text('break_note_id', 'breakNoteId', ['catatan_perubahan_id'], false, '', {
			id: 'Apa yang berubah pada tahun-tahun itu (bahasa Indonesia).',
			en: 'What changed in those years (Indonesian).'
		}),
		text('break_note_en', 'breakNoteEn', ['catatan_perubahan_en'], false, '', {
			id: 'Apa yang berubah pada tahun-tahun itu (bahasa Inggris).',
			en: 'What changed in those years (English).'
		}),
		sortOrder
	]
};

const observationsSchema: KindSchema = {
	kind: 'observations',
	description: {
		id: 'Nilai indikator per wilayah dan tahun. Bentuk panjang (year, value) atau lebar (satu kolom per tahun).',
		en: 'Indicator values per region and year. Long shape (year, value) or wide (one column per year).'
	},
	shapes: ['long', 'wide'],
	key: ['region_code', 'indicator_code', 'year'],
	columns: [
		regionCode,
		indicatorCode,
		year,
		value,
		source,
		sourceKind,
		referencePeriod,
		note,
		illustrative
	],
	alternates: [regionName]
};

const targetsSchema: KindSchema = {
	kind: 'targets',
	description: {
		id: 'Target dari dokumen perencanaan (RPJMD, Renstra …), bentuk panjang atau lebar.',
		en: 'Targets from planning documents (RPJMD, Renstra …), long or wide shape.'
	},
	shapes: ['long', 'wide'],
	key: ['region_code', 'indicator_code', 'year'],
	columns: [
		regionCode,
		indicatorCode,
		year,
		value,
		{
			name: 'document_type',
			key: 'documentType',
			aliases: ['jenis_dokumen'],
			type: 'enum',
			enum: TARGET_DOCUMENTS,
			required: true,
			example: 'RPJMD',
			description: {
				id: `Jenis dokumen perencanaan: ${TARGET_DOCUMENTS.join(', ')}.`,
				en: `Kind of planning document: ${TARGET_DOCUMENTS.join(', ')}.`
			},
			wide: 'shared'
		},
		{
			name: 'document_ref',
			key: 'documentRef',
			aliases: ['halaman_dokumen', 'halaman'],
			type: 'text',
			required: true,
			example: 'Bab VII, Tabel 7.2, hlm. VII-5',
			description: {
				id: 'Tempat target tercetak di dokumen: halaman, tabel atau bab. Wajib, agar pembaca dapat memeriksanya.',
				en: 'Where in the document the target is printed: page, table or chapter. Required, so a reader can check it.'
			},
			wide: 'shared'
		},
		{
			...source,
			example: 'example only: replace with the document title, number and URL',
			exampleId: 'contoh saja: ganti dengan judul, nomor dan URL dokumen',
			description: {
				id: 'Dokumen perencanaan itu sendiri: judul, nomor, URL.',
				en: 'The planning document itself: title, number, URL.'
			}
		},
		note,
		illustrative
	],
	alternates: [regionName]
};

/** Column declarations of every kind, e.g. `kindSchemas.observations.columns[0].name === 'region_code'`. */
export const kindSchemas: Readonly<Record<ImportKind, KindSchema>> = {
	regions: regionsSchema,
	frameworks: frameworksSchema,
	nodes: nodesSchema,
	indicators: indicatorsSchema,
	observations: observationsSchema,
	targets: targetsSchema
};

/** Header label normalisation: `' Kode Wilayah '` → `'kode_wilayah'`, `'Kabupaten / Kota'` → `'kabupaten/kota'`. */
export function normaliseLabel(label: string): string {
	return label
		.trim()
		.toLowerCase()
		.replace(/\s*\/\s*/g, '/')
		.replace(/[\s-]+/g, '_');
}

const labelMaps = new Map<ImportKind, Map<string, ColumnDecl>>();

/** Finds the column a header label names, by canonical name or alias: `findColumn('observations', 'Tahun')?.name === 'year'`. */
export function findColumn(kind: ImportKind, label: string): ColumnDecl | undefined {
	let map = labelMaps.get(kind);
	if (!map) {
		map = new Map();
		const { columns, alternates = [] } = kindSchemas[kind];
		for (const column of [...columns, ...alternates]) {
			map.set(column.name, column);
			for (const alias of column.aliases) map.set(normaliseLabel(alias), column);
		}
		labelMaps.set(kind, map);
	}
	return map.get(normaliseLabel(label));
}
