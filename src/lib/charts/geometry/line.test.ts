import { describe, it, expect } from 'vitest';
import { linePath, lineScales, valueDomain, yearExtent, yearTicks } from './line';
import type { YearValue } from '../types';

describe('yearExtent()', () => {
	it.each([
		[
			[[{ year: 2018, value: 1 }], [{ year: 2024, value: null }]],
			[2018, 2024]
		],
		[[[{ year: 2020, value: 1 }]], [2020, 2020]],
		[[[]], null],
		[[], null]
	] as [YearValue[][], [number, number] | null][])('yearExtent(%j) gives %j', (series, ext) => {
		expect(yearExtent(series)).toEqual(ext);
	});
});

describe('valueDomain()', () => {
	it.each([
		[[3.2, 7.9], false, [3, 8]],
		[[3.2, 7.9], true, [0, 8]],
		[[45, null, 61.5, NaN], false, [45, 65]],
		[[1379022, 1400100], false, [1375000, 1400000 + 5000]],
		[[5, 5], false, [4.4, 5.6]],
		[[0], false, [-1, 1]],
		[[null, NaN], false, [0, 1]],
		[[], true, [-1, 1]],
		[[-4, 2], true, [-4, 2]]
	] as [(number | null)[], boolean, [number, number]][])(
		'valueDomain(%j, %s) gives %j',
		(values, zero, domain) => {
			expect(valueDomain(values, zero)).toEqual(domain);
		}
	);
});

describe('lineScales()', () => {
	const m = { top: 10, right: 10, bottom: 20, left: 30 };
	it('lineScales() maps the first and last year to the plot edges and values bottom-up', () => {
		const { x, y } = lineScales([2018, 2024], [0, 100], 330, 230, m);
		expect([x(2018), x(2021), x(2024)]).toEqual([30, 175, 320]);
		expect([y(0), y(50), y(100)]).toEqual([210, 110, 10]);
	});
	it('lineScales() centres a single year', () => {
		const { x } = lineScales([2020, 2020], [0, 1], 330, 230, m);
		expect(x(2020)).toBe(175);
	});
});

describe('linePath()', () => {
	const x = (year: number) => (year - 2018) * 10;
	const y = (v: number) => 100 - v;
	it.each([
		[
			[
				{ year: 2018, value: 40 },
				{ year: 2019, value: 50.123 },
				{ year: 2020, value: 60 }
			],
			'M0,60L10,49.88L20,40'
		],
		[
			[
				{ year: 2020, value: 60 },
				{ year: 2018, value: 40 },
				{ year: 2019, value: null }
			],
			'M0,60ZM20,40Z'
		],
		[
			[
				{ year: 2018, value: 40 },
				{ year: 2019, value: 45 },
				{ year: 2020, value: null },
				{ year: 2021, value: 0 },
				{ year: 2022, value: 10 }
			],
			'M0,60L10,55M30,100L40,90'
		],
		[[{ year: 2018, value: NaN }], ''],
		[[], '']
	] as [YearValue[], string][])('linePath(%j) gives %j (gaps at null, never 0)', (points, d) => {
		expect(linePath(points, x, y)).toBe(d);
	});
});

describe('yearTicks()', () => {
	it.each([
		[[2018, 2024], 4, [2018, 2020, 2022, 2024]],
		[[2018, 2024], 10, [2018, 2019, 2020, 2021, 2022, 2023, 2024]],
		[[2018, 2025], 3, [2018, 2022]],
		[[2020, 2020], 5, [2020]],
		[[2019.5, 2020.5], 5, [2020]],
		[[2021, 2020], 5, []]
	] as [[number, number], number, number[]][])(
		'yearTicks(%j, %i) gives %j',
		(years, max, ticks) => {
			expect(yearTicks(years, max)).toEqual(ticks);
		}
	);
});
