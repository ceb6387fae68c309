/**
 * A score's computation written out with its numbers, in either language: the engine stores the
 * English one in every trace (what the API returns, so it stays stable), and a page writes the
 * same formula again from the trace in the reader's language, with decimal commas in Indonesian
 * ("(72,5 − 60) / (85 − 60) × 100 = 50", beside "Skor 50"). Pure; one place for every phrase.
 */
import type { Aggregation, GroupChildTrace, IndicatorTrace, NullReason } from './types.ts';

export type FormulaLocale = 'id' | 'en';

/**
 * A number as a formula shows it: at most four decimals, no thousands groups (so a separator is
 * always the decimal one), '–' for none. `formulaNumber(72.54321, 'id')` → `'72,5432'`.
 */
export function formulaNumber(x: number | null, locale: FormulaLocale): string {
	if (x === null) return '–';
	const text = Number.isFinite(x) ? String(Number(x.toFixed(4))) : String(x);
	return locale === 'id' ? text.replace('.', ',') : text;
}

const WORDS = {
	notScored: { en: 'not scored', id: 'tidak diskor' },
	noValue: { en: 'no_value', id: 'tanpa nilai' },
	existsFrom: {
		en: 'not applicable: the indicator exists from',
		id: 'tidak berlaku: indikator ada sejak'
	},
	notApplicableIn: { en: 'not applicable in', id: 'tidak berlaku pada' },
	noChildApplies: {
		en: 'no child with weight > 0 applies that year',
		id: 'tidak ada anak berbobot > 0 yang berlaku'
	},
	clamped: { en: 'clamped to', id: 'dibatasi ke' },
	limited: { en: 'limited to', id: 'dibatasi ke' },
	targetOf: { en: 'target of', id: 'target tahun' },
	noRatio: { en: 'no ratio', id: 'tanpa rasio' },
	target: { en: 'target', id: 'target' },
	value: { en: 'value', id: 'nilai' },
	met: { en: 'met', id: 'tercapai' },
	notMet: { en: 'not met', id: 'tidak tercapai' },
	ofBenchmark: { en: '% of benchmark', id: '% dari acuan' },
	points: { en: 'points', id: 'poin' },
	coverage: { en: 'coverage', id: 'cakupan' },
	minimum: { en: 'minimum', id: 'minimum' },
	maximum: { en: 'maximum', id: 'maksimum' },
	carried: { en: 'carried forward', id: 'nilai terbawa' }
} as const satisfies Record<string, Record<FormulaLocale, string>>;

/** What an indicator's formula is written from: its score and the numbers of its trace. */
export type IndicatorFormulaInput = Pick<
	IndicatorTrace,
	| 'method'
	| 'polarity'
	| 'value'
	| 'worst'
	| 'best'
	| 'target'
	| 'targetYear'
	| 'benchmark'
	| 'percentOfBenchmark'
	| 'points'
	| 'targetCap'
> & {
	score: number | null;
	reason: NullReason | null;
	/** First year the indicator applies (named when it does not apply yet). */
	yearFrom: number | null;
};

/**
 * An indicator's computation. Example: minmax 72.5 between 60 and 85 →
 * `'(72.5 − 60) / (85 − 60) × 100 = 50'` in English, `'(72,5 − 60) / (85 − 60) × 100 = 50'` in Indonesian.
 */
