import { error } from '@sveltejs/kit';
import { getConnection } from '$lib/server/db';
import { evidenceStore } from '$lib/server/evidence';
import { snapshotDownload } from '$lib/server/submissions/downloads';
import { idParam, requireSubmissionRole } from '$lib/server/submissions/guard';
import type { RequestHandler } from './$types';

/**
 * File number `fileNumber` of a frozen snapshot, to signed-in staff only, always as a download
 * under its frozen name, even after its evidence row was deleted.
 */
export const GET: RequestHandler = async (event) => {
	requireSubmissionRole(event, 'read');
	const file = snapshotDownload(
		getConnection(),
		evidenceStore(),
		idParam(event.params.id),
		idParam(event.params.snapshotId),
		idParam(event.params.fileNumber)
	);
	if (!file) error(404, 'Not found');
	return new Response(file.bytes, { headers: file.headers });
};
