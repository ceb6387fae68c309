/**
 * What the three export endpoints share: the content to export (the current state, or the
 * snapshot named by `?snapshot=`), its context, and the file names.
 */
import { error, type RequestEvent } from '@sveltejs/kit';
import { config } from '$lib/server/config';
import { getConnection } from '$lib/server/db';
import { SESSION_COOKIE } from '$lib/server/auth/session';
import { type ExportContext } from '$lib/server/submissions/export';
import { JobTimeout, QueueBusy } from '$lib/server/job-queue';
import { printPdf } from '$lib/server/print';
import { m } from '$lib/paraglide/messages';
import { buildContent } from '$lib/server/submissions/state';
import * as store from '$lib/server/db/submissions';
import type { SnapshotContent } from '$lib/submission/snapshot';
import { idParam, readSnapshotOr404, requireSubmissionRole } from '$lib/server/submissions/guard';

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

/**
 * The PDF: Chromium prints the print route through the server's loopback address, signed in with
 * the caller's own session. Busy (this user's print still running, or too many waiting) or too
 * slow: a 429 or 503 that says when to try again, as a Response the endpoint returns.
 */
export async function pdfOf(event: RequestEvent, source: ExportSource): Promise<Buffer | Response> {
	const token = event.cookies.get(SESSION_COOKIE);
	const user = event.locals.user;
	if (!token || !user) error(401, 'Sign in again.');
	const path = `/print/submissions/${source.id}${source.snapshotId ? `?snapshot=${source.snapshotId}` : ''}`;
	try {
		return await printPdf(String(user.id), path, { name: SESSION_COOKIE, value: token });
	} catch (e) {
		if (e instanceof QueueBusy)
			return busy(429, m.export_pdf_busy({ seconds: e.retryAfterSeconds }), e.retryAfterSeconds);
		if (e instanceof JobTimeout) return busy(503, m.export_pdf_timeout(), 60);
		console.error('submission export: printing failed', e);
		error(503, 'The PDF could not be printed (Chromium). Try again, or use the print view.');
	}
}

function busy(status: number, message: string, retryAfterSeconds: number): Response {
	return new Response(message, {
		status,
		headers: {
			'content-type': 'text/plain; charset=utf-8',
			'retry-after': String(retryAfterSeconds),
			'cache-control': 'no-store'
		}
	});
}

export const attachment = (name: string, type: string, size: number) => ({
	'content-type': type,
	'content-length': String(size),
	'content-disposition': `attachment; filename="${name}"`,
	'x-content-type-options': 'nosniff',
	'cache-control': 'private, no-store'
});
