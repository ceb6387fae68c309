import { expect, test, type APIRequestContext, type Page } from './fixtures';
import { expectNoSeriousViolations } from './axe';
import { formatNumber } from '../../src/lib/format';

type Status = 'real' | 'illustrative' | 'missing' | 'not_applicable';

/** Each matrix row: the indicator code (from its link) and the status of each year column. */
async function matrix(page: Page) {
	const years = (await page.locator('table.matrix thead th').allTextContents())
		.slice(1)
		.map(Number);
	const rows = await page.locator('table.matrix tbody tr:not(.group)').evaluateAll((trs) =>
		trs.map((tr) => ({
			href: tr.querySelector('th a')?.getAttribute('href') ?? '',
			statuses: [...tr.querySelectorAll('td')].map(
				(td) => [...td.classList].find((c) => c.startsWith('status-'))?.slice(7) ?? ''
			)
		}))
	);
	return { years, rows };
}

async function observed(request: APIRequestContext, region: string) {
	const list: { indicator_code: string; year: number; illustrative: boolean }[] = await (
		await request.get(`/api/v1/observations?region=${region}`)
	).json();
	return new Map(list.map((o) => [`${o.indicator_code}@${o.year}`, o.illustrative]));
}

/** The matrix agrees with the API: every cell's status is what the region's observations say. */
async function expectMatrixMatchesApi(page: Page, request: APIRequestContext, region: string) {
	const { years, rows } = await matrix(page);
	const values = await observed(request, region);
	const counts = { real: 0, illustrative: 0, missing: 0 };
	for (const row of rows) {
		const code = decodeURIComponent(
			row.href.replace(/^(\/en)?\/indicators\//, '').replace(/\?.*$/, '')
		);
		let applicable = false;
		row.statuses.forEach((s, j) => {
			// Years before an indicator existed come first and only first.
			if (s === 'not_applicable') {
				expect(applicable, `${code} ${years[j]}`).toBe(false);
				return;
			}
			applicable = true;
			const ill = values.get(`${code}@${years[j]}`);
			const want: Status = ill === undefined ? 'missing' : ill ? 'illustrative' : 'real';
			expect(s, `${code} ${years[j]}`).toBe(want);
			counts[want]++;
		});
	}
	return { rows: rows.length, counts };
}

for (const javaScriptEnabled of [false, true]) {
	test.describe(`data availability, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });

		test('/data shows each indicator-year as in /api/v1/observations, with totals and a chart', async ({
			page,
			request
		}) => {
			await page.goto('/data');
			await expect(page.locator('html')).toHaveAttribute('lang', 'id');
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(
				'Ketersediaan data: Kabupaten Pati'
			);
			await expect(page.locator('svg[role="img"]')).toHaveCount(1);
			const indicators: unknown[] = await (
				await request.get('/api/v1/indicators?framework=gm100sc-2018')
			).json();
			const { rows, counts } = await expectMatrixMatchesApi(page, request, '33.18');
			expect(rows).toBe(indicators.length);

			const totals = page.getByTestId('totals');
			await expect(totals).toContainText(`nyata (bersumber) ${formatNumber(counts.real, 'id')} (`);
			await expect(totals).toContainText(`ilustrasi ${formatNumber(counts.illustrative, 'id')} (`);
			await expect(totals).toContainText(`belum ada ${formatNumber(counts.missing, 'id')} (`);
			await expect(
				page.getByRole('note').filter({ hasText: 'Sebagian nilai bersifat ilustrasi' })
			).toContainText(`${counts.illustrative} nilai`);

			// Symbols are explained in words, and each indicator links to its page.
			await expect(page.locator('.status-legend').first()).toContainText('● nyata (bersumber)');
			await expect(page.locator('.status-legend').first()).toContainText('◐ ilustrasi');
			await expect(page.locator('.status-legend').first()).toContainText('○ belum ada');
			const hdi = page.getByRole('row', { name: /Indeks Pembangunan Manusia/ }).first();
			await expect(hdi.getByRole('link')).toHaveAttribute('href', '/indicators/hdi_ipm');
			await expect(page.getByTestId('peers').getByRole('row')).toHaveCount(7);
		});

		test('/data pickers change the URL, the framework and the region', async ({
			page,
			request
		}) => {
			await page.goto('/data');
			await page.getByLabel('Kerangka').selectOption('spbe-2020');
			await page.getByRole('button', { name: 'Tampilkan' }).click();
			await expect(page).toHaveURL(/\/data\?framework=spbe-2020&region=33\.18$/);
			const spbe: unknown[] = await (
				await request.get('/api/v1/indicators?framework=spbe-2020')
			).json();
			const result = await expectMatrixMatchesApi(page, request, '33.18');
			expect(result.rows).toBe(spbe.length);
			await expect(page.locator('table.matrix thead th').nth(1)).toHaveText('2020');

			await page.locator('select[name="region"]').selectOption('33.19');
			await page.getByRole('button', { name: 'Tampilkan' }).click();
			await expect(page).toHaveURL(/\/data\?framework=spbe-2020&region=33\.19$/);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(
				'Ketersediaan data: Kabupaten Kudus'
			);
			await expectMatrixMatchesApi(page, request, '33.19');
		});

		test('/en/data is in English', async ({ page, request }) => {
			await page.goto('/en/data');
			await expect(page.locator('html')).toHaveAttribute('lang', 'en');
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(
				'Data availability: Pati Regency'
			);
			const { counts } = await expectMatrixMatchesApi(page, request, '33.18');
			await expect(page.getByTestId('totals')).toContainText(
				`illustrative ${formatNumber(counts.illustrative, 'en')} (`
			);
			await expect(
				page
					.getByRole('row', { name: /Human Development Index/ })
					.first()
					.getByRole('link')
			).toHaveAttribute('href', '/en/indicators/hdi_ipm');
		});
	});
}

test.describe('data availability errors and accessibility', () => {
	for (const query of ['framework=nope', 'region=99.99', 'region=33']) {
		test(`/data?${query} is a localised 404`, async ({ page }) => {
			const res = await page.goto(`/data?${query}`);
			expect(res?.status()).toBe(404);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Halaman tidak ditemukan');
			const en = await page.goto(`/en/data?${query}`);
			expect(en?.status()).toBe(404);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
		});
	}

	for (const path of ['/data', '/en/data', '/data?framework=spbe-2020']) {
		test(`${path} has no serious or critical axe violation`, async ({ page }) => {
			await page.goto(path);
			await expectNoSeriousViolations(page);
		});
	}

	test('/data has no horizontal scroll at 360 px', async ({ page }) => {
		await page.setViewportSize({ width: 360, height: 800 });
		await page.goto('/data');
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			360
		);
	});
});
