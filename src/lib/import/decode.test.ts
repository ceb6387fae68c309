import { describe, expect, it } from 'vitest';
import { ByteDecoder, decodeBytes, sniff, utf8SequenceLength } from './decode';

const bytes = (...b: number[]) => new Uint8Array(b);
const utf8 = (s: string) => new TextEncoder().encode(s);

function decodeInChunks(b: Uint8Array, size: number) {
	const d = new ByteDecoder();
	let text = '';
	for (let i = 0; i < b.length; i += size) text += d.push(b.subarray(i, i + size));
	text += d.end();
	return d.problem ? { problem: d.problem.reason } : { text, encoding: d.encoding };
}

describe('sniff()', () => {
	const rows: [string, Uint8Array, string | null][] = [
		['xlsx/zip', bytes(0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0), 'zip'],
		['empty zip', bytes(0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0), 'zip'],
		['old xls', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), 'xls'],
		['pdf', utf8('%PDF-1.7\n'), 'pdf'],
		['gzip', bytes(0x1f, 0x8b, 8, 0, 0, 0, 0, 0), 'gzip'],
		['utf-16le', bytes(0xff, 0xfe, 0x61, 0), 'utf-16'],
		['utf-16be', bytes(0xfe, 0xff, 0, 0x61), 'utf-16'],
		['csv text', utf8('a,b\n1,2\n'), null],
		['PK as text', utf8('PKU,b\n'), null]
	];
	for (const [name, head, reason] of rows)
		it(`sniff() on ${name} gives ${reason}`, () => {
			expect(sniff(head)?.reason ?? null).toBe(reason);
		});
});

describe('utf8SequenceLength()', () => {
	const rows: [string, Uint8Array, number][] = [
		['é', utf8('é'), 2],
		['en dash', utf8('–'), 3],
		['emoji', utf8('😀'), 4],
		['BOM', bytes(0xef, 0xbb, 0xbf), 3],
		['lone 1252 en dash', bytes(0x96), 0],
		['1252 é then ASCII', bytes(0xe9, 0x41), 0],
		['overlong C0', bytes(0xc0, 0x80), 0],
		['surrogate ED A0', bytes(0xed, 0xa0, 0x80), 0],
		['beyond U+10FFFF', bytes(0xf4, 0x90, 0x80, 0x80), 0],
		['truncated', bytes(0xe2, 0x80), -1]
	];
	for (const [name, b, want] of rows)
		it(`utf8SequenceLength() of ${name} is ${want}`, () => {
			expect(utf8SequenceLength(b, 0)).toBe(want);
		});
});

describe('ByteDecoder', () => {
	it('decodes Windows-1252 bytes to the right characters (en dash, é, €, ’)', () => {
		expect(decodeBytes(bytes(0x41, 0x96, 0xe9, 0x80, 0x92))).toEqual({
			text: 'A–é€’',
			encoding: 'windows-1252'
		});
	});
	it('keeps a UTF-8 BOM in the text for the validator to see', () => {
		expect(decodeBytes(bytes(0xef, 0xbb, 0xbf, 0x61))).toEqual({
			text: '\uFEFFa',
			encoding: 'utf-8'
		});
	});
	it('calls pure ASCII UTF-8', () => {
		expect(decodeBytes(utf8('a,b\n'))).toEqual({ text: 'a,b\n', encoding: 'utf-8' });
	});
	it('refuses a UTF-8 file with a later invalid byte as mixed', () => {
		const b = new Uint8Array([...utf8('aé,b\n'), 0xe9, 0x0a]);
		expect(decodeInChunks(b, 1000)).toEqual({ problem: 'mixed' });
	});
	it('refuses undefined Windows-1252 bytes', () => {
		expect(decodeInChunks(bytes(0x61, 0x96, 0x81, 0x62, 0x63, 0x64, 0x65, 0x66), 100)).toEqual({
			problem: 'undefined-1252'
		});
	});
	it('refuses NUL bytes and control characters as binary', () => {
		expect(decodeInChunks(utf8('a,b\n1,\u0000\n'), 100)).toEqual({ problem: 'binary' });
		expect(decodeInChunks(utf8('a,b\n1,\u0007x\n'), 100)).toEqual({ problem: 'binary' });
	});
	it('refuses a U+FFFD already in the file', () => {
		expect(decodeInChunks(utf8('a,b\n1,\uFFFD\n'), 100)).toEqual({
			problem: 'replacement-character'
		});
	});
	it('accepts tab, CR and LF as text', () => {
		expect(decodeInChunks(utf8('a\tb\r\n1\t2\r'), 100)).toEqual({
			text: 'a\tb\r\n1\t2\r',
			encoding: 'utf-8'
		});
	});
	it('gives the same text for every chunk size, a UTF-8 sequence split across chunks included', () => {
		const b = utf8('kode;nama\n33.18;Kabupaten Pati – é 😀\n');
		const whole = decodeInChunks(b, b.length);
		for (const size of [1, 2, 3, 5, 7]) expect(decodeInChunks(b, size)).toEqual(whole);
		expect(whole).toEqual({ text: 'kode;nama\n33.18;Kabupaten Pati – é 😀\n', encoding: 'utf-8' });
	});
	it('gives the same Windows-1252 text for every chunk size', () => {
		const b = bytes(...utf8('kode;nama\n33.18;Pati '), 0x96, 0x20, 0xe9, 0x0a);
		for (const size of [1, 2, 3, 100])
			expect(decodeInChunks(b, size)).toEqual({
				text: 'kode;nama\n33.18;Pati – é\n',
				encoding: 'windows-1252'
			});
	});
	it('treats a truncated UTF-8 sequence at the very end as Windows-1252 when it is the first non-ASCII byte', () => {
		expect(decodeInChunks(bytes(0x61, 0x2c, 0x62, 0xc3), 2)).toEqual({
			text: 'a,bÃ',
			encoding: 'windows-1252'
		});
	});
	it('sniffs magic numbers even when they arrive one byte at a time', () => {
		expect(decodeInChunks(bytes(0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6), 1)).toEqual({
			problem: 'zip'
		});
	});
	it('reads a file shorter than the sniffing window', () => {
		expect(decodeInChunks(utf8('a,b'), 1)).toEqual({ text: 'a,b', encoding: 'utf-8' });
	});
});
