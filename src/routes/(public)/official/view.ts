/**
 * Pure helpers of the /official page: the published rows in rank order with our recomputation
 * beside them, and how closely the published weights reproduce the published final index.
 * No SvelteKit, no database.
 */
import {
	displayRegionName,
	evaluationIndex,
	rankEvaluation,
	type KominfoEvaluationRow
} from '$lib/evaluation/kominfo';

export interface OfficialRow {
	rank: number;
	/** Name in reading case: "Kabupaten Kudus". */
	name: string;
	/** Name as published: "KAB. KUDUS". */
	published: string;
	code: string | null;
	/** True for a region of the instance's province. */
	inProvince: boolean;
	scores: Record<string, number>;
	final: number;
	/** Σ score × weight / Σ weight from the published part scores (our check). */
	recomputed: number | null;
}

/**
 * The regions that took part, best first, with rank, reading name and recomputed index; rows whose
 * code is in `provinceCodes` are marked as the province's.
 * @example officialRows(rows, weights, new Set(['33.19']))[0] // { rank: 1, name: 'Kota Surabaya', … }
 */
export function officialRows(
	rows: readonly KominfoEvaluationRow[],
	weights: Readonly<Record<string, number>>,
	provinceCodes: ReadonlySet<string>
): OfficialRow[] {
	return rankEvaluation(rows).map(({ rank, row }) => ({
		rank,
		name: displayRegionName(row.region),
		published: row.region,
		code: row.regionCode,
		inProvince: row.regionCode !== null && provinceCodes.has(row.regionCode),
		scores: row.scores,
		final: row.nilaiFinal,
		recomputed: evaluationIndex(row.scores, weights)
	}));
}

export interface Reproduction {
	count: number;
	/** Rows whose recomputed index is within `tolerance` of the published one. */
	within: number;
	tolerance: number;
	/** The largest gap, rounded up to three decimals (the tolerance every row meets). */
	maxGap: number;
	maxGapName: string | null;
}

/**
 * How well the recomputed index matches the published one; rows without a recomputed index count
 * as not within and do not set the largest gap.
 * @example reproduction([{ name: 'A', final: 2.87, recomputed: 2.867 }], 0.01) // { count: 1, within: 1, tolerance: 0.01, maxGap: 0.003, maxGapName: 'A' }
 */
export function reproduction(
	rows: readonly Pick<OfficialRow, 'name' | 'final' | 'recomputed'>[],
	tolerance: number
): Reproduction {
	let within = 0;
	let maxGap = 0;
	let maxGapName: string | null = null;
	for (const r of rows) {
		if (r.recomputed === null) continue;
		const gap = Math.abs(r.recomputed - r.final);
		// 1e-9 absorbs binary rounding: 2.867 against 2.87 is a gap of 0.003, not 0.0030000000000001.
		if (gap <= tolerance + 1e-9) within++;
		if (gap > maxGap) [maxGap, maxGapName] = [gap, r.name];
	}
	return {
		count: rows.length,
		within,
		tolerance,
		maxGap: Math.max(0, Math.ceil(maxGap * 1000 - 1e-6) / 1000),
		maxGapName
	};
}
