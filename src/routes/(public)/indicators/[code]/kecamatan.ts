/**
 * The kecamatan map of an indicator page, worked out without SvelteKit or the database: which
 * year to show, the values of that year, and a colour domain that stays the same across years.
 * Null when the region's kecamatan have no value at all: the page then says so in words and
 * draws no map (never an empty one).
 */
import { extent } from 'd3-array';
import { scaleLinear } from 'd3-scale';

export interface KecamatanObservation {
	regionCode: string;
	year: number;
	value: number;
	illustrative: boolean;
	source: string;
}

export interface KecamatanRow {
	code: string;
	name: string;
	value: number | null;
	illustrative: boolean;
	source: string | null;
}

export interface KecamatanMapView {
	/** The year shown: the page's year when it has values, else the nearest year that does. */
	year: number;
	/** True when `year` is not the year the page asked for. */
	otherYear: boolean;
	values: Record<string, number>;
	illustrative: Record<string, boolean>;
	/** Every kecamatan of the region in code order, with or without a value in `year`. */
	rows: KecamatanRow[];
	withValue: number;
	total: number;
	/** Colour domain over every year's values (rounded outwards), so a colour keeps its meaning. */
	domain: [number, number];
	/** Distinct sources of the values shown. */
	sources: string[];
	illustrativeCount: number;
}

/**
 * The year to show: `year` when it has values, else the latest earlier year, else the earliest
 * later one; null without any.
 * @example mapYear([2019, 2022], 2021) === 2019; mapYear([2023], 2021) === 2023; mapYear([], 2021) === null
 */
export function mapYear(years: readonly number[], year: number): number | null {
	if (years.includes(year)) return year;
	const earlier = years.filter((y) => y < year);
	if (earlier.length) return Math.max(...earlier);
	const later = years.filter((y) => y > year);
	return later.length ? Math.min(...later) : null;
}

/**
 * A colour domain for the values: [0, 100] for percentages, else their extent rounded outwards
 * to nice numbers (a single value v > 0 gives [0, v] rounded; all zeros give [0, 1]).
 * @example valueDomain([3, 47], 'count') // [0, 50]; valueDomain([12.5], 'percent') // [0, 100]
 */
export function valueDomain(values: readonly number[], valueType: string): [number, number] {
	if (valueType === 'percent') return [0, 100];
	const finite = values.filter((v) => Number.isFinite(v));
	let [lo, hi] = extent(finite) as [number | undefined, number | undefined];
	if (lo === undefined || hi === undefined) return [0, 1];
	if (lo === hi) {
		if (hi > 0) lo = 0;
		else if (lo < 0) hi = 0;
		else hi = 1;
	}
	const nice = scaleLinear().domain([lo, hi]).nice(5).domain() as [number, number];
	return [nice[0] + 0, nice[1] + 0];
}

/**
 * The map of an indicator over a region's kecamatan for the page's year (see KecamatanMapView);
 * observations of regions that are not among `kecamatan` are ignored.
 * @example kecamatanMapView([{ regionCode: '33.18.08', year: 2023, value: 4, illustrative: false, source: 'https://…' }], [{ code: '33.18.08', name: 'Juwana' }], 2023, 'count')?.values // { '33.18.08': 4 }
 */
export function kecamatanMapView(
	observations: readonly KecamatanObservation[],
	kecamatan: readonly { code: string; name: string }[],
	year: number,
	valueType: string
): KecamatanMapView | null {
	const codes = new Set(kecamatan.map((k) => k.code));
	const mine = observations.filter((o) => codes.has(o.regionCode) && Number.isFinite(o.value));
	const shown = mapYear([...new Set(mine.map((o) => o.year))], year);
	if (shown === null) return null;
	const byCode = new Map(mine.filter((o) => o.year === shown).map((o) => [o.regionCode, o]));
	const rows = [...kecamatan]
		.sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }))
		.map((k): KecamatanRow => {
			const o = byCode.get(k.code);
			return {
				code: k.code,
				name: k.name,
				value: o?.value ?? null,
				illustrative: o?.illustrative ?? false,
				source: o?.source ?? null
			};
		});
	const withValues = rows.filter((r) => r.value !== null);
	return {
		year: shown,
		otherYear: shown !== year,
		values: Object.fromEntries(withValues.map((r) => [r.code, r.value as number])),
		illustrative: Object.fromEntries(withValues.map((r) => [r.code, r.illustrative])),
		rows,
		withValue: withValues.length,
		total: rows.length,
		domain: valueDomain(
			mine.map((o) => o.value),
			valueType
		),
		sources: [...new Set(withValues.map((r) => r.source as string))],
		illustrativeCount: withValues.filter((r) => r.illustrative).length
	};
}
