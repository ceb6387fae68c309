import { describe, it, expect } from 'vitest';
import {
	formatDate,
	formatDelta,
	formatNumber,
	formatPercent,
	formatScore,
	formatYear,
	MISSING,
	type FormatOptions,
	type Locale
} from './format';

describe('formatNumber()', () => {
	const rows: [number | null | undefined, Locale, FormatOptions | undefined, string][] = [
		[3.31, 'id', undefined, '3,31'],
		[3.31, 'en', undefined, '3.31'],
		[1379022, 'id', undefined, '1.379.022'],
		[1379022, 'en', undefined, '1,379,022'],
		[1234, 'id', undefined, '1.234'],
		[0, 'id', undefined, '0'],
		[2.5, 'id', { decimals: 2 }, '2,50'],
		[2.555, 'en', { decimals: 0 }, '3'],
		[1.23456, 'en', undefined, '1.23'],
		[-1234.5, 'id', { decimals: 1 }, '-1.234,5'],
		[-0.001, 'id', { decimals: 2 }, '0,00'],
		[12.5, 'id', { unit: '%' }, '12,5%'],
		[12.5, 'en', { unit: '%' }, '12.5%'],
		[71.2, 'id', { unit: 'tahun', decimals: 1 }, '71,2 tahun'],
		[71.2, 'en', { unit: 'years', decimals: 1 }, '71.2 years'],
		[1500000, 'id', { unit: 'Rp' }, 'Rp 1.500.000'],
		[null, 'id', undefined, MISSING],
		[undefined, 'en', undefined, MISSING],
		[NaN, 'id', { unit: '%' }, MISSING],
		[Infinity, 'en', undefined, MISSING]
	];
	it.each(rows)('formatNumber(%s, %s, %o) gives %s', (value, locale, opts, expected) => {
		expect(formatNumber(value, locale, opts)).toBe(expected);
	});

	it('formatNumber() prints missing values as an en dash, never as 0', () => {
		expect(MISSING).toBe('–');
	});
});

describe('formatScore()', () => {
	it.each([
		[45.25, 'id', undefined, '45,3'],
		[45.25, 'en', undefined, '45.3'],
		[100, 'id', undefined, '100,0'],
		[3.314, 'id', 2, '3,31'],
		[null, 'en', undefined, MISSING]
	] as [number | null, Locale, number | undefined, string][])(
		'formatScore(%s, %s, %s) gives %s',
		(value, locale, decimals, expected) => {
			expect(formatScore(value, locale, decimals)).toBe(expected);
		}
	);
});

describe('formatPercent()', () => {
	it.each([
		[0.452, 'id', 1, '45,2%'],
		[0.452, 'en', 1, '45.2%'],
		[0.452, 'id', undefined, '45%'],
		[1, 'en', undefined, '100%'],
		[0, 'id', undefined, '0%'],
		[NaN, 'id', undefined, MISSING],
		[null, 'en', undefined, MISSING]
	] as [number | null, Locale, number | undefined, string][])(
		'formatPercent(%s, %s, %s) gives %s',
		(share, locale, decimals, expected) => {
			expect(formatPercent(share, locale, decimals)).toBe(expected);
		}
	);
});

describe('formatDelta()', () => {
	it.each([
		[3.21, 'id', undefined, '+3,2'],
		[-3.21, 'en', undefined, '-3.2'],
		[0, 'id', undefined, '0,0'],
		[1.5, 'en', { decimals: 0, unit: '%' }, '+2%'],
		[null, 'id', undefined, MISSING]
	] as [number | null, Locale, FormatOptions | undefined, string][])(
		'formatDelta(%s, %s, %o) gives %s',
		(value, locale, opts, expected) => {
			expect(formatDelta(value, locale, opts)).toBe(expected);
		}
	);
});

describe('formatYear()', () => {
	it.each([
		[2024, '2024'],
		[2018.7, '2018'],
		[null, MISSING],
		[NaN, MISSING]
	] as [number | null, string][])('formatYear(%s) gives %s without grouping', (year, expected) => {
		expect(formatYear(year)).toBe(expected);
	});
});

describe('formatDate()', () => {
	it.each([
		['2024-12-16', 'id', '16 Desember 2024'],
		['2024-12-16', 'en', '16 December 2024'],
		['2023-01-01', 'id', '1 Januari 2023'],
		['16-12-2024', 'id', '–'],
		['', 'id', '–'],
		[null, 'en', '–']
	] as const)('formatDate(%j, %s) is %j', (iso, locale, expected) => {
		expect(formatDate(iso, locale)).toBe(expected);
	});
});
