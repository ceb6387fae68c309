/**
 * Region names in the reader's language. The names in the data are Kemendagri's Indonesian ones
 * ("Kabupaten Pati", "Kota Semarang", "Provinsi Jawa Tengah"); BPS's English publications keep the
 * proper name and write the kind after it in English: "Pati Regency", "Semarang City", "Jawa
 * Tengah Province", "Sukolilo Subdistrict". Names without a kind (a kecamatan as listed in the
 * boundary files) stay as they are in both languages. Pure module: no Svelte, no SvelteKit.
 */
import type { Locale } from './format';

/** Indonesian kind prefixes and the English word BPS writes after the name instead. */
const KINDS: [RegExp, string][] = [
	[/^Kabupaten\s+/i, 'Regency'],
	[/^Kab\.\s*/i, 'Regency'],
	[/^Kota\s+/i, 'City'],
	[/^Provinsi\s+/i, 'Province'],
	[/^Kecamatan\s+/i, 'Subdistrict']
];

/**
 * A region's name as BPS writes it in English; a name without a known kind prefix is unchanged.
 * @example regionNameEn('Kabupaten Pati') === 'Pati Regency'; regionNameEn('Kota Semarang') === 'Semarang City'
 */
export function regionNameEn(name: string): string {
	const trimmed = name.trim();
	for (const [prefix, kind] of KINDS) {
		if (prefix.test(trimmed)) {
			const proper = trimmed.replace(prefix, '').trim();
			return proper === '' ? trimmed : `${proper} ${kind}`;
		}
	}
	return trimmed;
}

/**
 * A region's name for a page in `lang`: as stored for Indonesian, as BPS writes it in English.
 * @example regionName('Kabupaten Pati', 'en') === 'Pati Regency'; regionName('Kabupaten Pati', 'id') === 'Kabupaten Pati'
 */
export function regionName(name: string, lang: Locale): string {
	return lang === 'en' ? regionNameEn(name) : name;
}

/**
 * A region's name for narrow chart columns: without the regency's kind ("Pati"), while a city
 * keeps its kind, since a kota and a kabupaten may share a name ("Kota Semarang" / "Semarang City"
 * beside "Semarang").
 * @example shortRegionName('Kabupaten Pati', 'id') === 'Pati'; shortRegionName('Kota Tegal', 'en') === 'Tegal City'
 */
export function shortRegionName(name: string, lang: Locale = 'id'): string {
	const regency = /^(Kabupaten\s+|Kab\.\s*)/i;
	if (regency.test(name.trim())) {
		const proper = name.trim().replace(regency, '').trim();
		if (proper !== '') return proper;
	}
	return regionName(name, lang);
}
