import { expect, test, type APIRequestContext, type Page } from './fixtures';
import { expectNoSeriousViolations } from './axe';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { formatScore } from '../../src/lib/format';

interface ApiIndicator {
	code: string;
	score: number | null;
}
interface ApiScores {
	dimensions: {
		code: string;
		score: number | null;
		elements: { code: string; score: number | null; indicators: ApiIndicator[] }[];
	}[];
}

const REGION = '33.18';

async function scores(request: APIRequestContext, region: string, year: number) {
	const res = await request.get(`/api/v1/scores?region=${region}&year=${year}`);
	expect(res.ok()).toBe(true);
	const body = (await res.json()) as ApiScores;
	return body.dimensions.find((d) => d.code === 'economy')!;
}

/** Indicators of the dimension that have at least one value for the region: one chart each. */
async function chartedIndicators(request: APIRequestContext, region: string, codes: string[]) {
	const res = await request.get(`/api/v1/observations?region=${region}`);
	const rows = (await res.json()) as { indicator_code: string }[];
	const withValues = new Set(rows.map((r) => r.indicator_code));
	return codes.filter((c) => withValues.has(c));
}

async function expectNumbers(
	page: Page,
	request: APIRequestContext,
	region: string,
	year: number,
	lang: 'id' | 'en'
) {
	const dim = await scores(request, region, year);
	await expect(page.locator('.summary .score')).toHaveText(formatScore(dim.score, lang));
	const ind = dim.elements[1].indicators.find((i) => i.score !== null)!;
	await expect(page.locator(`tr[data-indicator="${ind.code}"] .score-cell`)).toHaveText(
		formatScore(ind.score, lang)
	);
	return dim;
}

