import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toApiScores } from './api.ts';
import { ScoringInputError } from './compile.ts';
import { scoreFramework, type EngineInput } from './engine.ts';
import { indicatorScoresOf } from './views.ts';
import { smallFramework, spbeFramework } from './fixtures.ts';
import { DEFAULT_SETTINGS, parseProfile, type ProfileSettings } from './profile.ts';
import { mulberry32 } from './rank.ts';
import { computeSpbe, spbeStructureFromFramework } from './spbe.ts';
import type { EngineObservation, EngineTarget, GroupScore, IndicatorScore } from './types.ts';

const profile = parseProfile(
	JSON.parse(
		readFileSync(new URL('../../../data/profiles/gm100sc-2018.json', import.meta.url), 'utf8')
	)
);
const obs = (
	regionCode: string,
	year: number,
	values: Record<string, number>
): EngineObservation[] =>
	Object.entries(values).map(([indicatorCode, value]) => ({
		regionCode,
		indicatorCode,
		year,
		value,
		source: `https://example.test/${regionCode}/${indicatorCode}`
	}));
const A22 = { i1: 70, i2: 20, i3: 45, i4: 150, i5: 4, i6: 7 };
const baseObservations = [
	...obs('A', 2022, A22),
	...obs('C', 2022, { ...A22, i1: 100 }),
	...obs('B', 2022, { i1: 90, i5: 5 })
];
const baseTargets: EngineTarget[] = [
	{ regionCode: 'A', indicatorCode: 'i3', year: 2022, value: 60 },
	{ regionCode: 'C', indicatorCode: 'i3', year: 2022, value: 60 }
];
const run = (over: Partial<EngineInput> = {}, settings: Partial<ProfileSettings> = {}) =>
	scoreFramework({
		framework: smallFramework(),
		profile: { code: profile.code, settings: { ...profile.settings, ...settings } },
		observations: baseObservations,
		targets: baseTargets,
		years: [2022],
		...over
	});

