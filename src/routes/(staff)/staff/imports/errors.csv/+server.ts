import { error } from '@sveltejs/kit';
import { getConnection } from '$lib/server/db';
import { requireCapability } from '$lib/server/auth/guard';
import { csvDownload, csvLanguage } from '$lib/server/csv-download';
import { errorsCsv } from '../preview';
import { isToken, readUpload, uploadOwner, uploadsDir } from '$lib/server/imports/uploads';
import type { RequestHandler } from './$types';

/**
 * The error list of the uploader's own previewed file as CSV (`?token=…`), in the reader's
 * language or `?lang=id|en`. Someone else's or an expired token reads as unknown (404).
 */
export const GET: RequestHandler = (event) => {
	const user = requireCapability(event, 'importData');
	const token = event.url.searchParams.get('token');
	if (!isToken(token)) error(400, 'A ?token= of an upload is required.');
	const lang = csvLanguage(event.url);
	const upload = readUpload(uploadsDir(getConnection().path), token, uploadOwner(event, user));
	if (!upload) error(404, 'This upload has expired or is unknown: upload the file again.');
	const base = upload.meta.fileName.replace(/\.[^.]*$/, '').replace(/[^\w.-]+/g, '_') || 'upload';
	return csvDownload(errorsCsv(upload.meta.errors, lang), `${base}-errors-${lang}.csv`);
};
