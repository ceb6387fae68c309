/**
 * Which years a scorecard can show, and the year it opens on. Pure: the server fills the statuses
 * from the scores, the year pickers word them, the unit tests call it directly.
 */

/** How far one year's data go for a region: what the year picker says beside each year. */
export interface YearStatus {
	year: number;
	/** Dimensions in the framework, and those with a score. */
	dimensions: number;
	scoredDimensions: number;
	/** True when the composite (every dimension scored) exists. */
	composite: boolean;
	/** Scored indicators whose value is from this very year (not carried forward). */
	freshIndicators: number;
}

/**
 * The year a scorecard opens on: the latest year with a composite score; else the latest year
 * with the most dimensions scored; else (nothing scores) the latest year with the most values
 * observed in that very year. Never simply the calendar year, whose data are not in yet.
 * @example defaultYear([{ year: 2024, composite: false, scoredDimensions: 2, … }, …]) // 2024
 */
export function defaultYear(statuses: readonly YearStatus[]): number | null {
	const latestBest = (score: (s: YearStatus) => number) => {
		let best: YearStatus | null = null;
		for (const s of statuses) if (!best || score(s) >= score(best)) best = s;
		return best && score(best) > 0 ? best.year : null;
	};
	return (
		latestBest((s) => (s.composite ? 1 : 0)) ??
		latestBest((s) => s.scoredDimensions) ??
		latestBest((s) => s.freshIndicators) ??
		statuses.at(-1)?.year ??
		null
	);
}
