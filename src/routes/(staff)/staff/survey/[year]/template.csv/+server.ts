import { error } from '@sveltejs/kit';
import { CSV_LOCALE } from '$lib/csv/locale';
import { csvRows } from '$lib/csv/write';
import { config } from '$lib/server/config';
import { csvDownload, csvLanguage } from '$lib/server/csv-download';
import { structureOf } from '$lib/server/surveys';
import { paperColumns } from '$lib/survey/response-input';
import { surveyManager, yearParam } from '../../manager.server';
import type { RequestHandler } from './$types';

/** The paper-form import's header (usia, then every statement's code); no example row to import by mistake. */
export const GET: RequestHandler = (event) => {
	surveyManager(event);
	const year = yearParam(event.params.year);
	const structure = year === null ? null : structureOf(year, config().dataDir);
	if (!structure || structure.statements.length === 0) error(404, 'No survey for this year.');
	const lang = csvLanguage(event.url);
	return csvDownload(
		csvRows([paperColumns(structure)], CSV_LOCALE[lang].delimiter),
		`form-kertas-survei-${year}.csv`
	);
};
