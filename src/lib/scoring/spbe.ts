/**
 * The SPBE index of PermenPANRB 59/2020 (e-government maturity): levels 1–5 per indicator,
 * aspect = Σ(level × indicator weight) / aspect weight, domain = Σ(aspect index × aspect weight) /
 * domain weight, index = Σ(domain index × domain weight) / Σ domain weights (= 100 in the
 * regulation), and the predikat bands. Weights are the regulation's percentages.
 */
import { SPBE_PREDIKAT_BANDS, type PredikatBand } from './profile.ts';
import { roundAsShown } from '../rounding.ts';
import { rate } from './rating.ts';
import type { EngineFramework } from './types.ts';

export interface LevelWeight {
	level: number;
	weight: number;
}
export interface IndexWeight {
	index: number;
	weight: number;
}

const sumWeights = (xs: readonly { weight: number }[]) => xs.reduce((a, x) => a + x.weight, 0);

/**
 * Aspect index: Σ(level × weight) / aspect weight (default: the sum of the indicator weights).
 * @example spbeAspectIndex([3, 4, 3, 2].map((level) => ({ level, weight: 2.5 })), 10) // 3
 */
export function spbeAspectIndex(
	items: readonly LevelWeight[],
	aspectWeight = sumWeights(items)
): number {
	if (!(aspectWeight > 0)) return NaN;
	return items.reduce((a, x) => a + x.level * x.weight, 0) / aspectWeight;
}

/**
 * Domain index: Σ(aspect index × aspect weight) / domain weight (default: the sum of the aspect weights).
 * @example spbeDomainIndex([{ index: 3, weight: 10 }, { index: 4, weight: 10 }, { index: 3, weight: 5 }], 25) // 3.4
 */
export function spbeDomainIndex(
	aspects: readonly IndexWeight[],
	domainWeight = sumWeights(aspects)
): number {
	if (!(domainWeight > 0)) return NaN;
	return aspects.reduce((a, x) => a + x.index * x.weight, 0) / domainWeight;
}

/**
 * SPBE index: Σ(domain index × domain weight) / total weight (100 in the regulation).
 * @example spbeIndex([{ index: 3.7, weight: 13 }, { index: 3.4, weight: 25 }, { index: 3, weight: 16.5 }, { index: 3.2, weight: 45.5 }]) // 3.282
 */
export function spbeIndex(
	domains: readonly IndexWeight[],
	totalWeight = sumWeights(domains)
): number {
	if (!(totalWeight > 0)) return NaN;
	return domains.reduce((a, x) => a + x.index * x.weight, 0) / totalWeight;
}

/**
 * The index as published: two decimals, rounded as the page writes it (`roundAsShown`: half away
 * from zero on the number's shortest decimal form, so 3.285 is 3.29 despite its binary value).
 * @example roundIndex(3.282) // 3.28
 */
export function roundIndex(index: number): number {
	return roundAsShown(index, 2);
}

/**
 * Predikat of an index, read on the index rounded to two decimals (what people see), so a shown
 * 3.50 is always "Sangat Baik"; an index on an edge belongs to the upper band.
 * @example spbePredikat(3.282)?.labelId // 'Baik'
 */
export function spbePredikat(
	index: number | null,
	bands: readonly PredikatBand[] = SPBE_PREDIKAT_BANDS
): PredikatBand | null {
	if (index === null || !Number.isFinite(index)) return null;
	return rate(roundIndex(index), bands);
}

export interface SpbeStructure {
	domains: { code: string; nameId: string; nameEn: string; weight: number }[];
	aspects: { code: string; domainCode: string; nameId: string; nameEn: string; weight: number }[];
	indicators: {
		code: string;
		aspectCode: string;
		nameId: string;
		nameEn: string;
		weight: number;
	}[];
}

const bySort = <T extends { sortOrder?: number; code: string }>(a: T, b: T) =>
	(a.sortOrder ?? 0) - (b.sortOrder ?? 0) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/**
 * The domain → aspect → indicator structure of an SPBE framework (top-level nodes are domains,
 * their children aspects, indicators hang off aspects).
 * @example spbeStructureFromFramework(fw).domains.length // 4
 */
export function spbeStructureFromFramework(fw: EngineFramework): SpbeStructure {
	const nodes = [...fw.nodes].sort(bySort);
	const domains = nodes.filter((n) => n.parentCode === null);
	const domainCodes = new Set(domains.map((d) => d.code));
	const aspects = nodes.filter((n) => n.parentCode !== null && domainCodes.has(n.parentCode));
	const aspectCodes = new Set(aspects.map((a) => a.code));
	const inds = [...fw.indicators].sort(bySort).filter((i) => aspectCodes.has(i.elementCode));
	return {
		domains: domains.map((d) => ({
			code: d.code,
			nameId: d.nameId,
			nameEn: d.nameEn,
			weight: d.weight
		})),
		aspects: aspects.map((a) => ({
			code: a.code,
			domainCode: a.parentCode as string,
			nameId: a.nameId,
			nameEn: a.nameEn,
			weight: a.weight
		})),
		indicators: inds.map((i) => ({
			code: i.code,
			aspectCode: i.elementCode,
			nameId: i.nameId ?? i.code,
			nameEn: i.nameEn ?? i.code,
			weight: i.weight
		}))
	};
}

