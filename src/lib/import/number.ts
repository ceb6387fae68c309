/**
 * Numbers as people write them in Indonesian and English spreadsheets.
 *
 * Indonesian (`id`): decimal comma, dot groups (`12,5`, `1.234.567`, `1.234,5`).
 * English (`en`): decimal point, comma groups (`12.5`, `1,234,567`, `1,234.5`).
 * Both: plain integers, a leading sign, exponents without groups (`1,5E+05` / `1.5E+05`).
 *
 * Ambiguity rule: a text reads two ways when it is valid in both locales with different values.
 * That happens exactly for a single separator followed by exactly three digits after a 1–3 digit
 * integer part that is not 0, e.g. `1.234` (en 1.234, id 1234) or `1,234` (en 1234, id 1.234).
 * When the locale was given explicitly, such a text is read in that locale; when it was only
 * inferred from the delimiter (or is unknown), it is an error. `1.234.567` (id) and `1,234,567`
 * (en) are never ambiguous: two groups can only be thousands.
 */
import type { Locale } from './types';

export type NumberError = 'empty' | 'not-a-number' | 'ambiguous' | 'wrong-locale' | 'not-finite';

/** Largest magnitude the database accepts (its CHECK is abs(value) < 1e300). */
export const MAX_MAGNITUDE = 1e300;

const INTEGER = /^[+-]?\d+$/;
const EN_PLAIN = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const EN_GROUPED = /^[+-]?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?$/;
const ID_PLAIN = /^[+-]?(?:\d+(?:,\d+)?|,\d+)(?:[eE][+-]?\d+)?$/;
const ID_GROUPED = /^[+-]?[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?$/;
/** Exactly the texts valid in both locales with different values (see the module comment). */
const AMBIGUOUS = /^[+-]?[1-9]\d{0,2}[.,]\d{3}$/;

function readEn(t: string): number | null {
	if (EN_PLAIN.test(t)) return Number(t);
	if (EN_GROUPED.test(t)) return Number(t.replace(/,/g, ''));
	return null;
}

function readId(t: string): number | null {
	if (ID_PLAIN.test(t)) return Number(t.replace(',', '.'));
	if (ID_GROUPED.test(t)) return Number(t.replace(/\./g, '').replace(',', '.'));
	return null;
}

const read = (t: string, locale: Locale) => (locale === 'id' ? readId(t) : readEn(t));

function finite(v: number): number | { error: NumberError } {
	if (!Number.isFinite(v) || Math.abs(v) >= MAX_MAGNITUDE) return { error: 'not-finite' };
	return v === 0 ? 0 : v; // no -0: it would not survive a round trip through text
}

/**
 * Parses a number written in `locale` (null: either, when both readings agree); `explicit` says
 * the locale was given rather than inferred. Example: `parseNumber('1.234.567', 'id') === 1234567`,
 * `parseNumber('1.234', 'en', false)` → `{ error: 'ambiguous' }`.
 */
export function parseNumber(
	text: string,
	locale: Locale | null,
	explicit = true
): number | { error: NumberError } {
	const t = text.trim();
	if (t === '') return { error: 'empty' };
	if (INTEGER.test(t)) return finite(Number(t));
	if (locale === null) {
		const a = readId(t);
		const b = readEn(t);
		if (a === null && b === null) return { error: 'not-a-number' };
		if (a !== null && b !== null && a !== b) return { error: 'ambiguous' };
		return finite((a ?? b) as number);
	}
	const v = read(t, locale);
	if (v === null)
		return {
			error: read(t, locale === 'id' ? 'en' : 'id') === null ? 'not-a-number' : 'wrong-locale'
		};
	if (!explicit && AMBIGUOUS.test(t)) return { error: 'ambiguous' };
	return finite(v);
}

/** Narrows a `parseNumber` result: `isNumberError(parseNumber('x', 'en')) === true`. */
export function isNumberError(v: number | { error: NumberError }): v is { error: NumberError } {
	return typeof v !== 'number';
}

/**
 * Writes a number so that it reads back to the same value in an English file whose locale is only
 * inferred: `formatNumber(1.234) === '1.2340'` (a trailing zero avoids the ambiguous `1.234`).
 */
export function formatNumber(v: number): string {
	const s = String(v);
	return /^[+-]?[1-9]\d{0,2}\.\d{3}$/.test(s) ? s + '0' : s;
}
