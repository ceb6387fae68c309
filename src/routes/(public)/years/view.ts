/**
 * The progress line of the years view: a score in the base year (or the first year with one, when
 * the base year has none) against the latest year with one. Pure: unit-tested beside it.
 */

export interface Progress {
	fromYear: number;
	fromScore: number;
	toYear: number;
	toScore: number;
	delta: number;
}

const isNum = (v: number | null | undefined): v is number =>
	typeof v === 'number' && Number.isFinite(v);

/**
 * Change from the base year (or the first scored year after it) to the latest scored year; null
 * when fewer than two years have a score.
 * @example progress([{ year: 2018, score: 40 }, { year: 2024, score: 61.5 }], 2018)?.delta === 21.5
 */
export function progress(
	series: readonly { year: number; score: number | null }[],
	baseYear: number
): Progress | null {
	const scored = series
		.filter((d): d is { year: number; score: number } => isNum(d.score))
		.sort((a, b) => a.year - b.year);
	const first = scored.find((d) => d.year >= baseYear) ?? scored[0];
	const last = scored.at(-1);
	if (!first || !last || last.year <= first.year) return null;
	return {
		fromYear: first.year,
		fromScore: first.score,
		toYear: last.year,
		toScore: last.score,
		delta: last.score - first.score
	};
}
