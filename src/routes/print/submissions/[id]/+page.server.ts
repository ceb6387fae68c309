import { error } from '@sveltejs/kit';
import { config } from '$lib/server/config';
import { getConnection } from '$lib/server/db';
import { buildContent } from '$lib/server/submissions/state';
import * as store from '$lib/server/db/submissions';
import { completeness } from '$lib/submission/completeness';
import { contentFacts } from '$lib/submission/snapshot';
import { idParam, readSnapshotOr404, requireSubmissionRole } from '$lib/server/submissions/guard';
import type { PageServerLoad } from './$types';

/**
 * The printable report of a submission (current state, or `?snapshot=`), for Chromium's print
 * to PDF and for people: signed-in staff only, like the workspace itself.
 */
export const load = (async (event) => {
	requireSubmissionRole(event, 'read');
	const id = idParam(event.params.id);
	const raw = event.url.searchParams.get('snapshot');
	const conn = getConnection();
	const sub = store.getSubmission(conn, id);
	if (!sub) error(404, 'Not found');
	const snap = raw === null ? null : readSnapshotOr404(conn, id, idParam(raw));
	const content = snap ? snap.content : buildContent(conn, id, config().dataDir);
	const c = completeness(contentFacts(content.items));
	return {
		content,
		snapshot: snap && {
			id: snap.row.id,
			createdAt: snap.row.createdAt,
			createdBy: snap.row.createdBy,
			sha256: snap.row.contentSha256
		},
		completeness: c.groups,
		overall: c.overall,
		region: config().instance.nameId,
		printedAt: new Date().toISOString()
	};
}) satisfies PageServerLoad;