export interface SpbeAspectResult {
	code: string;
	weight: number;
	index: number | null;
	indicators: { code: string; weight: number; level: number | null }[];
}
export interface SpbeDomainResult {
	code: string;
	weight: number;
	index: number | null;
	aspects: SpbeAspectResult[];
}
export interface SpbeResult {
	/** Unrounded index; null unless every indicator has a level 1–5. */
	index: number | null;
	/** Two decimals, as published. */
	indexRounded: number | null;
	predikat: PredikatBand | null;
	domains: SpbeDomainResult[];
	/** Indicators without a valid level (the regulation assesses all of them). */
	missing: string[];
}

type Levels = ReadonlyMap<string, number> | Readonly<Record<string, number>>;
const levelOf = (levels: Levels, code: string): number | null => {
	const v = levels instanceof Map ? levels.get(code) : (levels as Record<string, number>)[code];
	return typeof v === 'number' && v >= 1 && v <= 5 ? v : null;
};

/**
 * The full SPBE breakdown for one assessment. An aspect with a missing level, and the domain and
 * index above it, are null: a partial mean would not be the regulation's index.
 * @example computeSpbe(structure, { 'spbe.01': 3, ... }).indexRounded // 3
 */
export function computeSpbe(
	structure: SpbeStructure,
	levels: Levels,
	bands: readonly PredikatBand[] = SPBE_PREDIKAT_BANDS
): SpbeResult {
	const missing: string[] = [];
	const domains: SpbeDomainResult[] = structure.domains.map((d) => {
		const aspects: SpbeAspectResult[] = structure.aspects
			.filter((a) => a.domainCode === d.code)
			.map((a) => {
				const indicators = structure.indicators
					.filter((i) => i.aspectCode === a.code)
					.map((i) => ({ code: i.code, weight: i.weight, level: levelOf(levels, i.code) }));
				for (const i of indicators) if (i.level === null) missing.push(i.code);
				const complete = indicators.length > 0 && indicators.every((i) => i.level !== null);
				const index = complete
					? spbeAspectIndex(
							indicators.map((i) => ({ level: i.level as number, weight: i.weight })),
							a.weight
						)
					: null;
				return { code: a.code, weight: a.weight, index, indicators };
			});
		const complete = aspects.length > 0 && aspects.every((a) => a.index !== null);
		const index = complete
			? spbeDomainIndex(
					aspects.map((a) => ({ index: a.index as number, weight: a.weight })),
					d.weight
				)
			: null;
		return { code: d.code, weight: d.weight, index, aspects };
	});
	const complete = domains.length > 0 && domains.every((d) => d.index !== null);
	const index = complete
		? spbeIndex(domains.map((d) => ({ index: d.index as number, weight: d.weight })))
		: null;
	return {
		index,
		indexRounded: index === null ? null : roundIndex(index),
		predikat: spbePredikat(index, bands),
		domains,
		missing
	};
}

export interface SpbeImprovement {
	code: string;
	aspectCode: string;
	weight: number;
	level: number;
	/** weight × (5 − level): the index points ×100 still open on this indicator. */
	potential: number;
	/** The index if this indicator rose one level (capped at 5). */
	indexIfPlusOne: number;
	/** The index if this indicator rose to `toLevel` (or stays, if already there). */
	indexIfRaisedTo: number;
	toLevel: number;
}

/**
 * Improvements worth most: for each assessed indicator, weight × (5 − level) and the index it would
 * give when raised one level or to `toLevel`, largest potential first (ties by code). Null when the
 * assessment is incomplete, since no index exists then.
 * @example spbeImprovements(structure, levels)?.[0].code // the heaviest indicator furthest from 5
 */
export function spbeImprovements(
	structure: SpbeStructure,
	levels: Levels,
	toLevel = 5
): SpbeImprovement[] | null {
	const base = new Map<string, number>();
	for (const i of structure.indicators) {
		const l = levelOf(levels, i.code);
		if (l === null) return null;
		base.set(i.code, l);
	}
	const indexWith = (code: string, level: number) => {
		const m = new Map(base);
		m.set(code, level);
		return computeSpbe(structure, m).index as number;
	};
	const out = structure.indicators.map((i): SpbeImprovement => {
		const level = base.get(i.code) as number;
		const raised = Math.max(level, Math.min(5, toLevel));
		return {
			code: i.code,
			aspectCode: i.aspectCode,
			weight: i.weight,
			level,
			potential: i.weight * (5 - level),
			indexIfPlusOne: indexWith(i.code, Math.min(5, level + 1)),
			indexIfRaisedTo: indexWith(i.code, raised),
			toLevel: raised
		};
	});
	return out.sort((a, b) => b.potential - a.potential || (a.code < b.code ? -1 : 1));
}
