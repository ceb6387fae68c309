import { describe, expect, it } from 'vitest';
import {
	datasetSummary,
	SUMMARY_END,
	SUMMARY_START,
	withSummary,
	yearRuns,
	type SummaryInput
} from './dataset-summary.ts';

const obs = (region: string, indicator: string, year: number, kind = 'bps') => ({
	region_code: region,
	indicator_code: indicator,
	year: String(year),
	value: '1',
	source: 'https://example.test',
	source_kind: kind,
	reference_period: String(year),
	note: ''
});

const input = (over: Partial<SummaryInput> = {}): SummaryInput => ({
	observations: [
		obs('33.18', 'a1', 2020),
		obs('33.18', 'a1', 2021, 'berita'),
		obs('33.18', 'a1', 2023, 'berita'),
		obs('33.18', 'ctx', 2022),
		obs('33.19', 'a1', 2020, 'salinan_bps'),
		obs('33.01', 'a1', 2020, 'salinan_bps'),
		obs('33.01', 'b1', 2021, 'pemerintah')
	],
	targets: [],
	conflicts: [
		{ region_code: '33.18', indicator_code: 'a1', year: '2021' },
		{ region_code: '33.18', indicator_code: 'a1', year: '2021' }
	],
	decisions: 1,
	indicators: [
		{ code: 'a1', framework_code: 'fw', element_code: 'alpha.x', weight: '1' },
		{ code: 'ctx', framework_code: 'fw', element_code: 'alpha.x', weight: '0' },
		{ code: 'b1', framework_code: 'fw', element_code: 'beta.y', weight: '1' },
		{ code: 's1', framework_code: 'spbe', element_code: 'a1', weight: '10' }
	],
	nodes: [
		{ framework_code: 'fw', code: 'alpha', parent_code: '', name_en: 'Alpha' },
		{ framework_code: 'fw', code: 'alpha.x', parent_code: 'alpha', name_en: 'X' },
		{ framework_code: 'fw', code: 'beta', parent_code: '', name_en: 'Beta' }
	],
	instance: { defaultRegion: '33.18', peers: ['33.19'], framework: 'fw', province: '33' },
	regions: [
		{ code: '33', name: 'Provinsi P', kind: 'provinsi', parent_code: '' },
		{ code: '33.01', name: 'Kabupaten A', kind: 'kabupaten', parent_code: '33' },
		{ code: '33.18', name: 'Kabupaten Home', kind: 'kabupaten', parent_code: '33' },
		{ code: '33.19', name: 'Kota B', kind: 'kota', parent_code: '33' },
		{ code: '33.18.01', name: 'Kec', kind: 'kecamatan', parent_code: '33.18' }
	],
	...over
});

describe('yearRuns()', () => {
	it('joins consecutive years into runs, sorted, without repeats', () => {
		expect(yearRuns([2024, 2020, 2021, 2022, 2024, 2018])).toBe('2018, 2020–2022, 2024');
		expect(yearRuns([2023])).toBe('2023');
		expect(yearRuns([])).toBe('');
	});
});

describe('datasetSummary()', () => {
	it('counts regions, indicators, rows by source kind, the group, conflicts and decisions', () => {
		expect(datasetSummary(input()).slice(0, 5)).toEqual([
			'- Regions: 1 province, 3 kabupaten/kota (2 kabupaten, 1 kota), 1 kecamatan of Kabupaten Home.',
			'- `indicators.csv`: 3 of `fw` (2 scored, 1 context), 1 of `spbe`.',
			'- `observations.csv`: 7 values for 3 regions and 3 indicators, 2020–2023; by source kind: bps 2, salinan_bps 2, pemerintah 1, berita 2, lainnya 0.',
			'- Kabupaten Home and its 1 peers: 5 values; Kabupaten Home alone: 4.',
			'- `targets.csv`: 0 targets. `conflicts.csv`: 2 rows for 1 region-indicator-years where sources disagree; `sources/decisions.csv`: 1 decisions.'
		]);
	});

	it('lists per dimension the default region’s indicators with data, context in italics, and the rest as missing', () => {
		const lines = datasetSummary(input());
		expect(lines).toContain('| Alpha | 2 | 2 | `a1` (2020–2021, 2023), _`ctx` (2022)_ |');
		expect(lines).toContain('| Beta | 1 | 0 | – |');
		expect(lines).toContain('Still without any published figure for Kabupaten Home (1): `b1`.');
	});

	it('names a map layer only when every kabupaten/kota of the province has a value that year', () => {
		expect(datasetSummary(input()).at(-1)).toBe(
			'Indicators with a value for all 3 kabupaten/kota of the province in some year (map layers, 1): `a1` (2020).'
		);
		const without = input({
			observations: input().observations.filter((o) => o.region_code !== '33.19')
		});
		expect(datasetSummary(without).at(-1)).toBe(
			'Indicators with a value for all 3 kabupaten/kota of the province in some year (map layers, 0): none.'
		);
	});
});

describe('withSummary()', () => {
	it('replaces only what lies between the markers, and again gives the same text', () => {
		const readme = `# Title\n\n${SUMMARY_START}\n\nold\n\n${SUMMARY_END}\n\nAfter.\n`;
		const once = withSummary(readme, ['- one', '- two']);
		expect(once).toBe(`# Title\n\n${SUMMARY_START}\n\n- one\n- two\n\n${SUMMARY_END}\n\nAfter.\n`);
		expect(withSummary(once, ['- one', '- two'])).toBe(once);
	});

	it('refuses a README without both markers, in order', () => {
		expect(() => withSummary('# no markers\n', [])).toThrow(SUMMARY_START);
		expect(() => withSummary(`${SUMMARY_END}\n${SUMMARY_START}\n`, [])).toThrow(SUMMARY_END);
	});
});
