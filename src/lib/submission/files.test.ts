import { describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { isEvidenceUrl, safeCell, sanitiseFileName, sniffEvidence } from './files';

const bytes = (...xs: number[]) => new Uint8Array(xs);
const text = (s: string) => new TextEncoder().encode(s);
const ooxml = (part: string) =>
	zipSync({ '[Content_Types].xml': strToU8('<Types/>'), [part]: strToU8('<x/>') });

describe('sniffEvidence()', () => {
	it.each([
		['a PDF', text('%PDF-1.7\n...'), { ok: true, type: 'pdf', mime: 'application/pdf' }],
		[
			'a PNG',
			bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0),
			{ ok: true, type: 'png', mime: 'image/png' }
		],
		['a JPEG', bytes(0xff, 0xd8, 0xff, 0xe0, 0), { ok: true, type: 'jpeg', mime: 'image/jpeg' }],
		[
			'an OLE doc/xls',
			bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0),
			{ ok: true, type: 'ole', mime: 'application/x-ole-storage' }
		],
		[
			'a docx',
			ooxml('word/document.xml'),
			{
				ok: true,
				type: 'docx',
				mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
			}
		],
		[
			'an xlsx',
			ooxml('xl/workbook.xml'),
			{
				ok: true,
				type: 'xlsx',
				mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
			}
		],
		[
			'a pptx',
			ooxml('ppt/presentation.xml'),
			{
				ok: true,
				type: 'pptx',
				mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation'
			}
		],
		['an empty file', bytes(), { ok: false, reason: 'empty' }],
		[
			'a Windows executable (MZ)',
			bytes(0x4d, 0x5a, 0x90, 0, 3),
			{ ok: false, reason: 'executable' }
		],
		['an ELF binary', bytes(0x7f, 0x45, 0x4c, 0x46, 2), { ok: false, reason: 'executable' }],
		['a shell script', text('#!/bin/sh\nrm -rf /'), { ok: false, reason: 'executable' }],
		['a plain ZIP', zipSync({ 'a.txt': strToU8('hi') }), { ok: false, reason: 'not_office' }],
		[
			'a ZIP with content types but no Office part',
			zipSync({ '[Content_Types].xml': strToU8('<T/>') }),
			{ ok: false, reason: 'not_office' }
		],
		['a truncated ZIP', bytes(0x50, 0x4b, 0x03, 0x04, 0, 0), { ok: false, reason: 'not_office' }],
		['HTML', text('<html><script>alert(1)</script>'), { ok: false, reason: 'unknown' }],
		['"%PDF" without the dash', text('%PDF1'), { ok: false, reason: 'unknown' }]
	])('%s gives %o', (_, input, expected) => {
		expect(sniffEvidence(input)).toEqual(expected);
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
		['Perbup  Nomor   5.docx', 'Perbup Nomor 5.docx']
	])('sanitiseFileName(%j) is %j', (input, expected) => {
		expect(sanitiseFileName(input)).toBe(expected);
	});

	it('cuts a long name to 120 characters and keeps the extension', () => {
		const out = sanitiseFileName('a'.repeat(300) + '.pdf');
		expect(out).toBe('a'.repeat(116) + '.pdf');
	});
});

describe('safeCell() and isEvidenceUrl()', () => {
	it.each([
		['=1+1', "'=1+1"],
		['+62 812', "'+62 812"],
		['-5', "'-5"],
		['@SUM(A1)', "'@SUM(A1)"],
		['\tx', "'\tx"],
		['\rx', "'\rx"],
		['Perbup 5', 'Perbup 5'],
		['', ''],
		[3.5, 3.5],
		[null, null]
	])('safeCell(%j) is %j', (input, expected) => {
		expect(safeCell(input)).toBe(expected);
	});

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
