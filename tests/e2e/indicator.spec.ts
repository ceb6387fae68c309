import { expect, test, type APIRequestContext, type Page } from './fixtures';
import { expectNoSeriousViolations } from './axe';
import { holdScripts } from './hydration';
import { formatScore } from '../../src/lib/format';
import { csvCell } from '../../src/lib/csv/write';

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
	const href = await page.locator('.table-downloads a[download]').getAttribute('href');
	expect(href).toMatch(/^data:text\/csv;charset=utf-8,/);
	return decodeURIComponent(href!.slice(href!.indexOf(',') + 1));
}

/** The columns of the indicator page's data.csv (English names, as in the API). */
const CSV_COLUMNS = [
	'region_code',
	'region_name',
	'indicator_code',
	'year',
	'value',
	'unit',
	'source',
	'source_kind',
	'reference_period',
	'note',
	'carried_forward',
	'illustrative'
];

interface ApiObservation {
	region_code: string;
	year: number;
	value: number;
	source: string;
	source_kind: string;
	reference_period: string;
	note: string;
	illustrative: boolean;
}

async function observationsOf(request: APIRequestContext, regions: readonly string[]) {
	const res = await request.get(`/api/v1/observations?indicator=${CODE}`);
	expect(res.ok()).toBe(true);
	return ((await res.json()) as ApiObservation[]).filter((o) => regions.includes(o.region_code));
}

const NAMES: Record<string, string> = {
	'33.15': 'Kabupaten Grobogan',
	'33.16': 'Kabupaten Blora',
	'33.17': 'Kabupaten Rembang',
	'33.18': 'Kabupaten Pati',
	'33.19': 'Kabupaten Kudus',
	'33.20': 'Kabupaten Jepara'
};

/**
 * One data.csv line for an API observation: fields quoted as RFC 4180 asks, and also when they
 * hold either separator, so a spreadsheet that splits on the other one keeps them whole.
 */
function csvLine(o: ApiObservation, delimiter: string, number: (v: number) => string) {
	return [
		o.region_code,
		NAMES[o.region_code],
		CODE,
		String(o.year),
		number(o.value),
		'index',
		o.source,
		o.source_kind,
		o.reference_period,
		o.note,
		'false',
		String(o.illustrative)
	]
		.map(csvCell)
		.join(delimiter);
}

const seriesCount = (page: Page) => page.locator('svg.chart-main path.series');

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
			expect((await chartCsv(page)).split('\r\n')[0]).toContain(';Kabupaten Jepara;');
		});

		if (javaScriptEnabled)
			test('a peer ticked before the page hydrates stays ticked and is applied', async ({
				page
			}) => {
				const release = await holdScripts(page);
				await page.goto(`/indicators/${CODE}?region=${REGION}&year=2022&peers=33.19`, {
					waitUntil: 'commit'
				});
				const jepara = page.locator('form.peers').getByLabel('Kabupaten Jepara');
				await jepara.check();
				await expect(page.locator('html[data-hydrated]')).toHaveCount(0);
				await release();
				await expect(page).toHaveURL(/peers=33\.19&peers=33\.20|peers=33\.20&peers=33\.19/);
				await expect(jepara).toBeChecked();
				await expect(seriesCount(page)).toHaveCount(3);
			});
	});
}

test.describe('indicator peers and CSV', () => {
	test.use({ javaScriptEnabled: false });

	for (const [peers, shown] of [
		['', [REGION, ...PEERS]],
		['&peers=none', [REGION]],
		['&peers=33.19,33.20', [REGION, '33.19', '33.20']]
	] as const) {
		test(`?region=33.18${peers} draws ${shown.length} lines and data.csv lists their values with sources`, async ({
			page,
			request
		}) => {
			await page.goto(`/indicators/${CODE}?region=${REGION}&year=2022${peers}`);
			await expect(seriesCount(page)).toHaveCount(shown.length);
			// The chart's own CSV (";" on an Indonesian page): one value column per line drawn, each
			// with its precise value beside it, the unit in a column of its own, one row per year.
			const chart = (await chartCsv(page))
				.replace(/^\uFEFF/, '')
				.replace(/\r\n$/, '')
				.split('\r\n');
			const header = chart[0].split(';');
			expect(header.slice(0, 3)).toEqual(['Tahun', 'Kabupaten Pati', 'Kabupaten Pati (presisi)']);
			expect(header.filter((h) => /^(Kabupaten|Kota) [^()]+$/.test(h))).toHaveLength(shown.length);
			expect(header.slice(-2)).toEqual(['Satuan', 'Sumber']);
			const first = await firstValueYear(request);
			const years = chart.slice(1).map((r) => Number(r.split(';')[0]));
			expect(years).toEqual(years.map((_, i) => first + i));
			await expect(page.locator('.chart-table tbody tr')).toHaveCount(years.length);
			const csvLink = page.getByRole('link', { name: 'Unduh nilai beserta sumbernya (CSV)' });
			const href = (await csvLink.getAttribute('href'))!;
			expect(href).toBe(`/indicators/${CODE}/data.csv?region=${REGION}${peers}`);
			const res = await request.get(href);
			expect(res.status()).toBe(200);
			expect(res.headers()['content-type']).toBe('text/csv; charset=utf-8');
			expect(res.headers()['content-disposition']).toBe(
				`attachment; filename="${CODE}-${REGION}.csv"`
			);
			const rows = (await res.text())
				.replace(/^\uFEFF/, '')
				.trimEnd()
				.split('\r\n');
			// Indonesian files use ";" and a decimal comma, as a spreadsheet there expects.
			expect(rows[0]).toBe(CSV_COLUMNS.join(';'));
			// Exactly the API's values of the regions drawn, each with its source and flags.
			const api = await observationsOf(request, shown);
			expect(rows.slice(1).sort()).toEqual(
				api.map((o) => csvLine(o, ';', (v) => String(v).replace('.', ','))).sort()
			);
		});
	}

	test('the English data.csv uses "," and decimal points, with the same columns', async ({
		request
	}) => {
		const res = await request.get(`/en/indicators/${CODE}/data.csv?region=33.19&peers=none`);
		expect(res.status()).toBe(200);
		const rows = (await res.text())
			.replace(/^\uFEFF/, '')
			.trimEnd()
			.split('\r\n');
		expect(rows[0]).toBe(CSV_COLUMNS.join(','));
		const api = await observationsOf(request, ['33.19']);
		expect(api.length).toBeGreaterThan(0);
		expect(rows.slice(1).sort()).toEqual(api.map((o) => csvLine(o, ',', String)).sort());
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
		await expect(
			page.getByRole('link', { name: 'Download the values with their sources (CSV)' })
		).toHaveAttribute('href', `/en/indicators/${CODE}/data.csv?region=${REGION}`);
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
			await expectNoSeriousViolations(page);
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
