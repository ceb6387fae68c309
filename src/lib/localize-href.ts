/**
 * Paraglide's `localizeHref`, remembered. It parses two or three URLs per call and a page makes
 * dozens of calls (its links, the layout's, the language switch): 7.6 % of the server's busy time
 * rendering `/` (a `--cpu-prof` profile under autocannon). Its answer depends only on the href, the
 * target and current locales and the request's origin (the URL patterns are fixed at build), so
 * each answer is kept, under a bound. Import it from here, never from the runtime (eslint says so).
 */
import {
	getLocale,
	getUrlOrigin,
	localizeHref as paraglideLocalizeHref,
	type Locale
} from '$lib/paraglide/runtime';

/** More than the distinct links of every page in a language; past it the memo starts over. */
const MAX_KEPT = 10_000;
const kept = new Map<string, string>();

export function localizeHref(href: string, options?: { locale?: Locale }): string {
	const current = getLocale();
	const key = `${getUrlOrigin()} ${current} ${options?.locale ?? current} ${href}`;
	let localized = kept.get(key);
	if (localized === undefined) {
		localized = paraglideLocalizeHref(href, options);
		if (kept.size >= MAX_KEPT) kept.clear();
		kept.set(key, localized);
	}
	return localized;
}
