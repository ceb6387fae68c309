/**
 * Uploaded files waiting between preview and confirm (the service's `previewImport` and
 * `confirmImport`). Each upload is spooled to `<database folder>/uploads/<token>.csv` under a
 * random token (never a name the user chose), with a `<token>.json` beside it saying whose it is,
 * what was asked and what the dry run found. Only the user and session that uploaded a file can
 * read it back; everything expires after an hour (swept on every upload).
 */
import { createHash, randomBytes } from 'node:crypto';
import {
	createWriteStream,
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FileSource, ImportError, ImportKind, Locale } from '../../import';
import type { WorkbookFacts } from './file';

export const UPLOAD_TTL_MS = 60 * 60 * 1000;

/** Who may read an upload back: the same user in the same session. */
export interface UploadOwner {
	userId: number;
	sessionId: string;
}

/** The owner of an upload made in this request by `user`. */
export function uploadOwner(
	event: { locals: { session?: { id: string } | null } },
	user: { id: number }
): UploadOwner {
	return { userId: user.id, sessionId: event.locals.session?.id ?? '' };
}

export interface UploadMeta {
	owner: UploadOwner;
	createdAt: number;
	kind: ImportKind;
	locale: Locale | null;
	defaultRegion: string | null;
	/** The source the uploader gave for the whole file, if any (older uploads: absent). */
	fileSource?: FileSource | null;
	/** When the upload was a workbook: its sheet read, which the stored CSV was made from. */
	workbook?: WorkbookFacts;
	/** The indicator the uploader chose for the whole file, if any (older uploads: absent). */
	fileIndicator?: string | null;
	fileName: string;
	bytes: number;
	sha256: string;
	/** False once the dry run refused the file (only its errors are kept, for the CSV download). */
	confirmable: boolean;
	errors: ImportError[];
	errorCount: number;
}

const TOKEN = /^[A-Za-z0-9_-]{32}$/;

/** True for a token this module could have made: `isToken('../../etc/passwd') === false`. */
export function isToken(value: unknown): value is string {
	return typeof value === 'string' && TOKEN.test(value);
}

/** The folder for uploads: beside the database file, or the system's temporary folder. */
export function uploadsDir(databasePath: string): string {
	const base =
		databasePath === ':memory:' || databasePath === ''
			? path.join(tmpdir(), 'rapor-cerdas')
			: path.dirname(path.resolve(databasePath));
	const dir = path.join(base, 'uploads');
	mkdirSync(dir, { recursive: true, mode: 0o700 });
	return dir;
}

const dataPath = (dir: string, token: string) => path.join(dir, `${token}.csv`);
const metaPath = (dir: string, token: string) => path.join(dir, `${token}.json`);

/**
 * Writes an upload to a temporary file, refusing it past `maxBytes`; the sha256 is computed on
 * the way. The caller removes the folder (`rmSync(path.dirname(file), { recursive: true })`).
 */
export async function spoolUpload(
	source: AsyncIterable<Uint8Array>,
	maxBytes: number,
	dir = tmpdir()
): Promise<{ file: string; bytes: number; sha256: string } | { tooLarge: true; bytes: number }> {
	const folder = await mkdtemp(path.join(dir, 'rapor-upload-'));
	const file = path.join(folder, 'upload.csv');
	const out = createWriteStream(file);
	// The stream opens its file asynchronously: wait for that (or its failure) before any path can
	// remove the folder, or the late open fails with ENOENT outside every handler.
	await new Promise<void>((resolve, reject) => {
		out.once('ready', () => resolve());
		out.once('error', reject);
	});
	const hash = createHash('sha256');
	let bytes = 0;
	try {
		for await (const chunk of source) {
			bytes += chunk.length;
			if (bytes > maxBytes) {
				await new Promise<void>((r) => {
					out.once('close', () => r());
					out.destroy();
				});
				rmSync(folder, { recursive: true, force: true });
				return { tooLarge: true, bytes };
			}
			hash.update(chunk);
			if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
		}
		await new Promise<void>((resolve, reject) =>
			out.end((e?: Error | null) => (e ? reject(e) : resolve()))
		);
	} catch (e) {
		out.destroy();
		rmSync(folder, { recursive: true, force: true });
		throw e;
	}
	return { file, bytes, sha256: hash.digest('hex') };
}

/**
 * Spools an upload under a new token, refusing it past `maxBytes` (nothing is kept then).
 * `knownSize` (a multipart File's size) refuses an oversized file before anything is written.
 * Example: `await storeUpload(dir, file.stream(), 50 * 1024 * 1024, file.size)`.
 */
export async function storeUpload(
	dir: string,
	source: AsyncIterable<Uint8Array>,
	maxBytes: number,
	knownSize?: number
): Promise<
	{ token: string; file: string; bytes: number; sha256: string } | { tooLarge: true; bytes: number }
> {
	// Besides saving the write, this avoids spoolUpload's refusal path, which removes its folder
	// while the write stream may still be opening (an unhandled ENOENT on a tiny first chunk).
	if (knownSize !== undefined && knownSize > maxBytes) return { tooLarge: true, bytes: knownSize };
	const spooled = await spoolUpload(source, maxBytes, dir);
	if ('tooLarge' in spooled) return spooled;
	const token = randomBytes(24).toString('base64url');
	const file = dataPath(dir, token);
	renameSync(spooled.file, file);
	rmSync(path.dirname(spooled.file), { recursive: true, force: true });
	return { token, file, bytes: spooled.bytes, sha256: spooled.sha256 };
}

export function saveMeta(dir: string, token: string, meta: UploadMeta) {
	writeFileSync(metaPath(dir, token), JSON.stringify(meta), { mode: 0o600 });
}

/**
 * The upload behind a token, when it exists, has not expired and belongs to `owner`; otherwise
 * null, without saying which (someone else's token reads as unknown).
 */
export function readUpload(
	dir: string,
	token: unknown,
	owner: UploadOwner,
	now = Date.now()
): { meta: UploadMeta; file: string | null } | null {
	if (!isToken(token)) return null;
	let meta: UploadMeta;
	try {
		meta = JSON.parse(readFileSync(metaPath(dir, token), 'utf8')) as UploadMeta;
	} catch {
		return null;
	}
	if (meta.owner.userId !== owner.userId || meta.owner.sessionId !== owner.sessionId) return null;
	if (now - meta.createdAt > UPLOAD_TTL_MS) {
		discard(dir, token);
		return null;
	}
	const file = dataPath(dir, token);
	return { meta, file: existsSync(file) ? file : null };
}

/** Removes the spooled file but keeps the record (its errors stay downloadable until expiry). */
export function discardData(dir: string, token: string) {
	if (isToken(token)) rmSync(dataPath(dir, token), { force: true });
}

/** Removes the spooled file and its record. */
export function discard(dir: string, token: string) {
	if (!isToken(token)) return;
	rmSync(dataPath(dir, token), { force: true });
	rmSync(metaPath(dir, token), { force: true });
}

/** Removes everything older than the time to live (spool folders of interrupted uploads too). */
export function sweep(dir: string, now = Date.now()) {
	let names: string[];
	try {
		names = readdirSync(dir);
	} catch {
		return;
	}
	for (const name of names) {
		const full = path.join(dir, name);
		try {
			if (now - statSync(full).mtimeMs > UPLOAD_TTL_MS)
				rmSync(full, { recursive: true, force: true });
		} catch {
			// Removed meanwhile by another request: nothing to do.
		}
	}
}
