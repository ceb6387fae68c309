/**
 * Shared fixtures of the chart tests: the six GM100SC dimension names as the Indonesian pages
 * print them (the longest labels a chart lays out), and axes made from any list of labels.
 */

/** The six dimensions in framework order, as `/` and `/compare` label them. */
export const GM100SC_LABELS = [
	'Tata Kelola Cerdas',
	'Branding Cerdas',
	'Ekonomi Cerdas',
	'Kehidupan Cerdas',
	'Masyarakat Cerdas',
	'Lingkungan Cerdas'
] as const;

/**
 * Axes (or heatmap rows) coded `d0`, `d1`, … in the order of the labels.
 * @example axesOf(['A', 'B']) // [{ code: 'd0', label: 'A' }, { code: 'd1', label: 'B' }]
 */
export const axesOf = (labels: readonly string[]) =>
	labels.map((label, i) => ({ code: `d${i}`, label }));
