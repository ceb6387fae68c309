import { expect, test, type APIRequestContext, type Page } from './fixtures';
import { expectNoSeriousViolations } from './axe';

interface ApiScores {
	year: number;
	composite: {
		score: number | null;
		rank: number | null;
		rank_interval: [number, number] | null;
		basis: { carried_forward: number };
	};
	dimensions: { code: string; name_id: string; score: number | null; weight: number }[];
}

const scores = async (request: APIRequestContext, region: string, year: number) =>
	(await (await request.get(`/api/v1/scores?region=${region}&year=${year}`)).json()) as ApiScores;

/** formatScore semantics: one decimal, comma in Indonesian, point in English. */
const fmt = (x: number, lang: 'id' | 'en') => {
	const s = (Math.round(x * 10) / 10).toFixed(1);
	return lang === 'id' ? s.replace('.', ',') : s;
};

async function compositeText(page: Page) {
	return (await page.getByTestId('composite-score').textContent())?.trim();
}

for (const js of [false, true]) {
	test.describe(`overview with JavaScript ${js ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled: js });

		test('/ shows the default region and latest scored year, matching the API', async ({
			page,
			request
		}) => {
			await page.goto('/');
			await expect(page.locator('html')).toHaveAttribute('lang', 'id');
			const h1 = await page.getByRole('heading', { level: 1 }).textContent();
			expect(h1).toContain('Kabupaten Pati');
			const year = Number(h1!.match(/(\d{4})$/)![1]);
			const api = await scores(request, '33.18', year);
			expect(await compositeText(page)).toBe(fmt(api.composite.score!, 'id'));
			// One radar and six sparklines, each an image with a name.
			await expect(page.locator('svg[role="img"]')).toHaveCount(7);
			await expect(page.locator('.cards > li')).toHaveCount(6);
			for (const d of api.dimensions) {
				await expect(
					page
						.locator('.cards > li')
						.filter({ has: page.locator(`a[href*="/dimensions/${d.code}"]`) })
				).toContainText(fmt(d.score!, 'id'));
			}
			const [low, high] = api.composite.rank_interval!;
			const rank =
				low === high
					? `Peringkat ${low} dari 6 wilayah`
					: `Peringkat ${low}–${high} dari 6 wilayah`;
			// A rank resting partly on carried values says so next to it.
			expect(api.composite.basis.carried_forward).toBeGreaterThan(0);
			await expect(page.getByTestId('composite-rank')).toHaveText(
				`${rank}\u00a0(memakai nilai tahun sebelumnya)`
			);
		});

		test('the picker switches year and region through the URL', async ({ page, request }) => {
			await page.goto('/');
			await page.getByLabel('Tahun', { exact: true }).selectOption('2018');
			await page.getByRole('button', { name: 'Tampilkan' }).click();
			await expect(page).toHaveURL(/[?&]year=2018/);
			const api2018 = await scores(request, '33.18', 2018);
			expect(await compositeText(page)).toBe(fmt(api2018.composite.score!, 'id'));

			await page.getByLabel('Wilayah', { exact: true }).selectOption('33.19');
			await page.getByRole('button', { name: 'Tampilkan' }).click();
			await expect(page).toHaveURL(/[?&]region=33\.19/);
			await expect(page.getByRole('heading', { level: 1 })).toContainText('Kudus');
			// Kudus lacks Smart Governance data in the demo's 2018: no index, and the page says why.
			const kudus = await scores(request, '33.19', 2018);
			const missing = kudus.dimensions.filter((d) => d.score === null);
			expect([kudus.composite.score, missing.map((d) => d.code)]).toEqual([null, ['governance']]);
			expect(await compositeText(page)).toBe('–');
			await expect(page.getByTestId('composite-missing')).toHaveText(
				'Indeks belum dapat dihitung untuk 2018: indeks hanya dihitung bila keenam dimensi punya skor. Datanya belum cukup: Tata Kelola Cerdas.'
			);
			await expect(page.getByTestId('composite-rank')).toHaveCount(0);
		});

		test('/en is English, with English number formats', async ({ page, request }) => {
			await page.goto('/en?year=2022');
			await expect(page.locator('html')).toHaveAttribute('lang', 'en');
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(
				'Smart-city report card for Pati Regency, 2022'
			);
			const api = await scores(request, '33.18', 2022);
			expect(await compositeText(page)).toBe(fmt(api.composite.score!, 'en'));
		});

		test('what-if weights recompute the composite and stay in the URL', async ({
			page,
			request
		}) => {
			await page.goto('/?year=2022');
			if (js) await page.locator('html[data-hydrated]').waitFor();
			const api = await scores(request, '33.18', 2022);
			const weights: Record<string, number> = { economy: 3, society: 0 };
			const expected =
				api.dimensions.reduce((a, d) => a + d.score! * d.weight * (weights[d.code] ?? 1), 0) /
				api.dimensions.reduce((a, d) => a + d.weight * (weights[d.code] ?? 1), 0);
			await page.locator('input[type="range"][name="w.economy"]').fill('3');
			await page.locator('input[type="range"][name="w.society"]').fill('0');
			if (!js) await page.getByRole('button', { name: 'Hitung ulang' }).click();
			await expect(page).toHaveURL(/w\.economy=3/);
			await expect(page).toHaveURL(/w\.society=0(&|$)/);
			await expect(page.getByTestId('composite-score')).toHaveText(fmt(expected, 'id'));
			await page.reload();
			await expect(page.getByTestId('composite-score')).toHaveText(fmt(expected, 'id'));
			await expect(page.locator('input[type="range"][name="w.economy"]')).toHaveValue('3');
		});
	});
}

test.describe('overview edge cases', () => {
	test('a year without data says so and offers the nearest year', async ({ page }) => {
		const res = await page.goto('/?year=2030');
		expect(res?.status()).toBe(200);
		await expect(page.getByRole('status').first()).toContainText(
			'Tahun 2030 belum memiliki skor komposit'
		);
		await page
			.getByRole('link', { name: /Lihat tahun terdekat yang memiliki skor: \d{4}/ })
			.click();
		await expect(page).toHaveURL(/year=20(2[0-9])/);
	});

	for (const [url, text] of [
		['/?region=99.99', 'Halaman tidak ditemukan'],
		['/?year=20x4', 'Halaman tidak ditemukan'],
		['/?w.nope=2', 'Halaman tidak ditemukan'],
		['/?w.economy=99', 'Halaman tidak ditemukan'],
		['/en?region=99.99', 'Page not found']
	]) {
		test(`${url} is a localised 404`, async ({ page }) => {
			const res = await page.goto(url);
			expect(res?.status()).toBe(404);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(text);
		});
	}

	for (const path of ['/', '/en', '/methodology', '/en/methodology']) {
		test(`${path} has no serious or critical accessibility violation`, async ({ page }) => {
			await page.goto(path);
			await expectNoSeriousViolations(page);
		});
	}

	test('/ fits a 360 px wide screen without horizontal scrolling', async ({ page }) => {
		await page.setViewportSize({ width: 360, height: 740 });
		await page.goto('/');
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			360
		);
	});
});

test.describe('the overview’s one script', () => {
	test('/ is not hydrated: its only script is the what-if one, and no page data is sent', async ({
		page
	}) => {
		const scripts: string[] = [];
		page.on('request', (r) => {
			if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
		});
		await page.goto('/?year=2022');
		await page.locator('html[data-hydrated]').waitFor();
		expect(scripts).toHaveLength(1);
		expect(scripts[0]).toMatch(/^\/_app\/immutable\/workers\/whatif-[\w-]+\.js$/);
		// No SvelteKit start-up script and no serialised load data: only the what-if JSON block.
		expect(await page.locator('script:not([src])').count()).toBe(1);
		await expect(page.locator('script#whatif-data')).toHaveAttribute('type', 'application/json');
	});

	test('a link to / from a hydrated page loads it from the server, never renders it in the browser', async ({
		page
	}) => {
		await page.goto('/compare?region=33.18&year=2022');
		await page.locator('html[data-hydrated]').waitFor();
		const documents: string[] = [];
		page.on('request', (r) => {
			if (r.resourceType() === 'document') documents.push(new URL(r.url()).pathname);
		});
		await page
			.getByRole('navigation', { name: 'Navigasi utama' })
			.getByRole('link', { name: 'Ringkasan' })
			.click();
		// /compare's heading names Pati too: wait for the address, which a full load changes only
		// once its document request is on its way.
		await expect(page).toHaveURL(/\/$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			/^Rapor kota cerdas Kabupaten Pati, \d{4}$/
		);
		expect(documents).toEqual(['/']);
		// The page as the server rendered it, with its one script running.
		await page.locator('html[data-hydrated]').waitFor();
		await page.locator('input[type="range"][name="w.economy"]').fill('3');
		await expect(page.getByText('Skor di halaman ini memakai bobot pilihan Anda')).toBeVisible();
	});

	test('sliders back at the page’s weights show the page’s own headline again; links and pickers carry the weights', async ({
		page
	}) => {
		await page.goto('/?year=2022');
		await page.locator('html[data-hydrated]').waitFor();
		const score = page.getByTestId('composite-score');
		const rank = page.getByTestId('composite-rank');
		const [score0, rank0] = [await score.textContent(), await rank.textContent()];
		const notice = page.getByText('Skor di halaman ini memakai bobot pilihan Anda');
		await expect(notice).toBeHidden();

		const economy = page.locator('input[type="range"][name="w.economy"]');
		await economy.fill('3');
		await expect(notice).toBeVisible();
		await expect(score).not.toHaveText(score0!);
		await expect(economy.locator('xpath=following-sibling::output')).toHaveText('3,0');
		// The links that keep the reader's view take the weight once the sliders rest.
		const compare = page.getByRole('link', { name: 'Bandingkan dengan wilayah tetangga' });
		await expect(compare).toHaveAttribute('href', /w\.economy=3/);
		await expect(page).toHaveURL(/w\.economy=3/);

		await economy.fill('1');
		await expect(score).toHaveText(score0!);
		await expect(rank).toHaveText(rank0!);
		await expect(notice).toBeHidden();
		await expect(compare).not.toHaveAttribute('href', /w\.economy/);
		await expect(page).not.toHaveURL(/w\.economy/);

		// The year picker submits the weights as the sliders hold them.
		await page.locator('input[type="range"][name="w.living"]').fill('2');
		await page.getByLabel('Tahun', { exact: true }).selectOption('2018');
		await page.getByRole('button', { name: 'Tampilkan' }).click();
		await expect(page).toHaveURL(/year=2018.*w\.living=2/);
		await expect(page.locator('input[type="range"][name="w.living"]')).toHaveValue('2');
	});
});