describe('scoreFramework() on a hand-computed table', () => {
	const res = run();
	const a = res.regionYear('A', 2022)!;
	const ind = (code: string) =>
		a.dimensions
			.flatMap((d) => d.children.flatMap((e) => e.indicators))
			.find((i) => i.code === code)!;

	it('scores each method exactly', () => {
		expect(['i1', 'i2', 'i3', 'i4', 'i5'].map((c) => ind(c).score)).toEqual([70, 75, 75, 75, 75]);
	});
	it('averages elements, dimensions and the composite with their weights', () => {
		expect(a.dimensions.map((d) => d.children.map((e) => e.score))).toEqual([[72.5, 75], [75]]);
		expect(a.dimensions.map((d) => d.score)).toEqual([73.75, 75]);
		expect(a.composite.score).toBe(222.5 / 3);
		expect(a.composite.rating?.id).toBe('challenges_remain');
	});
	it('shows a weight-0 indicator without scoring it or counting it in coverage', () => {
		expect(ind('i6')).toMatchObject({ value: 7, score: null, reason: 'context', context: true });
		expect(a.dimensions[1].children[0].coverage).toBe(1);
	});
	it('ranks regions by composite; an unscored region has no rank', () => {
		expect([res.rank('C', 2022), res.rank('A', 2022), res.rank('B', 2022)]).toEqual([1, 2, null]);
		expect(res.groupScore('C', null, 2022)).toBe(237.5 / 3);
		expect(a.composite.rankedRegions).toBe(2);
	});
	it('leaves a group below min_coverage null with reason insufficient_data, never 0', () => {
		const b = res.regionYear('B', 2022)!;
		// E1 has i1 only (0.5 of its weight), E2 nothing, so D1 is unscored; D1 carries 2/3 of the composite.
		expect(b.dimensions[0]).toMatchObject({
			score: null,
			reason: 'insufficient_data',
			coverage: 0,
			rating: null
		});
		expect(b.dimensions[0].children[0]).toMatchObject({ score: null, coverage: 0.5 });
		expect(b.dimensions[1].score).toBe(100);
		expect(b.composite).toMatchObject({ score: null, coverage: 1 / 3, rank: null });
	});
	it('writes a trace from which each score can be recomputed', () => {
		expect(ind('i1').trace).toMatchObject({
			method: 'minmax',
			value: 70,
			yearUsed: 2022,
			carriedForward: false,
			illustrative: false,
			source: 'https://example.test/A/i1',
			worst: 0,
			best: 100,
			weight: 1,
			formula: '(70 − 0) / (100 − 0) × 100 = 70'
		});
		expect(ind('i2').trace.formula).toBe('(20 − 50) / (10 − 50) × 100 = 75');
		expect(ind('i3').trace).toMatchObject({ target: 60, targetYear: 2022, targetCap: 100 });
		expect(ind('i3').trace.formula).toBe('45 / 60 × 100 = 75; target of 2022');
		expect(ind('i4').trace).toMatchObject({ benchmark: 200, percentOfBenchmark: 75, points: 3 });
		expect(ind('i4').trace.formula).toBe(
			'150 / 200 × 100 = 75 % of benchmark → 3 points → 3 / 4 × 100 = 75'
		);
		expect(ind('i5').trace.formula).toBe('(4 − 1) / 4 × 100 = 75');
		expect(a.dimensions[0].trace).toMatchObject({ scoredWeight: 2, totalWeight: 2, coverage: 1 });
		expect(a.dimensions[0].trace.formula).toBe(
			'(1 × 72.5 + 1 × 75) / 2 = 73.75; coverage 2 / 2 = 1 (minimum 0.8); carried forward 0 (maximum 0.5)'
		);
	});
	it('gives the API answer exactly the shape of GET /api/v1/scores', () => {
		const api = toApiScores(a);
		expect(Object.keys(api)).toEqual([
			'region_code',
			'year',
			'framework',
			'profile',
			'min_coverage',
			'composite_min_coverage',
			'max_carried_share',
			'target_cap',
			'aggregation',
			'geometric_floor',
			'composite',
			'dimensions'
		]);
		expect([api.target_cap, api.aggregation, api.geometric_floor]).toEqual([100, 'arithmetic', 1]);
		expect(api.composite).toEqual({
			score: 222.5 / 3,
			rating: {
				id: 'challenges_remain',
				label_id: 'Tantangan tersisa',
				label_en: 'Challenges remain',
				colour: 'yellow'
			},
			coverage: 1,
			rank: 2,
			rank_interval: null,
			reason: null,
			basis: { indicators: 5, scored: 5, carried_forward: 0, illustrative: 0, carried_share: 0 }
		});
		expect(Object.keys(api.dimensions[0])).toEqual([
			'code',
			'name_id',
			'name_en',
			'weight',
			'score',
			'rating',
			'coverage',
			'basis',
			'trend',
			'reason',
			'elements'
		]);
		expect(Object.keys(api.dimensions[0].elements[0])).toEqual([
			'code',
			'name_id',
			'name_en',
			'weight',
			'score',
			'coverage',
			'basis',
			'trend',
			'reason',
			'indicators'
		]);
		expect(api.dimensions[0].elements[0].indicators[1]).toEqual({
			code: 'i2',
			value: 20,
			year_used: 2022,
			method: 'minmax',
			worst: 50,
			best: 10,
			target: null,
			polarity: 'lower',
			weight: 1,
			score: 75,
			trend: 'too_few_years',
			benchmark: null,
			target_year: null,
			carried_forward: false,
			illustrative: false,
			source: 'https://example.test/A/i2',
			source_kind: '',
			reference_period: '',
			reason: null,
			context: false,
			year_from: null
		});
		const [e2, e3] = [api.dimensions[0].elements[1], api.dimensions[1].elements[0]];
		expect(
			e2.indicators.map((i) => [i.code, i.score, i.target, i.target_year, i.benchmark])
		).toEqual([
			['i3', 75, 60, 2022, null],
			['i4', 75, null, null, 200]
		]);
		expect(e3.indicators[1]).toMatchObject({
			code: 'i6',
			score: null,
			reason: 'context',
			context: true
		});
		expect(JSON.parse(JSON.stringify(api))).toEqual(api);
	});
	it('answers a year without data with null scores and zero coverage', () => {
		const r = run({ years: [2030] }).regionYear('A', 2030)!;
		expect([r.composite.score, r.composite.coverage, r.dimensions[0].coverage]).toEqual([
			null,
			0,
			0
		]);
		expect(r.dimensions[0].children[0].indicators[0]).toMatchObject({
			value: null,
			score: null,
			reason: 'no_value'
		});
	});
	it('returns null for a region or year outside the call', () => {
		expect(res.regionYear('Z', 2022)).toBeNull();
		expect(res.regionYear('A', 2021)).toBeNull();
		expect(res.groupScore('A', 'nope', 2022)).toBeNull();
	});
	it('scores a target-method indicator without a target as null with reason no_target', () => {
		const r = run({ targets: [] }).regionYear('A', 2022)!;
		expect(r.dimensions[0].children[1].indicators[0]).toMatchObject({
			score: null,
			reason: 'no_target'
		});
		expect(r.dimensions[0].children[1]).toMatchObject({ score: null, coverage: 0.5 });
	});
});

