import { describe, expect, it } from 'vitest';
import { localName, localRegions } from './names';

describe('localName()', () => {
	const economy = { nameId: 'Ekonomi Cerdas', nameEn: 'Smart Economy' };
	it.each([
		['id', 'Ekonomi Cerdas'],
		['en', 'Smart Economy']
	] as const)('localName(economy, %s) is %s', (locale, name) => {
		expect(localName(economy, locale)).toBe(name);
	});
});

describe('localRegions()', () => {
	const regions = [
		{ code: '33.18', name: 'Kabupaten Pati', short: 'Pati' },
		{ code: '33.74', name: 'Kota Semarang', short: 'Semarang' }
	];
	it('writes the names the English way on /en and keeps every other field', () => {
		expect(localRegions(regions, 'en')).toEqual([
			{ code: '33.18', name: 'Pati Regency', short: 'Pati' },
			{ code: '33.74', name: 'Semarang City', short: 'Semarang' }
		]);
	});
	it('keeps the stored names on Indonesian pages and never changes its input', () => {
		expect(localRegions(regions, 'id')).toEqual(regions);
		expect(localRegions(regions, 'en')[0]).not.toBe(regions[0]);
		expect(regions[0].name).toBe('Kabupaten Pati');
	});
});
