import { describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import {
	checkEvidence,
	downloadName,
	EVIDENCE_ACCEPT,
	frozenFiles,
	isEvidenceUrl,
	sanitiseFileName,
	sniffEvidence
} from './files';
import type { SnapshotEvidence } from './snapshot';

const bytes = (...xs: number[]) => new Uint8Array(xs);
const text = (s: string) => new TextEncoder().encode(s);
const ooxml = (part: string, types = '<Types/>', more: Record<string, string> = {}) =>
	zipSync({
		'[Content_Types].xml': strToU8(types),
		[part]: strToU8('<x/>'),
		...Object.fromEntries(Object.entries(more).map(([k, v]) => [k, strToU8(v)]))
	});
const odf = (mimetype: string, more: Record<string, string> = {}) =>
	zipSync({
		// OpenDocument stores `mimetype` first and uncompressed.
		mimetype: [strToU8(mimetype), { level: 0 }],
		'content.xml': strToU8('<office:document-content/>'),
		...Object.fromEntries(Object.entries(more).map(([k, v]) => [k, strToU8(v)]))
	});

const PDF = text('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0);
const WEBP = new Uint8Array([...text('RIFF'), 0x1a, 0, 0, 0, ...text('WEBPVP8 ')]);
const OLE = bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0);
const MZ = bytes(0x4d, 0x5a, 0x90, 0, 3);
const DOCX = ooxml('word/document.xml');
const XLSX = ooxml('xl/workbook.xml');
const PPTX = ooxml('ppt/presentation.xml');
/** A macro document as Word saves it: the VBA project and the macro-enabled main part. */
const DOCM = ooxml(
	'word/document.xml',
	'<Types><Override PartName="/word/document.xml" ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>',
	{ 'word/vbaProject.bin': 'VBA' }
);
const ODT = odf('application/vnd.oasis.opendocument.text');
const ODS = odf('application/vnd.oasis.opendocument.spreadsheet');
const ODT_BASIC = odf('application/vnd.oasis.opendocument.text', {
	'Basic/Standard/Module1.xml': '<script:module/>'
});

const MIME = {
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
	odt: 'application/vnd.oasis.opendocument.text',
	ods: 'application/vnd.oasis.opendocument.spreadsheet'
};

describe('sniffEvidence()', () => {
	it.each([
		['a PDF', PDF, { ok: true, type: 'pdf' }],
		['a PNG', PNG, { ok: true, type: 'png' }],
		['a JPEG', JPEG, { ok: true, type: 'jpeg' }],
		['a WebP', WEBP, { ok: true, type: 'webp' }],
		['a docx', DOCX, { ok: true, type: 'docx' }],
		['an xlsx', XLSX, { ok: true, type: 'xlsx' }],
		['a pptx', PPTX, { ok: true, type: 'pptx' }],
		['an ODT', ODT, { ok: true, type: 'odt' }],
		['an ODS', ODS, { ok: true, type: 'ods' }],
		[
			'plain text with tab, CR, LF and FF',
			text('Baris 1\tA\r\nBaris 2\f\n'),
			{ ok: true, type: 'text' }
		],
		[
			'a CSV with a UTF-8 BOM',
			text('\ufeffkode,nilai\r\n33.18,3,5\r\n'),
			{ ok: true, type: 'text' }
		],
		['text that starts with "<" but no tag', text('<3 untuk Pati'), { ok: true, type: 'text' }],
		['an empty file', bytes(), { ok: false, reason: 'empty' }],
		['a Windows executable (MZ)', MZ, { ok: false, reason: 'executable' }],
		['an ELF binary', bytes(0x7f, 0x45, 0x4c, 0x46, 2), { ok: false, reason: 'executable' }],
		[
			'a Mach-O universal binary',
			bytes(0xca, 0xfe, 0xba, 0xbe, 0),
			{ ok: false, reason: 'executable' }
		],
		['a shell script', text('#!/bin/sh\nrm -rf /'), { ok: false, reason: 'executable' }],
		['a legacy OLE doc/xls', OLE, { ok: false, reason: 'legacy_office' }],
		['a docm (vbaProject.bin, macro-enabled type)', DOCM, { ok: false, reason: 'macro' }],
		[
			'a zip with only a vbaProject.bin as the macro sign',
			ooxml('word/document.xml', '<Types/>', { 'word/vbaProject.bin': 'VBA' }),
			{ ok: false, reason: 'macro' }
		],
		[
			'an xlsm known by its content type alone',
			ooxml(
				'xl/workbook.xml',
				'<Types><Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/></Types>'
			),
			{ ok: false, reason: 'macro' }
		],
		[
			'an xlsx with an Excel 4 macro sheet',
			ooxml('xl/workbook.xml', '<Types/>', { 'xl/macrosheets/sheet1.xml': '<x/>' }),
			{ ok: false, reason: 'macro' }
		],
		['an ODT with Basic/ macros', ODT_BASIC, { ok: false, reason: 'macro' }],
		[
			'an ODS with Scripts/',
			odf('application/vnd.oasis.opendocument.spreadsheet', { 'Scripts/python/x.py': 'import os' }),
			{ ok: false, reason: 'macro' }
		],
		[
			'an OpenDocument presentation (ODP)',
			odf('application/vnd.oasis.opendocument.presentation'),
			{ ok: false, reason: 'not_office' }
		],
		['a plain ZIP', zipSync({ 'a.txt': strToU8('hi') }), { ok: false, reason: 'not_office' }],
		[
			'a ZIP with content types but no Office part',
			zipSync({ '[Content_Types].xml': strToU8('<T/>') }),
			{ ok: false, reason: 'not_office' }
		],
		[
			'a ZIP whose [Content_Types].xml inflates past 1 MB (not read, so not taken)',
			zipSync({
				'[Content_Types].xml': new Uint8Array((1 << 20) + 1),
				'word/document.xml': strToU8('<w/>')
			}),
			{ ok: false, reason: 'not_office' }
		],
		['a truncated ZIP', bytes(0x50, 0x4b, 0x03, 0x04, 0, 0), { ok: false, reason: 'not_office' }],
		['HTML', text('<html><script>alert(1)</script>'), { ok: false, reason: 'markup' }],
		['an SVG after blank lines', text('\n  <svg onload="x()">'), { ok: false, reason: 'markup' }],
		['XML', text('<?xml version="1.0"?><a/>'), { ok: false, reason: 'markup' }],
		['text with a NUL', text('laporan\u0000.pdf'), { ok: false, reason: 'unknown' }],
		['text with a vertical tab', text('a\u000bb'), { ok: false, reason: 'unknown' }],
		['text with a C1 control (NEL)', text('a\u0085b'), { ok: false, reason: 'unknown' }],
		['invalid UTF-8', bytes(0x4c, 0x61, 0xc3, 0x28), { ok: false, reason: 'unknown' }],
		[
			'UTF-16 text (NULs between letters)',
			bytes(0xff, 0xfe, 0x41, 0, 0x42, 0),
			{ ok: false, reason: 'unknown' }
		],
		['"%PDF" without the dash', text('%PDF1'), { ok: true, type: 'text' }]
	])('%s gives %o', (_, input, expected) => {
		expect(sniffEvidence(input)).toEqual(expected);
	});
});

describe('checkEvidence()', () => {
	const pdfNamed = (got: string, reason: string, suggest = 'bukti.pdf') => ({
		ok: false,
		reason,
		detected: 'pdf',
		got,
		expected: ['.pdf'],
		suggest
	});
	it.each([
		// The findings: content that starts like a PDF under a name that runs or renders.
		['bukti.bat', PDF, pdfNamed('.bat', 'extension_mismatch')],
		['bukti.hta', PDF, pdfNamed('.hta', 'extension_mismatch')],
		['bukti.html', PDF, pdfNamed('.html', 'extension_mismatch')],
		['laporan.pdf.exe', PDF, pdfNamed('.pdf.exe', 'double_extension', 'laporan.pdf')],
		['laporan.exe.pdf', PDF, pdfNamed('.exe.pdf', 'double_extension', 'laporan.pdf')],
		['bukti', PDF, pdfNamed('', 'no_extension')],
		['makro.docm', DOCM, { ok: false, reason: 'macro' }],
		['makro.docx', DOCM, { ok: false, reason: 'macro' }],
		['rapat.odt', ODT_BASIC, { ok: false, reason: 'macro' }],
		['lama.doc', OLE, { ok: false, reason: 'legacy_office' }],
		['laporan.pdf', MZ, { ok: false, reason: 'executable' }],
		['kosong.pdf', bytes(), { ok: false, reason: 'empty' }],
		['catatan.txt', text('<html><body>'), { ok: false, reason: 'markup' }],
		[
			'foto.png',
			JPEG,
			{
				ok: false,
				reason: 'extension_mismatch',
				detected: 'jpeg',
				got: '.png',
				expected: ['.jpg', '.jpeg'],
				suggest: 'foto.jpg'
			}
		],
		[
			'data.pdf',
			text('a,b\n1,2\n'),
			{
				ok: false,
				reason: 'extension_mismatch',
				detected: 'text',
				got: '.pdf',
				expected: ['.txt', '.csv'],
				suggest: 'data.txt'
			}
		],
		[
			'data.csv.txt',
			text('a,b\n1,2\n'),
			{
				ok: false,
				reason: 'double_extension',
				detected: 'text',
				got: '.csv.txt',
				expected: ['.txt', '.csv'],
				suggest: 'data.txt'
			}
		],
		// Accepted, with the MIME type the content and the extension give.
		['BUKTI.PDF', PDF, { ok: true, type: 'pdf', mime: 'application/pdf' }],
		['Laporan v1.2.pdf', PDF, { ok: true, type: 'pdf', mime: 'application/pdf' }],
		['SK Bupati No. 5.pdf', PDF, { ok: true, type: 'pdf', mime: 'application/pdf' }],
		['Perda 3.2020.pdf', PDF, { ok: true, type: 'pdf', mime: 'application/pdf' }],
		['peta.png', PNG, { ok: true, type: 'png', mime: 'image/png' }],
		['foto.jpg', JPEG, { ok: true, type: 'jpeg', mime: 'image/jpeg' }],
		['foto.JPEG', JPEG, { ok: true, type: 'jpeg', mime: 'image/jpeg' }],
		['foto.webp', WEBP, { ok: true, type: 'webp', mime: 'image/webp' }],
		['SK.docx', DOCX, { ok: true, type: 'docx', mime: MIME.docx }],
		['anggaran.xlsx', XLSX, { ok: true, type: 'xlsx', mime: MIME.xlsx }],
		['paparan.pptx', PPTX, { ok: true, type: 'pptx', mime: MIME.pptx }],
		['notulen.odt', ODT, { ok: true, type: 'odt', mime: MIME.odt }],
		['anggaran.ods', ODS, { ok: true, type: 'ods', mime: MIME.ods }],
		['catatan.txt', text('Rapat 5 Mei\n'), { ok: true, type: 'text', mime: 'text/plain' }],
		['data.csv', text('a,b\n1,2\n'), { ok: true, type: 'text', mime: 'text/csv' }],
		['DATA.CSV', text('a,b\n1,2\n'), { ok: true, type: 'text', mime: 'text/csv' }]
	])('checkEvidence(…, %j) gives %o', (name, input, expected) => {
		expect(checkEvidence(input, name)).toEqual(expected);
	});

	it('judges the name the service stores: `bukti.hta.` loses its trailing dot first, then is refused', () => {
		expect(checkEvidence(PDF, sanitiseFileName('bukti.hta.'))).toMatchObject({
			reason: 'extension_mismatch',
			got: '.hta'
		});
		expect(checkEvidence(PDF, sanitiseFileName('bukti\u202efdp.exe'))).toMatchObject({
			reason: 'extension_mismatch',
			got: '.exe'
		});
	});
});

describe('downloadName() and EVIDENCE_ACCEPT', () => {
	it.each([
		['perbup 12.pdf', 'application/pdf', 'perbup 12.pdf'],
		['BUKTI.PDF', 'application/pdf', 'BUKTI.PDF'],
		['foto.jpeg', 'image/jpeg', 'foto.jpeg'],
		['data.csv', 'text/csv', 'data.csv'],
		// Stored before the allow-list: handed out so that the name's last extension is the type's.
		['bukti.hta', 'application/pdf', 'bukti.hta.pdf'],
		['laporan.pdf.exe', 'application/pdf', 'laporan.pdf.exe.pdf'],
		['catatan.csv', 'text/plain', 'catatan.csv.txt'],
		['lama.doc', 'application/x-ole-storage', 'lama.doc'],
		['lama.exe', 'application/x-ole-storage', 'lama.exe.doc'],
		['berkas', null, 'berkas.bin'],
		['berkas.bin', null, 'berkas.bin']
	])('downloadName(%j, %j) is %j', (name, mime, expected) => {
		expect(downloadName(name, mime)).toBe(expected);
	});

	it('the upload field accepts exactly the allowed extensions', () => {
		expect(EVIDENCE_ACCEPT).toBe(
			'.pdf,.png,.jpg,.jpeg,.webp,.docx,.xlsx,.pptx,.odt,.ods,.txt,.csv'
		);
	});
});

describe('frozenFiles()', () => {
	it('lists the files of every item in order, skipping links: file n is entry n - 1', () => {
		const file = (name: string, sha: string): SnapshotEvidence => ({
			kind: 'file',
			name,
			sha256: sha.repeat(64),
			size: 1,
			mime: 'application/pdf',
			url: null
		});
		const link: SnapshotEvidence = {
			kind: 'link',
			name: 'JDIH',
			sha256: null,
			size: null,
			mime: null,
			url: 'https://jdih.patikab.go.id'
		};
		const a = file('a.pdf', 'a');
		const b = file('b.pdf', 'a');
		const c = file('c.pdf', 'c');
		expect(
			frozenFiles([{ evidence: [link, a] }, { evidence: [] }, { evidence: [b, link, c] }])
		).toEqual([a, b, c]);
	});
});

describe('sanitiseFileName()', () => {
	it.each([
		['../../etc/passwd', 'passwd'],
		['..\\..\\windows\\win.ini', 'win.ini'],
		['Laporan Q1 2024.pdf', 'Laporan Q1 2024.pdf'],
		['  .hidden.pdf', 'hidden.pdf'],
		['...', 'file'],
		['', 'file'],
		[null, 'file'],
		['a\u0000b\u001f.pdf', 'ab.pdf'],
		['<script>.pdf', '_script_.pdf'],
		['ｆｕｌｌ.pdf', 'full.pdf'],
		['bukti; rm -rf *.pdf', 'bukti_ rm -rf _.pdf'],
		['Perbup  Nomor   5.docx', 'Perbup Nomor 5.docx'],
		['bukti.hta.', 'bukti.hta'],
		['bukti.pdf . .', 'bukti.pdf'],
		['bukti.pdf:evil.exe', 'bukti.pdf_evil.exe']
	])('sanitiseFileName(%j) is %j', (input, expected) => {
		expect(sanitiseFileName(input)).toBe(expected);
	});

	it('cuts a long name to 120 characters and keeps the extension', () => {
		const out = sanitiseFileName('a'.repeat(300) + '.pdf');
		expect(out).toBe('a'.repeat(116) + '.pdf');
	});
});

describe('isEvidenceUrl()', () => {
	it.each([
		['https://jdih.patikab.go.id/perbup-5.pdf', true],
		['http://example.org', true],
		['javascript:alert(1)', false],
		['ftp://x.org/a', false],
		['data:text/html,hi', false],
		['not a url', false],
		['https://' + 'a'.repeat(2000), false]
	])('isEvidenceUrl(%j) is %s', (input, expected) => {
		expect(isEvidenceUrl(input)).toBe(expected);
	});
});