export function indicatorFormula(s: IndicatorFormulaInput, locale: FormulaLocale): string {
	const w = (k: keyof typeof WORDS) => WORDS[k][locale];
	const n = (x: number | null) => formulaNumber(x, locale);
	if (s.reason === 'not_applicable') return `${w('existsFrom')} ${s.yearFrom}`;
	const { value, score } = s;
	if (score === null || value === null) {
		return `${w('notScored')}: ${s.reason === null || s.reason === 'no_value' ? w('noValue') : s.reason}`;
	}
	const v = n(value);
	const sc = n(score);
	switch (s.method) {
		case 'minmax': {
			const worst = s.worst as number;
			const best = s.best as number;
			const raw = ((value - worst) / (best - worst)) * 100;
			const clamp = raw === score ? '' : ` (${n(raw)} ${w('clamped')} 0–100)`;
			return `(${v} − ${n(worst)}) / (${n(best)} − ${n(worst)}) × 100 = ${sc}${clamp}`;
		}
		case 'target': {
			const tv = s.target as number;
			const higher = s.polarity === 'higher';
			if (!(higher ? tv > 0 : value > 0)) {
				const why = higher ? `${w('target')} ≤ 0` : `${w('value')} ≤ 0`;
				const met = score > 0 ? `${w('met')} → 100` : `${w('notMet')} → 0`;
				return `${w('noRatio')} (${why}): ${w('target')} ${n(tv)} ${met}`;
			}
			const raw = higher ? (value / tv) * 100 : (tv / value) * 100;
			const expr = higher ? `${v} / ${n(tv)} × 100` : `${n(tv)} / ${v} × 100`;
			const capped = raw === score ? '' : ` (${n(raw)} ${w('limited')} 0–${n(s.targetCap)})`;
			return `${expr} = ${sc}${capped}; ${w('targetOf')} ${s.targetYear}`;
		}
		case 'bands': {
			const expr =
				s.polarity === 'higher'
					? `${v} / ${n(s.benchmark)} × 100`
					: `${n(s.benchmark)} / ${v} × 100`;
			return `${expr} = ${n(s.percentOfBenchmark)} ${w('ofBenchmark')} → ${s.points} ${w('points')} → ${s.points} / 4 × 100 = ${sc}`;
		}
		case 'level':
			return `(${v} − 1) / 4 × 100 = ${sc}`;
	}
}

/** What a group's formula is written from: its score and the numbers of its trace. */
export interface GroupFormulaInput {
	score: number | null;
	notApplicable: boolean;
	/** The assessed year (named when no child applies). */
	year: number;
	aggregation: Aggregation;
	geometricFloor: number | null;
	children: readonly Pick<GroupChildTrace, 'weight' | 'score' | 'scored'>[];
	scoredWeight: number;
	totalWeight: number;
	coverage: number;
	minCoverage: number;
	carriedShare: number;
	maxCarriedShare: number | null;
}

/**
 * A group's weighted mean (arithmetic or geometric) with its coverage and carried share. Example:
 * `'(1 × 50 + 1 × 70.25) / 2 = 60.13; coverage 2 / 2 = 1 (minimum 0.8); carried forward 0'`.
 */
export function groupFormula(g: GroupFormulaInput, locale: FormulaLocale): string {
	const w = (k: keyof typeof WORDS) => WORDS[k][locale];
	const n = (x: number | null) => formulaNumber(x, locale);
	if (g.notApplicable) return `${w('notApplicableIn')} ${g.year}: ${w('noChildApplies')}`;
	const geometric = g.aggregation === 'geometric';
	const terms = g.children
		.filter((ch) => ch.scored)
		.map((ch) =>
			geometric
				? `${n(ch.weight)} × ln(max(${n(ch.score)}, ${n(g.geometricFloor)}))`
				: `${n(ch.weight)} × ${n(ch.score)}`
		)
		.join(' + ');
	const max = g.maxCarriedShare === null ? '' : ` (${w('maximum')} ${n(g.maxCarriedShare)})`;
	const cov = `${w('coverage')} ${n(g.scoredWeight)} / ${n(g.totalWeight)} = ${n(g.coverage)} (${w('minimum')} ${n(g.minCoverage)}); ${w('carried')} ${n(g.carriedShare)}${max}`;
	if (g.score === null) return `${w('notScored')}: ${cov}`;
	const mean = `(${terms}) / ${n(g.scoredWeight)}`;
	return `${geometric ? `exp(${mean})` : mean} = ${n(g.score)}; ${cov}`;
}
