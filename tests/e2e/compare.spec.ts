import { expect, test, type APIRequestContext, type Page } from './fixtures';
import { expectNoSeriousViolations } from './axe';
import { formatScore } from '../../src/lib/format';

const PEERS = ['33.15', '33.16', '33.17', '33.18', '33.19', '33.20'];

interface ApiScores {
	composite: { score: number | null; rank: number | null; rank_interval: [number, number] | null };
	dimensions: { code: string; score: number | null }[];
}

async function scores(
	request: APIRequestContext,
	region: string,
	year: number
): Promise<ApiScores> {
	const res = await request.get(`/api/v1/scores?region=${region}&year=${year}`);
	expect(res.status()).toBe(200);
	return res.json();
}

async function shortNames(request: APIRequestContext): Promise<Map<string, string>> {
	const regions: { code: string; name: string }[] = await (
		await request.get('/api/v1/regions')
	).json();
	return new Map(regions.map((r) => [r.code, r.name.replace(/^Kabupaten\s+/, '')]));
}

/** The "rank a–b of n" words a reader should see for the API's rank and interval. */
function rankWords(s: ApiScores, n: number, lang: 'id' | 'en'): string {
	const rank = s.composite.rank!;
	const [a, b] = s.composite.rank_interval ?? [rank, rank];
	const low = Math.min(rank, a, b);
	const high = Math.max(rank, a, b);
	const word = lang === 'id' ? 'peringkat' : 'rank';
	const of = lang === 'id' ? 'dari' : 'of';
	return low === high ? `${word} ${low} ${of} ${n}` : `${word} ${low}–${high} ${of} ${n}`;
}

async function noHorizontalScroll(page: Page) {
	await page.setViewportSize({ width: 360, height: 800 });
	await page.reload();
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width).toBeLessThanOrEqual(360);
}

