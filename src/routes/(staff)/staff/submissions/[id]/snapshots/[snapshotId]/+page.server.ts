import { error } from '@sveltejs/kit';
import { config } from '$lib/server/config';
import { getConnection } from '$lib/server/db';
import { buildContent } from '$lib/server/submissions/state';
import * as store from '$lib/server/db/submissions';
import { diffItems } from '$lib/submission/snapshot';
import { idParam, readSnapshotOr404, requireSubmissionRole } from '$lib/server/submissions/guard';
import type { PageServerLoad } from './$types';

/** A frozen snapshot, readable as it was, and its differences from now (or another snapshot). */
export const load = (async (event) => {
	requireSubmissionRole(event, 'read');
	const id = idParam(event.params.id);
	const snapshotId = idParam(event.params.snapshotId);
	const conn = getConnection();
	const sub = store.getSubmission(conn, id);
	if (!sub) error(404, 'Not found');
	const snap = readSnapshotOr404(conn, id, snapshotId);
	const againstRaw = event.url.searchParams.get('against');
	const against = againstRaw ? readSnapshotOr404(conn, id, idParam(againstRaw)) : null;
	const other = against ? against.content : buildContent(conn, id, config().dataDir);
	return {
		submission: sub,
		snapshot: { ...snap.row, content: undefined },
		content: snap.content,
		intact: snap.intact,
		against: against ? { id: against.row.id, createdAt: against.row.createdAt } : null,
		otherPreview: other.preview,
		diff: diffItems(snap.content.items, other.items),
		snapshots: store.listSnapshots(conn, id)
	};
}) satisfies PageServerLoad;
