import { error } from '@sveltejs/kit';
import { getConnection } from '$lib/server/db';
import { evidenceStore } from '$lib/server/evidence';
import { evidenceDownload } from '$lib/server/submissions/downloads';
import { idParam, requireSubmissionRole } from '$lib/server/submissions/guard';
import type { RequestHandler } from './$types';

/**
 * The file of one evidence row of this submission, to signed-in staff only, always as a
 * download under the name that upload gave (two uploads of the same bytes: two names).
 */
export const GET: RequestHandler = async (event) => {
	requireSubmissionRole(event, 'read');
	const file = evidenceDownload(
		getConnection(),
		evidenceStore(),
		idParam(event.params.id),
		idParam(event.params.evidenceId)
	);
	if (!file) error(404, 'Not found');
	return new Response(file.bytes, { headers: file.headers });
};
