import { error } from '@sveltejs/kit';
import { config } from '$lib/server/config';
import { getConnection } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { readSnapshot, SubmissionError } from '$lib/server/submissions/service';
import { buildContent } from '$lib/server/submissions/state';
import * as store from '$lib/server/submissions/store';
import { SUBMISSION_ROLES } from '$lib/server/submissions/workspace';
import { completeness } from '$lib/submission/completeness';
import type { PageServerLoad } from './$types';

/**
 * The printable report of a submission (current state, or `?snapshot=`), for Chromium's print
 * to PDF and for people: signed-in staff only, like the workspace itself.
 */
export const load = (async (event) => {
	requireRole(event, SUBMISSION_ROLES.read);
	const raw = event.url.searchParams.get('snapshot');
	const id = Number(event.params.id);
	if (!/^\d{1,9}$/.test(event.params.id) || (raw !== null && !/^\d{1,9}$/.test(raw)))
		error(404, 'Not found');
	const conn = getConnection();
	const sub = store.getSubmission(conn, id);
	if (!sub) error(404, 'Not found');
	let content;
	let snapshot = null;
	if (raw) {
		try {
			const snap = readSnapshot(conn, id, Number(raw));
			content = snap.content;
			snapshot = {
				id: snap.row.id,
				createdAt: snap.row.createdAt,
				createdBy: snap.row.createdBy,
				sha256: snap.row.contentSha256
			};
		} catch (e) {
			if (e instanceof SubmissionError) error(404, 'Not found');
			throw e;
		}
	} else {
		content = buildContent(conn, id, config().dataDir);
	}
	const c = completeness(
		content.items.map((i) => ({
			key: i.key,
			kind: i.kind,
			group: i.group,
			answer: i.answer,
			justification: i.justification,
			evidenceCount: i.evidence.length,
			status: i.status,
			required: true,
			evidenceRequired: true
		}))
	);
	return {
		content,
		snapshot,
		completeness: c.groups,
		overall: c.overall,
		region: config().instance.nameId,
		printedAt: new Date().toISOString()
	};
}) satisfies PageServerLoad;
