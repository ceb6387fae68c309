/**
 * The live SPBE preview of a self-assessment: index and predikat from the self-assessed levels,
 * the aspect and domain indices, and the improvements worth most (weight × level gap) with the
 * index each would give. Thin layer over src/lib/scoring/spbe.ts, which holds the regulation's
 * formulas.
 */
import {
	computeSpbe,
	spbeImprovements,
	type SpbeImprovement,
	type SpbeResult,
	type SpbeStructure
} from '../scoring/spbe.ts';
import { SPBE_PREDIKAT_BANDS, type PredikatBand } from '../scoring/profile.ts';

export interface SpbePreview {
	result: SpbeResult;
	/** Aspect index by aspect code (null while one of its indicators has no level). */
	aspects: {
		code: string;
		domainCode: string;
		index: number | null;
		assessed: number;
		total: number;
	}[];
	/** Ranked improvements with potential > 0; null while any indicator lacks a level. */
	improvements: SpbeImprovement[] | null;
	assessed: number;
	total: number;
}

/**
 * Preview from levels by indicator code (values outside 1–5, null or missing count as not assessed).
 * @example spbePreview(structure, allThrees).result.indexRounded // 3
 */
export function spbePreview(
	structure: SpbeStructure,
	levels: Readonly<Record<string, number | null | undefined>>,
	bands: readonly PredikatBand[] = SPBE_PREDIKAT_BANDS
): SpbePreview {
	const clean: Record<string, number> = {};
	for (const [k, v] of Object.entries(levels)) {
		if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 5) clean[k] = v;
	}
	const result = computeSpbe(structure, clean, bands);
	const improvements = spbeImprovements(structure, clean);
	const aspects = result.domains.flatMap((d) =>
		d.aspects.map((a) => ({
			code: a.code,
			domainCode: d.code,
			index: a.index,
			assessed: a.indicators.filter((i) => i.level !== null).length,
			total: a.indicators.length
		}))
	);
	return {
		result,
		aspects,
		improvements: improvements === null ? null : improvements.filter((i) => i.potential > 0),
		assessed: structure.indicators.filter((i) => clean[i.code] !== undefined).length,
		total: structure.indicators.length
	};
}
