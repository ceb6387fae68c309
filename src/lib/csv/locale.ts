/**
 * The one place that decides how a CSV for a reader of each language writes its numbers: the
 * separator and the decimal mark their spreadsheet expects. A spreadsheet under Indonesian regional
 * settings splits on `;` and reads `32,4` as a number (and `32.4` as text, or as 324); under
 * English settings it splits on `,` and reads `32.4`. Numbers are written without digit grouping,
 * so `1379022,5` is never mistaken for three numbers or for a date.
 *
 * Used by the charts' data downloads, the import templates and the indicator's data.csv. Pure.
 */
import { formatNumber, type Locale } from '../format';
import type { CsvDelimiter } from './write';

export interface CsvLocale {
	delimiter: CsvDelimiter;
	decimal: ',' | '.';
}

export const CSV_LOCALE: Record<Locale, CsvLocale> = {
	id: { delimiter: ';', decimal: ',' },
	en: { delimiter: ',', decimal: '.' }
};

/**
 * A number rounded exactly as the page shows it (the one formatter, with `decimals` fixed, or up
 * to 2 when undefined), without grouping or unit; '' for a missing value.
 * @example csvRounded(32.40287, 'id', 1) === '32,4'; csvRounded(-1234.56, 'en', 1) === '-1234.6'
 */
export function csvRounded(
	value: number | null | undefined,
	locale: Locale,
	decimals?: number
): string {
	if (typeof value !== 'number' || !Number.isFinite(value)) return '';
	return formatNumber(value, locale, { decimals, grouping: false });
}

/**
 * A number at full precision (the shortest text that reads back to the same double), with the
 * locale's decimal mark; '' for a missing value.
 * @example csvPrecise(32.40287037037037, 'id') === '32,40287037037037'; csvPrecise(-3.5, 'en') === '-3.5'
 */
export function csvPrecise(value: number | null | undefined, locale: Locale): string {
	if (typeof value !== 'number' || !Number.isFinite(value)) return '';
	const text = String(value);
	return CSV_LOCALE[locale].decimal === '.' ? text : text.replace('.', ',');
}
