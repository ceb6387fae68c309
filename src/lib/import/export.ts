/**
 * CSV writing: the downloadable templates and the exporter whose output the validator reads back
 * to the same rows. Cells go through the one CSV writer (`$lib/csv/write`), whose formula guard the
 * validator undoes exactly (`unescapeFormula`).
 */
import { CSV_LOCALE, csvPrecise } from '../csv/locale';
import { csvRows } from '../csv/write';
import { formatNumber } from './number';
import { kindSchemas, type ColumnDecl } from './schemas';
import type { ImportKind, Locale, RowOf, Shape } from './types';

const TEMPLATE_YEARS = [2022, 2023];

/** Real codes to fill a template with: one row per indicator of this region. */
export interface TemplateCodes {
	region: string;
	indicators: readonly string[];
	year: number;
}

/**
 * A template's rows, header first, as text in the template's language: header plus one
 * illustrative example row for a kind, from its declared schema, or (with `codes`) one row per
 * indicator with the instance's codes filled in and values and sources left blank. Indonesian
 * templates use Indonesian labels and decimal commas; English ones decimal points. The CSV and the
 * XLSX template are both made from these rows.
 * Example: `templateRows('observations', 'en')[0]` starts `['region_code', 'indicator_code', 'year']`.
 */
export function templateRows(
	kind: ImportKind,
	lang: Locale,
	shape: Shape = 'long',
	codes?: TemplateCodes
): string[][] {
	const schema = kindSchemas[kind];
	const wide = shape === 'wide' && schema.shapes.includes('wide');
	const columns = schema.columns.filter((c) => !(wide && c.wide === 'cell'));
	const label = (c: ColumnDecl) => (lang === 'id' ? c.aliases[0] : c.name);
	const example = (c: ColumnDecl) => (lang === 'id' ? (c.exampleId ?? c.example) : c.example);
	const header = columns.map(label);
	if (codes && codes.indicators.length > 0 && (kind === 'observations' || kind === 'targets')) {
		// The codes of this instance, so nothing in the file is made up; the rest is for the user.
		const cell = (c: ColumnDecl, indicator: string) =>
			c.key === 'regionCode'
				? codes.region
				: c.key === 'indicatorCode'
					? indicator
					: c.key === 'year' && !wide
						? String(codes.year)
						: '';
		const rows = codes.indicators.map((indicator) => columns.map((c) => cell(c, indicator)));
		if (wide) {
			const keys = columns.filter((c) => c.wide === 'key').length;
			header.splice(keys, 0, String(codes.year - 1), String(codes.year));
			for (const r of rows) r.splice(keys, 0, '', '');
		}
		return [header, ...rows];
	}
	const row = columns.map(example);
	if (wide) {
		const value = schema.columns.find((c) => c.name === 'value') as ColumnDecl;
		const keys = columns.filter((c) => c.wide === 'key').length;
		header.splice(keys, 0, ...TEMPLATE_YEARS.map(String));
		row.splice(keys, 0, example(value), csvPrecise(9.25, lang));
	}
	return [header, row];
}

/**
 * The CSV template: `templateRows` with the language's delimiter (`;` Indonesian, `,` English).
 * Example: `templateCsv('observations', 'en')` starts with `region_code,indicator_code,year,value`.
 */
export function templateCsv(
	kind: ImportKind,
	lang: Locale,
	shape: Shape = 'long',
	codes?: TemplateCodes
): string {
	return csvRows(templateRows(kind, lang, shape, codes), CSV_LOCALE[lang].delimiter);
}

function cellOf(v: unknown): string {
	if (v === null || v === undefined) return '';
	if (typeof v === 'number') return formatNumber(v);
	if (typeof v === 'boolean') return v ? 'true' : 'false';
	return String(v);
}

/**
 * Writes typed rows as a long-shape CSV with English headers, `,` and decimal points, reading back
 * through `validateCsv` to the same rows. Example: `toCsv([row], 'observations')`.
 */
export function toCsv<K extends ImportKind>(rows: readonly RowOf<K>[], kind: K): string {
	const columns = kindSchemas[kind].columns;
	const body = rows.map((row) => {
		const r = row as unknown as Record<string, unknown>;
		return columns.map((c) => cellOf(r[c.key]));
	});
	return csvRows([columns.map((c) => c.name), ...body], ',');
}
