import { error } from '@sveltejs/kit';
import { getConnection } from '$lib/server/db';
import { downloadHeaders, evidenceStore, isSha256, readEvidence } from '$lib/server/evidence';
import * as store from '$lib/server/submissions/store';
import { idParam, requireSubmissionRole } from '../../../guard';
import type { RequestHandler } from './$types';

/**
 * An evidence file of this submission (current or in one of its snapshots), to signed-in staff
 * only, always as a download. The path comes from the hash alone, after it is checked.
 */
export const GET: RequestHandler = async (event) => {
	requireSubmissionRole(event, 'read');
	const id = idParam(event.params.id);
	const sha = event.params.sha256;
	if (!isSha256(sha)) error(404, 'Not found');
	const file = store.fileOfSubmission(getConnection(), id, sha);
	if (!file) error(404, 'Not found');
	const bytes = readEvidence(evidenceStore(), sha);
	if (!bytes) error(404, 'Not found');
	return new Response(new Uint8Array(bytes), {
		headers: downloadHeaders(file.name, file.mime, bytes.length)
	});
};