describe('scoreFramework() carry-forward', () => {
	const observations = [
		...obs('A', 2022, { ...A22, i5: NaN }),
		...obs('A', 2020, { i5: 3 }),
		...obs('A', 2019, { i1: 10 })
	];
	it('uses the latest value within carry_forward_years and marks it', () => {
		const r = run({ observations }, { carryForwardYears: 2 }).regionYear('A', 2022)!;
		const i5 = r.dimensions[1].children[0].indicators[0];
		expect(i5).toMatchObject({ value: 3, yearUsed: 2020, carriedForward: true, score: 50 });
		expect(i5.trace.carriedForward).toBe(true);
		expect(r.hasCarriedForward).toBe(true);
	});
	it('prefers the assessment year value over an older one', () => {
		const r = run({ observations }, { carryForwardYears: 5 }).regionYear('A', 2022)!;
		expect(r.dimensions[0].children[0].indicators[0]).toMatchObject({
			value: 70,
			yearUsed: 2022,
			carriedForward: false
		});
	});
	it('does not look further back than N years, and not at all with N = 0', () => {
		for (const n of [0, 1]) {
			const r = run({ observations }, { carryForwardYears: n }).regionYear('A', 2022)!;
			expect(r.dimensions[1].children[0].indicators[0]).toMatchObject({
				value: null,
				yearUsed: null,
				reason: 'no_value'
			});
			// i6 (context) does not count, so E3 has no scored weight at all.
			expect(r.dimensions[1].children[0]).toMatchObject({ score: null, coverage: 0 });
		}
	});
	it('flags illustrative values that entered a score', () => {
		const ill = baseObservations.map((o) =>
			o.indicatorCode === 'i4' ? { ...o, illustrative: true } : o
		);
		const r = run({ observations: ill }).regionYear('A', 2022)!;
		expect(r.hasIllustrative).toBe(true);
		expect(r.dimensions[0].children[1].indicators[1].illustrative).toBe(true);
		expect(run().regionYear('A', 2022)!.hasIllustrative).toBe(false);
	});
});

describe('scoreFramework() weight overrides (what-if)', () => {
	it('re-weights an indicator', () => {
		// E1 = (70 + 3 × 75) / 4
		expect(run({ weightOverrides: { i2: 3 } }).groupScore('A', 'E1', 2022)).toBe(73.75);
	});
	it('re-weights a dimension; weight 0 drops it from the composite', () => {
		expect(run({ weightOverrides: { D1: 0 } }).groupScore('A', null, 2022)).toBe(75);
		expect(run({ weightOverrides: { D1: 1 } }).groupScore('A', null, 2022)).toBe((73.75 + 75) / 2);
	});
	it('turns an indicator into a context indicator with weight 0 and a context one into a scored one', () => {
		const r = run({ weightOverrides: { i1: 0, i6: 1 } }).regionYear('A', 2022)!;
		expect(r.dimensions[0].children[0].score).toBe(75);
		expect(r.dimensions[1].children[0].indicators[1]).toMatchObject({ score: 70, context: false });
	});
	it('rejects unknown codes and negative weights, listing each', () => {
		expect(() => run({ weightOverrides: { nope: 1, i1: -1 } })).toThrow(ScoringInputError);
		try {
			run({ weightOverrides: { nope: 1, i1: -1 } });
		} catch (e) {
			expect((e as ScoringInputError).issues).toEqual([
				'weight override for unknown code "nope"',
				'weight override for "i1" is -1; need a number ≥ 0'
			]);
		}
	});
});

describe('scoreFramework() input checks', () => {
	it('rejects duplicate observations for a region, indicator and year', () => {
		expect(() =>
			run({ observations: [...baseObservations, ...obs('A', 2022, { i1: 1 })] })
		).toThrow(/more than one observation for region\/indicator\/year: A\/i1\/2022/);
	});
	it('rejects indicators of unknown nodes and parent cycles', () => {
		const fw = smallFramework();
		expect(() =>
			run({
				framework: {
					...fw,
					indicators: [...fw.indicators, { ...fw.indicators[0], code: 'x', elementCode: 'E9' }]
				}
			})
		).toThrow(/indicator "x" belongs to unknown node "E9"/);
		const cyc = {
			...fw,
			nodes: [
				...fw.nodes,
				{ ...fw.nodes[0], code: 'P', parentCode: 'Q' },
				{ ...fw.nodes[0], code: 'Q', parentCode: 'P' }
			]
		};
		expect(() => run({ framework: cyc })).toThrow(/nodes in a parent cycle: P, Q/);
	});
	it('ignores observations of other frameworks and counts them', () => {
		const r = run({ observations: [...baseObservations, ...obs('A', 2022, { other: 1 })] });
		expect(r.ignoredObservations).toBe(1);
		expect(r.groupScore('A', null, 2022)).toBe(222.5 / 3);
	});
});

