/**
 * What the three export endpoints share: the content to export (the current state, or the
 * snapshot named by `?snapshot=`), its context, and the file names.
 */
import { error, type RequestEvent } from '@sveltejs/kit';
import { config } from '$lib/server/config';
import { getConnection } from '$lib/server/db';
import { SESSION_COOKIE } from '$lib/server/auth/session';
import { printPdf, type ExportContext } from '$lib/server/submissions/export';
import { buildContent } from '$lib/server/submissions/state';
import * as store from '$lib/server/submissions/store';
import type { SnapshotContent } from '$lib/submission/snapshot';
import { idParam, readSnapshotOr404, requireSubmissionRole } from '../guard';

export interface ExportSource {
	id: number;
	content: SnapshotContent;
	context: ExportContext;
	/** File name stem: `spbe-2024-33.18` or `spbe-2024-33.18-snapshot-3`. */
	stem: string;
	snapshotId: number | null;
}

export function exportSource(event: RequestEvent): ExportSource {
	requireSubmissionRole(event, 'read');
	const id = idParam(event.params.id);
	const conn = getConnection();
	const sub = store.getSubmission(conn, id);
	if (!sub) error(404, 'Not found');
	const raw = event.url.searchParams.get('snapshot');
	let content: SnapshotContent;
	let snapshot: ExportContext['snapshot'] = null;
	if (raw) {
		const snap = readSnapshotOr404(conn, id, idParam(raw));
		if (!snap.intact) error(500, 'The snapshot does not match its hash.');
		content = snap.content;
		snapshot = { id: snap.row.id, createdAt: snap.row.createdAt, createdBy: snap.row.createdBy };
	} else {
		content = buildContent(conn, id, config().dataDir);
	}
	return {
		id,
		content,
		snapshotId: snapshot?.id ?? null,
		context: { origin: event.url.origin, snapshot, regionName: config().instance.nameId },
		stem: `${sub.kind}-${sub.year}-${sub.regionCode}${snapshot ? `-snapshot-${snapshot.id}` : ''}`
	};
}

/** The PDF: Chromium prints the print route, signed in with the caller's own session. */
export async function pdfOf(event: RequestEvent, source: ExportSource): Promise<Buffer> {
	const token = event.cookies.get(SESSION_COOKIE);
	if (!token) error(401, 'Sign in again.');
	const origin = process.env.PRINT_ORIGIN || event.url.origin;
	const url = `${origin}/print/submissions/${source.id}${source.snapshotId ? `?snapshot=${source.snapshotId}` : ''}`;
	try {
		return await printPdf(url, { name: SESSION_COOKIE, value: token });
	} catch (e) {
		console.error('submission export: printing failed', e);
		error(503, 'The PDF could not be printed (Chromium). Try again, or use the print view.');
	}
}

export const attachment = (name: string, type: string, size: number) => ({
	'content-type': type,
	'content-length': String(size),
	'content-disposition': `attachment; filename="${name}"`,
	'x-content-type-options': 'nosniff',
	'cache-control': 'private, no-store'
});
