import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toApiScores } from './api.ts';
import { scoreFramework } from './engine.ts';
import { smallFramework } from './fixtures.ts';
import { methodologyText } from './methodology.ts';
import { scoreValue, type ScoringSpec } from './normalise.ts';
import { DEFAULT_SETTINGS } from './profile.ts';
import type { EngineFramework, EngineObservation, EngineTarget, Polarity } from './types.ts';

const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true });
const polarity = fc.constantFrom<Polarity>('higher', 'lower');
const spec = fc
	.record({
		method: fc.constantFrom('minmax', 'target', 'bands', 'level' as const),
		polarity,
		a: finite,
		b: finite,
		benchmark: fc.double({ min: 0.001, max: 1e6, noNaN: true })
	})
	.filter((s) => s.a !== s.b)
	.map((s): ScoringSpec => ({
		method: s.method,
		polarity: s.polarity,
		// Bounds follow the polarity, as the schema's CHECK requires.
		worst: s.polarity === 'higher' ? Math.min(s.a, s.b) : Math.max(s.a, s.b),
		best: s.polarity === 'higher' ? Math.max(s.a, s.b) : Math.min(s.a, s.b),
		benchmark: s.benchmark
	}));

describe('indicator score properties', () => {
	it('scoreValue() stays in [0, 100] for every method and value', () => {
		fc.assert(
			fc.property(spec, finite, finite, (sp, v, t) => {
				const s = scoreValue(sp, v, t);
				return s === null || (s >= 0 && s <= 100);
			})
		);
	});
	it('scoreValue() is monotone in the value by polarity', () => {
		fc.assert(
			fc.property(spec, finite, finite, finite, (sp, x, y, t) => {
				const [lo, hi] = x <= y ? [x, y] : [y, x];
				const sLo = scoreValue(sp, lo, t);
				const sHi = scoreValue(sp, hi, t);
				if (sLo === null || sHi === null) return true;
				return sp.polarity === 'higher' ? sLo <= sHi : sLo >= sHi;
			})
		);
	});
});

const REGIONS = ['R1', 'R2', 'R3', 'R4'];
const CODES = ['i1', 'i2', 'i3', 'i4', 'i5', 'i6'];
const dataArb = fc.record({
	values: fc.array(
		fc.option(fc.double({ min: 0, max: 300, noNaN: true }), { nil: null, freq: 4 }),
		{ minLength: REGIONS.length * CODES.length, maxLength: REGIONS.length * CODES.length }
	),
	levels: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 4, maxLength: 4 }),
	weights: fc.array(fc.double({ min: 0.1, max: 10, noNaN: true }), {
		minLength: 11,
		maxLength: 11
	}),
	scale: fc.double({ min: 0.01, max: 1000, noNaN: true }),
	geometric: fc.boolean()
});

function sample(d: { values: (number | null)[]; levels: number[]; weights: number[] }): {
	fw: EngineFramework;
	observations: EngineObservation[];
	targets: EngineTarget[];
} {
	const base = smallFramework();
	const w = d.weights;
	const fw: EngineFramework = {
		...base,
		nodes: base.nodes.map((n, k) => ({ ...n, weight: w[k] })),
		indicators: base.indicators.map((i, k) => ({ ...i, weight: k === 5 ? 0 : w[5 + k] }))
	};
	const observations: EngineObservation[] = [];
	REGIONS.forEach((regionCode, r) =>
		CODES.forEach((indicatorCode, i) => {
			const v = d.values[r * CODES.length + i];
			if (v === null) return;
			const value = indicatorCode === 'i5' ? d.levels[r] : v;
			observations.push({ regionCode, indicatorCode, year: 2022, value, source: 's' });
		})
	);
	const targets = REGIONS.map((regionCode) => ({
		regionCode,
		indicatorCode: 'i3',
		year: 2022,
		value: 100
	}));
	return { fw, observations, targets };
}

const scaled = (fw: EngineFramework, c: number): EngineFramework => ({
	...fw,
	nodes: fw.nodes.map((n) => ({ ...n, weight: n.weight * c })),
	indicators: fw.indicators.map((i) => ({ ...i, weight: i.weight * c }))
});

