import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scoreFramework } from './engine.ts';
import { indicatorScoresOf } from './views.ts';
import { smallFramework } from './fixtures.ts';
import {
	formulaNumber,
	groupFormula,
	indicatorFormula,
	type GroupFormulaInput,
	type IndicatorFormulaInput
} from './formula.ts';
import { parseProfile } from './profile.ts';

const indicator = (over: Partial<IndicatorFormulaInput>): IndicatorFormulaInput => ({
	method: 'minmax',
	polarity: 'higher',
	value: 72.5,
	worst: 60,
	best: 85,
	target: null,
	targetYear: null,
	benchmark: null,
	percentOfBenchmark: null,
	points: null,
	targetCap: 120,
	score: 50,
	reason: null,
	yearFrom: null,
	...over
});

describe('formulaNumber()', () => {
	it.each([
		[72.5, 'en', '72.5'],
		[72.5, 'id', '72,5'],
		[2349304.25, 'id', '2349304,25'],
		[1 / 3, 'en', '0.3333'],
		[-0.00004, 'en', '0'],
		[null, 'id', '–'],
		[Infinity, 'en', 'Infinity']
	] as const)('%s in %s is %j', (x, locale, text) => {
		expect(formulaNumber(x, locale)).toBe(text);
	});
});

describe('indicatorFormula(), each method in both languages', () => {
	it.each([
		[
			'minmax',
			indicator({}),
			'(72.5 − 60) / (85 − 60) × 100 = 50',
			'(72,5 − 60) / (85 − 60) × 100 = 50'
		],
		[
			'minmax above best, clamped',
			indicator({ value: 102.3, worst: 0, best: 100, score: 100 }),
			'(102.3 − 0) / (100 − 0) × 100 = 100 (102.3 clamped to 0–100)',
			'(102,3 − 0) / (100 − 0) × 100 = 100 (102,3 dibatasi ke 0–100)'
		],
		[
			'target, higher is better',
			indicator({
				method: 'target',
				value: 9.31,
				target: 8.5,
				targetYear: 2026,
				score: (9.31 / 8.5) * 100
			}),
			'9.31 / 8.5 × 100 = 109.5294; target of 2026',
			'9,31 / 8,5 × 100 = 109,5294; target tahun 2026'
		],
		[
			'target above the cap',
			indicator({ method: 'target', value: 30, target: 10, targetYear: 2026, score: 120 }),
			'30 / 10 × 100 = 120 (300 limited to 0–120); target of 2026',
			'30 / 10 × 100 = 120 (300 dibatasi ke 0–120); target tahun 2026'
		],
		[
			'target, lower is better',
			indicator({
				method: 'target',
				polarity: 'lower',
				value: 12,
				target: 9,
				targetYear: 2025,
				score: 75
			}),
			'9 / 12 × 100 = 75; target of 2025',
			'9 / 12 × 100 = 75; target tahun 2025'
		],
		[
			'target without a ratio, lower is better and the value 0',
			indicator({
				method: 'target',
				polarity: 'lower',
				value: 0,
				target: 0,
				targetYear: 2025,
				score: 100
			}),
			'no ratio (value ≤ 0): target 0 met → 100',
			'tanpa rasio (nilai ≤ 0): target 0 tercapai → 100'
		],
		[
			'target without a ratio, a target of 0 not met',
			indicator({ method: 'target', value: 0, target: 0, targetYear: 2025, score: 0 }),
			'no ratio (target ≤ 0): target 0 not met → 0',
			'tanpa rasio (target ≤ 0): target 0 tidak tercapai → 0'
		],
		[
			'bands',
			indicator({
				method: 'bands',
				value: 150,
				benchmark: 200,
				percentOfBenchmark: 75,
				points: 3,
				score: 75
			}),
			'150 / 200 × 100 = 75 % of benchmark → 3 points → 3 / 4 × 100 = 75',
			'150 / 200 × 100 = 75 % dari acuan → 3 poin → 3 / 4 × 100 = 75'
		],
		[
			'bands, lower is better',
			indicator({
				method: 'bands',
				polarity: 'lower',
				value: 2.5,
				benchmark: 2,
				percentOfBenchmark: 80,
				points: 3,
				score: 75
			}),
			'2 / 2.5 × 100 = 80 % of benchmark → 3 points → 3 / 4 × 100 = 75',
			'2 / 2,5 × 100 = 80 % dari acuan → 3 poin → 3 / 4 × 100 = 75'
		],
		[
			'level',
			indicator({ method: 'level', value: 4, score: 75 }),
			'(4 − 1) / 4 × 100 = 75',
			'(4 − 1) / 4 × 100 = 75'
		],
		[
			'no value',
			indicator({ value: null, score: null, reason: 'no_value' }),
			'not scored: no_value',
			'tidak diskor: tanpa nilai'
		],
		[
			'a value but no score (stale)',
			indicator({ score: null, reason: 'stale_data' }),
			'not scored: stale_data',
			'tidak diskor: stale_data'
		],
		[
			'not applicable yet',
			indicator({ value: null, score: null, reason: 'not_applicable', yearFrom: 2021 }),
			'not applicable: the indicator exists from 2021',
			'tidak berlaku: indikator ada sejak 2021'
		]
	])('%s', (_name, input, en, id) => {
		expect(indicatorFormula(input, 'en')).toBe(en);
		expect(indicatorFormula(input, 'id')).toBe(id);
	});
});

