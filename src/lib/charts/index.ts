/**
 * The chart components and their data types, for pages:
 * `import { RadarChart, type RadarSeries } from '$lib/charts';`
 */
export { default as BulletChart } from './BulletChart.svelte';
export { default as ChartFrame } from './ChartFrame.svelte';
export { default as Heatmap } from './Heatmap.svelte';
export { default as LineChart } from './LineChart.svelte';
export { default as RadarChart } from './RadarChart.svelte';
export { default as RankedBars } from './RankedBars.svelte';
export { default as SlopeChart } from './SlopeChart.svelte';
export { default as Sparkline } from './Sparkline.svelte';
export { default as TableDownloads } from './TableDownloads.svelte';
export { CHART_LABELS, chartLabels, type ChartLabels } from './labels';
export type { RankInput } from './geometry/bars';
export type { BulletBand } from './geometry/bullet';
export type { SlopeInput } from './geometry/slope';
export type * from './types';