describe('engine properties', () => {
	it('scores are invariant to scaling all weights by a positive constant', () => {
		fc.assert(
			fc.property(dataArb, (d) => {
				const { fw, observations, targets } = sample(d);
				const settings = {
					...DEFAULT_SETTINGS,
					aggregation: d.geometric ? 'geometric' : 'arithmetic'
				} as const;
				const go = (f: EngineFramework) =>
					scoreFramework({
						framework: f,
						profile: { code: 'p', settings },
						observations,
						targets,
						years: [2022]
					});
				const a = go(fw);
				const b = go(scaled(fw, d.scale));
				for (const r of REGIONS) {
					for (const code of [null, 'D1', 'D2', 'E1', 'E2', 'E3']) {
						const x = a.groupScore(r, code, 2022);
						const y = b.groupScore(r, code, 2022);
						if (x === null || y === null) expect(y).toBe(x);
						else expect(y).toBeCloseTo(x, 8);
					}
				}
			}),
			{ numRuns: 60 }
		);
	});
	it('group scores stay in [0, 100]', () => {
		fc.assert(
			fc.property(dataArb, (d) => {
				const { fw, observations, targets } = sample(d);
				const res = scoreFramework({
					framework: fw,
					profile: { code: 'p', settings: DEFAULT_SETTINGS },
					observations,
					targets,
					years: [2022]
				});
				return REGIONS.every((r) =>
					[null, 'D1', 'D2', 'E1', 'E2', 'E3'].every((c) => {
						const s = res.groupScore(r, c, 2022);
						return s === null || (s >= 0 && s <= 100 + 1e-9);
					})
				);
			}),
			{ numRuns: 60 }
		);
	});
	it('results are unchanged by the order of observations, targets, nodes, indicators and regions', () => {
		fc.assert(
			fc.property(dataArb, fc.integer({ min: 0, max: 2 ** 31 - 1 }), (d, seed) => {
				const { fw, observations, targets } = sample(d);
				const shuffle = <T>(xs: readonly T[]) => {
					let s = seed || 1;
					const out = [...xs];
					for (let k = out.length - 1; k > 0; k--) {
						s = (s * 1103515245 + 12345) % 2147483648;
						const j = s % (k + 1);
						[out[k], out[j]] = [out[j], out[k]];
					}
					return out;
				};
				const sens = {
					...DEFAULT_SETTINGS,
					sensitivity: { ...DEFAULT_SETTINGS.sensitivity, draws: 50 }
				};
				const go = (
					f: EngineFramework,
					o: EngineObservation[],
					t: EngineTarget[],
					regions: string[]
				) =>
					scoreFramework({
						framework: f,
						profile: { code: 'p', settings: sens },
						observations: o,
						targets: t,
						regions,
						years: [2022],
						sensitivityYears: [2022]
					});
				const a = go(fw, observations, targets, REGIONS);
				const b = go(
					{ ...fw, nodes: shuffle(fw.nodes), indicators: shuffle(fw.indicators) },
					shuffle(observations),
					shuffle(targets),
					shuffle(REGIONS)
				);
				for (const r of REGIONS) {
					expect(toApiScores(b.regionYear(r, 2022)!)).toEqual(toApiScores(a.regionYear(r, 2022)!));
				}
			}),
			{ numRuns: 40 }
		);
	});
});

describe('methodologyText()', () => {
	it('takes its numbers from the profile settings', () => {
		const m = methodologyText({
			...DEFAULT_SETTINGS,
			minCoverage: 0.75,
			compositeMinCoverage: 1,
			maxCarriedShare: 0.5,
			carryForwardYears: 3
		});
		const coverage = m.sections.find((s) => s.key === 'coverage')!;
		expect(coverage.formula).toEqual({
			id: 'cakupan = Σ w (anak berskor) / Σ w (semua anak, w > 0) ≥ 0,75',
			en: 'coverage = Σ w (scored children) / Σ w (all children, w > 0) ≥ 0.75'
		});
		expect(coverage.text.en).toContain('at least 75 % of its weight');
		expect(coverage.text.en).toContain(
			'no more than 50 % of its weight comes from values of earlier years'
		);
		expect(coverage.text.en).toContain('at least 100 %, that is when every dimension has a score');
		expect(m.sections.find((s) => s.key === 'value_year')!.text.id).toContain('3 tahun sebelumnya');
		expect(m.sections.find((s) => s.key === 'rating')!.text.en).toBe(
			'Bands: Achieved (80 and above); Challenges remain (65 – < 80); Significant challenges (50 – < 65); Major challenges (0 – < 50). A score on an edge belongs to the upper band.'
		);
		expect(m.sections.map((s) => s.key)).toEqual([
			'name',
			'minmax',
			'target',
			'bands',
			'level',
			'value_year',
			'aggregation',
			'coverage',
			'applicability',
			'rating',
			'trend',
			'rank',
			'spbe'
		]);
		expect(m.sections.find((s) => s.key === 'applicability')!.text.en).toContain(
			'left out of both the scored and the total weight of its group'
		);
		expect(m.sections.find((s) => s.key === 'rank')!.text.id).toContain(
			'Hanya daerah yang memiliki skor komposit yang diberi peringkat dan rentang'
		);
		expect(m.limits.length).toBeGreaterThan(3);
		for (const s of m.sections) expect(s.text.id.length * s.text.en.length).toBeGreaterThan(0);
	});
});
