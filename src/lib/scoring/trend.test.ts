import { describe, expect, it } from 'vitest';
import type { TrendSettings } from './profile.ts';
import { groupTrend, indicatorTrend, selectTarget } from './trend.ts';
import type { TrendState } from './types.ts';

const S: TrendSettings = {
	years: 5,
	minPoints: 2,
	onTrackRatio: 1,
	moderateRatio: 0.5,
	stableBand: 0.01
};
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
	it.each<[string, [number, number][], 'higher' | 'lower', TrendState, number]>([
		[
			'rising, higher is better → improving',
			[
				[2020, 50],
				[2022, 62]
			],
			'higher',
			'improving',
			6
		],
		[
			'rising, lower is better → worsening',
			[
				[2020, 50],
				[2022, 62]
			],
			'lower',
			'worsening',
			-6
		],
		[
			'falling, lower is better → improving',
			[
				[2020, 12],
				[2022, 9]
			],
			'lower',
			'improving',
			1.5
		],
		// range 100 × stable band 0.01 = 1 a year: a change of exactly 1 is still stable.
		[
			'within the stable band → stable',
			[
				[2020, 50],
				[2022, 52]
			],
			'higher',
			'stable',
			1
		],
		[
			'just beyond it → improving',
			[
				[2020, 50],
				[2022, 52.02]
			],
			'higher',
			'improving',
			1.01
		]
	])('without a target, the direction only: %s', (_, pts, polarity, state, rate) => {
		const t = indicatorTrend(series(...pts), [], polarity, 2022, S, { range: 100 });
		expect(t.state).toBe(state);
		expect(t.actualRate).toBeCloseTo(rate, 10);
		expect([t.target, t.neededRate, t.ratio]).toEqual([null, null, null]);
	});
	it('without a target or a scoring range, the stable band is a share of the first value', () => {
		// |first| 200 × 0.01 = 2 a year.
		expect(indicatorTrend(series([2020, 200], [2022, 203]), [], 'higher', 2022, S).state).toBe(
			'stable'
		);
		expect(indicatorTrend(series([2020, 200], [2022, 205]), [], 'higher', 2022, S).state).toBe(
			'improving'
		);
	});
	it('without a target and fewer than minPoints values is too_few_years, never on track', () => {
		expect(indicatorTrend(series([2022, 99]), [], 'higher', 2022, S).state).toBe('too_few_years');
	});
	it('does not run across a series break: the window starts at the latest break', () => {
		const pts = series([2020, 69.9], [2023, 70.5], [2024, 74.2], [2025, 74.4]);
		// 2024 is a new basis: 2025 compares with 2024 only.
		const t = indicatorTrend(pts, [], 'higher', 2025, S, { breakYears: [2024], range: 15 });
		expect([t.state, t.fromYear, t.toYear]).toEqual(['improving', 2024, 2025]);
		// In 2024 itself one value is left: too few years, not the jump from 2023.
		expect(indicatorTrend(pts, [], 'higher', 2024, S, { breakYears: [2024] }).state).toBe(
			'too_few_years'
		);
		// Before the break the old series trends as before.
		expect(
			indicatorTrend(pts, [], 'higher', 2023, S, { breakYears: [2024], range: 15 }).fromYear
		).toBe(2020);
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
			'0.8 of the weight against a target',
			[
				['on_track', 4],
				['improving', 1]
			],
			'on_track'
		],
		[
			'targets on 0.6, a direction on the rest: the mean direction (+1)',
			[
				['on_track', 3],
				['improving', 2]
			],
			'improving'
		],
		[
			'directions only, mean +1/3 → improving',
			[
				['improving', 2],
				['worsening', 1]
			],
			'improving'
		],
		[
			'directions only, mean 0 → stable',
			[
				['improving', 1],
				['worsening', 1],
				['stable', 2]
			],
			'stable'
		],
		[
			'directions only, mean −1/3 → worsening',
			[
				['worsening', 2],
				['stagnating', 1]
			],
			'worsening'
		],
		[
			'0.75 with any trend → too_few_years',
			[
				['on_track', 3],
				['too_few_years', 1]
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
		['no children', [], 'too_few_years']
	])('%s', (_, kids, expected) => {
		expect(g(...kids)).toBe(expected);
	});
});