for (const javaScriptEnabled of [false, true]) {
	test.describe(`dimension page, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });

		test('/dimensions/economy shows the scores of /api/v1/scores and one chart per indicator with values', async ({
			page,
			request
		}) => {
			await page.goto(`/dimensions/economy?region=${REGION}&year=2022`);
			await expect(page.locator('html')).toHaveAttribute('lang', 'id');
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(
				'Ekonomi Cerdas (Smart Economy)'
			);
			const dim = await expectNumbers(page, request, REGION, 2022, 'id');
			const codes = dim.elements.flatMap((e) => e.indicators.map((i) => i.code));
			await expect(page.locator('tbody tr[data-indicator]')).toHaveCount(codes.length);
			const charted = await chartedIndicators(request, REGION, codes);
			expect(charted.length).toBeGreaterThan(10);
			await expect(page.locator('svg[role="img"]')).toHaveCount(charted.length);
			// Illustrative values are shown, so the notice and the badges are there.
			await expect(page.getByRole('note').filter({ hasText: 'ilustrasi' }).first()).toBeVisible();
			await expect(page.locator('.badge-illustrative').first()).toBeVisible();
			// Indicator links keep the region and year.
			await expect(page.locator('tr[data-indicator="hdi_ipm"] th a')).toHaveAttribute(
				'href',
				'/indicators/hdi_ipm?region=33.18&year=2022'
			);
			// The print footer carries the page address.
			await expect(page.locator('.print-footer')).toContainText(
				`Sumber: Rapor Cerdas, ${page.url()}`
			);
		});

		test('the region and year form changes the URL and the numbers', async ({ page, request }) => {
			await page.goto(`/dimensions/economy?region=${REGION}&year=2022`);
			await page.getByLabel('Tahun', { exact: true }).selectOption('2020');
			await page.getByLabel('Wilayah', { exact: true }).selectOption('33.19');
			await page.getByRole('button', { name: 'Tampilkan' }).click();
			await expect(page).toHaveURL(/\/dimensions\/economy\?region=33\.19&year=2020$/);
			await expectNumbers(page, request, '33.19', 2020, 'id');
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(
				'Ekonomi Cerdas (Smart Economy)'
			);
			await expect(page.locator('.sub')).toContainText('Kabupaten Kudus');
		});

		test('/en/dimensions/economy is English with English number formats', async ({
			page,
			request
		}) => {
			await page.goto(`/en/dimensions/economy?region=${REGION}&year=2022`);
			await expect(page.locator('html')).toHaveAttribute('lang', 'en');
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Smart Economy');
			await expect(page.getByRole('columnheader', { name: 'Year used' }).first()).toBeVisible();
			const dim = await expectNumbers(page, request, REGION, 2022, 'en');
			expect(formatScore(dim.score, 'en')).toMatch(/^\d+\.\d$/);
			await expect(page.locator('tr[data-indicator="hdi_ipm"] th a')).toHaveAttribute(
				'href',
				'/en/indicators/hdi_ipm?region=33.18&year=2022'
			);
		});
	});
}

test.describe('dimension page errors, accessibility and layout', () => {
	for (const [path, title] of [
		['/dimensions/nope', 'Halaman tidak ditemukan'],
		['/dimensions/economy.welfare', 'Halaman tidak ditemukan'],
		['/dimensions/economy?year=20x2', 'Halaman tidak ditemukan'],
		['/dimensions/economy?year=1800', 'Halaman tidak ditemukan'],
		['/dimensions/economy?region=99.99', 'Halaman tidak ditemukan'],
		['/en/dimensions/nope', 'Page not found'],
		['/en/dimensions/economy?year=abcd', 'Page not found']
	]) {
		test(`${path} is a localised 404`, async ({ page }) => {
			const res = await page.goto(path);
			expect(res?.status()).toBe(404);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
		});
	}

	test('a year without a score shows a notice linking the nearest scored year', async ({
		page
	}) => {
		const res = await page.goto(`/dimensions/economy?region=${REGION}&year=2030`);
		expect(res?.status()).toBe(200);
		const link = page.getByRole('link', { name: /tahun terdekat/ });
		await expect(link).toHaveAttribute('href', /year=20\d\d/);
	});

	for (const prefix of ['', '/en']) {
		test(`axe finds no serious or critical violation on ${prefix}/dimensions/economy`, async ({
			page
		}) => {
			await page.goto(`${prefix}/dimensions/economy?region=${REGION}&year=2022`);
			await expectNoSeriousViolations(page);
		});
	}

	test('/dimensions/economy has no horizontal scroll at 360 px', async ({ page }) => {
		await page.setViewportSize({ width: 360, height: 740 });
		await page.goto(`/dimensions/economy?region=${REGION}&year=2022`);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			360
		);
	});

	test('the indicator tables download as one CSV: each row with its year used and carried flag as the page shows', async ({
		page
	}) => {
		await page.goto(`/dimensions/economy?region=${REGION}&year=2024`);
		const shown = await page.locator('tr[data-indicator]').evaluateAll((rows) =>
			rows.map((r) => ({
				code: r.getAttribute('data-indicator')!,
				yearUsed: r.querySelectorAll('td')[1].textContent!.trim(),
				carried: /terbawa dari \d{4}/.test(r.querySelectorAll('td')[0].textContent!)
			}))
		);
		expect(shown.length).toBeGreaterThan(3);
		const group = page.locator('section[aria-labelledby="elements-h"] > .table-downloads');
		await expect(group).toHaveAttribute(
			'aria-label',
			'Unduh: Indikator Ekonomi Cerdas (Smart Economy), Kabupaten Pati 2024'
		);
		const href = (await group.locator('a[download]').getAttribute('href'))!;
		expect(await group.locator('a[download]').getAttribute('download')).toBe(
			'indikator-ekonomi-cerdas-smart-economy-kabupaten-pati-2024.csv'
		);
		const text = decodeURIComponent(href.slice(href.indexOf(',') + 1));
		const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
			header: true,
			delimiter: ';',
			skipEmptyLines: true
		});
		expect(parsed.errors).toEqual([]);
		const carriedColumn = 'Nilai (nilai tahun sebelumnya)';
		expect(
			parsed.data.map((r) => ({
				code: r['Kode indikator'],
				yearUsed: r['Tahun data'] || '–',
				carried: r[carriedColumn] === 'ya'
			}))
		).toEqual(shown);
		// The page says which values are carried; so does the file, or it has no such column at all.
		expect(parsed.meta.fields!.includes(carriedColumn)).toBe(shown.some((r) => r.carried));
	});

	test('the indicator tables download as an XLSX of the same rows', async ({ page }) => {
		await page.goto(`/dimensions/economy?region=${REGION}&year=2024`);
		const rows = await page.locator('tr[data-indicator]').count();
		const form = page.locator('section[aria-labelledby="elements-h"] > .table-downloads form');
		const payload = await form.locator('input[type="hidden"]').inputValue();
		const res = await page.request.post('/downloads/xlsx', {
			form: { table: payload },
			headers: { origin: new URL(page.url()).origin }
		});
		expect(res.status()).toBe(200);
		expect(res.headers()['content-disposition']).toBe(
			'attachment; filename="indikator-ekonomi-cerdas-smart-economy-kabupaten-pati-2024.xlsx"'
		);
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load((await res.body()) as unknown as ExcelJS.Buffer);
		const sheet = wb.worksheets[0];
		expect(sheet.rowCount).toBe(rows + 1);
		const headers = (sheet.getRow(1).values as unknown[]).slice(1);
		expect(headers.slice(0, 3)).toEqual(['Indikator', 'Kode indikator', 'Elemen']);
		expect(headers).toContain('Tahun data');
	});

	test('/dimensions/economy prints without the pickers and with the date and source footer', async ({
		page
	}) => {
		await page.goto(`/dimensions/economy?region=${REGION}&year=2022`);
		await page.emulateMedia({ media: 'print' });
		await expect(page.locator('form.picker')).toBeHidden();
		await expect(page.locator('.site-header')).toBeHidden();
		await expect(page.locator('.print-footer')).toBeVisible();
		await expect(page.locator('.print-footer')).toContainText(/Dicetak \d{1,2} \w+ 20\d\d/);
	});
});
