import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { formatScore } from '../../src/lib/format';

const REGION = '33.18';
const CODE = 'hdi_ipm';
/** The regions compared with Pati (kabupaten with data), in code order. */
const PEERS = ['33.15', '33.16', '33.17', '33.19', '33.20'];

async function indicatorScore(request: APIRequestContext, region: string, year: number) {
	const res = await request.get(`/api/v1/scores?region=${region}&year=${year}`);
	expect(res.ok()).toBe(true);
	const body = (await res.json()) as {
		dimensions: {
			elements: { indicators: { code: string; score: number | null; value: number | null }[] }[];
		}[];
	};
	return body.dimensions
		.flatMap((d) => d.elements.flatMap((e) => e.indicators))
		.find((i) => i.code === CODE)!;
}

/** The years the chart spans: every year from the first to the last value of the compared regions. */
async function firstValueYear(request: APIRequestContext) {
	const res = await request.get(`/api/v1/observations?indicator=${CODE}`);
	const rows = (await res.json()) as { region_code: string; year: number }[];
	return Math.min(
		...rows.filter((r) => [REGION, ...PEERS].includes(r.region_code)).map((r) => r.year)
	);
}

/** The CSV behind the chart's own "Data (CSV)" link (a data: URL). */
async function chartCsv(page: Page): Promise<string> {
	const href = await page.locator('.chart-downloads a[download]').getAttribute('href');
	expect(href).toMatch(/^data:text\/csv;charset=utf-8,/);
	return decodeURIComponent(href!.slice(href!.indexOf(',') + 1));
}

const seriesCount = (page: Page) => page.locator('svg.chart-main path.series');

async function noSeriousViolations(page: Page) {
	const result = await new AxeBuilder({ page }).analyze();
	const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
		[]
	);
}

for (const javaScriptEnabled of [false, true]) {
	test.describe(`indicator page, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });

		test('/indicators/hdi_ipm shows its chart, the score of /api/v1/scores and the trace', async ({
			page,
			request
		}) => {
			await page.goto(`/indicators/${CODE}?region=${REGION}&year=2022`);
			await expect(page.locator('html')).toHaveAttribute('lang', 'id');
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(
				'Indeks Pembangunan Manusia'
			);
			await expect(page.locator('svg[role="img"]')).toHaveCount(1);
			// Pati and its five peers by default.
			await expect(seriesCount(page)).toHaveCount(1 + PEERS.length);
			const api = await indicatorScore(request, REGION, 2022);
			await expect(page.locator('dd.score')).toHaveText(formatScore(api.score, 'id'));
			await expect(page.locator('.facts code')).toContainText('= ');
			await expect(page.getByText('makin tinggi makin baik').first()).toBeVisible();
		});

		test('the region and year form changes the URL and the score', async ({ page, request }) => {
			await page.goto(`/indicators/${CODE}?region=${REGION}&year=2022`);
			await page.getByLabel('Tahun', { exact: true }).selectOption('2020');
			await page.getByLabel('Wilayah', { exact: true }).selectOption('33.20');
			await page.getByRole('button', { name: 'Tampilkan' }).click();
			await expect(page).toHaveURL(new RegExp(`/indicators/${CODE}\\?region=33\\.20&year=2020$`));
			const api = await indicatorScore(request, '33.20', 2020);
			await expect(page.locator('dd.score')).toHaveText(formatScore(api.score, 'id'));
			await expect(page.getByRole('heading', { level: 2, name: 'Jejak skor 2020' })).toBeVisible();
		});

		test('the peers form changes the URL, the lines drawn and the CSV', async ({ page }) => {
			await page.goto(`/indicators/${CODE}?region=${REGION}&year=2022&peers=33.19`);
			await expect(seriesCount(page)).toHaveCount(2);
			const form = page.locator('form.peers');
			await form.getByLabel('Kabupaten Jepara').check();
			if (!javaScriptEnabled) await form.getByRole('button', { name: 'Perbarui grafik' }).click();
			await expect(page).toHaveURL(/peers=33\.19&peers=33\.20|peers=33\.20&peers=33\.19/);
			await expect(seriesCount(page)).toHaveCount(3);
			expect((await chartCsv(page)).split('\r\n')[0]).toContain('Kabupaten Jepara (indeks)');
		});
	});
}

test.describe('indicator peers and CSV', () => {
	test.use({ javaScriptEnabled: false });

	for (const [peers, lines] of [
		['', 1 + PEERS.length],
		['&peers=none', 1],
		['&peers=33.19,33.20', 3]
	] as const) {
		test(`?region=33.18${peers} draws ${lines} lines and data.csv equals the chart's CSV`, async ({
			page,
			request
		}) => {
			await page.goto(`/indicators/${CODE}?region=${REGION}&year=2022${peers}`);
			await expect(seriesCount(page)).toHaveCount(lines);
			const fromChart = await chartCsv(page);
			const csvLink = page.getByRole('link', { name: 'Unduh data grafik (CSV)' });
			const href = (await csvLink.getAttribute('href'))!;
			expect(href).toBe(`/indicators/${CODE}/data.csv?region=${REGION}${peers}`);
			const res = await request.get(href);
			expect(res.status()).toBe(200);
			expect(res.headers()['content-type']).toBe('text/csv; charset=utf-8');
			expect(res.headers()['content-disposition']).toMatch(/^attachment; filename=".+\.csv"$/);
			const body = await res.text();
			expect(body).toBe(fromChart);

			const rows = body.replace(/^\uFEFF/, '').split('\r\n');
			const header = rows[0].split(',');
			expect(header[0]).toBe('Tahun');
			expect(header[1]).toBe('Kabupaten Pati (indeks)');
			expect(header).toContain('Target (indeks)');
			// One value column (and one illustrative-flag column at most) per line drawn.
			const regionColumns = header.filter((h) => / \(indeks\)$/.test(h) && !h.startsWith('Target'));
			expect(regionColumns).toHaveLength(lines);
			// One row per year, from the first value of any compared region, as in the chart's table.
			const first = await firstValueYear(request);
			expect(rows[1].split(',')[0]).toBe(String(first));
			const tableRows = await page.locator('.chart-table tbody tr').count();
			expect(rows.length - 1).toBe(tableRows);
			const years = rows.slice(1).map((r) => Number(r.split(',')[0]));
			expect(years).toEqual(years.map((_, i) => first + i));
		});
	}

	test('the English data.csv has English headers', async ({ request }) => {
		const res = await request.get(`/en/indicators/${CODE}/data.csv?region=33.19&peers=none`);
		expect(res.status()).toBe(200);
		const header = (await res.text()).replace(/^\uFEFF/, '').split('\r\n')[0];
		expect(header).toBe('Year,Kabupaten Kudus (index),Kabupaten Kudus (illustrative)');
	});

	test('data.csv of an unknown indicator or peer is a 404', async ({ request }) => {
		expect((await request.get(`/indicators/nope/data.csv?region=${REGION}`)).status()).toBe(404);
		expect((await request.get(`/indicators/${CODE}/data.csv?peers=99.99`)).status()).toBe(404);
	});
});

