import { RESULT_COLUMNS } from '$lib/evaluation/result-input';
import { csvRows } from '$lib/csv/write';
import { CSV_LOCALE } from '$lib/csv/locale';
import { requireCapability } from '$lib/server/auth/guard';
import { csvDownload, csvLanguage } from '$lib/server/csv-download';
import type { RequestHandler } from './$types';

/**
 * The header of the results import, in the delimiter of the reader's spreadsheet (`;` for
 * Indonesian Excel, `,` for English): the import reads either. No example row, which an upload of
 * the template as it is would otherwise record as a result.
 */
export const GET: RequestHandler = (event) => {
	requireCapability(event, 'recordOfficialResults');
	const lang = csvLanguage(event.url);
	return csvDownload(
		csvRows([RESULT_COLUMNS], CSV_LOCALE[lang].delimiter),
		'hasil-resmi-kominfo.csv'
	);
};
