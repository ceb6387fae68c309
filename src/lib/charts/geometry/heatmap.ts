/**
 * Heatmap geometry: 0–100 scores binned into sequential fills (with a readable text colour for
 * each), a grid of cells, and column headers that turn 45° when they do not fit their column.
 */
import { bisectRight } from 'd3-array';
import type { HeatCell } from '../types';
import { isNum } from './number';
import { SEQUENTIAL, textColorOn } from './palette';
import { textWidth, truncate, wrapWords } from './text';

export const DEFAULT_THRESHOLDS = [20, 40, 60, 80] as const;

/**
 * A lookup of cells by row and column code; a cell that is not listed is undefined (no data).
 * @example heatCells([{ row: 'gov', col: '2018', value: 45 }])('gov', '2018')?.value === 45
 */
export function heatCells(
	cells: readonly HeatCell[]
): (row: string, col: string) => HeatCell | undefined {
	// Codes never contain NUL, so joining on it keeps every (row, col) pair apart.
	const byKey = new Map(cells.map((c) => [`${c.row}\u0000${c.col}`, c]));
	return (row, col) => byKey.get(`${row}\u0000${col}`);
}

/**
 * The bin of a value: 0 below the first threshold, thresholds.length at or above the last;
 * null for a missing value.
 * @example heatBin(40, [20, 40, 60, 80]) === 2
 */
export function heatBin(
	value: number | null | undefined,
	thresholds: readonly number[]
): number | null {
	if (!isNum(value)) return null;
	return bisectRight(thresholds, value);
}

/**
 * Fill and text colour of a cell; null for a missing value (drawn hatched instead).
 * @example heatFill(10, [20, 40, 60, 80]) // { bin: 0, fill: '#440154', text: '#ffffff' }
 */
export function heatFill(
	value: number | null | undefined,
	thresholds: readonly number[] = DEFAULT_THRESHOLDS,
	colors: readonly string[] = SEQUENTIAL
): { bin: number; fill: string; text: string } | null {
	const bin = heatBin(value, thresholds);
	if (bin === null) return null;
	const fill = colors[Math.min(bin, colors.length - 1)];
	return { bin, fill, text: textColorOn(fill) };
}

/**
 * The [from, to) range of every bin, for the legend.
 * @example heatBins([20, 40], 0, 100) // [[0, 20], [20, 40], [40, 100]]
 */
export function heatBins(thresholds: readonly number[], min = 0, max = 100): [number, number][] {
	const edges = [min, ...thresholds, max];
	return edges.slice(0, -1).map((e, i) => [e, edges[i + 1]]);
}

export interface HeatLayout {
	/** Left edge of the cells (after the row labels). */
	left: number;
	/** Top edge of the cells (after the column headers). */
	top: number;
	cellWidth: number;
	cellHeight: number;
	width: number;
	height: number;
	/**
	 * Column headers turned 45° (reading down to the right, ending above their column) because
	 * they do not fit horizontally.
	 */
	rotate: boolean;
	/** Column header texts, shortened when needed. */
	columnText: string[];
	/** Which column headers were shortened (the full name then goes in a tooltip). */
	columnCut: boolean[];
	/** Each row label as one line, or two when it is wider than the label column. */
	rowLines: string[][];
	/** Which row labels were shortened. */
	rowCut: boolean[];
	/** Distance between the baselines of a two-line row label. */
	lineHeight: number;
}

/** Space in px between a row label and the first cell. */
const LABEL_PAD = 8;

/**
 * Lays out a grid of rows × columns in a given width. The row-label column is as wide as the
 * longest label (estimated with textWidth) but at most `maxLabelShare` of the width. A label wider
 * than that wraps onto two lines when the rows are tall enough for two; only what still does not
 * fit is shortened, always to the same number of characters, with an ellipsis. Column
 * headers that do not fit their cell are turned 45° so that each ends above its own column and
 * runs up to the left (over the row labels' column, never past the right edge), shortened to
 * `maxLabelChars`; the label column widens when the first header would start left of the chart.
 * @example heatLayout(['Governance', 'Economy'], ['2018', '2024'], 360, 12).left === 80
 */
export function heatLayout(
	rows: string[],
	columns: string[],
	width: number,
	fontSize: number,
	cellHeight = 32,
	maxLabelChars = 18,
	maxLabelShare = 0.4
): HeatLayout {
	const charW = textWidth('x', fontSize);
	const longest = Math.max(0, ...rows.map((r) => textWidth(r, fontSize)));
	const cap = Math.round(width * maxLabelShare);
	let left = Math.min(cap, Math.ceil(longest) + LABEL_PAD);
	const rowChars = Math.max(1, Math.floor((left - LABEL_PAD) / charW));
	const lineHeight = Math.round(fontSize * 1.15);
	const twoLines = cellHeight >= 2 * lineHeight + 4;
	const rowLines = rows.map((r): string[] => {
		if (textWidth(r, fontSize) + LABEL_PAD <= left) return [r];
		const words = wrapWords(r, rowChars);
		if (!twoLines || words.length < 2 || [...words[0]].length > rowChars) {
			return [truncate(r, rowChars)];
		}
		return [words[0], truncate(words.slice(1).join(' '), rowChars)];
	});
	const rowCut = rowLines.map(
		(lines, i) => lines.join(' ') !== rows[i].trim().replace(/\s+/g, ' ')
	);

	const n = columns.length;
	const cellsIn = (l: number) => (n ? Math.round(((width - l) / n) * 100) / 100 : 0);
	const fits = columns.every((c) => textWidth(c, fontSize) + 4 <= cellsIn(left));
	const columnCut = columns.map((c) => !fits && [...c].length > maxLabelChars);
	const columnText = columns.map((c, j) => (columnCut[j] ? truncate(c, maxLabelChars) : c));
	const reach = columnText.map((c) => textWidth(c, fontSize) * Math.SQRT1_2);
	if (!fits) {
		// Header j ends at the middle of its column and reaches `reach[j]` to the left of it:
		// left + (j + 0.5) * (width - left) / n >= reach[j], solved for left.
		reach.forEach((r, j) => {
			const f = (j + 0.5) / n;
			if (f < 1) left = Math.max(left, Math.ceil((r - f * width) / (1 - f)));
		});
	}
	const top = fits ? Math.round(fontSize * 1.8) : Math.ceil(Math.max(0, ...reach) + fontSize + 6);
	return {
		left,
		top,
		cellWidth: cellsIn(left),
		cellHeight,
		width,
		height: top + rows.length * cellHeight,
		rotate: !fits,
		columnText,
		columnCut,
		rowLines,
		rowCut,
		lineHeight
	};
}
