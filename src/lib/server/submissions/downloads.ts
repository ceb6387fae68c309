/**
 * Evidence downloads of a submission, each under the name its own upload gave: a current
 * evidence row by its id, or a file frozen in a snapshot by its number there (`frozenFiles`).
 * Identical bytes uploaded under two names are stored once but are two rows, so two downloads
 * with two names. The file is read from the hash its row or frozen entry holds, checked as a
 * SHA-256, never from anything in the URL; the headers are `downloadHeaders`.
 */
import type { Connection } from '../db';
import * as store from '../db/submissions';
import { downloadHeaders, isSha256, readEvidence, type EvidenceStore } from '../evidence';
import { frozenFiles } from '../../submission/files';
import type { SnapshotEvidence } from '../../submission/snapshot';
import { readSnapshot, SubmissionError } from './service';

export interface Download {
	bytes: Uint8Array<ArrayBuffer>;
	headers: Record<string, string>;
}

function download(files: EvidenceStore, e: SnapshotEvidence): Download | null {
	if (e.kind !== 'file' || !e.sha256 || !isSha256(e.sha256)) return null;
	const bytes = readEvidence(files, e.sha256);
	if (!bytes) return null;
	return { bytes: new Uint8Array(bytes), headers: downloadHeaders(e.name, e.mime, bytes.length) };
}

/** The file of one current evidence row of this submission; null for a link, another's row or none. */
export function evidenceDownload(
	conn: Connection,
	files: EvidenceStore,
	submissionId: number,
	evidenceId: number
): Download | null {
	const row = store.evidenceOfSubmission(conn, submissionId, evidenceId);
	return row ? download(files, row) : null;
}

/**
 * File number `n` (from 1) of a snapshot of this submission, under its frozen name and type;
 * null when there is no such snapshot or file. A snapshot whose content no longer matches its
 * hash hands out nothing: that throws.
 */
export function snapshotDownload(
	conn: Connection,
	files: EvidenceStore,
	submissionId: number,
	snapshotId: number,
	n: number
): Download | null {
	let snap;
	try {
		snap = readSnapshot(conn, submissionId, snapshotId);
	} catch (e) {
		if (e instanceof SubmissionError) return null;
		throw e;
	}
	if (!snap.intact) throw new Error(`snapshot ${snapshotId} does not match its hash`);
	const e = frozenFiles(snap.content.items)[n - 1];
	if (!e?.sha256 || !store.snapshotHasFile(conn, snapshotId, e.sha256)) return null;
	return download(files, e);
}
