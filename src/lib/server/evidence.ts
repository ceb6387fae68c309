/**
 * Evidence file storage (bukti dukung). Files live outside static/, under EVIDENCE_DIR (default
 * var/evidence), named by the SHA-256 of their content: the same bytes uploaded twice are stored
 * once, and no path is ever built from anything a person typed. Each upload keeps its own name
 * in its evidence row, and is downloaded under it. Uploads are limited in size
 * (EVIDENCE_MAX_BYTES, 20 MB) and judged by src/lib/submission/files.ts: the content must be on
 * its allow-list, then the name's extension must fit the content. A file is removed only when no
 * evidence row and no frozen snapshot references it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
	checkEvidence,
	downloadName,
	type ContentReason,
	type EvidenceType,
	type NameRefusal,
	type NameReason
} from '../submission/files';
import type { Connection } from './db';
import { fileIsReferenced } from './db/submissions';

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

export type RejectReason = 'too_large' | ContentReason | NameReason;

/** What a refusal of a name says, for the message: the detected type, the extensions. */
export type RejectDetail = Pick<NameRefusal, 'detected' | 'got' | 'expected' | 'suggest'>;

/**
 * An upload refused for its size, content or name; `reason` (and `detail`, for a name) is shown
 * to the person in their language.
 */
export class EvidenceRejected extends Error {
	override name = 'EvidenceRejected';
	constructor(
		readonly reason: RejectReason,
		readonly detail: RejectDetail | null = null
	) {
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
 * Checks size, content and the (sanitised) name, then writes the file under its hash
 * (atomically: a temporary file in the same folder, then a rename). Returns what was stored, with
 * the MIME type the content and name give; throws EvidenceRejected.
 */
export function storeEvidence(store: EvidenceStore, bytes: Uint8Array, name: string): StoredFile {
	if (bytes.length > store.maxBytes) throw new EvidenceRejected('too_large');
	const check = checkEvidence(bytes, name);
	if (!check.ok) {
		if (!('detected' in check)) throw new EvidenceRejected(check.reason);
		const { detected, got, expected, suggest } = check;
		throw new EvidenceRejected(check.reason, { detected, got, expected, suggest });
	}
	const sha256 = createHash('sha256').update(bytes).digest('hex');
	const target = evidencePath(store, sha256);
	if (!existsSync(target)) {
		mkdirSync(path.dirname(target), { recursive: true });
		const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
		writeFileSync(tmp, bytes, { flag: 'wx' });
		renameSync(tmp, target);
	}
	return { sha256, size: bytes.length, mime: check.mime, type: check.type };
}

/** The bytes of a stored file, or null when it is not there. */
export function readEvidence(store: EvidenceStore, sha256: string): Buffer | null {
	const file = evidencePath(store, sha256);
	return existsSync(file) ? readFileSync(file) : null;
}

/** Removes a file nobody references any more; returns true when it was removed. */
export function removeIfUnreferenced(
	conn: Connection,
	store: EvidenceStore,
	sha256: string
): boolean {
	if (fileIsReferenced(conn, sha256)) return false;
	const file = evidencePath(store, sha256);
	if (!existsSync(file)) return false;
	rmSync(file);
	return true;
}

/** RFC 5987 `filename*`: percent-encoded UTF-8, `'()*` too (encodeURIComponent leaves them). */
const extValue = (name: string) =>
	encodeURIComponent(name).replace(
		/['()*]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
	);

/**
 * Headers for handing a stored file to a signed-in person: always a download under the file's
 * own name (made to end in its type's extension, see `downloadName`), in both header forms (an
 * ASCII fallback and RFC 5987 UTF-8), with its detected MIME type, never sniffed or rendered
 * (nosniff; a CSP that allows nothing and sandboxes it, should a browser open it anyway), never
 * cached.
 */
export function downloadHeaders(
	name: string,
	mime: string | null,
	size: number
): Record<string, string> {
	const served = downloadName(name, mime);
	const ascii = served.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	const type = mime ?? 'application/octet-stream';
	return {
		'content-type': type.startsWith('text/') ? `${type}; charset=utf-8` : type,
		'content-length': String(size),
		'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${extValue(served)}`,
		'x-content-type-options': 'nosniff',
		'content-security-policy': "default-src 'none'; sandbox",
		'cache-control': 'private, no-store'
	};
}
