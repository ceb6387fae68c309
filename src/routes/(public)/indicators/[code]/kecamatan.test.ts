import { describe, expect, it } from 'vitest';
import { kecamatanMapView, mapYear, valueDomain, type KecamatanObservation } from './kecamatan';

describe('mapYear()', () => {
	it.each([
		[[2019, 2021, 2023], 2021, 2021],
		[[2019, 2022], 2021, 2019],
		[[2018, 2019, 2023], 2021, 2019],
		[[2023, 2024], 2021, 2023],
		[[], 2021, null]
	])('mapYear(%j, %i) is %j', (years, year, expected) => {
		expect(mapYear(years, year)).toBe(expected);
	});
});

describe('valueDomain()', () => {
	it.each([
		[[12.5, 80], 'percent', [0, 100]],
		[[], 'percent', [0, 100]],
		[[3, 47], 'count', [0, 50]],
		[[-2.4, 6.1], 'number', [-4, 8]],
		[[7], 'count', [0, 7]],
		[[-3], 'number', [-3, 0]],
		[[0, 0], 'count', [0, 1]],
		[[], 'count', [0, 1]],
		[[NaN], 'number', [0, 1]]
	])('valueDomain(%j, %s) is %j', (values, type, expected) => {
		expect(valueDomain(values, type)).toEqual(expected);
	});
});

const kec = [
	{ code: '33.18.10', name: 'Pati' },
	{ code: '33.18.08', name: 'Juwana' },
	{ code: '33.18.01', name: 'Sukolilo' }
];
const obs = (
	regionCode: string,
	year: number,
	value: number,
	illustrative = false,
	source = 'https://example.org/a'
): KecamatanObservation => ({ regionCode, year, value, illustrative, source });

describe('kecamatanMapView()', () => {
	it('kecamatanMapView() of no kecamatan values is null (the page writes a sentence instead)', () => {
		expect(kecamatanMapView([], kec, 2023, 'count')).toBeNull();
		// A value of the regency itself or of another region's kecamatan does not count.
		expect(
			kecamatanMapView([obs('33.18', 2023, 5), obs('33.19.01', 2023, 5)], kec, 2023, 'count')
		).toBeNull();
	});

	it('kecamatanMapView() shows the asked year, every kecamatan in code order, domain over all years', () => {
		const view = kecamatanMapView(
			[
				obs('33.18.08', 2023, 12, true, 'ilustrasi: test'),
				obs('33.18.10', 2023, 30),
				obs('33.18.10', 2022, 41),
				obs('33.18.01', 2022, 2)
			],
			kec,
			2023,
			'count'
		);
		expect(view).toEqual({
			year: 2023,
			otherYear: false,
			values: { '33.18.08': 12, '33.18.10': 30 },
			illustrative: { '33.18.08': true, '33.18.10': false },
			rows: [
				{ code: '33.18.01', name: 'Sukolilo', value: null, illustrative: false, source: null },
				{
					code: '33.18.08',
					name: 'Juwana',
					value: 12,
					illustrative: true,
					source: 'ilustrasi: test'
				},
				{
					code: '33.18.10',
					name: 'Pati',
					value: 30,
					illustrative: false,
					source: 'https://example.org/a'
				}
			],
			withValue: 2,
			total: 3,
			domain: [0, 50],
			sources: ['ilustrasi: test', 'https://example.org/a'],
			illustrativeCount: 1
		});
	});

	it('kecamatanMapView() falls back to the nearest earlier year and says so', () => {
		const view = kecamatanMapView([obs('33.18.01', 2020, 55.5)], kec, 2024, 'percent')!;
		expect(view.year).toBe(2020);
		expect(view.otherYear).toBe(true);
		expect(view.values).toEqual({ '33.18.01': 55.5 });
		expect(view.domain).toEqual([0, 100]);
	});
});
