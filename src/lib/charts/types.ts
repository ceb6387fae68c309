/**
 * Data shapes shared by the chart components, the table/CSV alternative and the geometry helpers.
 * Pure types: no Svelte, no SvelteKit.
 */

export type Lang = 'id' | 'en';

/** One value in a series over years; `illustrative` marks a value that is not an official figure. */
export interface YearValue {
	year: number;
	value: number | null;
	illustrative?: boolean;
}

/** How a table column is written: text as is, numbers through the locale formatter, years ungrouped. */
export type ColumnKind = 'text' | 'number' | 'year';

export interface TableColumn {
	key: string;
	label: string;
	kind: ColumnKind;
	decimals?: number;
	unit?: string;
	/** Where the column appears: only in the HTML table or only in the downloads. Default both. */
	only?: 'screen' | 'download';
	/** The value shown is the whole value (ranks, counts): the downloads add no precise column. */
	exact?: boolean;
}

export interface TableRow {
	cells: Record<string, string | number | null | undefined>;
	/** Column keys whose value in this row is illustrative. */
	flags?: Record<string, boolean>;
	/** Column keys whose value in this row leans on a value carried forward from an earlier year. */
	carried?: Record<string, boolean>;
	/** The row's code (region or dimension code), a column of its own in the downloads. */
	code?: string;
	/**
	 * Decimals of this row's numbers where the column fixes none: a table of indicators, each
	 * shown with its own precision (the downloads round each as the page shows it).
	 */
	decimals?: number;
}

/**
 * The numbers a chart draws, as a table. The first column is the row header.
 * The same model feeds the HTML "show as table" alternative and the CSV download.
 */
export interface TableModel {
	caption: string;
	columns: TableColumn[];
	rows: TableRow[];
}

/** Props every framed chart takes (see ChartFrame for how they are shown). */
export interface FrameProps {
	/** Chart title: the figure caption and the SVG <title>. */
	title: string;
	/** SVG <desc>; a summary of the numbers is generated when omitted. */
	description?: string;
	source?: string;
	sourceHref?: string;
	/** Shown under the chart, e.g. the illustrative-values notice. */
	note?: string;
	lang?: Lang;
	/** Overrides of the chart chrome strings (see labels.ts). */
	labels?: Partial<import('./labels').ChartLabels>;
	/** false: the bare chart without figure, table and downloads (e.g. small multiples). */
	frame?: boolean;
	/** Download file name without extension. */
	filename?: string;
	/** Width in px used for the server render, before the container is measured. */
	width?: number;
	/**
	 * false: no keyboard-reachable points; the chart is a single image with its table as the
	 * alternative (small multiples, so a page does not get hundreds of tab stops). Default true.
	 */
	focusable?: boolean;
}

/** A dimension (or any axis) of a radar chart. */
export interface RadarAxis {
	code: string;
	label: string;
}

/** One overlaid radar series (e.g. one year); values keyed by axis code, a missing code is null. */
export interface RadarSeries {
	key: string;
	label: string;
	values: Record<string, number | null | undefined>;
	illustrative?: Record<string, boolean | undefined>;
	/** Axis codes whose value leans on a value carried forward from an earlier year. */
	carried?: Record<string, boolean | undefined>;
}

/** One line of a LineChart: a region's values across years. */
export interface LineSeries {
	key: string;
	label: string;
	points: YearValue[];
}

/** One cell of a Heatmap; a cell that is not listed counts as no data. */
export interface HeatCell {
	row: string;
	col: string;
	value: number | null;
	illustrative?: boolean;
	/** The value leans on a value carried forward from an earlier year. */
	carried?: boolean;
}
