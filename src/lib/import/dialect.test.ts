import { describe, expect, it } from 'vitest';
import {
	columnLetter,
	detectDialect,
	detectLineEnding,
	localeOfDelimiter,
	splitHeader
} from './dialect';

describe('detectDialect()', () => {
	it('detectDialect() finds a comma and infers the English locale', () => {
		expect(detectDialect('region_code,indicator_code,year,value')).toEqual({
			delimiter: ',',
			locale: 'en'
		});
	});
	it('detectDialect() finds a semicolon and infers the Indonesian locale', () => {
		expect(detectDialect('kode_wilayah;tahun;nilai')).toEqual({ delimiter: ';', locale: 'id' });
	});
	it('detectDialect() finds a tab and leaves the locale unknown', () => {
		expect(detectDialect('a\tb')).toEqual({ delimiter: '\t', locale: null });
	});
	it('detectDialect() ignores delimiters inside quotes and a leading BOM', () => {
		expect(detectDialect('\uFEFF"a,b";c')).toEqual({ delimiter: ';', locale: 'id' });
	});
	it('detectDialect() refuses a header with no delimiter', () => {
		const r = detectDialect('region_code');
		expect('error' in r && r.error.reason).toBe('no-delimiter');
	});
	it('detectDialect() reports a blank header line', () => {
		const r = detectDialect('  ');
		expect('error' in r && r.error.reason).toBe('blank');
	});
	it('detectDialect() refuses two delimiters when no label check can settle it', () => {
		const r = detectDialect('a;b,c');
		expect('error' in r && r.error.reason).toBe('ambiguous');
	});
	it('detectDialect() picks the delimiter that splits the header into known labels', () => {
		const known = new Set(['note (a, b)', 'year']);
		expect(detectDialect('note (a, b);year', (l) => known.has(l))).toEqual({
			delimiter: ';',
			locale: 'id'
		});
	});
});

describe('small helpers', () => {
	it('splitHeader() splits at unquoted delimiters and trims labels', () => {
		expect(splitHeader(' a ;"b;c";', ';')).toEqual(['a', 'b;c', '']);
	});
	it('localeOfDelimiter() maps ; to id, , to en, tab to null', () => {
		expect([';', ',', '\t'].map((d) => localeOfDelimiter(d as ';'))).toEqual(['id', 'en', null]);
	});
	const endings: [string, string][] = [
		['a\r\nb', 'crlf'],
		['a\nb\r\n', 'lf'],
		['a\rb', 'cr'],
		['a', 'lf'],
		['', 'lf']
	];
	for (const [text, want] of endings)
		it(`detectLineEnding(${JSON.stringify(text)}) is ${want}`, () => {
			expect(detectLineEnding(text)).toBe(want);
		});
	const letters: [number, string][] = [
		[0, 'A'],
		[25, 'Z'],
		[26, 'AA'],
		[27, 'AB'],
		[701, 'ZZ'],
		[702, 'AAA']
	];
	for (const [i, want] of letters)
		it(`columnLetter(${i}) is ${want}`, () => {
			expect(columnLetter(i)).toBe(want);
		});
});