const group = (over: Partial<GroupFormulaInput>): GroupFormulaInput => ({
	score: 60.125,
	notApplicable: false,
	year: 2022,
	aggregation: 'arithmetic',
	geometricFloor: null,
	children: [
		{ weight: 1, score: 50, scored: true },
		{ weight: 1, score: 70.25, scored: true },
		{ weight: 1, score: null, scored: false }
	],
	scoredWeight: 2,
	totalWeight: 2,
	coverage: 1,
	minCoverage: 0.8,
	carriedShare: 0,
	maxCarriedShare: null,
	...over
});

describe('groupFormula(), in both languages', () => {
	it.each([
		[
			'arithmetic, an unscored child left out',
			group({}),
			'(1 × 50 + 1 × 70.25) / 2 = 60.125; coverage 2 / 2 = 1 (minimum 0.8); carried forward 0',
			'(1 × 50 + 1 × 70,25) / 2 = 60,125; cakupan 2 / 2 = 1 (minimum 0,8); nilai terbawa 0'
		],
		[
			'geometric, with its floor and a carried limit',
			group({ aggregation: 'geometric', geometricFloor: 1, score: 59.27, maxCarriedShare: 0.5 }),
			'exp((1 × ln(max(50, 1)) + 1 × ln(max(70.25, 1))) / 2) = 59.27; coverage 2 / 2 = 1 (minimum 0.8); carried forward 0 (maximum 0.5)',
			'exp((1 × ln(max(50, 1)) + 1 × ln(max(70,25, 1))) / 2) = 59,27; cakupan 2 / 2 = 1 (minimum 0,8); nilai terbawa 0 (maksimum 0,5)'
		],
		[
			'not scored for coverage',
			group({ score: null, scoredWeight: 1, totalWeight: 3, coverage: 1 / 3 }),
			'not scored: coverage 1 / 3 = 0.3333 (minimum 0.8); carried forward 0',
			'tidak diskor: cakupan 1 / 3 = 0,3333 (minimum 0,8); nilai terbawa 0'
		],
		[
			'not applicable',
			group({ score: null, notApplicable: true, year: 2019 }),
			'not applicable in 2019: no child with weight > 0 applies that year',
			'tidak berlaku pada 2019: tidak ada anak berbobot > 0 yang berlaku'
		]
	])('%s', (_name, input, en, id) => {
		expect(groupFormula(input, 'en')).toBe(en);
		expect(groupFormula(input, 'id')).toBe(id);
	});
});

describe('a page writes the engine’s own formula again from the trace it is given', () => {
	it('for every indicator of a scored framework, in English exactly as stored', () => {
		const profile = parseProfile(
			JSON.parse(
				readFileSync(new URL('../../../data/profiles/gm100sc-2018.json', import.meta.url), 'utf8')
			)
		);
		const observations = Object.entries({ i1: 70, i2: 20, i3: 45, i4: 150, i5: 4 }).map(
			([indicatorCode, value]) => ({
				regionCode: 'A',
				indicatorCode,
				year: 2022,
				value,
				source: 's'
			})
		);
		const result = scoreFramework({
			framework: smallFramework(),
			profile,
			observations,
			targets: [{ regionCode: 'A', indicatorCode: 'i3', year: 2022, value: 60 }],
			years: [2022]
		});
		const scores = indicatorScoresOf(result.regionYear('A', 2022)!.dimensions);
		expect(scores.length).toBe(6);
		for (const s of scores) {
			expect(
				indicatorFormula(
					{ ...s.trace, score: s.score, reason: s.reason, yearFrom: s.yearFrom },
					'en'
				)
			).toBe(s.trace.formula);
		}
	});
});
