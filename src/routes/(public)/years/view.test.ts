import { describe, expect, it } from 'vitest';
import { progress } from './view';

describe('progress()', () => {
	it('progress() measures from the base year to the latest scored year', () => {
		expect(
			progress(
				[
					{ year: 2018, score: 40 },
					{ year: 2020, score: 50 },
					{ year: 2024, score: 61.5 },
					{ year: 2025, score: null }
				],
				2018
			)
		).toEqual({ fromYear: 2018, fromScore: 40, toYear: 2024, toScore: 61.5, delta: 21.5 });
	});
	it('progress() starts at the first scored year after the base year when the base year has none', () => {
		expect(
			progress(
				[
					{ year: 2017, score: 30 },
					{ year: 2018, score: null },
					{ year: 2019, score: 35 },
					{ year: 2021, score: 33 }
				],
				2018
			)
		).toEqual({ fromYear: 2019, fromScore: 35, toYear: 2021, toScore: 33, delta: -2 });
	});
	it('progress() falls back to the first scored year when all scores precede the base year', () => {
		expect(
			progress(
				[
					{ year: 2015, score: 10 },
					{ year: 2016, score: 12 }
				],
				2018
			)
		).toEqual({ fromYear: 2015, fromScore: 10, toYear: 2016, toScore: 12, delta: 2 });
	});
	it('progress() sorts the series by year', () => {
		expect(
			progress(
				[
					{ year: 2024, score: 60 },
					{ year: 2018, score: 50 }
				],
				2018
			)?.delta
		).toBe(10);
	});
	it.each([
		['an empty series', []],
		['one scored year', [{ year: 2018, score: 40 }]],
		[
			'only nulls and NaN',
			[
				{ year: 2018, score: null },
				{ year: 2019, score: Number.NaN }
			]
		],
		[
			'a base-year score as the latest',
			[
				{ year: 2017, score: 20 },
				{ year: 2018, score: 40 }
			]
		]
	])('progress() is null for %s', (_, series) => {
		expect(progress(series, 2018)).toBeNull();
	});
});
