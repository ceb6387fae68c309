/**
 * The body of an indicator's data.csv, worked out without SvelteKit or the database: one row per
 * stored value of the regions shown, with where it comes from, through the one CSV writer.
 * English files use `,`; Indonesian ones `;` and a decimal comma, as a spreadsheet there expects.
 */
import { CSV_LOCALE, csvPrecise } from '$lib/csv/locale';
import { csvRows, type CsvValue } from '$lib/csv/write';

/** Columns of the download: English names, as in the API, so a script reads both alike. */
export const VALUES_CSV_COLUMNS = [
	'region_code',
	'region_name',
	'indicator_code',
	'year',
	'value',
	'unit',
	'source',
	'source_kind',
	'reference_period',
	'note',
	'carried_forward',
	'illustrative'
] as const;

export interface ValuesCsvRow {
	regionCode: string;
	year: number;
	value: number;
	source: string;
	sourceKind: string | null;
	referencePeriod: string | null;
	note: string | null;
	illustrative: boolean;
}

/**
 * CSV text of `values` for the regions in `shown` (names from `names`), without the BOM.
 * @example valuesCsv({ code: 'hdi_ipm', unit: 'index', values: [], names: new Map(), shown: new Set() }, 'en') === VALUES_CSV_COLUMNS.join(',') + '\r\n'
 */
export function valuesCsv(
	input: {
		code: string;
		unit: string;
		values: readonly ValuesCsvRow[];
		names: ReadonlyMap<string, string>;
		shown: ReadonlySet<string>;
	},
	lang: 'id' | 'en'
): string {
	const rows: CsvValue[][] = [[...VALUES_CSV_COLUMNS]];
	for (const v of input.values) {
		if (!input.shown.has(v.regionCode)) continue;
		rows.push([
			v.regionCode,
			input.names.get(v.regionCode) ?? v.regionCode,
			input.code,
			String(v.year),
			csvPrecise(v.value, lang),
			input.unit,
			v.source,
			v.sourceKind,
			v.referencePeriod,
			v.note,
			// A stored value is never carried forward; only a score may lean on an earlier year.
			'false',
			String(v.illustrative)
		]);
	}
	return csvRows(rows, CSV_LOCALE[lang].delimiter);
}
