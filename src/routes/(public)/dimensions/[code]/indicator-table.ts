/**
 * The dimension page's indicator tables as one table model for the downloads: every indicator of
 * the dimension with its element, value, unit, the year the value comes from (a value carried
 * forward from an earlier year is flagged beside it), target, score and source. The HTML tables
 * stay one per element; a spreadsheet wants one sheet. Pure: words come in as arguments.
 */
import type { TableModel } from '$lib/charts';

/** A row of the page's indicator tables, as the load gives it (the fields this model reads). */
export interface IndicatorTableRow {
	code: string;
	value: number | null;
	decimals: number | null;
	yearUsed: number | null;
	carriedForward: boolean;
	illustrative: boolean;
	target: number | null;
	targetYear: number | null;
	targetIllustrative: boolean;
	score: number | null;
	source: string | null;
}

export interface IndicatorTableWords {
	caption: string;
	indicator: string;
	element: string;
	value: string;
	unit: string;
	yearUsed: string;
	target: string;
	targetYear: string;
	score: string;
	source: string;
}

/** The element's name and its rows, each row with its display name and unit in the page's language. */
export interface IndicatorTableElement {
	name: string;
	indicators: (IndicatorTableRow & { name: string; unit: string })[];
}

/**
 * One row per indicator, in page order. Values and targets are rounded as the page shows them,
 * each indicator to its own decimals (the row's, the column fixes none); the score to one.
 * @example indicatorTable(elements, words).rows[0].cells // { indicator: 'IPM', element: 'Kesehatan', value: 72.5, unit: 'indeks', yearUsed: 2022, … }
 */
export function indicatorTable(
	elements: IndicatorTableElement[],
	words: IndicatorTableWords
): TableModel {
	return {
		caption: words.caption,
		columns: [
			{ key: 'indicator', label: words.indicator, kind: 'text' },
			{ key: 'element', label: words.element, kind: 'text' },
			{ key: 'value', label: words.value, kind: 'number' },
			{ key: 'unit', label: words.unit, kind: 'text' },
			{ key: 'yearUsed', label: words.yearUsed, kind: 'year' },
			{ key: 'target', label: words.target, kind: 'number' },
			{ key: 'targetYear', label: words.targetYear, kind: 'year' },
			{ key: 'score', label: words.score, kind: 'number', decimals: 1 },
			{ key: 'source', label: words.source, kind: 'text' }
		],
		rows: elements.flatMap((e) =>
			e.indicators.map((r) => ({
				code: r.code,
				cells: {
					indicator: r.name,
					element: e.name,
					value: r.value,
					unit: r.unit,
					yearUsed: r.yearUsed,
					// A target without its year says nothing: both or neither.
					target: r.targetYear === null ? null : r.target,
					targetYear: r.target === null ? null : r.targetYear,
					score: r.score,
					source: r.yearUsed === null ? null : r.source
				},
				...(r.decimals === null ? {} : { decimals: r.decimals }),
				flags: { value: r.illustrative, target: r.targetIllustrative },
				// The score rests on the same carried value, so both say so.
				carried: { value: r.carriedForward, score: r.carriedForward }
			}))
		)
	};
}