describe('scoreFramework() trends', () => {
	it('computes an indicator trend against its target and combines children into a group trend', () => {
		const observations = [...baseObservations, ...obs('A', 2018, { i1: 50 })];
		const targets = [
			...baseTargets,
			{ regionCode: 'A', indicatorCode: 'i1', year: 2025, value: 90 }
		];
		const r = run({ observations, targets }).regionYear('A', 2022)!;
		const i1 = r.dimensions[0].children[0].indicators[0];
		// actual 20 / 4 = 5 a year; needed (90 − 50) / 7 ≈ 5.71 → ratio 0.875.
		expect(i1.trendDetail).toMatchObject({
			state: 'moderately_improving',
			actualRate: 5,
			ratio: 0.875
		});
		// i2 has one value and no target: only half of E1's weight has any trend (< 0.8).
		expect(r.dimensions[0].children[0].indicators[1].trend).toBe('too_few_years');
		expect(r.dimensions[0].children[0].trend).toBe('too_few_years');
		// With i2 weighted 0 the element follows i1.
		const w = run({ observations, targets, weightOverrides: { i2: 0 } }).regionYear('A', 2022)!;
		expect(w.dimensions[0].children[0].trend).toBe('moderately_improving');
	});
	it('marks a target-method indicator met at its only value as on_track', () => {
		const r = run({ observations: obs('A', 2022, { ...A22, i3: 60 }) }).regionYear('A', 2022)!;
		expect(r.dimensions[0].children[1].indicators[0].trend).toBe('on_track');
	});
});

