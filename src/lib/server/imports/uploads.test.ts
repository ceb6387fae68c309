import { mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	discard,
	discardData,
	isToken,
	readUpload,
	saveMeta,
	storeUpload,
	sweep,
	UPLOAD_TTL_MS,
	type UploadMeta
} from './uploads';

async function* chunks(...parts: string[]) {
	for (const p of parts) yield new TextEncoder().encode(p);
}

let dir: string;
beforeEach(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'imports-test-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const owner = { userId: 7, sessionId: 'abc' };
const meta = (createdAt: number): UploadMeta => ({
	owner,
	createdAt,
	kind: 'observations',
	locale: null,
	defaultRegion: null,
	fileName: 'a.csv',
	bytes: 5,
	sha256: '',
	confirmable: true,
	errors: [],
	errorCount: 0
});

describe('storeUpload', () => {
	it('storeUpload() refuses a known size one byte over the limit without writing', async () => {
		const r = await storeUpload(dir, chunks('123456'), 5, 6);
		expect(r).toEqual({ tooLarge: true, bytes: 6 });
		expect(readdirSync(dir)).toEqual([]);
	});
	it('storeUpload() refuses a streamed body one byte over the limit and keeps nothing', async () => {
		async function* slow() {
			yield new TextEncoder().encode('12345');
			// Let the spool file open first (see storeUpload's comment on spoolUpload).
			await new Promise((r) => setTimeout(r, 50));
			yield new TextEncoder().encode('6');
		}
		const r = await storeUpload(dir, slow(), 5);
		expect(r).toEqual({ tooLarge: true, bytes: 6 });
		expect(readdirSync(dir)).toEqual([]);
	});
	it('storeUpload() keeps a body at the limit under a 32-character token', async () => {
		const r = await storeUpload(dir, chunks('123', '45'), 5);
		if ('tooLarge' in r) throw new Error('refused');
		expect(isToken(r.token)).toBe(true);
		expect(r.bytes).toBe(5);
		expect(r.sha256).toBe('5994471abb01112afcc18159f6cc74b4f511b99806da59b3caf5a9c173cacfc5');
		expect(readdirSync(dir)).toEqual([`${r.token}.csv`]);
	});
});

describe('readUpload', () => {
	it('readUpload() gives the upload back to its owner only, and nothing after an hour', async () => {
		const r = await storeUpload(dir, chunks('a,b'), 100);
		if ('tooLarge' in r) throw new Error('refused');
		const now = 1_000_000;
		saveMeta(dir, r.token, meta(now));
		expect(readUpload(dir, r.token, owner, now)?.file).toBe(r.file);
		expect(readUpload(dir, r.token, { userId: 8, sessionId: 'abc' }, now)).toBeNull();
		expect(readUpload(dir, r.token, { userId: 7, sessionId: 'other' }, now)).toBeNull();
		expect(readUpload(dir, r.token, owner, now + UPLOAD_TTL_MS)).not.toBeNull();
		expect(readUpload(dir, r.token, owner, now + UPLOAD_TTL_MS + 1)).toBeNull();
		expect(readdirSync(dir)).toEqual([]);
	});
	it('readUpload() refuses a path instead of a token', () => {
		expect(readUpload(dir, '../../etc/passwd', owner)).toBeNull();
		expect(readUpload(dir, null, owner)).toBeNull();
	});
	it('discardData() keeps the record without the file; discard() removes both', async () => {
		const r = await storeUpload(dir, chunks('a,b'), 100);
		if ('tooLarge' in r) throw new Error('refused');
		saveMeta(dir, r.token, meta(Date.now()));
		discardData(dir, r.token);
		expect(readUpload(dir, r.token, owner)?.file).toBeNull();
		discard(dir, r.token);
		expect(readUpload(dir, r.token, owner)).toBeNull();
	});
});

describe('sweep', () => {
	it('sweep() removes files older than an hour and keeps newer ones', async () => {
		const old = await storeUpload(dir, chunks('old'), 100);
		const fresh = await storeUpload(dir, chunks('new'), 100);
		if ('tooLarge' in old || 'tooLarge' in fresh) throw new Error('refused');
		const past = (Date.now() - UPLOAD_TTL_MS - 60_000) / 1000;
		utimesSync(old.file, past, past);
		sweep(dir);
		expect(readdirSync(dir)).toEqual([`${fresh.token}.csv`]);
	});
});

describe('isToken', () => {
	it.each([
		['A'.repeat(32), true],
		['a_b-'.repeat(8), true],
		['A'.repeat(31), false],
		['A'.repeat(33), false],
		['../' + 'A'.repeat(29), false],
		['', false]
	])('isToken(%j) is %j', (value, expected) => {
		expect(isToken(value)).toBe(expected);
	});
	it('isToken() is false for a non-string', () => {
		expect(isToken(42)).toBe(false);
		expect(isToken(undefined)).toBe(false);
	});
});
