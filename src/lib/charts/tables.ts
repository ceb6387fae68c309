/**
 * What each chart says in words and in a table: the TableModel behind "show as table" and the CSV
 * download, and the generated <desc> text for screen readers. Pure, so the exact numbers a chart
 * publishes can be unit-tested without rendering it.
 */
import { formatDelta, formatNumber, formatYear, type Locale } from '../format';
import { rankText, type Ranked } from './geometry/bars';
import { bandOf, type BulletBand } from './geometry/bullet';
import { heatCells } from './geometry/heatmap';
import { isNum } from './geometry/number';
import type { SlopeInput } from './geometry/slope';
import type { ChartLabels } from './labels';
import type {
	HeatCell,
	LineSeries,
	RadarAxis,
	RadarSeries,
	TableColumn,
	TableModel,
	YearValue
} from './types';

export interface ModelContext {
	title: string;
	lang: Locale;
	labels: ChartLabels;
	decimals?: number;
	unit?: string;
	/** Header of the first (row-header) column where the chart does not imply one. */
	rowHeader?: string;
}

export interface ChartModel {
	table: TableModel;
	description: string;
}

function num(key: string, label: string, ctx: ModelContext): TableColumn {
	return { key, label, kind: 'number', decimals: ctx.decimals, unit: ctx.unit };
}

function say(v: number | null | undefined, ctx: ModelContext): string {
	return isNum(v)
		? formatNumber(v, ctx.lang, { decimals: ctx.decimals, unit: ctx.unit })
		: ctx.labels.noData;
}

/**
 * Radar: one row per axis, one column per series.
 * @example radarModel(axes, [{ key: '2024', label: '2024', values: { gov: 61 } }], ctx).description === '2024: Governance 61,0'
 */
export function radarModel(
	axes: RadarAxis[],
	series: RadarSeries[],
	ctx: ModelContext
): ChartModel {
	const table: TableModel = {
		caption: ctx.title,
		columns: [
			{ key: 'axis', label: ctx.labels.dimension, kind: 'text' },
			...series.map((s) => num(`s:${s.key}`, s.label, ctx))
		],
		rows: axes.map((a) => ({
			code: a.code,
			cells: Object.fromEntries([
				['axis', a.label],
				...series.map((s) => [`s:${s.key}`, s.values[a.code] ?? null])
			]),
			flags: Object.fromEntries(series.map((s) => [`s:${s.key}`, !!s.illustrative?.[a.code]])),
			carried: Object.fromEntries(series.map((s) => [`s:${s.key}`, !!s.carried?.[a.code]]))
		}))
	};
	const description = series
		.map(
			(s) => `${s.label}: ${axes.map((a) => `${a.label} ${say(s.values[a.code], ctx)}`).join('; ')}`
		)
		.join('. ');
	return { table, description };
}

/**
 * Line chart: one row per year; the region's column first, then the target, then each peer shown.
 * Illustrative values and targets are flagged in the table and say so in the description.
 * @example lineModel([pati], 80, ctx).table.columns.map((c) => c.key) // ['year', 's:pati', 'target']
 */
export function lineModel(
	shown: LineSeries[],
	target: number | YearValue[] | null | undefined,
	ctx: ModelContext
): ChartModel {
	const targetPoints = Array.isArray(target) ? target : [];
	const level = isNum(target) ? target : null;
	const hasTarget = level !== null || targetPoints.length > 0;
	const at = (pts: YearValue[], year: number) => pts.find((p) => p.year === year);
	const years = [
		...new Set([
			...shown.flatMap((s) => s.points.map((p) => p.year)),
			...targetPoints.map((p) => p.year)
		])
	].sort((a, b) => a - b);
	const columns: TableColumn[] = [{ key: 'year', label: ctx.labels.year, kind: 'year' }];
	shown.forEach((s, i) => {
		columns.push(num(`s:${s.key}`, s.label, ctx));
		if (i === 0 && hasTarget) columns.push(num('target', ctx.labels.target, ctx));
	});
	const table: TableModel = {
		caption: ctx.title,
		columns,
		rows: years.map((year) => ({
			cells: {
				year,
				...(hasTarget ? { target: level ?? at(targetPoints, year)?.value ?? null } : {}),
				...Object.fromEntries(shown.map((s) => [`s:${s.key}`, at(s.points, year)?.value ?? null]))
			},
			flags: {
				...(hasTarget ? { target: !!at(targetPoints, year)?.illustrative } : {}),
				...Object.fromEntries(shown.map((s) => [`s:${s.key}`, !!at(s.points, year)?.illustrative]))
			}
		}))
	};
	const yearly = (p: YearValue) =>
		`${formatYear(p.year)} ${say(p.value, ctx)}` +
		(p.illustrative && isNum(p.value) ? ` (${ctx.labels.illustrative})` : '');
	const [main] = shown;
	const parts = main
		? [
				`${main.label}: ` +
					[...main.points]
						.sort((a, b) => a.year - b.year)
						.map(yearly)
						.join('; ')
			]
		: [];
	if (level !== null) parts.push(`${ctx.labels.target}: ${say(level, ctx)}`);
	if (targetPoints.length)
		parts.push(`${ctx.labels.target}: ` + targetPoints.map(yearly).join('; '));
	return { table, description: parts.join('. ') };
}

/** A rank as a number column of the downloads (the HTML table shows the interval as text). */
function rankColumn(key: string, label: string): TableColumn {
	return { key, label, kind: 'number', decimals: 0, exact: true, only: 'download' };
}

