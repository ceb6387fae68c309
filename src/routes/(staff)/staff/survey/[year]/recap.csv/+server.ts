import { CSV_LOCALE, csvPrecise } from '$lib/csv/locale';
import { csvRows } from '$lib/csv/write';
import { csvDownload, csvLanguage } from '$lib/server/csv-download';
import { RECAP_HEADER } from '$lib/survey/recap';
import { recapOf } from '../recap.server';
import type { RequestHandler } from './$types';

/** The recap as CSV, in the reader's spreadsheet's delimiter and decimal mark. */
export const GET: RequestHandler = (event) => {
	const { view, rows } = recapOf(event);
	const lang = csvLanguage(event.url);
	const cells = rows.map((r) => r.map((c) => (typeof c === 'number' ? csvPrecise(c, lang) : c)));
	return csvDownload(
		csvRows([RECAP_HEADER, ...cells], CSV_LOCALE[lang].delimiter),
		`rekap-survei-dampak-${view.survey.year}.csv`
	);
};
