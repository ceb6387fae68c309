import { templateCsv } from '$lib/import';
import { requireCapability } from '$lib/server/auth/guard';
import { csvDownload } from '$lib/server/csv-download';
import { templateRequest } from '../request';
import type { RequestHandler } from './$types';

/**
 * The CSV template of a kind (see `../request.ts` for what may be asked), from its declared schema,
 * as an attachment. A byte-order mark is added so Excel reads it as UTF-8; the importer ignores it.
 */
export const GET: RequestHandler = (event) => {
	requireCapability(event, 'staff');
	const t = templateRequest(event.params.kind, event.url);
	return csvDownload(templateCsv(t.kind, t.lang, t.shape, t.codes), `${t.baseName}.csv`);
};
