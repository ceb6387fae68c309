import { describe, expect, it } from 'vitest';
import { fillYears, indicatorChart, parsePeers, peersParam, type ValueRow } from './series';

const AVAILABLE = ['33.15', '33.19', '33.20'];

describe('parsePeers()', () => {
	it.each([
		{ values: [], shown: AVAILABLE, unknown: [] },
		{ values: ['none'], shown: [], unknown: [] },
		{ values: [''], shown: [], unknown: [] },
		{ values: ['33.20,33.19'], shown: ['33.19', '33.20'], unknown: [] },
		{ values: ['none', '33.19', '33.20'], shown: ['33.19', '33.20'], unknown: [] },
		{ values: [' 33.19 , '], shown: ['33.19'], unknown: [] },
		{ values: ['33.18,33.19'], shown: ['33.19'], unknown: [] },
		{ values: ['33.99,x,33.99'], shown: [], unknown: ['33.99', 'x'] }
	])('parsePeers($values) shows $shown and reports $unknown', ({ values, shown, unknown }) => {
		expect(parsePeers(values, AVAILABLE, '33.18')).toEqual({ shown, unknown });
	});
});

describe('peersParam()', () => {
	it('peersParam() writes none for no peer and joins codes with commas', () => {
		expect(peersParam([])).toBe('none');
		expect(peersParam(['33.19'])).toBe('33.19');
		expect(peersParam(['33.19', '33.20'])).toBe('33.19,33.20');
	});
});

describe('fillYears()', () => {
	it('fillYears() puts null in the years without a value and keeps the illustrative flag', () => {
		expect(fillYears([{ year: 2020, value: 5, illustrative: true }], 2018, 2020)).toEqual([
			{ year: 2018, value: null },
			{ year: 2019, value: null },
			{ year: 2020, value: 5, illustrative: true }
		]);
	});
	it('fillYears() returns nothing when from is after to', () => {
		expect(fillYears([{ year: 2020, value: 5 }], 2021, 2020)).toEqual([]);
	});
});

const rows: ValueRow[] = [
	{ regionCode: '33.18', year: 2019, value: 70.5, illustrative: false },
	{ regionCode: '33.18', year: 2021, value: 71, illustrative: true },
	{ regionCode: '33.19', year: 2020, value: 74, illustrative: false },
	{ regionCode: '33.20', year: 2021, value: 72.25, illustrative: false }
];
const pati = { code: '33.18', name: 'Kabupaten Pati' };
const peers = [
	{ code: '33.19', name: 'Kabupaten Kudus' },
	{ code: '33.20', name: 'Kabupaten Jepara' }
];

describe('indicatorChart()', () => {
	it('indicatorChart() spans every series over the years of all values and hides unchosen peers', () => {
		const chart = indicatorChart(rows, [{ year: 2022, value: 80 }], pati, peers, ['33.20']);
		expect(chart.years).toEqual([2019, 2021]);
		expect(chart.region.points).toEqual([
			{ year: 2019, value: 70.5, illustrative: false },
			{ year: 2020, value: null },
			{ year: 2021, value: 71, illustrative: true }
		]);
		expect(chart.peers.map((p) => p.points.map((q) => q.value))).toEqual([
			[null, 74, null],
			[null, null, 72.25]
		]);
		expect(chart.hiddenPeers).toEqual(['33.19']);
		expect(chart.target).toEqual([{ year: 2022, value: 80, illustrative: undefined }]);
	});
	it('indicatorChart() with no values has no years and empty series', () => {
		const chart = indicatorChart([], [{ year: 2020, value: 1 }], pati, [], []);
		expect(chart.years).toBeNull();
		expect(chart.region.points).toEqual([]);
		expect(chart.target).toEqual([{ year: 2020, value: 1, illustrative: undefined }]);
	});
});
