import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	downloadHeaders,
	EvidenceRejected,
	readEvidence,
	storeEvidence,
	type EvidenceStore
} from './evidence';

const PDF = strToU8('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const PDF_SHA = createHash('sha256').update(PDF).digest('hex');

let files: EvidenceStore;
beforeEach(() => {
	files = { dir: mkdtempSync(path.join(tmpdir(), 'rapor-evidence-unit-')), maxBytes: 1024 };
});
afterEach(() => rmSync(files.dir, { recursive: true, force: true }));

/** The refusal storeEvidence throws, as plain data. */
function refusal(bytes: Uint8Array, name: string) {
	try {
		storeEvidence(files, bytes, name);
	} catch (e) {
		if (e instanceof EvidenceRejected) return { reason: e.reason, detail: e.detail };
		throw e;
	}
	throw new Error('expected EvidenceRejected');
}

describe('storeEvidence()', () => {
	it('stores an allowed file under its hash with the MIME type of its content and extension', () => {
		expect(storeEvidence(files, PDF, 'BUKTI.PDF')).toEqual({
			sha256: PDF_SHA,
			size: PDF.length,
			mime: 'application/pdf',
			type: 'pdf'
		});
		expect(readdirSync(files.dir)).toEqual([PDF_SHA.slice(0, 2)]);
		expect(readEvidence(files, PDF_SHA)).toEqual(Buffer.from(PDF));
		expect(storeEvidence(files, strToU8('a;b\r\n1;2\r\n'), 'data.csv').mime).toBe('text/csv');
	});

	it.each([
		['bukti.bat', PDF, 'extension_mismatch', { got: '.bat' }],
		['bukti.hta', PDF, 'extension_mismatch', { got: '.hta' }],
		['bukti.html', PDF, 'extension_mismatch', { got: '.html' }],
		['laporan.pdf.exe', PDF, 'double_extension', { got: '.pdf.exe', suggest: 'laporan.pdf' }],
		['bukti', PDF, 'no_extension', { got: '' }]
	])('refuses a PDF named %j (%s) and writes nothing', (name, bytes, reason, detail) => {
		expect(refusal(bytes, name)).toEqual({
			reason,
			detail: { detected: 'pdf', expected: ['.pdf'], suggest: 'bukti.pdf', ...detail }
		});
		expect(readdirSync(files.dir)).toEqual([]);
	});

	it('refuses macros, legacy OLE and size before anything is written, with no name detail', () => {
		const docm = zipSync({
			'[Content_Types].xml': strToU8('<Types/>'),
			'word/document.xml': strToU8('<w/>'),
			'word/vbaProject.bin': strToU8('VBA')
		});
		const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]);
		const big = new Uint8Array(1025);
		big.set(PDF);
		expect(refusal(docm, 'makro.docm')).toEqual({ reason: 'macro', detail: null });
		expect(refusal(docm, 'makro.docx')).toEqual({ reason: 'macro', detail: null });
		expect(refusal(ole, 'lama.doc')).toEqual({ reason: 'legacy_office', detail: null });
		expect(refusal(big, 'besar.pdf')).toEqual({ reason: 'too_large', detail: null });
		expect(readdirSync(files.dir)).toEqual([]);
	});
});

describe('downloadHeaders()', () => {
	it('is always an attachment under the given name, nosniff, sandboxed by CSP, never cached', () => {
		expect(downloadHeaders('perbup 12.pdf', 'application/pdf', 70)).toEqual({
			'content-type': 'application/pdf',
			'content-length': '70',
			'content-disposition': `attachment; filename="perbup 12.pdf"; filename*=UTF-8''perbup%2012.pdf`,
			'x-content-type-options': 'nosniff',
			'content-security-policy': "default-src 'none'; sandbox",
			'cache-control': 'private, no-store'
		});
	});

	it.each([
		[
			'Laporan Dinas (final) Ä.pdf',
			'application/pdf',
			`attachment; filename="Laporan Dinas (final) _.pdf"; filename*=UTF-8''Laporan%20Dinas%20%28final%29%20%C3%84.pdf`
		],
		[
			'bukti.hta',
			'application/pdf',
			`attachment; filename="bukti.hta.pdf"; filename*=UTF-8''bukti.hta.pdf`
		],
		['data.csv', 'text/csv', `attachment; filename="data.csv"; filename*=UTF-8''data.csv`]
	])('names %j (%s) as %s', (name, mime, disposition) => {
		expect(downloadHeaders(name, mime, 1)['content-disposition']).toBe(disposition);
	});

	it('gives text its charset and a file of no known type application/octet-stream', () => {
		expect(downloadHeaders('data.csv', 'text/csv', 1)['content-type']).toBe(
			'text/csv; charset=utf-8'
		);
		expect(downloadHeaders('berkas', null, 1)['content-type']).toBe('application/octet-stream');
	});
});
