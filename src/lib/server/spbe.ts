/**
 * The SPBE index the way PermenPANRB 59/2020 computes it, for the API and the public SPBE page:
 * one rule everywhere (src/lib/scoring/spbe.ts) — levels 1–5 per indicator, aspect, domain and
 * index as weighted means, the index rounded to two decimals as published, the predikat read on
 * that rounded index. Also the published index of each region and year (the GM100SC `spbe_index`
 * indicator), with its source.
 */
import {
	computeSpbe,
	indicatorScoresOf,
	spbePredikat,
	spbeStructureFromFramework,
	SPBE_PREDIKAT_BANDS,
	type PredikatBand,
	type RegionYearScore
} from '../scoring';
import type { ScoringContext } from './scores';

export interface ApiPredikat {
	id: string;
	label_id: string;
	label_en: string;
}

/** The `spbe` block of GET /api/v1/scores (null for a framework that is not SPBE). */
export interface ApiSpbe {
	/** Unrounded index 1–5; null unless every indicator has a level that year. */
	index: number | null;
	/** Two decimals, as KemenPANRB publishes it. */
	index_rounded: number | null;
	predikat: ApiPredikat | null;
	domains: {
		code: string;
		weight: number;
		index: number | null;
		aspects: { code: string; weight: number; index: number | null }[];
	}[];
	/** Indicators without a level 1–5 in the year (the regulation assesses all of them). */
	missing: string[];
}

export const apiPredikat = (b: PredikatBand | null): ApiPredikat | null =>
	b ? { id: b.id, label_id: b.labelId, label_en: b.labelEn } : null;

/**
 * The SPBE breakdown of one region and year from its scores, when the framework is SPBE (its
 * profile has predikat bands); levels are the values observed in that very year.
 */
export function spbeOfScores(ctx: ScoringContext, scores: RegionYearScore): ApiSpbe | null {
	const bands = ctx.profile.settings.spbePredikat;
	if (!bands) return null;
	const levels = new Map<string, number>();
	// `dimensions` is the engine's name for the top-level groups; in SPBE they are the domains.
	for (const i of indicatorScoresOf(scores.dimensions)) {
		if (i.value !== null && i.yearUsed === scores.year) levels.set(i.code, i.value);
	}
	const r = computeSpbe(spbeStructureFromFramework(ctx.framework), levels, bands);
	return {
		index: r.index,
		index_rounded: r.indexRounded,
		predikat: apiPredikat(r.predikat),
		domains: r.domains.map((d) => ({
			code: d.code,
			weight: d.weight,
			index: d.index,
			aspects: d.aspects.map((a) => ({ code: a.code, weight: a.weight, index: a.index }))
		})),
		missing: r.missing
	};
}

/** The predikat of a published index (e.g. Pati's 2.75 in 2022 → Baik), by the same rule. */
export const publishedPredikat = (index: number | null): PredikatBand | null =>
	spbePredikat(index, SPBE_PREDIKAT_BANDS);
