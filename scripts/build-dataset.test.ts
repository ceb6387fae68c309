import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { restoreFormulas } from '../src/lib/csv/write';
import {
	candidatesOf,
	checkTargets,
	decisionsOf,
	mirrorNote,
	resolve,
	sourceKindOf,
	toCsvText,
	type Candidate,
	type SourceTables
} from './build-dataset';

const candidate = (over: Partial<Candidate>): Candidate => ({
	regionCode: '33.18',
	indicatorCode: 'hdi_ipm',
	year: 2023,
	value: 73.59,
	text: '73.59',
	source: 'https://example.test/a',
	sourceKind: 'berita',
	referencePeriod: '2023',
	periodStated: false,
	note: '',
	origin: 'a.csv:2',
	...over
});

describe('sourceKindOf()', () => {
	it.each([
		['gov', 'https://x.example', 'pemerintah'],
		['news', 'https://x.example', 'berita'],
		['bps-mirror', 'https://github.com/x', 'salinan_bps'],
		['other', 'https://x.example', 'lainnya'],
		['BPS', 'https://x.example', 'bps'],
		['', 'https://patikab.bps.go.id/id/news/1', 'bps'],
		['', 'https://bps.go.id/id/1', 'bps'],
		['', 'https://dinkes.patikab.go.id/1', 'pemerintah'],
		['', 'https://lingkarpati.com/x', 'berita'],
		['', 'not a url', 'lainnya']
	] as const)('sourceKindOf(%j, %j) is %s', (word, url, kind) => {
		expect(sourceKindOf(word, url)).toBe(kind);
	});
	it('refuses a word it does not know rather than guess', () => {
		expect(() => sourceKindOf('blog', 'https://x.example')).toThrow('unknown source kind "blog"');
	});
});

describe('mirrorNote()', () => {
	it('names the BPS table, says it is a copy, in both languages', () => {
		expect(
			mirrorNote(
				"BPS Prov. Jawa Tengah table 'Garis Kemiskinan menurut Kabupaten/Kota' (Rp). Check: …"
			)
		).toBe(
			"Tabel BPS Provinsi Jawa Tengah 'Garis Kemiskinan menurut Kabupaten/Kota', dibaca dari salinan publiknya dan dicocokkan dengan rilis BPS yang diketahui / BPS Jawa Tengah table 'Garis Kemiskinan menurut Kabupaten/Kota', read from a public copy and checked against known BPS releases"
		);
	});
	it('keeps a note that names no table as it is', () => {
		expect(mirrorNote('copied by hand')).toBe('copied by hand');
	});
});

