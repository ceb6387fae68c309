import { describe, it, expect } from 'vitest';
import { buildMapModel, regionValue, tooltipCss, type MapModelInput } from './model';

describe('regionValue()', () => {
	const rec = { a: 1.5, b: null, c: NaN, d: Infinity, e: 0 };
	it.each([
		['a', 1.5],
		['b', null],
		['c', null],
		['d', null],
		['e', 0],
		['missing', null]
	])('regionValue(record, %j) is %s', (code, v) => {
		expect(regionValue(rec, code)).toBe(v);
		expect(regionValue(new Map(Object.entries(rec)), code)).toBe(v);
	});
});

describe('tooltipCss()', () => {
	it.each([
		[0, ''],
		[-1, ''],
		[1, '.m .r0:is(:hover,:focus)~.tips .t0{visibility:visible}'],
		[2, '.m .r0:is(:hover,:focus)~.tips .t0,.m .r1:is(:hover,:focus)~.tips .t1{visibility:visible}']
	])('tooltipCss("m", %s) is %j', (n, css) => {
		expect(tooltipCss('m', n)).toBe(css);
	});
});

describe('buildMapModel()', () => {
	const shapes = [
		{ code: '33.18', name: 'Kabupaten Pati', bpsCode: '3318', d: 'M0,0l10,0 0,10z', cx: 5, cy: 5 },
		{
			code: '33.19',
			name: 'Kabupaten Kudus',
			bpsCode: '3319',
			d: 'M10,0l10,0 0,10z',
			cx: 195,
			cy: 5
		},
		{
			code: '33.20',
			name: 'Kabupaten Jepara',
			bpsCode: '3320',
			d: 'M20,0l10,0 0,10z',
			cx: 100,
			cy: 90
		}
	];
	const base: MapModelInput = {
		shapes,
		width: 200,
		height: 100,
		values: { '33.18': 61.54, '33.19': 3.2 },
		illustrative: { '33.19': true, '33.20': true },
		selected: '33.18',
		domain: [0, 100],
		classes: 5,
		lang: 'id',
		hrefFor: (code) => (code === '33.19' ? null : `/wilayah/${code}`),
		text: { noData: 'tidak ada data', illustrative: 'ilustratif', selected: 'dipilih' }
	};

	it('buildMapModel() names, fills and links each region', () => {
		const m = buildMapModel({ ...base, decimals: 1 });
		expect(m.regions.map((r) => [r.label, r.fill, r.href, r.illustrative, r.selected])).toEqual([
			['Kabupaten Pati: 61,5 (dipilih)', '#fde725', '/wilayah/33.18', false, true],
			['Kabupaten Kudus: 3,2 (ilustratif)', '#440154', null, true, false],
			// No value: hatched, and "illustrative" does not apply to a missing value.
			['Kabupaten Jepara: tidak ada data', null, '/wilayah/33.20', false, false]
		]);
		expect(m.selected?.code).toBe('33.18');
		expect(m.withData.map((r) => r.code)).toEqual(['33.18', '33.19']);
		// Two values make two quantile classes, bounded by the values themselves.
		expect(m.classes.map((c) => c.label)).toEqual(['3,2–61,5', '61,5']);
		expect(m.narrow).toBe(false);
	});

	it('buildMapModel() says when regions in neighbouring classes differ by less than minClassWidth', () => {
		const m = buildMapModel({
			...base,
			values: { '33.18': 61.54, '33.19': 60.4, '33.20': 62 },
			decimals: 1,
			minClassWidth: 2
		});
		expect(m.classes.map((c) => c.label)).toEqual(['60,4–61,5', '61,5–62,0', '62,0']);
		expect(m.narrow).toBe(true);
		expect(buildMapModel({ ...base, decimals: 1, minClassWidth: 2 }).narrow).toBe(false);
	});

	it('buildMapModel() names regions in English on English pages, keeping kecamatan names', () => {
		const m = buildMapModel({
			...base,
			lang: 'en',
			shapes: [...shapes, { ...shapes[0], code: '33.18.01', name: 'Sukolilo' }]
		});
		expect(m.regions.map((r) => r.label)).toEqual([
			'Pati Regency: 61.54 (selected)'.replace('selected', 'dipilih'),
			'Kudus Regency: 3.2 (ilustratif)',
			'Jepara Regency: tidak ada data',
			'Sukolilo: tidak ada data'
		]);
		expect(m.regions[0].tipLines).toEqual(['Pati Regency', '61.54']);
	});

	it('buildMapModel() keeps each tooltip inside the map, flipping it below a region at the top', () => {
		const m = buildMapModel(base);
		expect(m.regions[0].tipLines).toEqual(['Kabupaten Pati', '61,54']);
		expect(m.regions[0].tip).toMatchObject({ x: 0, y: 13, width: 109, height: 38 });
		expect(m.regions[1].tip).toMatchObject({ x: 76, y: 13, width: 124, height: 38 });
		expect(m.regions[2].tip).toMatchObject({ x: 38, y: 44, width: 124, height: 38 });
	});

	it('buildMapModel() with no selection and a unit', () => {
		const m = buildMapModel({ ...base, selected: null, unit: '%', decimals: 0, lang: 'en' });
		expect(m.selected).toBeNull();
		expect(m.regions.map((r) => r.valueText)).toEqual(['62%', '3% (ilustratif)', 'tidak ada data']);
	});
});
