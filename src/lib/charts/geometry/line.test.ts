import { describe, it, expect } from 'vitest';
import {
	axisTicks,
	linePath,
	lineScales,
	tickDecimals,
	toggleHidden,
	valueDomain,
	yearExtent,
	yearTicks
} from './line';
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

describe('tickDecimals()', () => {
	it.each([
		[[0.32, 0.325, 0.33, 0.335, 0.34], 3],
		[[0.3, 0.31, 0.32], 2],
		[[0, 0.2, 0.4, 0.6000000000000001], 1],
		[[0.2, 0.30000000000000004, 0.4], 1],
		[[2500000, 2550000, 2600000], 0],
		[[0, 0.5, 1], 1],
		[[200, 400, 600], 0],
		[[-1, 0, 1], 0],
		[[0, 0.0002, 0.0004], 4],
		[[0.4, 0.2, 0], 1],
		[[75.5], 1],
		[[3], 0],
		[[NaN, 2, 4], 0],
		[[], 0]
	] as [number[], number][])('tickDecimals(%j) gives %i', (ticks, d) => {
		expect(tickDecimals(ticks)).toBe(d);
	});
});

describe('axisTicks()', () => {
	const fixed = (v: number, d: number) => v.toFixed(d);
	it('axisTicks() writes a 0.005 step with 3 decimals, where 2 would read 0.33 twice', () => {
		expect(axisTicks([0.32, 0.325, 0.33, 0.335, 0.34], fixed).map((t) => t.label)).toEqual([
			'0.320',
			'0.325',
			'0.330',
			'0.335',
			'0.340'
		]);
	});
	it('axisTicks() writes millions without decimals', () => {
		expect(axisTicks([2500000, 2600000], fixed)).toEqual([
			{ value: 2500000, label: '2500000' },
			{ value: 2600000, label: '2600000' }
		]);
	});
	it('axisTicks() adds decimals while a formatter that rounds more would repeat a label', () => {
		// A formatter that keeps one decimal fewer than asked, e.g. a coarse locale setting.
		const coarse = (v: number, d: number) => v.toFixed(Math.max(0, d - 1));
		expect(axisTicks([0, 0.5, 1], coarse).map((t) => t.label)).toEqual(['0.0', '0.5', '1.0']);
	});
	it('axisTicks() drops a tick whose label would repeat even at 6 decimals', () => {
		const whole = (v: number) => String(Math.round(v));
		expect(axisTicks([0, 0.4, 1], whole)).toEqual([
			{ value: 0, label: '0' },
			{ value: 1, label: '1' }
		]);
	});
	it('axisTicks() skips NaN and gives nothing for no ticks', () => {
		expect(axisTicks([NaN, 5], fixed)).toEqual([{ value: 5, label: '5' }]);
		expect(axisTicks([], fixed)).toEqual([]);
	});
});

describe('toggleHidden()', () => {
	const order = ['kudus', 'rembang', 'jepara'];
	it.each([
		[[], 'rembang', true, ['rembang']],
		[['jepara'], 'kudus', true, ['kudus', 'jepara']],
		[['kudus', 'jepara'], 'kudus', false, ['jepara']],
		[['rembang'], 'rembang', true, ['rembang']],
		[[], 'jepara', false, []],
		[['blora', 'kudus'], 'rembang', true, ['kudus', 'rembang', 'blora']],
		[['kudus'], 'blora', true, ['kudus', 'blora']]
	] as [string[], string, boolean, string[]][])(
		'toggleHidden(order, %j, %s, %s) gives %j',
		(hidden, key, hide, out) => {
			expect(toggleHidden(order, hidden, key, hide)).toEqual(out);
		}
	);
});