describe('resolve()', () => {
	it('collapses equal numbers to one value cited from the strongest source kind', () => {
		const { observations, conflicts, problems } = resolve(
			[
				candidate({ sourceKind: 'berita', origin: 'a.csv:2' }),
				candidate({ sourceKind: 'salinan_bps', source: 'https://github.com/x', origin: 'b.csv:9' }),
				candidate({ sourceKind: 'bps', source: 'https://patikab.bps.go.id/x', origin: 'c.csv:3' })
			],
			[]
		);
		expect(problems).toEqual([]);
		expect(conflicts).toEqual([]);
		expect(observations).toEqual([
			{
				region_code: '33.18',
				indicator_code: 'hdi_ipm',
				year: '2023',
				value: '73.59',
				source: 'https://patikab.bps.go.id/x',
				source_kind: 'bps',
				reference_period: '2023',
				note: ''
			}
		]);
	});
	it('within one kind, cites the row that states its period over one whose period is inferred', () => {
		const { observations } = resolve(
			[
				candidate({ referencePeriod: 'SSGI 2022', origin: 'a.csv:2', source: 'https://a.test' }),
				candidate({
					referencePeriod: 'SSGI 2022',
					periodStated: true,
					origin: 'z.csv:2',
					source: 'https://z.test'
				})
			],
			[]
		);
		expect(observations[0].source).toBe('https://z.test');
	});
	it('stops at numbers that disagree, naming both sources, unless decisions.csv chooses', () => {
		const list = [
			candidate({ value: 9.31, text: '9.31', origin: 'a.csv:2' }),
			candidate({ value: 10.02, text: '10.02', origin: 'b.csv:5', source: 'https://b.test' })
		];
		expect(resolve(list, []).problems).toEqual([
			'33.18|hdi_ipm|2023: sources disagree (9.31 in a.csv:2, 10.02 in b.csv:5): add a row to decisions.csv'
		]);
		const decided = resolve(list, [
			{
				regionCode: '33.18',
				indicatorCode: 'hdi_ipm',
				year: 2023,
				chosen: 9.31,
				reasonId: 'alasan',
				reasonEn: 'reason'
			}
		]);
		expect(decided.problems).toEqual([]);
		expect(decided.observations.map((o) => o.value)).toEqual(['9.31']);
		expect(decided.conflicts.map((c) => [c.value, c.status, c.reasonEn])).toEqual([
			['9.31', 'used', 'reason'],
			['10.02', 'not_used', 'reason']
		]);
	});
	it('keeps no value when a decision chooses none, and lists what was set aside', () => {
		const r = resolve(
			[candidate({})],
			[
				{
					regionCode: '33.18',
					indicatorCode: 'hdi_ipm',
					year: 2023,
					chosen: null,
					reasonId: 'bukan survei',
					reasonEn: 'not a survey'
				}
			]
		);
		expect(r.observations).toEqual([]);
		expect(r.conflicts.map((c) => [c.value, c.status])).toEqual([['73.59', 'not_used']]);
	});
	it('refuses a decision for a value no source prints, or for a key nothing was collected for', () => {
		const d = (year: number, chosen: number) => ({
			regionCode: '33.18',
			indicatorCode: 'hdi_ipm',
			year,
			chosen,
			reasonId: '',
			reasonEn: ''
		});
		expect(resolve([candidate({})], [d(2023, 70)]).problems).toEqual([
			'decisions.csv: 33.18|hdi_ipm|2023 chooses 70, which no source prints'
		]);
		expect(resolve([candidate({})], [d(2019, 70)]).problems).toEqual([
			'decisions.csv: 33.18|hdi_ipm|2019 has no collected figure'
		]);
	});
});

describe('candidatesOf()', () => {
	const tables = (rows: Record<string, string>[]): SourceTables => ({
		figures: [['research-x.csv', rows]],
		indicatorMap: [
			{ source_indicator: 'mpp_service_types', indicator_code: 'mpp_permit_services' }
		],
		notes: [
			{ region_code: '33.18', indicator_code: 'hdi_ipm', year: '2023', note: 'lemah / weak' }
		],
		periods: [
			{ indicator_code: 'hdi_ipm', period: '{year}', note_pattern: '' },
			{ indicator_code: 'stunting_prevalence', period: '', note_pattern: '(?:SSGI|SKI) \\d{4}' }
		],
		decisions: [],
		indicators: new Set(['hdi_ipm', 'stunting_prevalence', 'mpp_permit_services']),
		regions: new Set(['33.18'])
	});
	const row = (over: Record<string, string>) => ({
		region_code: '33.18',
		indicator_code: 'hdi_ipm',
		year: '2023',
		value: '73.59',
		source_url: 'https://patikab.bps.go.id/x',
		source_kind: '',
		note: '',
		...over
	});
	it('reads a figure with its kind, period (from the template or the note) and notes joined', () => {
		const { candidates, problems } = candidatesOf(
			tables([
				row({}),
				row({
					indicator_code: 'stunting_prevalence',
					value: '23',
					note: 'SSGI 2022 via databoks',
					year: '2022'
				}),
				row({
					indicator_code: 'mpp_service_types',
					value: '387',
					reference_period: 'Maret 2022',
					year: '2022'
				})
			])
		);
		expect(problems).toEqual([]);
		expect(
			candidates.map((c) => [
				c.indicatorCode,
				c.referencePeriod,
				c.periodStated,
				c.sourceKind,
				c.note
			])
		).toEqual([
			['hdi_ipm', '2023', false, 'bps', 'lemah / weak'],
			['stunting_prevalence', 'SSGI 2022', false, 'bps', 'SSGI 2022 via databoks'],
			['mpp_permit_services', 'Maret 2022', true, 'bps', '']
		]);
	});
	it('lists every row it cannot use, with file and row, instead of guessing', () => {
		const { candidates, problems } = candidatesOf(
			tables([
				row({ indicator_code: 'nope' }),
				row({ region_code: '99.99' }),
				row({ value: '7,5' }),
				row({ year: '20x3' }),
				row({ indicator_code: 'stunting_prevalence', note: 'survey not named' }),
				row({ source_kind: 'blog' })
			])
		);
		expect(candidates).toEqual([]);
		expect(problems).toEqual([
			'research-x.csv:2: indicator "nope" is not in indicators.csv or indicator-map.csv',
			'research-x.csv:3: region "99.99" is not in the region files',
			'research-x.csv:4: value "7,5" is not a number',
			'research-x.csv:5: year "20x3" is not a year',
			'research-x.csv:6: no reference period: give the row one or add stunting_prevalence to reference-periods.csv',
			'research-x.csv:7: unknown source kind "blog"'
		]);
	});
	it('turns the decisions file into typed decisions, an empty choice meaning none', () => {
		expect(
			decisionsOf([
				{
					region_code: '33',
					indicator_code: 'x',
					year: '2023',
					chosen_value: '',
					reason_id: 'a',
					reason_en: 'b'
				}
			])
		).toEqual([
			{
				regionCode: '33',
				indicatorCode: 'x',
				year: 2023,
				chosen: null,
				reasonId: 'a',
				reasonEn: 'b'
			}
		]);
	});
});