describe('scoreFramework() indicator applicability by year (yearFrom)', () => {
	/** smallFramework() with a yearFrom on some indicators. */
	const fwFrom = (from: Record<string, number>) => {
		const fw = smallFramework();
		return {
			...fw,
			indicators: fw.indicators.map((i) => (i.code in from ? { ...i, yearFrom: from[i.code] } : i))
		};
	};
	const A20 = { i1: 60, i2: 30, i3: 45, i4: 150, i5: 4 };
	const observations = [...obs('A', 2020, A20), ...obs('B', 2020, { i1: 90, i5: 5 })];
	const targets: EngineTarget[] = [{ regionCode: 'A', indicatorCode: 'i3', year: 2020, value: 60 }];
	const at2020 = (from: Record<string, number>, over: Partial<EngineInput> = {}) =>
		run({ framework: fwFrom(from), observations, targets, years: [2020], ...over });

	it('scores an indicator before its yearFrom as not_applicable and leaves its weight out of the total', () => {
		const r = at2020({ i2: 2021 }).regionYear('A', 2020)!;
		const e1 = r.dimensions[0].children[0];
		expect(e1.indicators[1]).toMatchObject({
			code: 'i2',
			yearFrom: 2021,
			value: null,
			yearUsed: null,
			score: null,
			reason: 'not_applicable'
		});
		expect(e1.indicators[1].trace.formula).toBe('not applicable: the indicator exists from 2021');
		expect(e1).toMatchObject({ score: 60, coverage: 1, reason: null });
		expect(e1.trace).toMatchObject({ scoredWeight: 1, totalWeight: 1, coverage: 1 });
		expect(e1.trace.children.map((c) => [c.code, c.applicable, c.scored])).toEqual([
			['i1', true, true],
			['i2', false, false]
		]);
		// Without yearFrom, i2 = (30 − 50) / (10 − 50) × 100 = 50 counts.
		expect(at2020({}).groupScore('A', 'E1', 2020)).toBe(55);
	});
	it('does not lower coverage: a region lacking only the inapplicable indicator is fully covered', () => {
		expect(at2020({ i2: 2021 }).regionYear('B', 2020)!.dimensions[0].children[0]).toMatchObject({
			score: 90,
			coverage: 1
		});
		expect(at2020({}).regionYear('B', 2020)!.dimensions[0].children[0]).toMatchObject({
			score: null,
			coverage: 0.5,
			reason: 'insufficient_data'
		});
	});
	it('scores the indicator from its yearFrom on', () => {
		const r = run({ framework: fwFrom({ i2: 2020 }), observations, targets, years: [2020] });
		expect(r.indicatorScore('A', 'i2', 2020)).toBe(50);
	});
	it('prefers not_applicable over context for a weight-0 indicator before its yearFrom', () => {
		const r = at2020({ i6: 2021 }).regionYear('A', 2020)!;
		expect(r.dimensions[1].children[0].indicators[1]).toMatchObject({
			reason: 'not_applicable',
			context: true
		});
	});
	it('marks a group whose weighted children are all not applicable (or context) not_applicable and drops it from its parent', () => {
		// E2 = {i3, i4} from 2021; D2 = E3 = {i5 from 2021, i6 context}.
		const res = at2020({ i3: 2021, i4: 2021, i5: 2021 });
		const r = res.regionYear('A', 2020)!;
		const [d1, d2] = r.dimensions;
		expect(d1.children[1]).toMatchObject({
			score: null,
			reason: 'not_applicable',
			coverage: 0,
			rating: null
		});
		expect(d1.children[1].trace.formula).toBe(
			'not applicable in 2020: no child with weight > 0 applies that year'
		);
		expect(d1).toMatchObject({ score: 55, coverage: 1, reason: null });
		expect(d1.trace.children.map((c) => [c.code, c.applicable])).toEqual([
			['E1', true],
			['E2', false]
		]);
		expect(d2).toMatchObject({ score: null, reason: 'not_applicable', coverage: 0 });
		expect(d2.children[0]).toMatchObject({ score: null, reason: 'not_applicable' });
		expect(r.composite).toMatchObject({ score: 55, coverage: 1, reason: null, rank: 1 });
		expect(r.composite.trace).toMatchObject({ scoredWeight: 2, totalWeight: 2 });
		const api = toApiScores(r);
		expect(api.dimensions.map((d) => [d.code, d.score, d.coverage, d.reason])).toEqual([
			['D1', 55, 1, null],
			['D2', null, 0, 'not_applicable']
		]);
		expect(api.dimensions[0].elements.map((e) => e.reason)).toEqual([null, 'not_applicable']);
		expect(api.dimensions[0].elements[1].indicators[0]).toMatchObject({
			code: 'i3',
			reason: 'not_applicable',
			year_from: 2021,
			score: null
		});
		// B lacks i2, which does apply: E1 (0.5 covered), hence D1 and the composite stay unscored.
		expect(res.ranking(2020).map((x) => [x.regionCode, x.score, x.rank])).toEqual([
			['A', 55, 1],
			['B', null, null]
		]);
	});
	it('makes the composite not_applicable in a year before every indicator', () => {
		const all = Object.fromEntries(smallFramework().indicators.map((i) => [i.code, 2021]));
		const r = at2020(all).regionYear('A', 2020)!;
		expect(r.composite).toMatchObject({
			score: null,
			reason: 'not_applicable',
			coverage: 0,
			rank: null,
			rankInterval: null,
			rankedRegions: 0
		});
		expect(toApiScores(r).composite).toEqual({
			score: null,
			rating: null,
			coverage: 0,
			rank: null,
			rank_interval: null,
			reason: 'not_applicable',
			basis: { indicators: 0, scored: 0, carried_forward: 0, illustrative: 0, carried_share: 0 }
		});
	});
	it('keeps a group with only context children insufficient_data (nothing year-dependent left it out)', () => {
		const r = at2020({}, { weightOverrides: { i5: 0 } }).regionYear('A', 2020)!;
		expect(r.dimensions[1]).toMatchObject({
			score: null,
			reason: 'insufficient_data',
			coverage: 0
		});
		expect(r.composite).toMatchObject({ score: null, coverage: 2 / 3 });
	});
	it('carries forward no value from before yearFrom', () => {
		const cf = [...obs('A', 2022, { ...A22, i2: NaN }), ...obs('A', 2020, { i2: 30 })];
		const go = (from: Record<string, number>) =>
			run(
				{ framework: fwFrom(from), observations: cf, years: [2022] },
				{ carryForwardYears: 2 }
			).regionYear('A', 2022)!.dimensions[0].children[0].indicators[1];
		expect(go({ i2: 2021 })).toMatchObject({ value: null, yearUsed: null, reason: 'no_value' });
		expect(go({ i2: 2020 })).toMatchObject({ value: 30, yearUsed: 2020, carriedForward: true });
	});
	it('computes the trend from applicable years only', () => {
		const tr = [
			...obs('A', 2018, { i1: 10 }),
			...obs('A', 2020, { i1: 50 }),
			...obs('A', 2022, A22)
		];
		const tg = [{ regionCode: 'A', indicatorCode: 'i1', year: 2025, value: 90 }];
		const go = (from: Record<string, number>) =>
			run({ framework: fwFrom(from), observations: tr, targets: tg, years: [2022] }).regionYear(
				'A',
				2022
			)!.dimensions[0].children[0].indicators[0].trendDetail;
		// 2020 → 2022: actual (70 − 50) / 2 = 10 a year; needed (90 − 50) / 5 = 8; ratio 1.25.
		expect(go({ i1: 2020 })).toMatchObject({
			state: 'on_track',
			fromYear: 2020,
			fromValue: 50,
			actualRate: 10,
			neededRate: 8,
			ratio: 1.25
		});
		// Without yearFrom the window starts in 2018: (70 − 10) / 4 = 15 a year.
		expect(go({})).toMatchObject({ fromYear: 2018, fromValue: 10, actualRate: 15 });
	});
	it('leaves a not-applicable indicator out of the group trend', () => {
		// 2019: i1 (from 2020, with a target) is not applicable; i2 goes 40 → 30 towards 10 by 2025:
		// actual 10 a year, needed 30 / 7 → on track. Counted as too_few_years, i1 would halve E1's
		// assessed weight (0.5 < 0.8).
		const tr = [...obs('A', 2018, { i2: 40 }), ...obs('A', 2019, { i1: 20, i2: 30 })];
		const tg = [
			{ regionCode: 'A', indicatorCode: 'i1', year: 2025, value: 90 },
			{ regionCode: 'A', indicatorCode: 'i2', year: 2025, value: 10 }
		];
		const go = (from: Record<string, number>) =>
			run({ framework: fwFrom(from), observations: tr, targets: tg, years: [2019] }).regionYear(
				'A',
				2019
			)!.dimensions[0].children[0];
		const e1 = go({ i1: 2020 });
		expect(e1.indicators.map((i) => [i.score, i.trend])).toEqual([
			[null, 'too_few_years'],
			[50, 'on_track']
		]);
		expect([e1.score, e1.trend]).toEqual([50, 'on_track']);
		// With i1 applicable (20, one point: too few years), E1's trend is not assessed.
		expect(go({}).trend).toBe('too_few_years');
	});
	it('rejects a yearFrom that is not a whole year', () => {
		expect(() => at2020({ i1: 2020.5 })).toThrow(
			/indicator "i1" has year_from 2020.5; need a whole year or null/
		);
	});
});

