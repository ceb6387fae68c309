/**
 * Evidence file storage (bukti dukung). Files live outside static/, under EVIDENCE_DIR (default
 * var/evidence), named by the SHA-256 of their content: the same file uploaded twice is stored
 * once, and no path is ever built from anything a person typed. Uploads are judged by content
 * (src/lib/submission/files.ts), never by name, and limited in size (EVIDENCE_MAX_BYTES, 20 MB).
 * A file is removed only when no evidence row and no frozen snapshot references it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sniffEvidence, type EvidenceType } from '../submission/files';
import type { Connection } from './db';

export const DEFAULT_EVIDENCE_DIR = 'var/evidence';
export const DEFAULT_EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;
const SHA256 = /^[0-9a-f]{64}$/;

export interface EvidenceStore {
	dir: string;
	maxBytes: number;
}

/** The store from the environment: EVIDENCE_DIR and EVIDENCE_MAX_BYTES. */
export function evidenceStore(env: NodeJS.ProcessEnv = process.env): EvidenceStore {
	const max = Number(env.EVIDENCE_MAX_BYTES);
	return {
		dir: path.resolve(env.EVIDENCE_DIR || DEFAULT_EVIDENCE_DIR),
		maxBytes: Number.isInteger(max) && max > 0 ? max : DEFAULT_EVIDENCE_MAX_BYTES
	};
}

export type RejectReason = 'too_large' | 'empty' | 'executable' | 'not_office' | 'unknown';

/** An upload refused for its size or content; `reason` is shown to the person in their language. */
export class EvidenceRejected extends Error {
	override name = 'EvidenceRejected';
	constructor(readonly reason: RejectReason) {
		super(`evidence refused: ${reason}`);
	}
}

export const isSha256 = (v: string): boolean => SHA256.test(v);

/** Where a file with this hash lives: `<dir>/ab/abcdef…`. Throws on anything but a SHA-256. */
export function evidencePath(store: EvidenceStore, sha256: string): string {
	if (!isSha256(sha256)) throw new Error('not a SHA-256 hash');
	return path.join(store.dir, sha256.slice(0, 2), sha256);
}

export interface StoredFile {
	sha256: string;
	size: number;
	mime: string;
	type: EvidenceType;
}

/**
 * Checks size and content, then writes the file under its hash (atomically: a temporary file in
 * the same folder, then a rename). Returns what was stored; throws EvidenceRejected.
 */
export function storeEvidence(store: EvidenceStore, bytes: Uint8Array): StoredFile {
	if (bytes.length > store.maxBytes) throw new EvidenceRejected('too_large');
	const sniff = sniffEvidence(bytes);
	if (!sniff.ok) throw new EvidenceRejected(sniff.reason);
	const sha256 = createHash('sha256').update(bytes).digest('hex');
	const target = evidencePath(store, sha256);
	if (!existsSync(target)) {
		mkdirSync(path.dirname(target), { recursive: true });
		const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
		writeFileSync(tmp, bytes, { flag: 'wx' });
		renameSync(tmp, target);
	}
	return { sha256, size: bytes.length, mime: sniff.mime, type: sniff.type };
}

/** The bytes of a stored file, or null when it is not there. */
export function readEvidence(store: EvidenceStore, sha256: string): Buffer | null {
	const file = evidencePath(store, sha256);
	return existsSync(file) ? readFileSync(file) : null;
}

/** True while an evidence row or a frozen snapshot names the file. */
export function isReferenced(conn: Connection, sha256: string): boolean {
	const row = conn.sqlite
		.prepare(
			`SELECT EXISTS (SELECT 1 FROM evidence WHERE sha256 = ?)
			     OR EXISTS (SELECT 1 FROM snapshot_files WHERE sha256 = ?) AS used`
		)
		.get(sha256, sha256) as { used: number };
	return row.used === 1;
}

/** Removes a file nobody references any more; returns true when it was removed. */
export function removeIfUnreferenced(
	conn: Connection,
	store: EvidenceStore,
	sha256: string
): boolean {
	if (isReferenced(conn, sha256)) return false;
	const file = evidencePath(store, sha256);
	if (!existsSync(file)) return false;
	rmSync(file);
	return true;
}

/**
 * Headers for handing a stored file to a signed-in person: always a download, never rendered
 * (attachment + nosniff), with the sanitised name in both header forms.
 */
export function downloadHeaders(
	name: string,
	mime: string | null,
	size: number
): Record<string, string> {
	const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	return {
		'content-type': mime ?? 'application/octet-stream',
		'content-length': String(size),
		'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
		'x-content-type-options': 'nosniff',
		'cache-control': 'private, no-store'
	};
}