describe('checkTargets()', () => {
	it('asks every target for a known document type, its page or table, a source and a number', () => {
		const ok = {
			region_code: '33.18',
			indicator_code: 'hdi_ipm',
			year: '2026',
			value: '75',
			document_type: 'RPD',
			document_ref: 'Tabel 4.1',
			source: 'RPD Kabupaten Pati 2023–2026',
			note: ''
		};
		const indicators = new Set(['hdi_ipm']);
		expect(checkTargets([ok], indicators)).toEqual([]);
		expect(
			checkTargets([{ ...ok, document_type: 'other', document_ref: ' ', value: 'x' }], indicators)
		).toEqual([
			'real-targets.csv:2: document type "other" is not one of RPJMD, RPD, RPJPD, Renstra, RKPD, SPM',
			'real-targets.csv:2: no page or table (document_ref)',
			'real-targets.csv:2: value "x" is not a number'
		]);
	});
});

describe('toCsvText()', () => {
	const header = ['region_code', 'year', 'value', 'note'];
	const rows = [
		{ region_code: '33.18', year: '2020', value: '-1.15', note: 'Revisi; rilis pertama' },
		{ region_code: '33.04', year: '2020', value: '1748000', note: 'UMK 2020, +8.51%' }
	];

	it('toCsvText() writes by the one CSV writer: LF line ends, ";" quoted, formula guard after a comma, negative numbers as they are', () => {
		expect(toCsvText(header, rows)).toBe(
			'region_code,year,value,note\n' +
				'33.18,2020,-1.15,"Revisi; rilis pertama"\n' +
				`33.04,2020,1748000,"UMK 2020, '+8.51%"\n`
		);
	});

	it('toCsvText() of no rows is the header line alone (no blank line after it)', () => {
		expect(toCsvText(header, [])).toBe('region_code,year,value,note\n');
	});

	it('toCsvText() reads back, as the importer reads it (restoreFormulas on every cell), to the same rows', () => {
		const read = Papa.parse<Record<string, string>>(toCsvText(header, rows), {
			header: true,
			skipEmptyLines: 'greedy'
		}).data;
		expect(read[1].note).toBe("UMK 2020, '+8.51%");
		expect(
			read.map((r) =>
				Object.fromEntries(Object.entries(r).map(([k, v]) => [k, restoreFormulas(v)]))
			)
		).toEqual(rows);
	});
});