describe('scoreFramework() rank intervals', () => {
	const many = (seed: number) => {
		const rand = mulberry32(seed);
		const out: EngineObservation[] = [];
		for (let r = 0; r < 30; r++) {
			out.push(
				...obs(`R${String(r).padStart(2, '0')}`, 2022, {
					i1: rand() * 100,
					i2: 10 + rand() * 40,
					i4: rand() * 250,
					i5: 1 + Math.floor(rand() * 5)
				})
			);
		}
		return out;
	};
	// i3 (target method) is switched off: these regions have no targets.
	const input = {
		observations: many(7),
		targets: [],
		sensitivityYears: [2022],
		weightOverrides: { i3: 0 }
	};
	it('is the same for the same seed and holds the base rank', () => {
		const a = run(input);
		const b = run(input);
		const rows = a.ranking(2022);
		expect(rows).toHaveLength(30);
		expect(rows).toEqual(b.ranking(2022));
		for (const row of rows) {
			const [lo, hi] = row.rankInterval!;
			expect(lo <= row.rank! && row.rank! <= hi).toBe(true);
		}
		expect(rows.some((r) => r.rankInterval![1] > r.rankInterval![0])).toBe(true);
	});
	it('changes with the seed and is absent for years not run', () => {
		const a = run(input)
			.ranking(2022)
			.map((r) => r.rankInterval);
		const sens = { ...profile.settings.sensitivity, seed: 99 };
		const b = run(input, { sensitivity: sens })
			.ranking(2022)
			.map((r) => r.rankInterval);
		expect(b).not.toEqual(a);
		expect(run({ ...input, sensitivityYears: [] }).rankInterval('R01', 2022)).toBeNull();
	});
	it('collapses to the rank when weights cannot move and aggregation is fixed', () => {
		const sens = {
			...DEFAULT_SETTINGS.sensitivity,
			weightSpread: 0,
			includeGeometric: false,
			draws: 10
		};
		for (const row of run(input, { sensitivity: sens }).ranking(2022)) {
			expect(row.rankInterval).toEqual([row.rank, row.rank]);
		}
	});
	it('gives no rank and no interval to a region whose composite is null, even if draws would score it', () => {
		// D1 = D2 = 1: B has only D2 (100), coverage 0.5 < 0.6, but a draw with w2 ≥ 1.5 × w1 scores it.
		const r = run({ sensitivityYears: [2022], weightOverrides: { D1: 1 } }, { minCoverage: 0.6 });
		expect(r.groupScore('B', null, 2022)).toBeNull();
		expect(r.ranking(2022)).toEqual([
			{ regionCode: 'C', score: (81.25 + 75) / 2, rank: 1, rankInterval: [1, 1] },
			{ regionCode: 'A', score: (73.75 + 75) / 2, rank: 2, rankInterval: [2, 2] },
			{ regionCode: 'B', score: null, rank: null, rankInterval: null }
		]);
		expect(r.regionYear('B', 2022)!.composite).toMatchObject({ rank: null, rankInterval: null });
	});
	it('ranks a region only in the draws that score it', () => {
		// B has D2 only (100): coverage 0.5 = min_coverage, so it ranks first, but the draws with
		// w2 < w1 (522 of 1,000 for this seed) leave it unscored and C, A move up.
		const observations = baseObservations.filter(
			(o) => o.regionCode !== 'B' || o.indicatorCode !== 'i1'
		);
		const r = run(
			{ observations, sensitivityYears: [2022], weightOverrides: { D1: 1 } },
			{ minCoverage: 0.5, compositeMinCoverage: 0.5 }
		);
		expect(r.ranking(2022).map((x) => [x.regionCode, x.rank, x.rankInterval])).toEqual([
			['B', 1, [1, 1]],
			['C', 2, [1, 2]],
			['A', 3, [2, 3]]
		]);
	});
	it('leaves a not-applicable dimension out of the drawn weights, like a dimension of weight 0', () => {
		const fw = smallFramework();
		// D2 = {i5, i6 context}: i5 from 2023 makes D2 not applicable in 2022.
		const na = {
			...fw,
			indicators: fw.indicators.map((i) => (i.code === 'i5' ? { ...i, yearFrom: 2023 } : i))
		};
		const a = run(
			{ ...input, framework: na },
			{ minCoverage: 0.9, compositeMinCoverage: 0.9 }
		).ranking(2022);
		const overrides = { ...input.weightOverrides, D2: 0 };
		const b = run(
			{ ...input, weightOverrides: overrides },
			{ minCoverage: 0.9, compositeMinCoverage: 0.9 }
		).ranking(2022);
		expect(a).toEqual(b);
		expect(a.every((row) => row.rank !== null)).toBe(true);
		// Geometric draws still move ranks. Had D2's weight stayed in the drawn total, D1 would carry
		// at most 3 / (3 + 0.5) < 0.9 of it, every draw would be unscored and every interval would
		// collapse to the rank.
		expect(a.some((row) => row.rankInterval![1] > row.rankInterval![0])).toBe(true);
	});
	it('rejects a sensitivity year that is not scored', () => {
		expect(() => run({ sensitivityYears: [2021] })).toThrow(/sensitivity year 2021/);
	});
});

