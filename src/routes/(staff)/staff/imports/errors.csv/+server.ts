import { error } from '@sveltejs/kit';
import { getConnection } from '$lib/server/db';
import { requireCapability } from '$lib/server/auth/guard';
import { getLocale } from '$lib/paraglide/runtime';
import { errorsCsv } from '../preview';
import { isToken, readUpload, uploadsDir } from '../uploads.server';
import type { RequestHandler } from './$types';

/**
 * The error list of the uploader's own previewed file as CSV (`?token=…`), in the reader's
 * language or `?lang=id|en`. Someone else's or an expired token reads as unknown (404).
 */
export const GET: RequestHandler = (event) => {
	const user = requireCapability(event, 'importData');
	const token = event.url.searchParams.get('token');
	if (!isToken(token)) error(400, 'A ?token= of an upload is required.');
	const langParam = event.url.searchParams.get('lang');
	if (langParam !== null && langParam !== 'id' && langParam !== 'en')
		error(400, '?lang must be id or en.');
	const lang = langParam ?? (getLocale() === 'en' ? 'en' : 'id');
	const upload = readUpload(uploadsDir(getConnection().path), token, {
		userId: user.id,
		sessionId: event.locals.session?.id ?? ''
	});
	if (!upload) error(404, 'This upload has expired or is unknown: upload the file again.');
	const base = upload.meta.fileName.replace(/\.[^.]*$/, '').replace(/[^\w.-]+/g, '_') || 'upload';
	return new Response('\uFEFF' + errorsCsv(upload.meta.errors, lang), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${base}-errors-${lang}.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
