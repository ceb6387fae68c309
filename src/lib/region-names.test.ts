import { describe, it, expect } from 'vitest';
import { regionName, regionNameEn, shortRegionName } from './region-names';

describe('regionNameEn()', () => {
	it.each([
		['Kabupaten Pati', 'Pati Regency'],
		['Kota Semarang', 'Semarang City'],
		['Kabupaten Semarang', 'Semarang Regency'],
		['Provinsi Jawa Tengah', 'Jawa Tengah Province'],
		['Kecamatan Sukolilo', 'Sukolilo Subdistrict'],
		['Kab. Lombok Utara', 'Lombok Utara Regency'],
		['KOTA TEGAL', 'TEGAL City'],
		['  Kota  Tegal ', 'Tegal City'],
		['Sukolilo', 'Sukolilo'],
		['Kotabaru', 'Kotabaru'],
		['Kabupaten', 'Kabupaten'],
		['', '']
	])('regionNameEn(%j) gives %j', (name, en) => {
		expect(regionNameEn(name)).toBe(en);
	});
});

describe('regionName()', () => {
	it.each([
		['Kabupaten Pati', 'id', 'Kabupaten Pati'],
		['Kota Semarang', 'id', 'Kota Semarang'],
		['Kabupaten Pati', 'en', 'Pati Regency'],
		['Kota Semarang', 'en', 'Semarang City']
	] as const)('regionName(%j, %j) gives %j', (name, lang, out) => {
		expect(regionName(name, lang)).toBe(out);
	});
});

describe('shortRegionName()', () => {
	it.each([
		['Kabupaten Pati', 'id', 'Pati'],
		['Kabupaten Pati', 'en', 'Pati'],
		['Kota Semarang', 'id', 'Kota Semarang'],
		['Kota Semarang', 'en', 'Semarang City'],
		['Provinsi Jawa Tengah', 'en', 'Jawa Tengah Province'],
		['Sukolilo', 'en', 'Sukolilo'],
		['Kabupaten', 'id', 'Kabupaten']
	] as const)('shortRegionName(%j, %j) gives %j', (name, lang, out) => {
		expect(shortRegionName(name, lang)).toBe(out);
	});

	it('shortRegionName() is Indonesian by default', () => {
		expect(shortRegionName('Kota Tegal')).toBe('Kota Tegal');
	});
});
