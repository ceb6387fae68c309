import { csvCell } from '$lib/import';
import { getLocale } from '$lib/paraglide/runtime';
import { indicatorView } from '../load.server';
import type { RequestHandler } from './$types';

/** Columns of the download: English names, as in the API, so a script reads both alike. */
const COLUMNS = [
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

/**
 * The values behind the indicator page for `?region=&peers=` as CSV, one row per value with where
 * it comes from: source, source kind, reference period, note, and the two flags every download
 * carries (a stored value is never carried forward; only a score may lean on an earlier year).
 * English files use `,`; Indonesian ones `;` and a decimal comma, as a spreadsheet there expects.
 */
export const GET: RequestHandler = ({ url, params }) => {
	const { meta, values, sc, shownPeers } = indicatorView(url, params.code);
	const lang = getLocale();
	const delimiter = lang === 'en' ? ',' : ';';
	const shown = new Set([sc.region.code, ...shownPeers]);
	const names = new Map(sc.regions.map((r) => [r.code, r.name]));
	const number = (v: number) => (lang === 'en' ? String(v) : String(v).replace('.', ','));
	const lines = [COLUMNS.join(delimiter)];
	for (const v of values) {
		if (!shown.has(v.regionCode)) continue;
		const cells = [
			v.regionCode,
			names.get(v.regionCode) ?? v.regionCode,
			meta.code,
			String(v.year),
			number(v.value),
			meta.unit,
			v.source,
			v.sourceKind,
			v.referencePeriod,
			v.note,
			'false',
			String(v.illustrative)
		];
		lines.push(cells.map((c) => csvCell(c, delimiter)).join(delimiter));
	}
	return new Response('\uFEFF' + lines.join('\r\n') + '\r\n', {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${meta.code}-${sc.region.code}.csv"`
		}
	});
};