/**
 * Ranked bars: one row per region in rank order, with rank (interval) and score bounds. The HTML
 * table shows the interval as text ('2–4'); the downloads get numbers instead: the rank by score
 * (the bars' order) and the interval's best and worst rank, each in its own column.
 * @example barsModel(rankItems(items), ctx).description // 'Peringkat: 1 Pati 61,0; …'
 */
export function barsModel(ranked: Ranked[], ctx: ModelContext): ChartModel {
	const bounds = ranked.some((d) => isNum(d.low) || isNum(d.high));
	const table: TableModel = {
		caption: ctx.title,
		columns: [
			{ key: 'label', label: ctx.labels.region, kind: 'text' },
			{ key: 'rank', label: ctx.labels.rank, kind: 'text', only: 'screen' },
			rankColumn('rankAt', ctx.labels.rank),
			rankColumn('rankBest', ctx.labels.rankBest),
			rankColumn('rankWorst', ctx.labels.rankWorst),
			num('score', ctx.labels.score, ctx),
			...(bounds ? [num('low', ctx.labels.low, ctx), num('high', ctx.labels.high, ctx)] : [])
		],
		rows: ranked.map((d) => ({
			code: d.code,
			cells: {
				label: d.label,
				rank: rankText(d.rankLow, d.rankHigh),
				rankAt: d.rank,
				rankBest: d.rankLow,
				rankWorst: d.rankHigh,
				score: d.score,
				...(bounds ? { low: d.low ?? null, high: d.high ?? null } : {})
			}
		}))
	};
	const description =
		`${ctx.labels.rank}: ` +
		ranked
			.map((d) =>
				d.rank === null
					? `${d.label} ${ctx.labels.noData}`
					: `${rankText(d.rankLow, d.rankHigh)} ${d.label} ${say(d.score, ctx)}`
			)
			.join('; ');
	return { table, description };
}

/**
 * Heatmap: the grid itself, rows × columns; a missing cell is null.
 * @example heatModel(rows, cols, cells, ctx).table.rows[0].cells // { row: 'Governance', 'c:2018': 45, … }
 */
export function heatModel(
	rows: RadarAxis[],
	cols: RadarAxis[],
	cells: HeatCell[],
	ctx: ModelContext
): ChartModel {
	const cellAt = heatCells(cells);
	const table: TableModel = {
		caption: ctx.title,
		columns: [
			{ key: 'row', label: ctx.rowHeader ?? ctx.labels.dimension, kind: 'text' },
			...cols.map((c) => num(`c:${c.code}`, c.label, ctx))
		],
		rows: rows.map((r) => ({
			code: r.code,
			cells: Object.fromEntries([
				['row', r.label],
				...cols.map((c) => [`c:${c.code}`, cellAt(r.code, c.code)?.value ?? null])
			]),
			flags: Object.fromEntries(
				cols.map((c) => [`c:${c.code}`, !!cellAt(r.code, c.code)?.illustrative])
			),
			carried: Object.fromEntries(
				cols.map((c) => [`c:${c.code}`, !!cellAt(r.code, c.code)?.carried])
			)
		}))
	};
	const description = rows
		.map(
			(r) =>
				`${r.label}: ` +
				cols.map((c) => `${c.label} ${say(cellAt(r.code, c.code)?.value, ctx)}`).join('; ')
		)
		.join('. ');
	return { table, description };
}

/**
 * Slope chart: one row per region with both years and the change.
 * @example slopeModel(items, 2018, 2024, ctx).description // 'Pati: 2018 45,0 → 2024 61,0 (+16,0)'
 */
export function slopeModel(
	items: SlopeInput[],
	fromYear: number,
	toYear: number,
	ctx: ModelContext
): ChartModel {
	const change = (d: SlopeInput) => (isNum(d.from) && isNum(d.to) ? d.to - d.from : null);
	const table: TableModel = {
		caption: ctx.title,
		columns: [
			{ key: 'label', label: ctx.labels.region, kind: 'text' },
			num('from', formatYear(fromYear), ctx),
			num('to', formatYear(toYear), ctx),
			num('change', ctx.labels.change, ctx)
		],
		rows: items.map((d) => ({
			code: d.code,
			cells: { label: d.label, from: d.from, to: d.to, change: change(d) }
		}))
	};
	const description = items
		.map((d) => {
			const c = change(d);
			const delta =
				c === null
					? ''
					: ` (${formatDelta(c, ctx.lang, { decimals: ctx.decimals ?? 1, unit: ctx.unit })})`;
			return `${d.label}: ${formatYear(fromYear)} ${say(d.from, ctx)} → ${formatYear(toYear)} ${say(d.to, ctx)}${delta}`;
		})
		.join('; ');
	return { table, description };
}

/**
 * Bullet chart: one row with the value, the target and the band the value falls in.
 * @example bulletModel({ label: 'Skor', value: 55, target: 80, bands }, ctx).description // 'Skor: 55,0 (cukup); Target 80,0'
 */
export function bulletModel(
	d: { label: string; value: number | null; target?: number | null; bands: BulletBand[] },
	ctx: ModelContext
): ChartModel {
	const band = bandOf(d.value, d.bands);
	const table: TableModel = {
		caption: ctx.title,
		columns: [
			{ key: 'label', label: ctx.rowHeader ?? ctx.labels.dimension, kind: 'text' },
			num('value', ctx.labels.value, ctx),
			num('target', ctx.labels.target, ctx),
			{ key: 'band', label: ctx.labels.band, kind: 'text' }
		],
		rows: [{ cells: { label: d.label, value: d.value, target: d.target ?? null, band } }]
	};
	const description =
		`${d.label}: ${say(d.value, ctx)}${band ? ` (${band})` : ''}` +
		(isNum(d.target) ? `; ${ctx.labels.target} ${say(d.target, ctx)}` : '');
	return { table, description };
}
