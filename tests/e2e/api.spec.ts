import { expect, test } from './fixtures';

test.describe('read API', () => {
	test('GET /api/v1/regions lists Pati, its peers and the province', async ({ request }) => {
		const res = await request.get('/api/v1/regions');
		expect(res.status()).toBe(200);
		const regions = await res.json();
		expect(regions).toContainEqual({
			code: '33.18',
			name: 'Kabupaten Pati',
			kind: 'kabupaten',
			parent_code: '33'
		});
		expect(regions.find((r: { code: string }) => r.code === '33')).toMatchObject({
			kind: 'provinsi',
			parent_code: null
		});
		const codes = regions.map((r: { code: string }) => r.code);
		for (const code of ['33.15', '33.16', '33.17', '33.19', '33.20']) expect(codes).toContain(code);
	});

	test('GET /api/v1/indicators?framework=gm100sc-2018 maps every indicator to a dimension', async ({
		request
	}) => {
		const res = await request.get('/api/v1/indicators?framework=gm100sc-2018');
		expect(res.status()).toBe(200);
		const list = await res.json();
		expect(list.length).toBeGreaterThanOrEqual(40);
		const hdi = list.find((i: { code: string }) => i.code === 'hdi_ipm');
		expect(Object.keys(hdi).sort()).toEqual(
			[
				'benchmark',
				'best',
				'break_years',
				'code',
				'decimals',
				'dimension_code',
				'element_code',
				'framework_code',
				'method',
				'name_en',
				'name_id',
				'opd',
				'polarity',
				'unit',
				'value_type',
				'weight',
				'worst',
				'year_from'
			].sort()
		);
		expect(hdi).toMatchObject({
			decimals: 2,
			break_years: [2024],
			year_from: null,
			benchmark: null
		});
		const dims = new Set(list.map((i: { dimension_code: string }) => i.dimension_code));
		expect([...dims].sort()).toEqual(
			['branding', 'economy', 'environment', 'governance', 'living', 'society'].sort()
		);
	});

	test('GET /api/v1/observations returns the real, sourced figures', async ({ request }) => {
		const hdi = await (
			await request.get('/api/v1/observations?region=33.18&indicator=hdi_ipm&year=2024')
		).json();
		expect(hdi).toEqual([
			{
				region_code: '33.18',
				indicator_code: 'hdi_ipm',
				year: 2024,
				value: 74.1,
				source:
					'https://patikab.bps.go.id/id/news/2025/01/06/979/pati-regency-s-hdi-is-getting-better--reaching-74-10.html',
				source_kind: 'bps',
				reference_period: '2024',
				note: expect.any(String),
				carried_forward: false,
				illustrative: false
			}
		]);
		const poverty = await (
			await request.get('/api/v1/observations?region=33.18&indicator=poverty_rate_march&year=2018')
		).json();
		expect(poverty).toHaveLength(1);
		expect(poverty[0]).toMatchObject({ value: 9.9, illustrative: false });
	});

	for (const [query, parameter] of [
		['year=20x4', 'year'],
		['year=1850', 'year'],
		['colour=red', 'colour'],
		['region=33.18&region=33.19', 'region'],
		['indicator=%3Cscript%3E', 'indicator']
	]) {
		test(`GET /api/v1/observations?${query} is a 400 naming "${parameter}"`, async ({
			request
		}) => {
			const res = await request.get(`/api/v1/observations?${query}`);
			expect(res.status()).toBe(400);
			const body = await res.json();
			expect(body.error.code).toBe('bad_parameter');
			expect(body.error.message).toContain(`"${parameter}"`);
		});
	}

	test('GET /api/v1/indicators?framework=unknown is a 404', async ({ request }) => {
		const res = await request.get('/api/v1/indicators?framework=unknown');
		expect(res.status()).toBe(404);
		expect((await res.json()).error.code).toBe('not_found');
	});

	test('GET /healthz reports the database', async ({ request }) => {
		const res = await request.get('/healthz');
		expect(res.status()).toBe(200);
		expect(await res.json()).toMatchObject({ status: 'ok', database: 'ok' });
	});
});