test.describe('indicator page with JavaScript: chart checkboxes', () => {
	test('a peer unticked in the chart legend disappears from the drawing and the CSV', async ({
		page
	}) => {
		await page.goto(`/indicators/${CODE}?region=${REGION}&year=2022`);
		const legendBox = page.locator('.legend input[type="checkbox"]').first();
		await expect(legendBox).toBeChecked();
		await expect(seriesCount(page)).toHaveCount(1 + PEERS.length);
		await legendBox.uncheck();
		await expect(seriesCount(page)).toHaveCount(PEERS.length);
		expect((await chartCsv(page)).split('\r\n')[0]).not.toContain('Kabupaten Grobogan');
	});
});

test.describe('indicator page in English, errors, accessibility and layout', () => {
	test('/en/indicators/hdi_ipm is English with English number formats', async ({
		page,
		request
	}) => {
		await page.goto(`/en/indicators/${CODE}?region=${REGION}&year=2022`);
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Human Development Index');
		await expect(page.getByText('higher is better').first()).toBeVisible();
		const api = await indicatorScore(request, REGION, 2022);
		await expect(page.locator('dd.score')).toHaveText(formatScore(api.score, 'en'));
		await expect(page.getByRole('link', { name: 'Download the chart data (CSV)' })).toHaveAttribute(
			'href',
			`/en/indicators/${CODE}/data.csv?region=${REGION}`
		);
	});

	for (const [path, title] of [
		['/indicators/nope', 'Halaman tidak ditemukan'],
		['/indicators/hdi_ipm?year=19x9', 'Halaman tidak ditemukan'],
		['/indicators/hdi_ipm?peers=99.99', 'Halaman tidak ditemukan'],
		['/en/indicators/nope', 'Page not found'],
		['/en/indicators/hdi_ipm?year=3000', 'Page not found']
	]) {
		test(`${path} is a localised 404`, async ({ page }) => {
			const res = await page.goto(path);
			expect(res?.status()).toBe(404);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
		});
	}

	for (const prefix of ['', '/en']) {
		test(`axe finds no serious or critical violation on ${prefix}/indicators/hdi_ipm`, async ({
			page
		}) => {
			await page.goto(`${prefix}/indicators/${CODE}?region=${REGION}&year=2022`);
			await noSeriousViolations(page);
		});
	}

	test('/indicators/hdi_ipm has no horizontal scroll at 360 px', async ({ page }) => {
		await page.setViewportSize({ width: 360, height: 740 });
		await page.goto(`/indicators/${CODE}?region=${REGION}&year=2022`);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			360
		);
	});
});
