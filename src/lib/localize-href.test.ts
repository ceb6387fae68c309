import { afterEach, describe, expect, it } from 'vitest';
import {
	getLocale,
	localizeHref as paraglideLocalizeHref,
	overwriteGetLocale
} from '$lib/paraglide/runtime';
import { localizeHref } from './localize-href';

// The runtime's own getLocale, put back after each test: files share modules (vite.config.ts).
const runtimeGetLocale = getLocale;
afterEach(() => overwriteGetLocale(runtimeGetLocale));

const HREFS = [
	'/',
	'/compare',
	'/indicators/hdi_ipm?region=33.18&year=2022&peers=33.19,33.20',
	'/en/dimensions/economy?year=2023',
	'/survey/2025?pilar=smart-governance#q',
	'?region=33.18',
	'https://bps.go.id/id/statistics-table'
];

describe('localizeHref, remembered', () => {
	it.each(['id', 'en'] as const)('answers as Paraglide does, current locale %s', (current) => {
		overwriteGetLocale(() => current);
		for (const href of HREFS)
			for (const options of [undefined, { locale: 'id' as const }, { locale: 'en' as const }]) {
				// Twice: the remembered answer is the same as the first.
				const expected = paraglideLocalizeHref(href, options);
				expect(localizeHref(href, options), `${href} ${options?.locale}`).toBe(expected);
				expect(localizeHref(href, options), `${href} ${options?.locale} again`).toBe(expected);
			}
	});

	it('follows a change of the current locale, not the first answer it gave', () => {
		overwriteGetLocale(() => 'id');
		expect(localizeHref('/compare')).toBe('/compare');
		overwriteGetLocale(() => 'en');
		expect(localizeHref('/compare')).toBe('/en/compare');
		expect(localizeHref('/en/compare', { locale: 'id' })).toBe('/compare');
	});
});
