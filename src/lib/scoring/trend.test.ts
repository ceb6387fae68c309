import { describe, expect, it } from 'vitest';
import type { TrendSettings } from './profile.ts';
import { groupTrend, indicatorTrend, selectTarget } from './trend.ts';
import type { TrendState } from './types.ts';

const S: TrendSettings = { years: 5, minPoints: 2, onTrackRatio: 1, moderateRatio: 0.5 };
const series = (...pairs: [number, number][]) => pairs.map(([year, value]) => ({ year, value }));
const target2025 = [{ year: 2025, value: 80 }];

describe('indicatorTrend()', () => {
	it.each<[string, [number, number][], TrendState, number | null]>([
		[
			'actual = needed (6/yr) → on_track',
			[
				[2020, 50],
				[2022, 62]
			],
			'on_track',
			1
		],
		[
			'5/yr of 6 needed → moderately_improving',
			[
				[2020, 50],
				[2022, 60]
			],
			'moderately_improving',
			5 / 6
		],
		[
			'exactly half the needed rate → stagnating',
			[
				[2020, 50],
				[2022, 56]
			],
			'stagnating',
			0.5
		],
		[
			'2.5/yr of 6 → stagnating',
			[
				[2020, 50],
				[2022, 55]
			],
			'stagnating',
			2.5 / 6
		],
		[
			'no change → stagnating',
			[
				[2020, 50],
				[2022, 50]
			],
			'stagnating',
			0
		],
		[
			'falling → decreasing',
			[
				[2020, 50],
				[2022, 48]
			],
			'decreasing',
			-1 / 6
		]
	])('higher-is-better: %s', (_, pts, state, ratio) => {
		const t = indicatorTrend(series(...pts), target2025, 'higher', 2022, S);
		expect(t.state).toBe(state);
		expect(t.ratio).toBe(ratio);
	});
	it('computes the rates from the first and last values in the window', () => {
		const t = indicatorTrend(
			series([2020, 50], [2021, 40], [2022, 60]),
			target2025,
			'higher',
			2022,
			S
		);
		expect(t).toEqual({
			state: 'moderately_improving',
			fromYear: 2020,
			fromValue: 50,
			toYear: 2022,
			toValue: 60,
			target: 80,
			targetYear: 2025,
			actualRate: 5,
			neededRate: 6,
			ratio: 5 / 6
		});
	});
	it('ignores values outside the window of `years` years ending at the assessment year', () => {
		// 2017 is outside 2018–2022: only 2022 remains → too few years.
		expect(
			indicatorTrend(series([2017, 10], [2022, 60]), target2025, 'higher', 2022, S).state
		).toBe('too_few_years');
		// A value after the assessment year does not count either.
		expect(
			indicatorTrend(series([2022, 60], [2023, 70]), target2025, 'higher', 2022, S).state
		).toBe('too_few_years');
	});
	it('is on_track when the latest value already meets the target, even with one value', () => {
		expect(indicatorTrend(series([2022, 85]), target2025, 'higher', 2022, S).state).toBe(
			'on_track'
		);
		expect(indicatorTrend(series([2022, 80]), target2025, 'higher', 2022, S).state).toBe(
			'on_track'
		);
	});
	it('is no_target without a target, whatever the data', () => {
		expect(indicatorTrend(series([2020, 50], [2022, 62]), [], 'higher', 2022, S).state).toBe(
			'no_target'
		);
	});
	it('is too_few_years with no values or fewer than minPoints', () => {
		expect(indicatorTrend([], target2025, 'higher', 2022, S).state).toBe('too_few_years');
		expect(indicatorTrend(series([2021, 60]), target2025, 'higher', 2022, S).state).toBe(
			'too_few_years'
		);
		expect(
			indicatorTrend(series([2020, 50], [2022, 60]), target2025, 'higher', 2022, {
				...S,
				minPoints: 3
			}).state
		).toBe('too_few_years');
	});
	it('reverses the direction for lower-is-better indicators', () => {
		const t10 = [{ year: 2025, value: 10 }];
		// needed −2/yr (from 20 to 10 in 5 years), actual −2/yr.
		const t = indicatorTrend(series([2020, 20], [2022, 16]), t10, 'lower', 2022, S);
		expect([t.state, t.actualRate, t.neededRate, t.ratio]).toEqual(['on_track', 2, 2, 1]);
		expect(indicatorTrend(series([2020, 20], [2022, 21]), t10, 'lower', 2022, S).state).toBe(
			'decreasing'
		);
		expect(indicatorTrend(series([2022, 9]), t10, 'lower', 2022, S).state).toBe('on_track');
	});
	it('is decreasing when the first value had met the target and the last no longer does', () => {
		expect(
			indicatorTrend(series([2020, 85], [2022, 78]), target2025, 'higher', 2022, S).state
		).toBe('decreasing');
	});
	it('uses a one-year horizon at least when the target year has passed', () => {
		// needed = 30 / max(2021 − 2018, 1) = 10; actual = 20 / 4 = 5 → 0.5 → stagnating.
		const t = indicatorTrend(
			series([2018, 50], [2022, 70]),
			[{ year: 2021, value: 80 }],
			'higher',
			2022,
			S
		);
		expect([t.state, t.neededRate, t.ratio]).toEqual(['stagnating', 10, 0.5]);
	});
});

