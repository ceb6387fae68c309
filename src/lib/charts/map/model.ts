/**
 * What RegionMap draws for each region, worked out without Svelte: value, fill class, accessible
 * name, tooltip and link. Pure module.
 */
import { formatNumber, type Locale } from '../../format';
import { isNum } from '../geometry/number';
import { tooltipBox, type TooltipBox } from '../geometry/text';
import { regionName, shortRegionName } from '../../region-names';
import { classFill, mapClassing, type ClassScheme, type Domain, type MapClass } from './classes';
import { placeMapLabels, type PlacedLabel } from './placement';
import type { MapShape } from './projection';

/** Values by region code: a Map or a plain record; missing, null and non-finite mean "no data". */
export type RegionValues =
	| ReadonlyMap<string, number | null | undefined>
	| Readonly<Record<string, number | null | undefined>>;

/**
 * The value of a region, or null when it has none (NaN and ±Infinity count as none).
 * @example regionValue({ '33.18': 61.5 }, '33.18') === 61.5; regionValue(new Map(), '33.19') === null
 */
export function regionValue(values: RegionValues, code: string): number | null {
	const v =
		values instanceof Map
			? values.get(code)
			: (values as Readonly<Record<string, number | null | undefined>>)[code];
	return isNum(v) ? v : null;
}

export interface MapRegion extends MapShape {
	value: number | null;
	/** Class fill; null means hatched "no data". */
	fill: string | null;
	illustrative: boolean;
	selected: boolean;
	/** The value as readers see it: "61,5", "61,5 (ilustratif)" or "tidak ada data". */
	valueText: string;
	/** Accessible name: "Kabupaten Pati: 61,5 (dipilih)" ("Pati Regency: 61.5 (selected)" in English). */
	label: string;
	href: string | null;
	tip: TooltipBox;
	tipLines: string[];
}

export interface MapModelInput {
	shapes: readonly MapShape[];
	/** Height of the map area (the tooltip stays inside it). */
	width: number;
	height: number;
	values: RegionValues;
	illustrative?: Readonly<Record<string, boolean | undefined>>;
	selected?: string | null;
	domain: Domain;
	classes: number;
	/** 'quantile' (default): classes from the values' own spread; 'equal': equal intervals over domain. */
	scheme?: ClassScheme;
	/**
	 * The smallest difference that means something on this scale (e.g. 2 points of a score): when
	 * two regions in neighbouring classes differ by less, the legend says so.
	 */
	minClassWidth?: number;
	/** Font size of the region names written on the map; 0 writes none. */
	labelSize?: number;
	lang: Locale;
	decimals?: number;
	unit?: string;
	hrefFor?: (code: string) => string | null | undefined;
	text: { noData: string; illustrative: string; selected: string };
}

export interface MapModel {
	regions: MapRegion[];
	classes: MapClass[];
	/** Two regions in neighbouring classes differ by less than minClassWidth (the legend says so). */
	narrow: boolean;
	selected: MapRegion | null;
	withData: MapRegion[];
	/** Region names written on the map (see placeMapLabels). */
	names: PlacedLabel[];
}

/**
 * Every region with its fill, names and tooltip, in shape order (which is also the tab order).
 * @example buildMapModel({ shapes, values: { '33.18': 61.5 }, domain: [0, 100], classes: 5, ... }).regions[0].label === 'Kabupaten Pati: 61,5'
 */
export function buildMapModel(input: MapModelInput): MapModel {
	const { lang, decimals, unit, text } = input;
	const values = input.shapes.map((s) => regionValue(input.values, s.code));
	const classing = mapClassing(values, input.classes, lang, {
		scheme: input.scheme,
		domain: input.domain,
		decimals
	});
	const regions = input.shapes.map((s, i): MapRegion => {
		const value = values[i];
		const name = regionName(s.name, lang);
		const illustrative = value !== null && !!input.illustrative?.[s.code];
		const selected = !!input.selected && input.selected === s.code;
		const valueText =
			value === null
				? text.noData
				: formatNumber(value, lang, { decimals, unit }) +
					(illustrative ? ` (${text.illustrative})` : '');
		const tipLines = [name, valueText];
		return {
			...s,
			name,
			value,
			fill: classFill(value, classing, decimals ?? 2),
			illustrative,
			selected,
			valueText,
			label: `${name}: ${valueText}` + (selected ? ` (${text.selected})` : ''),
			href: input.hrefFor?.(s.code) || null,
			tipLines,
			tip: tooltipBox(s.cx, s.cy, tipLines, 12, { width: input.width, height: input.height })
		};
	});
	const labelSize = input.labelSize ?? 11;
	return {
		regions,
		classes: classing.classes,
		narrow: input.minClassWidth !== undefined && classing.closest < input.minClassWidth,
		selected: regions.find((r) => r.selected) ?? null,
		withData: regions.filter((r) => r.value !== null),
		names:
			labelSize > 0
				? placeMapLabels(
						input.shapes.map((s) => ({ ...s, text: shortRegionName(s.name, lang) })),
						{
							fontSize: labelSize,
							selected: input.selected,
							bounds: { width: input.width, height: input.height }
						}
					)
				: []
	};
}

/**
 * The CSS that shows region i's tooltip while region i is hovered or focused. Tooltips sit in a
 * layer after all regions so no neighbour paints over them, which is why one rule per region is
 * needed (a sibling selector from region to its own tooltip); it works without JavaScript.
 * @example tooltipCss('m1', 2) === '.m1 .r0:is(:hover,:focus)~.tips .t0,.m1 .r1:is(:hover,:focus)~.tips .t1{visibility:visible}'
 */
export function tooltipCss(scope: string, count: number): string {
	if (count <= 0) return '';
	const rules = Array.from(
		{ length: count },
		(_, i) => `.${scope} .r${i}:is(:hover,:focus)~.tips .t${i}`
	);
	return `${rules.join(',')}{visibility:visible}`;
}
