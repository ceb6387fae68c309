/**
 * Names in the page's language. Everything the framework defines (dimensions, elements,
 * indicators, SPBE domains) carries a name in each language; regions have one name, written the
 * English way on /en (see ./region-names). Pure module: no Svelte, no SvelteKit.
 */
import type { Locale } from './format';
import { regionName } from './region-names';

/** A thing named in both languages. */
export interface Bilingual {
	nameId: string;
	nameEn: string;
}

/**
 * The name for a page in `locale`.
 * @example localName({ nameId: 'Ekonomi Cerdas', nameEn: 'Smart Economy' }, 'en') === 'Smart Economy'
 */
export function localName(n: Bilingual, locale: Locale): string {
	return locale === 'en' ? n.nameEn : n.nameId;
}

/**
 * A region picker's options with the names as the page's language writes them.
 * @example localRegions([{ code: '33.18', name: 'Kabupaten Pati' }], 'en') // [{ code: '33.18', name: 'Pati Regency' }]
 */
export function localRegions<R extends { name: string }>(
	regions: readonly R[],
	locale: Locale
): R[] {
	return regions.map((r) => ({ ...r, name: regionName(r.name, locale) }));
}