for (const javaScriptEnabled of [false, true]) {
	test.describe(`compare page, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });

		test('/compare ranks every peer by the composite of /api/v1/scores, with rank intervals', async ({
			page,
			request
		}) => {
			await page.goto('/compare?region=33.18&year=2022');
			await expect(page.locator('html')).toHaveAttribute('lang', 'id');
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(
				'Kabupaten Pati dibandingkan wilayah tetangga, 2022'
			);
			// 1 composite + 6 dimension bar charts, the heatmap and the slope chart.
			await expect(page.locator('svg[role="img"]')).toHaveCount(9);

			const names = await shortNames(request);
			const all = await Promise.all(PEERS.map((r) => scores(request, r, 2022)));
			const ranked = all.filter((s) => s.composite.score !== null).length;
			// The demo leaves some regions without a composite in 2022 (a dimension lacks data):
			// they get no bar, and the chart says so in words, never a bar of 0.
			const unscored = all.filter((s) => s.composite.score === null).length;
			expect(unscored).toBeGreaterThan(0);
			await expect(
				page.locator('#composite-bars svg text').filter({ hasText: /^tidak ada data$/ })
			).toHaveCount(unscored);
			for (const [i, region] of PEERS.entries()) {
				const s = all[i];
				const bar = page.locator(`#composite-bars g.pt[aria-label^="${names.get(region)}"]`);
				if (s.composite.score === null) {
					await expect(bar).toHaveCount(0);
					continue;
				}
				await expect(bar).toHaveAttribute(
					'aria-label',
					new RegExp(`Skor ${formatScore(s.composite.score, 'id').replace('.', '\\.')},`)
				);
			}
			const pati = all[PEERS.indexOf('33.18')];
			await expect(page.getByTestId('rank-summary')).toContainText(
				`skor komposit ${formatScore(pati.composite.score, 'id')}`
			);
			await expect(page.getByTestId('rank-summary')).toContainText(rankWords(pati, ranked, 'id'));
			await expect(page.getByText('Selisih 2–3 peringkat biasanya bukan perbedaan')).toBeVisible();

			// The heatmap holds every region's dimension scores for the year.
			const heat = page.locator('#heatmap');
			for (const [i, region] of PEERS.entries()) {
				for (const d of all[i].dimensions) {
					if (d.score === null) continue;
					await expect(
						heat.locator(`g.pt[aria-label*="${names.get(region)}: ${formatScore(d.score, 'id')}"]`)
					).toHaveCount(1);
				}
			}
			// The slope chart runs from the base year 2018 to the chosen year.
			const p2018 = await scores(request, '33.18', 2018);
			const slope = page.locator('#slope');
			await expect(slope.locator('.chart-title')).toHaveText('Komposit: 2018 → 2022');
			await expect(slope.locator('svg[role="img"] desc')).toContainText(
				`Pati *: 2018 ${formatScore(p2018.composite.score, 'id')} → 2022 ${formatScore(pati.composite.score, 'id')}`
			);
			await expect(
				page.getByRole('note').filter({ hasText: 'Sebagian nilai bersifat ilustrasi' })
			).toBeVisible();
		});

		test('/compare pickers change the URL and the numbers', async ({ page, request }) => {
			await page.goto('/compare?region=33.18&year=2022');
			const top = page.locator('form').first();
			await top.getByLabel('Tahun').selectOption('2020');
			await top.getByRole('button', { name: 'Tampilkan' }).click();
			await expect(page).toHaveURL(/\/compare\?region=33\.18&year=2020$/);
			const s2020 = await scores(request, '33.18', 2020);
			await expect(page.getByTestId('rank-summary')).toContainText(
				`Kabupaten Pati pada 2020: skor komposit ${formatScore(s2020.composite.score, 'id')}`
			);

			await page.locator('form').first().getByLabel('Wilayah').selectOption('33.17');
			await page.locator('form').first().getByRole('button', { name: 'Tampilkan' }).click();
			await expect(page).toHaveURL(/region=33\.17&year=2020/);
			const rembang = await scores(request, '33.17', 2020);
			expect(rembang.composite.score).not.toBeNull();
			await expect(page.getByTestId('rank-summary')).toContainText(
				`Kabupaten Rembang pada 2020: skor komposit ${formatScore(rembang.composite.score, 'id')}`
			);

			const slope = page.locator('#slope form');
			await slope.getByLabel('Skor').selectOption('economy');
			await slope.getByLabel('Dari tahun').selectOption('2019');
			await slope.getByLabel('Sampai tahun').selectOption('2023');
			await slope.getByRole('button', { name: 'Tampilkan' }).click();
			await expect(page).toHaveURL(/region=33\.17&year=2020&dimension=economy&from=2019&to=2023$/);
			const [a, b] = await Promise.all([
				scores(request, '33.18', 2019),
				scores(request, '33.18', 2023)
			]);
			const econ = (s: ApiScores) => s.dimensions.find((d) => d.code === 'economy')!.score;
			await expect(page.locator('#slope svg[role="img"] desc')).toContainText(
				`Pati *: 2019 ${formatScore(econ(a), 'id')} → 2023 ${formatScore(econ(b), 'id')}`
			);
			await expect(page.locator('#slope .chart-title')).toHaveText(
				'Ekonomi Cerdas (Smart Economy): 2019 → 2023'
			);
		});

		test('/en/compare is in English with English numbers', async ({ page, request }) => {
			await page.goto('/en/compare?region=33.18&year=2022');
			await expect(page.locator('html')).toHaveAttribute('lang', 'en');
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(
				'Pati Regency compared with its peers, 2022'
			);
			const pati = await scores(request, '33.18', 2022);
			const ranked = (await Promise.all(PEERS.map((r) => scores(request, r, 2022)))).filter(
				(s) => s.composite.score !== null
			).length;
			await expect(page.getByTestId('rank-summary')).toContainText(
				`composite score ${formatScore(pati.composite.score, 'en')}`
			);
			await expect(page.getByTestId('rank-summary')).toContainText(rankWords(pati, ranked, 'en'));
			await expect(page.locator('form').first()).toHaveAttribute('action', '/en/compare');
		});

		test('/compare says when the region has no score that year and links the nearest one', async ({
			page
		}) => {
			await page.goto('/compare?region=33.20&year=2018');
			const note = page
				.getByRole('note')
				.filter({ hasText: 'tidak memiliki skor komposit untuk tahun 2018' });
			await expect(note).toBeVisible();
			await note.getByRole('link', { name: /2019/ }).click();
			await expect(page).toHaveURL(/region=33\.20&year=2019/);
			await expect(page.getByTestId('rank-summary')).toContainText('Kabupaten Jepara pada 2019');
		});
	});
}

test.describe('compare page errors and accessibility', () => {
	for (const query of [
		'region=99.99',
		'year=20x4',
		'year=1800',
		'dimension=nope',
		'from=abc',
		'to=3000'
	]) {
		test(`/compare?${query} is a localised 404`, async ({ page }) => {
			const res = await page.goto(`/compare?${query}`);
			expect(res?.status()).toBe(404);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Halaman tidak ditemukan');
			const en = await page.goto(`/en/compare?${query}`);
			expect(en?.status()).toBe(404);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
		});
	}

	for (const path of ['/compare', '/en/compare']) {
		test(`${path} has no serious or critical axe violation`, async ({ page }) => {
			await page.goto(`${path}?region=33.18&year=2022`);
			await expectNoSeriousViolations(page);
		});
	}

	test('/compare has no horizontal scroll at 360 px', async ({ page }) => {
		await page.goto('/compare?region=33.18&year=2022');
		await noHorizontalScroll(page);
	});
});
