/**
 * What RegionMap draws for each region, worked out without Svelte: value, fill class, accessible
 * name, tooltip and link. Pure module.
 */
import { formatNumber, type Locale } from '../../format';
import { isNum } from '../geometry/number';
import { tooltipBox, type TooltipBox } from '../geometry/text';
import { classBreaks, classFill, mapClasses, type Domain, type MapClass } from './classes';
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
	/** Accessible name: "Kabupaten Pati: 61,5 (dipilih)". */
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
	lang: Locale;
	decimals?: number;
	unit?: string;
	hrefFor?: (code: string) => string | null | undefined;
	text: { noData: string; illustrative: string; selected: string };
}

export interface MapModel {
	regions: MapRegion[];
	classes: MapClass[];
	selected: MapRegion | null;
	withData: MapRegion[];
}

/**
 * Every region with its fill, names and tooltip, in shape order (which is also the tab order).
 * @example buildMapModel({ shapes, values: { '33.18': 61.5 }, domain: [0, 100], classes: 5, ... }).regions[0].label === 'Kabupaten Pati: 61,5'
 */
export function buildMapModel(input: MapModelInput): MapModel {
	const { lang, decimals, unit, text } = input;
	const breaks = classBreaks(input.domain, input.classes);
	const regions = input.shapes.map((s): MapRegion => {
		const value = regionValue(input.values, s.code);
		const illustrative = value !== null && !!input.illustrative?.[s.code];
		const selected = !!input.selected && input.selected === s.code;
		const valueText =
			value === null
				? text.noData
				: formatNumber(value, lang, { decimals, unit }) +
					(illustrative ? ` (${text.illustrative})` : '');
		const tipLines = [s.name, valueText];
		return {
			...s,
			value,
			fill: classFill(value, breaks),
			illustrative,
			selected,
			valueText,
			label: `${s.name}: ${valueText}` + (selected ? ` (${text.selected})` : ''),
			href: input.hrefFor?.(s.code) || null,
			tipLines,
			tip: tooltipBox(s.cx, s.cy, tipLines, 12, { width: input.width, height: input.height })
		};
	});
	return {
		regions,
		classes: mapClasses(input.domain, input.classes, lang),
		selected: regions.find((r) => r.selected) ?? null,
		withData: regions.filter((r) => r.value !== null)
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
