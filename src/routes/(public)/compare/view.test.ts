import { describe, expect, it } from 'vitest';
import {
	defaultFromYear,
	illustrativeInputs,
	nearestYear,
	ranksByCode,
	rankRange,
	shortRegionName,
	slopeDomain,
	withoutGloss,
	type ScoredGroup
} from './view';

describe('ranksByCode()', () => {
	it.each([
		['empty input', [], []],
		['one scored item', [{ code: 'a', score: 10 }], [['a', 1]]],
		[
			'ties share a rank and the next rank skips',
			[
				{ code: 'a', score: 5 },
				{ code: 'b', score: 7 },
				{ code: 'c', score: 7 },
				{ code: 'd', score: 1 }
			],
			[
				['a', 3],
				['b', 1],
				['c', 1],
				['d', 4]
			]
		],
		[
			'null and NaN scores are unranked and do not count',
			[
				{ code: 'a', score: null },
				{ code: 'b', score: Number.NaN },
				{ code: 'c', score: 2 }
			],
			[
				['a', null],
				['b', null],
				['c', 1]
			]
		]
	] as const)('ranksByCode() with %s', (_, items, expected) => {
		expect([...ranksByCode([...items]).entries()]).toEqual(expected);
	});
});

describe('rankRange()', () => {
	it.each([
		[3, [2, 4], [2, 4]],
		[3, null, [3, 3]],
		[5, [2, 4], [2, 5]],
		[1, [1, 1], [1, 1]],
		[null, [1, 2], null],
		[Number.NaN, null, null]
	] as const)('rankRange(%s, %j) is %j', (rank, interval, expected) => {
		expect(rankRange(rank, interval as [number, number] | null)).toEqual(expected);
	});
});

describe('defaultFromYear()', () => {
	it.each([
		[2018, [2018, 2019, 2024], 2018],
		[2018, [2019, 2020], 2019],
		[2018, [2016, 2017], 2016],
		[2018, [2016, 2020], 2020],
		[2018, [], null]
	])('defaultFromYear(%s, %j) is %s', (base, years, expected) => {
		expect(defaultFromYear(base, years)).toBe(expected);
	});
});

describe('nearestYear()', () => {
	it.each([
		[[2018, 2020], 2019, 2020],
		[[2018, 2021], 2019, 2018],
		[[2018, 2020], 2030, 2020],
		[[2018], 2018, 2018],
		[[], 2018, null]
	])('nearestYear(%j, %s) is %s', (years, year, expected) => {
		expect(nearestYear(years, year)).toBe(expected);
	});
});

describe('illustrativeInputs()', () => {
	const ind = (
		code: string,
		score: number | null,
		illustrative: boolean,
		yearUsed: number | null
	) => ({
		code,
		score,
		illustrative,
		yearUsed
	});
	it('illustrativeInputs() lists scored illustrative indicators of the group and its children', () => {
		const group: ScoredGroup = {
			indicators: [ind('a', 50, true, 2022)],
			children: [
				{
					indicators: [ind('b', 10, false, 2022), ind('c', 0, true, 2021)],
					children: []
				},
				{ indicators: [ind('d', null, true, 2022)], children: [] }
			]
		};
		expect(illustrativeInputs(group)).toEqual(['a@2022', 'c@2021']);
	});
	it('illustrativeInputs() of an empty group is empty', () => {
		expect(illustrativeInputs({ indicators: [], children: [] })).toEqual([]);
	});
});

describe('shortRegionName()', () => {
	it.each([
		['Kabupaten Pati', 'Pati'],
		['Kota Semarang', 'Kota Semarang'],
		['Provinsi Jawa Tengah', 'Provinsi Jawa Tengah'],
		['', '']
	])('shortRegionName(%j) is %j', (name, expected) => {
		expect(shortRegionName(name)).toBe(expected);
	});
});

describe('withoutGloss()', () => {
	it.each([
		['Ekonomi Cerdas (Smart Economy)', 'Ekonomi Cerdas'],
		['Smart Economy', 'Smart Economy'],
		['Layanan (SPBE) publik', 'Layanan (SPBE) publik'],
		['(Smart Economy)', '(Smart Economy)'],
		['', '']
	])('withoutGloss(%j) is %j', (name, expected) => {
		expect(withoutGloss(name)).toBe(expected);
	});
});

describe('slopeDomain()', () => {
	it.each([
		[
			[35.2, 54.8],
			[30, 60]
		],
		[
			[40, 50],
			[40, 50]
		],
		[
			[41, 42],
			[40, 50]
		],
		[
			[50, 50],
			[50, 60]
		],
		[
			[100, 99.5],
			[90, 100]
		],
		[[100], [90, 100]],
		[[0], [0, 10]],
		[
			[-5, 120],
			[0, 100]
		],
		[
			[null, 45, Number.NaN],
			[40, 50]
		],
		[[], [0, 100]],
		[[null], [0, 100]]
	] as const)('slopeDomain(%j) is %j', (values, expected) => {
		expect(slopeDomain([...values])).toEqual(expected);
	});
});
