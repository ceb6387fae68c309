import { describe, expect, it } from 'vitest';
import { formatNumber, parseNumber, type NumberError } from './number';
import type { Locale } from './types';

type Case = [text: string, locale: Locale | null, explicit: boolean, want: number | NumberError];

const cases: Case[] = [
	// plain integers read the same everywhere
	['0', 'id', false, 0],
	['-0', 'en', false, 0],
	['2023', null, false, 2023],
	['+7', 'en', false, 7],
	['007', 'id', false, 7],
	// Indonesian
	['12,5', 'id', false, 12.5],
	['-2,5', 'id', false, -2.5],
	['1.234.567', 'id', false, 1234567],
	['1.234.567,89', 'id', false, 1234567.89],
	['1.234,5', 'id', false, 1234.5],
	[',5', 'id', false, 0.5],
	['1,5E+05', 'id', false, 150000],
	['1.234', 'id', true, 1234],
	['1.234', 'id', false, 'ambiguous'],
	['12.5', 'id', false, 'wrong-locale'],
	['1,234,567', 'id', false, 'wrong-locale'],
	['1.23.4', 'id', false, 'not-a-number'],
	// English
	['12.5', 'en', false, 12.5],
	['1,234,567', 'en', false, 1234567],
	['1,234.5', 'en', false, 1234.5],
	['.5', 'en', false, 0.5],
	['1.5e-7', 'en', false, 1.5e-7],
	['1e+21', 'en', false, 1e21],
	['1,234', 'en', true, 1234],
	['1,234', 'en', false, 'ambiguous'],
	['1.234', 'en', false, 'ambiguous'],
	['1.234', 'en', true, 1.234],
	['1.2345', 'en', false, 1.2345],
	['0.123', 'en', false, 0.123],
	['123.456', 'en', false, 'ambiguous'],
	['1234.567', 'en', false, 1234.567],
	['12,5', 'en', false, 'wrong-locale'],
	['1,23', 'en', false, 'wrong-locale'],
	// no locale (tab file): one reading or agreeing readings only
	['12,5', null, false, 12.5],
	['12.5', null, false, 12.5],
	['1.234.567', null, false, 1234567],
	['1.234', null, false, 'ambiguous'],
	['1,234', null, false, 'ambiguous'],
	// never numbers
	['', 'en', false, 'empty'],
	['   ', 'id', false, 'empty'],
	['NaN', 'en', false, 'not-a-number'],
	['Infinity', 'en', false, 'not-a-number'],
	['-Infinity', null, false, 'not-a-number'],
	['5%', 'en', false, 'not-a-number'],
	['1 234', 'id', false, 'not-a-number'],
	['abc', 'id', false, 'not-a-number'],
	['0x10', 'en', false, 'not-a-number'],
	['1e999', 'en', false, 'not-finite'],
	['1e300', 'en', false, 'not-finite'],
	['9'.repeat(400), 'en', false, 'not-finite']
];

describe('parseNumber()', () => {
	for (const [text, locale, explicit, want] of cases) {
		const label = typeof want === 'number' ? String(want) : `{ error: '${want}' }`;
		it(`parseNumber(${JSON.stringify(text)}, ${locale}, explicit ${explicit}) returns ${label}`, () => {
			const got = parseNumber(text, locale, explicit);
			expect(got).toEqual(typeof want === 'number' ? want : { error: want });
			if (typeof got === 'number') expect(Object.is(got, -0)).toBe(false);
		});
	}

	it('parseNumber() trims surrounding whitespace', () => {
		expect(parseNumber('  12,5 ', 'id')).toBe(12.5);
	});
});

describe('formatNumber()', () => {
	const rows: [number, string][] = [
		[1.234, '1.2340'],
		[-123.456, '-123.4560'],
		[1234, '1234'],
		[0.123, '0.123'],
		[12.5, '12.5'],
		[1e21, '1e+21'],
		[-2.5, '-2.5']
	];
	for (const [n, text] of rows)
		it(`formatNumber(${n}) writes ${text}, which reads back in an inferred English file`, () => {
			expect(formatNumber(n)).toBe(text);
			expect(parseNumber(text, 'en', false)).toBe(n);
		});
});
