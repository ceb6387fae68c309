/**
 * The one number formatter for everything a reader sees (HOUSE_STYLE rule 14).
 * Indonesian is the default reader: `id` gives `3,31` and `1.379.022`, `en` gives `3.31` and
 * `1,379,022`. Missing values (null, NaN, ±Infinity) print as an en dash so a gap never reads as 0.
 * Pure module: no Svelte, no SvelteKit, safe to import from CLI scripts.
 */

export type Locale = 'id' | 'en';

export interface FormatOptions {
	/** Fixed number of decimals; when omitted up to 2 decimals are shown, trailing zeros dropped. */
	decimals?: number;
	/** Unit appended (or prefixed for currencies): '%' sticks to the number, words get a space. */
	unit?: string;
	/**
	 * false: no digit grouping (`1379022,5`), for files a spreadsheet reads back as numbers
	 * (`$lib/csv/locale`). Default true.
	 */
	grouping?: boolean;
}

/** What a missing value prints as. */
export const MISSING = '–';

const BCP47: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };

/** Units written without a space between number and unit. */
const TIGHT_UNITS = new Set(['%', '‰', '°']);
/** Units written before the number (`Rp 1.500`, `US$ 20`). */
const PREFIX_UNITS = new Set(['Rp', 'Rp.', 'US$', '$', '€']);

const cache = new Map<string, Intl.NumberFormat>();

function formatter(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
	// Constructing Intl.NumberFormat costs far more than formatting; charts format hundreds of labels.
	// A cheap key (no JSON.stringify): these four options are all the formatters here vary by.
	const key = `${locale}|${options.minimumFractionDigits}|${options.maximumFractionDigits}|${options.signDisplay}|${options.useGrouping}`;
	let nf = cache.get(key);
	if (!nf) {
		nf = new Intl.NumberFormat(BCP47[locale], options);
		cache.set(key, nf);
	}
	return nf;
}

function isNumber(value: number | null | undefined): value is number {
	return typeof value === 'number' && Number.isFinite(value);
}

function digits(decimals: number | undefined, fallbackMax: number): Intl.NumberFormatOptions {
	if (decimals === undefined)
		return { minimumFractionDigits: 0, maximumFractionDigits: fallbackMax };
	const d = Math.max(0, Math.min(20, Math.trunc(decimals)));
	return { minimumFractionDigits: d, maximumFractionDigits: d };
}

function withUnit(text: string, unit: string | undefined): string {
	if (!unit) return text;
	if (TIGHT_UNITS.has(unit)) return `${text}${unit}`;
	if (PREFIX_UNITS.has(unit)) return `${unit} ${text}`;
	return `${text} ${unit}`;
}

/**
 * Formats a number for the reader's locale, with an optional unit.
 * @example formatNumber(1379022, 'id') === '1.379.022'; formatNumber(12.5, 'en', { unit: '%' }) === '12.5%'
 */
export function formatNumber(
	value: number | null | undefined,
	locale: Locale,
	opts: FormatOptions = {}
): string {
	if (!isNumber(value)) return MISSING;
	// 'negative' keeps a value that rounds to zero from printing as "-0".
	const nf = formatter(locale, {
		...digits(opts.decimals, 2),
		signDisplay: 'negative',
		useGrouping: opts.grouping === false ? false : undefined
	});
	return withUnit(nf.format(value), opts.unit);
}

/**
 * Formats a 0–100 score with one decimal by default.
 * @example formatScore(45.25, 'id') === '45,3'
 */
export function formatScore(
	value: number | null | undefined,
	locale: Locale,
	decimals = 1
): string {
	return formatNumber(value, locale, { decimals });
}

/**
 * Formats a share between 0 and 1 as a percentage (0 decimals by default).
 * @example formatPercent(0.452, 'id', 1) === '45,2%'
 */
export function formatPercent(
	share: number | null | undefined,
	locale: Locale,
	decimals = 0
): string {
	if (!isNumber(share)) return MISSING;
	return formatNumber(share * 100, locale, { decimals, unit: '%' });
}

/**
 * Formats a change with an explicit sign, for trends (zero has no sign).
 * @example formatDelta(3.21, 'id') === '+3,2'
 */
export function formatDelta(
	value: number | null | undefined,
	locale: Locale,
	opts: FormatOptions = { decimals: 1 }
): string {
	if (!isNumber(value)) return MISSING;
	const nf = formatter(locale, { ...digits(opts.decimals, 2), signDisplay: 'exceptZero' });
	return withUnit(nf.format(value), opts.unit);
}

/**
 * Formats a year without digit grouping.
 * @example formatYear(2024) === '2024'
 */
export function formatYear(year: number | null | undefined): string {
	if (!isNumber(year)) return MISSING;
	return String(Math.trunc(year));
}

/**
 * Formats a calendar date written `YYYY-MM-DD` (a letter's date) with the month in words, read as
 * that day wherever the reader is (UTC, so no time zone moves it); anything else prints as MISSING.
 * @example formatDate('2024-12-16', 'id') === '16 Desember 2024'; formatDate('2024-12-16', 'en') === '16 December 2024'
 */
export function formatDate(iso: string | null | undefined, locale: Locale): string {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
	if (!m) return MISSING;
	const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
	if (Number.isNaN(date.getTime())) return MISSING;
	return new Intl.DateTimeFormat(BCP47[locale], {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	}).format(date);
}
