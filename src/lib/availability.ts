/**
 * Data availability (Open SDG's reporting status, for a regency): for each indicator and year,
 * whether a region has a sourced value, only an illustrative one, none, or whether the indicator
 * did not exist yet; and the counts per group of indicators. Pure: unit-tested beside it.
 */

export const STATUSES = ['real', 'illustrative', 'missing', 'not_applicable'] as const;
export type Status = (typeof STATUSES)[number];

export interface AvailabilityIndicator {
	code: string;
	/** First year the indicator exists; earlier years are not applicable. null = always. */
	yearFrom: number | null;
}

export interface AvailabilityObservation {
	indicatorCode: string;
	year: number;
	illustrative: boolean;
}

export interface StatusCounts {
	real: number;
	illustrative: number;
	missing: number;
	notApplicable: number;
	/** real + illustrative + missing: the indicator-years that could have a value. */
	applicable: number;
}

/**
 * The status of each indicator in each year (one region's observations; one value per indicator
 * and year, as the current observations are).
 * @example statusMatrix([{ code: 'a', yearFrom: null }], [{ indicatorCode: 'a', year: 2020, illustrative: false }], [2020, 2021]).get('a') // ['real', 'missing']
 */
export function statusMatrix(
	indicators: readonly AvailabilityIndicator[],
	observations: readonly AvailabilityObservation[],
	years: readonly number[]
): Map<string, Status[]> {
	const seen = new Map<string, boolean>();
	for (const o of observations) {
		const key = `${o.indicatorCode}\u0000${o.year}`;
		// A real value wins should two rows ever share a cell.
		seen.set(key, (seen.get(key) ?? true) && o.illustrative);
	}
	return new Map(
		indicators.map((ind) => [
			ind.code,
			years.map((y): Status => {
				if (ind.yearFrom !== null && y < ind.yearFrom) return 'not_applicable';
				const ill = seen.get(`${ind.code}\u0000${y}`);
				return ill === undefined ? 'missing' : ill ? 'illustrative' : 'real';
			})
		])
	);
}

/**
 * Counts statuses.
 * @example countStatuses(['real', 'missing', 'not_applicable']) // { real: 1, illustrative: 0, missing: 1, notApplicable: 1, applicable: 2 }
 */
export function countStatuses(statuses: Iterable<Status>): StatusCounts {
	const c: StatusCounts = { real: 0, illustrative: 0, missing: 0, notApplicable: 0, applicable: 0 };
	for (const s of statuses) {
		if (s === 'not_applicable') c.notApplicable++;
		else {
			c[s]++;
			c.applicable++;
		}
	}
	return c;
}

/**
 * Counts per year (column) over a set of indicator rows.
 * @example countByYear([['real', 'missing'], ['illustrative', 'missing']])[0] // { real: 1, illustrative: 1, missing: 0, … }
 */
export function countByYear(rows: readonly (readonly Status[])[]): StatusCounts[] {
	const n = rows.reduce((m, r) => Math.max(m, r.length), 0);
	return Array.from({ length: n }, (_, j) =>
		countStatuses(rows.map((r) => r[j] ?? 'not_applicable'))
	);
}

/**
 * A share of the applicable indicator-years, null when none was applicable.
 * @example share(3, { applicable: 4 }) === 0.75
 */
export function share(part: number, counts: Pick<StatusCounts, 'applicable'>): number | null {
	return counts.applicable > 0 ? part / counts.applicable : null;
}

/**
 * The years a framework's availability covers: from its first year to its last, or to the last
 * year with any value when that is earlier or the framework is open-ended; none without values.
 * @example availabilityYears(2017, null, [2018, 2024]) // [2017, …, 2024]
 */
export function availabilityYears(
	yearFrom: number,
	yearTo: number | null,
	observedYears: readonly number[]
): number[] {
	if (observedYears.length === 0) return [];
	const last = Math.min(yearTo ?? Infinity, Math.max(...observedYears));
	const out: number[] = [];
	for (let y = yearFrom; y <= last; y++) out.push(y);
	return out;
}
