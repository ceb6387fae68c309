import { describe, expect, it } from 'vitest';
import type { KominfoEvaluationRow } from '$lib/evaluation/kominfo';
import {
	indicatorMapValues,
	mapIndicators,
	officialMapValues,
	parseMapMode,
	provinceShortName,
	scoreMapValues,
	type ScoredRegion
} from './map';

describe('parseMapMode()', () => {
	it.each([
		[null, 'scores'],
		['', 'scores'],
		['scores', 'scores'],
		['official', 'official'],
		['OFFICIAL', null],
		['kominfo', null]
	])('parseMapMode(%j) is %j', (raw, mode) => {
		expect(parseMapMode(raw)).toBe(mode);
	});
});

const regions: ScoredRegion[] = [
	{
		code: '33.18',
		composite: 61.5,
		compositeIllustrative: true,
		dimensions: {
			economy: { score: 70, illustrative: false },
			living: { score: null, illustrative: true }
		}
	},
	{
		code: '33.19',
		composite: null,
		compositeIllustrative: false,
		dimensions: { economy: { score: 55.25, illustrative: true } }
	}
];

describe('scoreMapValues()', () => {
	it('scoreMapValues(regions, null) gives the composite and its illustrative flag', () => {
		expect(scoreMapValues(regions, null)).toEqual({
			values: { '33.18': 61.5, '33.19': null },
			illustrative: { '33.18': true, '33.19': false }
		});
	});

	it('scoreMapValues(regions, "economy") gives that dimension; a missing dimension is no data', () => {
		expect(scoreMapValues(regions, 'economy')).toEqual({
			values: { '33.18': 70, '33.19': 55.25 },
			illustrative: { '33.18': false, '33.19': true }
		});
	});

	it('scoreMapValues() never flags a missing score as illustrative', () => {
		expect(scoreMapValues(regions, 'living')).toEqual({
			values: { '33.18': null, '33.19': null },
			illustrative: { '33.18': false, '33.19': false }
		});
	});

	it('scoreMapValues([], null) is empty', () => {
		expect(scoreMapValues([], null)).toEqual({ values: {}, illustrative: {} });
	});
});

describe('officialMapValues()', () => {
	const row = (region: string, regionCode: string | null, nilaiFinal: number, tookPart = true) =>
		({
			no: tookPart ? 1 : null,
			region,
			regionCode,
			scores: {},
			nilaiFinal,
			improvement: null,
			note: '',
			tookPart
		}) satisfies KominfoEvaluationRow;
	const rows = [
		row('KAB. KUDUS', '33.19', 2.87),
		row('KAB. WONOGIRI', '33.12', 3.31),
		row('KOTA SURABAYA', null, 3.41),
		row('KAB. NGADA', '53.09', 0, false),
		row('KAB. LUAR', '35.07', 2.5)
	];
	it.each([
		[['33.19', '33.12', '33.18'], { '33.19': 2.87, '33.12': 3.31 }],
		[['33.18'], {}],
		[['53.09'], {}],
		[[], {}]
	])('officialMapValues(rows, %j) is %j', (codes, expected) => {
		expect(officialMapValues(rows, codes)).toEqual(expected);
	});
});

describe('provinceShortName()', () => {
	it.each([
		['Provinsi Jawa Tengah', 'Jawa Tengah'],
		['Jawa Tengah', 'Jawa Tengah'],
		['Provinsi ', 'Provinsi '],
		['', '']
	])('provinceShortName(%j) is %j', (name, expected) => {
		expect(provinceShortName(name)).toBe(expected);
	});
});

describe('the indicator layer', () => {
	const obs = [
		{
			regionCode: '33.18',
			indicatorCode: 'hdi_ipm',
			year: 2023,
			value: 73.59,
			illustrative: false
		},
		{
			regionCode: '33.19',
			indicatorCode: 'hdi_ipm',
			year: 2023,
			value: 76.71,
			illustrative: false
		},
		{ regionCode: '33.19', indicatorCode: 'gini', year: 2023, value: 0.36, illustrative: true },
		{
			regionCode: '33.18',
			indicatorCode: 'hdi_ipm',
			year: 2022,
			value: 73.14,
			illustrative: false
		},
		{ regionCode: '32.01', indicatorCode: 'gini', year: 2023, value: 0.4, illustrative: false }
	];
	it('parseMapMode() defaults to the indicator layer in a year nobody scores in', () => {
		expect(parseMapMode(null, false)).toBe('indicator');
		expect(parseMapMode('', false)).toBe('indicator');
		expect(parseMapMode('scores', false)).toBe('scores');
		expect(parseMapMode('indicator', true)).toBe('indicator');
		expect(parseMapMode('layer', true)).toBeNull();
	});
	it('mapIndicators() lists the indicators with values on the map that year, most regions first', () => {
		expect(mapIndicators(obs, ['33.18', '33.19'], 2023)).toEqual([
			{ code: 'hdi_ipm', regions: 2 },
			{ code: 'gini', regions: 1 }
		]);
		expect(mapIndicators(obs, ['33.18', '33.19'], 2023, 2)).toEqual([
			{ code: 'hdi_ipm', regions: 2 }
		]);
		expect(mapIndicators(obs, ['33.18'], 2021)).toEqual([]);
	});
	it('indicatorMapValues() gives that year only, empty elsewhere, never a value carried from another year', () => {
		expect(indicatorMapValues(obs, 'hdi_ipm', 2023, ['33.18', '33.19', '33.20'])).toEqual({
			values: { '33.18': 73.59, '33.19': 76.71, '33.20': null },
			illustrative: { '33.18': false, '33.19': false }
		});
		expect(indicatorMapValues(obs, 'gini', 2023, ['33.18', '33.19']).illustrative).toEqual({
			'33.19': true
		});
		expect(indicatorMapValues(obs, 'hdi_ipm', 2024, ['33.18']).values).toEqual({ '33.18': null });
	});
});
