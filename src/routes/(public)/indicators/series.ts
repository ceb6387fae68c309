/**
 * Pure helpers behind the indicator and dimension pages: the `?peers=` parameter and the series a
 * LineChart draws (one region, its peers, its target points). No SvelteKit, no database.
 */
import type { LineSeries, YearValue } from '../../../lib/charts/types';

export interface ValueRow {
	regionCode: string;
	year: number;
	value: number;
	illustrative: boolean;
}

export interface RegionName {
	code: string;
	name: string;
}

export interface PeerChoice {
	/** Peer codes drawn, in the order of `available`. */
	shown: string[];
	/** Codes in the parameter that are not compared regions (the caller answers 404). */
	unknown: string[];
}

/**
 * Reads `?peers=`: absent = every peer; `none` = no peer; `33.19,33.20` (or repeated `peers=`
 * from checkboxes, where a hidden `none` keeps an all-unchecked form meaning "none") = those.
 * `chosen` (the region itself) is dropped silently: switching region keeps the old peer list.
 * @example parsePeers(['33.19,33.20'], ['33.15', '33.19', '33.20'], '33.18').shown // ['33.19', '33.20']
 */
export function parsePeers(
	values: readonly string[],
	available: readonly string[],
	chosen: string
): PeerChoice {
	if (values.length === 0) return { shown: [...available], unknown: [] };
	const codes = values
		.flatMap((v) => v.split(','))
		.map((v) => v.trim())
		.filter((v) => v !== '' && v !== 'none' && v !== chosen);
	const unknown = [...new Set(codes.filter((c) => !available.includes(c)))];
	return { shown: available.filter((c) => codes.includes(c)), unknown };
}

/**
 * The `peers` parameter value for a choice: `none`, or codes joined by commas.
 * @example peersParam([]) === 'none'; peersParam(['33.19', '33.20']) === '33.19,33.20'
 */
export function peersParam(shown: readonly string[]): string {
	return shown.length ? shown.join(',') : 'none';
}

/**
 * Points for every year from `from` to `to`, null where the data has none (the chart leaves a gap
 * instead of joining across missing years).
 * @example fillYears([{ year: 2019, value: 2, illustrative: false }], 2018, 2019) // [{ year: 2018, value: null }, { year: 2019, value: 2, illustrative: false }]
 */
export function fillYears(points: readonly YearValue[], from: number, to: number): YearValue[] {
	const out: YearValue[] = [];
	for (let year = from; year <= to; year++) {
		const p = points.find((q) => q.year === year);
		out.push(p ? { year, value: p.value, illustrative: p.illustrative } : { year, value: null });
	}
	return out;
}

export interface IndicatorChart {
	region: LineSeries;
	peers: LineSeries[];
	/** Keys of the peers not drawn now (LineChart `hiddenPeers`). */
	hiddenPeers: string[];
	target: YearValue[];
	years: [number, number] | null;
}

/**
 * The series of one indicator's LineChart: the region and every peer over the same years (the
 * span of all values given, so the rows do not change when peers are hidden), and its targets
 * (also those after the last value: a plan's target year lies ahead).
 * @example indicatorChart(rows, [], { code: '33.18', name: 'Pati' }, [], []).region.key // '33.18'
 */
export function indicatorChart(
	values: readonly ValueRow[],
	targets: readonly YearValue[],
	region: RegionName,
	peers: readonly RegionName[],
	shownPeers: readonly string[]
): IndicatorChart {
	const years = values.map((v) => v.year);
	const span: [number, number] | null = years.length
		? [Math.min(...years), Math.max(...years)]
		: null;
	const series = (r: RegionName): LineSeries => ({
		key: r.code,
		label: r.name,
		points: span
			? fillYears(
					values
						.filter((v) => v.regionCode === r.code)
						.map((v) => ({ year: v.year, value: v.value, illustrative: v.illustrative })),
					span[0],
					span[1]
				)
			: []
	});
	return {
		region: series(region),
		peers: peers.map(series),
		hiddenPeers: peers.filter((p) => !shownPeers.includes(p.code)).map((p) => p.code),
		target: targets.map((t) => ({ year: t.year, value: t.value, illustrative: t.illustrative })),
		years: span
	};
}
