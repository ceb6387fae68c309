import { getLocale } from '$lib/paraglide/runtime';
import { unitLabel } from '$lib/units';
import { chartCsv } from '../../series';
import { indicatorView } from '../load.server';
import type { RequestHandler } from './$types';

/**
 * The indicator chart's data as CSV, for readers without JavaScript: the same rows and columns as
 * the chart's own "Data (CSV)" link for the same `?region=&peers=`.
 */
export const GET: RequestHandler = ({ url, params }) => {
	const { meta, chart } = indicatorView(url, params.code);
	const lang = getLocale();
	const csv = chartCsv(chart, {
		title: lang === 'en' ? meta.nameEn : meta.nameId,
		lang,
		unit: unitLabel(meta.unit, lang),
		decimals: meta.decimals ?? undefined
	});
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${meta.code}-${chart.region.key}.csv"`
		}
	});
};
