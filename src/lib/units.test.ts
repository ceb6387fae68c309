import { describe, expect, it } from 'vitest';
import { unitLabel } from './units';

describe('unitLabel()', () => {
	it.each([
		['years', 'id', 'tahun'],
		['years', 'en', 'years'],
		['per 100,000 population', 'id', 'per 100.000 penduduk'],
		['IDR/month', 'id', 'rupiah/bulan'],
		['%', 'id', '%'],
		['km', 'id', 'km'],
		['', 'en', '']
	] as const)('unitLabel(%j, %s) is %j', (unit, locale, expected) => {
		expect(unitLabel(unit, locale)).toBe(expected);
	});
});
