/**
 * Heatmap geometry: 0–100 scores binned into sequential fills (with a readable text colour for
 * each), a grid of cells, and column headers that turn 45° when they do not fit their column.
 */
import { bisectRight } from 'd3-array';
import type { HeatCell } from '../types';
import { isNum } from './number';
import { SEQUENTIAL, textColorOn } from './palette';
import { textWidth, truncate } from './text';

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
	/** Column headers rotated by -45° because they do not fit horizontally. */
	rotate: boolean;
	/** Column header texts, shortened when needed. */
	columnText: string[];
	rowText: string[];
}

/**
 * Lays out a grid of rows × columns in a given width.
 * @example heatLayout(['A'], ['2018', '2024'], 300, 12) // cells of (300 - labelWidth) / 2 each
 */
export function heatLayout(
	rows: string[],
	columns: string[],
	width: number,
	fontSize: number,
	cellHeight = 32,
	maxLabelChars = 18
): HeatLayout {
	const rowText = rows.map((r) => truncate(r, maxLabelChars));
	const labelWidth = Math.ceil(Math.max(0, ...rowText.map((r) => textWidth(r, fontSize)))) + 8;
	const left = Math.min(labelWidth, Math.round(width * 0.4));
	const cellWidth = columns.length ? Math.round(((width - left) / columns.length) * 100) / 100 : 0;
	const fits = columns.every((c) => textWidth(c, fontSize) + 4 <= cellWidth);
	const columnText = fits ? columns : columns.map((c) => truncate(c, maxLabelChars));
	const longest = Math.max(0, ...columnText.map((c) => textWidth(c, fontSize)));
	const top = fits ? Math.round(fontSize * 1.8) : Math.ceil(longest * Math.SQRT1_2 + fontSize + 6);
	return {
		left,
		top,
		cellWidth,
		cellHeight,
		width,
		height: top + rows.length * cellHeight,
		rotate: !fits,
		columnText,
		rowText: rowText.map((r, i) => (textWidth(r, fontSize) + 8 > left ? truncate(rows[i], 8) : r))
	};
}
