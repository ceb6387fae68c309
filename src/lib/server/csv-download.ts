/**
 * CSV files staff download for a spreadsheet: the audit log, the import templates and an upload's
 * error list. One shape for all: a byte-order mark (so Excel reads UTF-8), an attachment name, and
 * never cached (they can hold what only the signed-in user may see).
 */
import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';

/** `body` (CSV text) as a download named `filename`. */
export function csvDownload(body: string, filename: string): Response {
	return new Response('\uFEFF' + body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${filename}"`,
			'cache-control': 'private, no-store'
		}
	});
}

/** The language of a CSV's headers and messages: `?lang=id|en`, else the reader's; else a 400. */
export function csvLanguage(url: URL): 'id' | 'en' {
	const lang = url.searchParams.get('lang');
	if (lang === null) return getLocale() === 'en' ? 'en' : 'id';
	if (lang !== 'id' && lang !== 'en') error(400, '?lang must be id or en.');
	return lang;
}
