/**
 * Pure helpers of the /compare map: what colours the Jawa Tengah choropleth (our scores, or
 * Kominfo's published 2022 index) and which regions get values. No SvelteKit, no database.
 */
import type { KominfoEvaluationRow } from '$lib/evaluation/kominfo';

/** What the map is coloured by: this project's scores, or Kominfo's published index. */
export type MapMode = 'scores' | 'official';

/** `?map=` value for Kominfo's published results; no parameter means our scores. */
export const OFFICIAL_MAP = 'official';

/**
 * The map mode of a `?map=` value; null for anything unknown (the page answers 404).
 * @example parseMapMode(null) === 'scores'; parseMapMode('official') === 'official'; parseMapMode('x') === null
 */
export function parseMapMode(raw: string | null): MapMode | null {
	if (raw === null || raw === '' || raw === 'scores') return 'scores';
	return raw === OFFICIAL_MAP ? 'official' : null;
}

/** The parts of a compared region the map reads (the /compare load's `peers`). */
export interface ScoredRegion {
	code: string;
	composite: number | null;
	compositeIllustrative: boolean;
	dimensions: Record<string, { score: number | null; illustrative: boolean }>;
}

export interface MapValues {
	values: Record<string, number | null>;
	/** Codes whose value is computed from illustrative inputs. */
	illustrative: Record<string, boolean>;
}

/**
 * The composite (dimension null) or one dimension's score of every compared region; an unknown
 * dimension gives no values rather than zeros.
 * @example scoreMapValues([{ code: '33.18', composite: 61.5, compositeIllustrative: true, dimensions: {} }], null) // { values: { '33.18': 61.5 }, illustrative: { '33.18': true } }
 */
export function scoreMapValues(
	regions: readonly ScoredRegion[],
	dimension: string | null
): MapValues {
	const values: Record<string, number | null> = {};
	const illustrative: Record<string, boolean> = {};
	for (const r of regions) {
		const cell =
			dimension === null
				? { score: r.composite, illustrative: r.compositeIllustrative }
				: r.dimensions[dimension];
		values[r.code] = cell?.score ?? null;
		illustrative[r.code] = (cell?.score ?? null) !== null && !!cell?.illustrative;
	}
	return { values, illustrative };
}

/**
 * The published final index of the regions on the map that took part; regions without a code
 * (outside the province) or not on the map are left out, and so are those listed with "-".
 * @example officialMapValues(rows, ['33.19', '33.18']) // { '33.19': 2.87 }
 */
export function officialMapValues(
	rows: readonly KominfoEvaluationRow[],
	codes: readonly string[]
): Record<string, number> {
	const onMap = new Set(codes);
	const out: Record<string, number> = {};
	for (const r of rows) {
		if (r.tookPart && r.regionCode !== null && onMap.has(r.regionCode)) {
			out[r.regionCode] = r.nilaiFinal;
		}
	}
	return out;
}

/**
 * The province's name as readers know it: "Provinsi Jawa Tengah" → "Jawa Tengah".
 * @example provinceShortName('Provinsi Jawa Tengah') === 'Jawa Tengah'
 */
export function provinceShortName(name: string): string {
	const short = name.replace(/^Provinsi\s+/i, '').trim();
	return short === '' ? name : short;
}
