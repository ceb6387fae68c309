import { expect, test, type APIRequestContext } from './fixtures';
import { expectNoSeriousViolations } from './axe';
import { formatDelta, formatScore } from '../../src/lib/format';

const YEARS = [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];

interface ApiScores {
	composite: { score: number | null };
	dimensions: { code: string; name_id: string; score: number | null }[];
}

async function series(request: APIRequestContext, region: string): Promise<ApiScores[]> {
	return Promise.all(
		YEARS.map(async (y) => {
			const res = await request.get(`/api/v1/scores?region=${region}&year=${y}`);
			expect(res.status()).toBe(200);
			return res.json();
		})
	);
}

/** Base year (or first scored) → latest scored, as the page should summarise it. */
function progressOf(all: ApiScores[]) {
	const scored = all
		.map((s, i) => ({ year: YEARS[i], score: s.composite.score }))
		.filter((d): d is { year: number; score: number } => d.score !== null);
	const from = scored.find((d) => d.year >= 2018)!;
	const to = scored.at(-1)!;
	return { from, to, delta: to.score - from.score };
}

for (const javaScriptEnabled of [false, true]) {
	test.describe(`years view, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });

		test('/years shows every year of /api/v1/scores with links to the overview and the progress', async ({
			page,
			request
		}) => {
			await page.goto('/years?region=33.18');
			await expect(page.locator('html')).toHaveAttribute('lang', 'id');
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(
				'Kemajuan Kabupaten Pati dari tahun ke tahun'
			);
			await expect(page.locator('svg[role="img"]')).toHaveCount(1);
			const all = await series(request, '33.18');
			const table = page.locator('table').filter({ hasText: 'dengan tautan ke ringkasan' });
			const compositeRow = table.getByRole('row', { name: /^Komposit/ });
			for (const [i, year] of YEARS.entries()) {
				const text = formatScore(all[i].composite.score, 'id');
				const link = compositeRow.getByRole('link', {
					name: `Komposit ${year}: ${text}, buka ringkasan`
				});
				await expect(link).toHaveAttribute('href', `/?region=33.18&year=${year}`);
				// The heatmap cell says the same number, or in words that there is none.
				const said = all[i].composite.score === null ? 'tidak ada data' : text;
				await expect(
					page.locator(`svg g.pt[aria-label^="Komposit, ${year}: ${said}"]`)
				).toHaveCount(1);
			}
			const economy = all[4].dimensions.find((d) => d.code === 'economy')!;
			await expect(
				table.getByRole('link', {
					name: `${economy.name_id} 2022: ${formatScore(economy.score, 'id')}, buka ringkasan`
				})
			).toHaveCount(1);

			const p = progressOf(all);
			await expect(page.getByTestId('progress')).toHaveText(
				`Skor komposit Kabupaten Pati: ${formatScore(p.from.score, 'id')} pada ${p.from.year}, ${formatScore(p.to.score, 'id')} pada ${p.to.year} (${formatDelta(p.delta, 'id')} poin).`
			);
			await expect(
				page.getByRole('note').filter({ hasText: 'Sebagian nilai bersifat ilustrasi' })
			).toBeVisible();
		});

		test('/years region picker changes the URL and the numbers; a cell opens that year', async ({
			page,
			request
		}) => {
			await page.goto('/years?region=33.18');
			await page.getByLabel('Wilayah').selectOption('33.16');
			await page.getByRole('button', { name: 'Tampilkan' }).click();
			await expect(page).toHaveURL(/\/years\?region=33\.16$/);
			const p = progressOf(await series(request, '33.16'));
			await expect(page.getByTestId('progress')).toContainText(
				`Skor komposit Kabupaten Blora: ${formatScore(p.from.score, 'id')} pada ${p.from.year}`
			);
			await page.getByRole('link', { name: /^Komposit 2020: .*, buka ringkasan$/ }).click();
			await expect(page).toHaveURL(/\/\?region=33\.16&year=2020$/);
		});

		test('/en/years is in English with English numbers and links', async ({ page, request }) => {
			await page.goto('/en/years?region=33.18');
			await expect(page.locator('html')).toHaveAttribute('lang', 'en');
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(
				'Progress of Pati Regency year by year'
			);
			const p = progressOf(await series(request, '33.18'));
			await expect(page.getByTestId('progress')).toHaveText(
				`Composite score of Pati Regency: ${formatScore(p.from.score, 'en')} in ${p.from.year}, ${formatScore(p.to.score, 'en')} in ${p.to.year} (${formatDelta(p.delta, 'en')} points).`
			);
			await expect(
				page.getByRole('link', { name: /^Composite 2018: .*, open the overview$/ })
			).toHaveAttribute('href', '/en/?region=33.18&year=2018');
		});
	});
}

test.describe('years view errors and accessibility', () => {
	for (const query of ['region=99.99', 'region=33', 'year=abc']) {
		test(`/years?${query} is a localised 404`, async ({ page }) => {
			const res = await page.goto(`/years?${query}`);
			expect(res?.status()).toBe(404);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Halaman tidak ditemukan');
			const en = await page.goto(`/en/years?${query}`);
			expect(en?.status()).toBe(404);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
		});
	}

	for (const path of ['/years', '/en/years']) {
		test(`${path} has no serious or critical axe violation`, async ({ page }) => {
			await page.goto(path);
			await expectNoSeriousViolations(page);
		});
	}

	test('/years has no horizontal scroll at 360 px', async ({ page }) => {
		await page.setViewportSize({ width: 360, height: 800 });
		await page.goto('/years');
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			360
		);
	});
});