describe('scoreFramework() on the SPBE framework', () => {
	it('gives composite = (SPBE index − 1) / 4 × 100 with the level method', () => {
		const fw = spbeFramework();
		const rand = mulberry32(3);
		const levels = Object.fromEntries(
			fw.indicators.map((i) => [i.code, 1 + Math.floor(rand() * 5)])
		);
		const spbe = computeSpbe(spbeStructureFromFramework(fw), levels);
		const r = scoreFramework({
			framework: fw,
			profile: { code: 'spbe', settings: { ...DEFAULT_SETTINGS, minCoverage: 1 } },
			observations: obs('33.18', 2023, levels),
			years: [2023]
		});
		expect(r.groupScore('33.18', null, 2023)).toBeCloseTo(((spbe.index! - 1) / 4) * 100, 10);
		expect(r.groupScore('33.18', 'a2', 2023)).toBeCloseTo(
			((spbe.domains[1].aspects[0].index! - 1) / 4) * 100,
			10
		);
	});
});

describe('indicatorScoresOf()', () => {
	it('lists every indicator of a group tree, a group’s own before its children’s', () => {
		const ind = (code: string) => ({ code }) as IndicatorScore;
		const group = (code: string, indicators: string[], children: GroupScore[] = []) =>
			({ code, indicators: indicators.map(ind), children }) as unknown as GroupScore;
		const tree = [
			group('d1', ['a'], [group('e1', ['b', 'c']), group('e2', [], [group('x', ['d'])])]),
			group('d2', [], [group('e3', ['e'])])
		];
		expect(indicatorScoresOf(tree).map((s) => s.code)).toEqual(['a', 'b', 'c', 'd', 'e']);
		expect(indicatorScoresOf([])).toEqual([]);
	});
});