describe('selectTarget()', () => {
	const ts = [
		{ year: 2021, value: 5 },
		{ year: 2026, value: 9 },
		{ year: 2024, value: 7 }
	];
	it.each([
		[2021, 2021],
		[2022, 2024],
		[2025, 2026],
		[2026, 2026],
		[2030, 2026],
		[2019, 2021]
	])('for year %d picks the target of %d', (year, expected) => {
		expect(selectTarget(ts, year)?.year).toBe(expected);
	});
	it('returns null without targets', () => {
		expect(selectTarget([], 2022)).toBeNull();
	});
});

describe('groupTrend()', () => {
	const g = (...kids: [TrendState, number][]) =>
		groupTrend(
			kids.map(([state, weight]) => ({ state, weight })),
			0.8
		);
	it.each<[string, [TrendState, number][], TrendState]>([
		[
			'on track + stagnating (mean 2)',
			[
				['on_track', 1],
				['stagnating', 1]
			],
			'moderately_improving'
		],
		[
			'all on track',
			[
				['on_track', 1],
				['on_track', 2]
			],
			'on_track'
		],
		[
			'on track ×3 + decreasing ×1 (mean 2.25)',
			[
				['on_track', 3],
				['decreasing', 1]
			],
			'moderately_improving'
		],
		[
			'on track ×5 + decreasing ×1 (mean 2.5)',
			[
				['on_track', 5],
				['decreasing', 1]
			],
			'on_track'
		],
		[
			'decreasing + stagnating (mean 0.5)',
			[
				['decreasing', 1],
				['stagnating', 1]
			],
			'stagnating'
		],
		[
			'decreasing ×3 + stagnating (mean 0.25)',
			[
				['decreasing', 3],
				['stagnating', 1]
			],
			'decreasing'
		],
		[
			'0.8 of the weight assessed',
			[
				['on_track', 4],
				['no_target', 1]
			],
			'on_track'
		],
		[
			'0.6 assessed, missing tied → no_target',
			[
				['on_track', 3],
				['no_target', 1],
				['too_few_years', 1]
			],
			'no_target'
		],
		[
			'0.25 assessed, mostly too few years',
			[
				['on_track', 1],
				['too_few_years', 2],
				['no_target', 1]
			],
			'too_few_years'
		],
		[
			'weight-0 children ignored',
			[
				['decreasing', 0],
				['on_track', 1]
			],
			'on_track'
		],
		['no children', [], 'no_target']
	])('%s', (_, kids, expected) => {
		expect(g(...kids)).toBe(expected);
	});
});
