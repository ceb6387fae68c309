/**
 * Pure helpers of the /compare map: what colours the Jawa Tengah choropleth (our scores, one
 * indicator's published values, or Kominfo's published index) and which regions get values.
 * No SvelteKit, no database.
 */
import type { KominfoEvaluationRow } from '$lib/evaluation/kominfo';

/**
 * What the map is coloured by: this project's scores, one indicator's values as published, or
 * Kominfo's published index.
 */
export type MapMode = 'scores' | 'indicator' | 'official';

/** `?map=` value for Kominfo's published results. */
export const OFFICIAL_MAP = 'official';
/** `?map=` value for one indicator's values (`&indicator=<code>`). */
export const INDICATOR_MAP = 'indicator';

/**
 * The map mode of a `?map=` value; without one, our scores when the year has any, else an
 * indicator (a year nobody scores in still has published figures to map). Null for anything
 * unknown (the page answers 404).
 * @example parseMapMode(null, true) === 'scores'; parseMapMode(null, false) === 'indicator'; parseMapMode('x', true) === null
 */
export function parseMapMode(raw: string | null, anyScores = true): MapMode | null {
	if (raw === null || raw === '') return anyScores ? 'scores' : 'indicator';
	if (raw === 'scores') return 'scores';
	if (raw === INDICATOR_MAP) return 'indicator';
	return raw === OFFICIAL_MAP ? 'official' : null;
}

/** A region's value of one indicator in one year (the parts the map reads). */
export interface MapObservation {
	regionCode: string;
	indicatorCode: string;
	year: number;
	value: number;
	illustrative: boolean;
}

/**
 * The indicators worth a map in `year`, most regions first (ties by code): those with a value for
 * at least `min` of the regions on the map.
 * @example mapIndicators(obs, ['33.18', '33.19'], 2023, 2) // [{ code: 'poverty_rate_march', regions: 2 }]
 */
export function mapIndicators(
	observations: readonly MapObservation[],
	onMap: readonly string[],
	year: number,
	min = 1
): { code: string; regions: number }[] {
	const map = new Set(onMap);
	const counts = new Map<string, number>();
	for (const o of observations) {
		if (o.year !== year || !map.has(o.regionCode)) continue;
		counts.set(o.indicatorCode, (counts.get(o.indicatorCode) ?? 0) + 1);
	}
	return [...counts]
		.filter(([, n]) => n >= min)
		.map(([code, regions]) => ({ code, regions }))
		.sort((a, b) => b.regions - a.regions || a.code.localeCompare(b.code));
}

/**
 * One indicator's values of `year` for the regions on the map (no carrying forward: a region
 * without a value that year stays empty), with the illustrative flags.
 * @example indicatorMapValues(obs, 'hdi_ipm', 2023, ['33.18']) // { values: { '33.18': 73.59 }, illustrative: { '33.18': false } }
 */
export function indicatorMapValues(
	observations: readonly MapObservation[],
	indicator: string,
	year: number,
	onMap: readonly string[]
): MapValues {
	const values: Record<string, number | null> = Object.fromEntries(onMap.map((c) => [c, null]));
	const illustrative: Record<string, boolean> = {};
	for (const o of observations) {
		if (o.indicatorCode !== indicator || o.year !== year || !(o.regionCode in values)) continue;
		values[o.regionCode] = o.value;
		illustrative[o.regionCode] = o.illustrative;
	}
	return { values, illustrative };
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