describe('scoreFramework() honesty rules: fresh data, whole dimensions, series breaks', () => {
	// A in 2023: only i1 is new (80); i2–i5 are the 2022 values carried forward.
	const carried = [...baseObservations, ...obs('A', 2023, { i1: 80 })];
	const in2023 = (settings: Partial<ProfileSettings> = {}) =>
		run({ observations: carried, years: [2023] }, settings).regionYear('A', 2023)!;

	it('scores an element on carried values, marked, and says what it rests on', () => {
		const e1 = in2023().dimensions[0].children[0];
		// i1 80 (fresh) and i2 75 (from 2022): (80 + 75) / 2.
		expect(e1.score).toBe(77.5);
		expect(e1.basis).toEqual({
			indicators: 2,
			scored: 2,
			carried: 1,
			illustrative: 0,
			carriedShare: 0.5
		});
		expect(e1.trace.formula).toBe(
			'(1 × 80 + 1 × 75) / 2 = 77.5; coverage 2 / 2 = 1 (minimum 0.8); carried forward 0.5'
		);
		expect(e1.trace.maxCarriedShare).toBeNull();
		// E2 rests only on 2022 values: still scored, carried share 1; the limit binds D1.
		const e2 = in2023().dimensions[0].children[1];
		expect([e2.score, e2.reason, e2.basis.carriedShare]).toEqual([75, null, 1]);
	});
	it('leaves a dimension with more than half its weight carried unscored as stale_data, and the composite with it', () => {
		const r = in2023();
		const [d1, d2] = r.dimensions;
		// D1: E1 half carried, E2 all carried: 0.75 of its weight is old, though every input exists.
		expect([d1.score, d1.reason, d1.coverage, d1.basis.carriedShare]).toEqual([
			null,
			'stale_data',
			1,
			0.75
		]);
		expect(d1.trace.maxCarriedShare).toBe(0.5);
		expect(d1.trace.formula).toBe(
			'not scored: coverage 2 / 2 = 1 (minimum 0.8); carried forward 0.75 (maximum 0.5)'
		);
		expect([d2.score, d2.reason]).toEqual([null, 'stale_data']);
		expect([r.composite.score, r.composite.rank]).toEqual([null, null]);
		expect(r.composite.basis).toEqual({
			indicators: 5,
			scored: 5,
			carried: 4,
			illustrative: 0,
			carriedShare: 0
		});
	});
	it('scores a dimension with exactly half its weight carried (the boundary)', () => {
		// 2023: E1's i1 and i2 are new, E2's i3 and i4 carried: D1 is 0.5 carried, at the limit.
		const observations = [...baseObservations, ...obs('A', 2023, { i1: 80, i2: 30, i5: 4 })];
		const d1 = run({ observations, years: [2023] })
			.regionYear('A', 2023)!
			.dimensions.find((d) => d.code === 'D1')!;
		expect([d1.reason, d1.basis.carriedShare, d1.basis.carried]).toEqual([null, 0.5, 2]);
		// E1 = (80 + 50) / 2 = 65 (i2 30 on 50→10 is 50); E2 is its 2022 score, carried.
		const e2In2022 = run().regionYear('A', 2022)!.dimensions[0].children[1].score!;
		expect(d1.score).toBeCloseTo((65 + e2In2022) / 2, 10);
	});
	it('scores the same year when no limit is set (max_carried_share 1)', () => {
		const r = in2023({ maxCarriedShare: 1 });
		expect(r.dimensions[0].children[1].score).toBe(75);
		expect(r.composite.score).not.toBeNull();
	});
	it('gives no composite unless every dimension is scored (composite_min_coverage 1)', () => {
		// B has i1 and i5 only: E1 is below 0.8 coverage, so D1 is unscored; D2 stands on i5.
		const strict = run().regionYear('B', 2022)!;
		expect(strict.dimensions.map((d) => d.score)).toEqual([null, 100]);
		expect([strict.composite.score, strict.composite.reason, strict.composite.rank]).toEqual([
			null,
			'insufficient_data',
			null
		]);
		expect(strict.composite.trace.minCoverage).toBe(1);
		// A laxer composite rule scores B on D2 alone (weight 1 of 3).
		const lax = run({}, { compositeMinCoverage: 0.3 }).regionYear('B', 2022)!;
		expect(lax.composite.score).toBe(100);
	});
	it('carries no value across a series break, and trends only within the new series', () => {
		const fw = smallFramework();
		const broken = {
			...fw,
			indicators: fw.indicators.map((i) => (i.code === 'i1' ? { ...i, breakYears: [2022] } : i))
		};
		const observations = [
			...baseObservations.filter((o) => !(o.regionCode === 'A' && o.indicatorCode === 'i1')),
			...obs('A', 2021, { i1: 60 })
		];
		const without = run({ observations }).regionYear('A', 2022)!.dimensions[0].children[0]
			.indicators[0];
		expect([without.value, without.yearUsed, without.carriedForward]).toEqual([60, 2021, true]);
		const withBreak = run({ observations, framework: broken }).regionYear('A', 2022)!.dimensions[0]
			.children[0].indicators[0];
		expect([withBreak.value, withBreak.score, withBreak.reason]).toEqual([null, null, 'no_value']);
		// 2021 → 2023 across the 2022 break: the window keeps 2023 only.
		const trended = run({
			observations: [...observations, ...obs('A', 2023, { i1: 90 })],
			framework: broken,
			years: [2023]
		}).regionYear('A', 2023)!.dimensions[0].children[0].indicators[0];
		expect([trended.trend, trended.trendDetail.fromYear]).toEqual(['too_few_years', 2023]);
	});
	it('counts illustrative inputs in the basis of every group above them', () => {
		const observations = baseObservations.map((o) =>
			o.regionCode === 'A' && o.indicatorCode === 'i2' ? { ...o, illustrative: true } : o
		);
		const r = run({ observations }).regionYear('A', 2022)!;
		expect([
			r.composite.basis.illustrative,
			r.dimensions[0].basis.illustrative,
			r.hasIllustrative
		]).toEqual([1, 1, true]);
		expect(r.dimensions[1].basis.illustrative).toBe(0);
	});
});
