/**
 * The default instance (`npm start`, published figures only), checked as a reader would: every
 * value links its source, every score says what it rests on, nothing invented appears, and every
 * sentence a page says about its own data is true of that page.
 */
import { expect, test, type APIRequestContext } from '../fixtures';
import { expectNoSeriousViolations } from '../axe';
import { readFileSync } from 'node:fs';

/** Data rows of a bundled CSV (none of them spans lines). */
const csvRows = (path: string) => readFileSync(path, 'utf8').trimEnd().split(/\r?\n/).length - 1;

interface Basis {
	indicators: number;
	scored: number;
	carried_forward: number;
	illustrative: number;
	carried_share: number;
}
interface ApiScores {
	year: number;
	year_is_default: boolean;
	max_carried_share: number;
	composite: { score: number | null; rank: number | null; basis: Basis };
	dimensions: {
		code: string;
		name_id: string;
		score: number | null;
		reason: string | null;
		basis: Basis;
	}[];
}
interface Observation {
	region_code: string;
	indicator_code: string;
	year: number;
	source: string;
	source_kind: string;
	reference_period: string;
	carried_forward: boolean;
	illustrative: boolean;
}

const get = async <T>(request: APIRequestContext, url: string): Promise<T> => {
	const res = await request.get(url);
	expect(res.status(), url).toBe(200);
	return (await res.json()) as T;
};

test.describe('the data behind the default instance', () => {
	test('the API holds no illustrative observation or target, and every value has its provenance', async ({
		request
	}) => {
		const observations = await get<Observation[]>(request, '/api/v1/observations');
		expect(observations.length).toBeGreaterThan(2000);
		// One assertion over all rows (an expect per row is slow), naming every row that fails.
		const kinds = ['bps', 'salinan_bps', 'pemerintah', 'berita', 'lainnya'];
		const bad = observations.filter(
			(o) =>
				o.illustrative !== false ||
				o.carried_forward !== false ||
				!/^https?:\/\//.test(o.source) ||
				!kinds.includes(o.source_kind) ||
				o.reference_period === ''
		);
		expect(bad).toEqual([]);
		const group = ['33.18', '33.15', '33.16', '33.17', '33.19', '33.20'];
		expect(observations.filter((o) => group.includes(o.region_code)).length).toBeGreaterThanOrEqual(
			500
		);
		const pati = new Set(
			observations.filter((o) => o.region_code === '33.18').map((o) => o.indicator_code)
		);
		expect(pati.size).toBeGreaterThanOrEqual(30);
		const targets = await get<{ illustrative: boolean; document_ref: string }[]>(
			request,
			'/api/v1/targets'
		);
		expect(targets.filter((t) => t.illustrative !== false || t.document_ref === '')).toEqual([]);
		// Exactly what data/ bundles: every observation and target the seed read, nothing more.
		expect(observations.length).toBe(csvRows('data/observations.csv'));
		expect(targets.length).toBe(csvRows('data/targets.csv'));
	});

	test('/api/v1/scores without a year answers for the default year and says so', async ({
		request,
		page
	}) => {
		const scores = await get<ApiScores>(request, '/api/v1/scores?region=33.18');
		expect(scores.year_is_default).toBe(true);
		await page.goto('/');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			`Rapor kota cerdas Kabupaten Pati, ${scores.year}`
		);
		const asked = await get<ApiScores>(request, `/api/v1/scores?region=33.18&year=${scores.year}`);
		expect(asked.year_is_default).toBe(false);
		expect(asked.dimensions).toEqual(scores.dimensions);
	});

	test('no dimension score of any year rests on an illustrative value or more than half carried weight', async ({
		request
	}) => {
		// Collected, then asserted once: a scored dimension breaking a rule, or an unscored one
		// without the reason the page words ("Data belum cukup"), is named with its year.
		const bad: string[] = [];
		for (let year = 2018; year <= 2025; year++) {
			const s = await get<ApiScores>(request, `/api/v1/scores?region=33.18&year=${year}`);
			for (const d of s.dimensions) {
				const at = `${year} ${d.code}`;
				if (d.score === null) {
					if (!['insufficient_data', 'stale_data', 'not_applicable'].includes(d.reason ?? ''))
						bad.push(`${at}: unscored without a reason (${d.reason})`);
				} else if (d.basis.illustrative > 0 || d.basis.carried_share > s.max_carried_share) {
					bad.push(`${at}: scored on ${JSON.stringify(d.basis)}`);
				}
			}
			const whole = s.dimensions.every((d) => d.score !== null);
			if (
				(s.composite.score !== null) !== whole ||
				(s.composite.score === null && s.composite.rank !== null)
			)
				bad.push(`${year}: composite ${s.composite.score} rank ${s.composite.rank}`);
		}
		expect(bad).toEqual([]);
	});
});

for (const js of [false, true]) {
	test.describe(`the overview of the default instance, JavaScript ${js ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled: js });

		test('says what the index is, that it is not Kominfo’s, and shows Kominfo’s own result apart', async ({
			page
		}) => {
			await page.goto('/');
			await expect(page.getByTestId('demo-banner')).toHaveCount(0);
			await expect(page.locator('.intro')).toContainText('bukan nilai evaluasi Kominfo');
			const official = page.getByTestId('official-result');
			await expect(official).toContainText('Nilai final 2023, kelompok REGULER');
			await expect(official).toContainText('2,84 pada skala 0–4');
			await expect(
				official.getByRole('link', { name: /B-1384\/DJAI\/AI\.01\.04\/12\/2023/ })
			).toHaveAttribute('href', /^https:\/\//);
		});

		test('shows a score only where the API has one, and "Data belum cukup" with the missing indicators otherwise', async ({
			page,
			request
		}) => {
			await page.goto('/');
			const year = Number(
				(await page.getByRole('heading', { level: 1 }).textContent())!.match(/(\d{4})$/)![1]
			);
			const api = await get<ApiScores>(request, `/api/v1/scores?region=33.18&year=${year}`);
			for (const d of api.dimensions) {
				const card = page
					.locator('.cards > li')
					.filter({ has: page.locator(`a[href*="/dimensions/${d.code}"]`) });
				const basis = `Bertumpu pada ${d.basis.scored} dari ${d.basis.indicators} indikator`;
				await expect(card.getByTestId('basis')).toContainText(basis);
				if (d.score === null) {
					await expect(card.getByTestId('not-enough')).toContainText('Data belum cukup');
					// Each missing indicator links its row of the availability page, with its OPD.
					const links = card.getByTestId('not-enough').locator('li a');
					expect(await links.count()).toBeGreaterThan(0);
					for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href'))))
						expect(href).toMatch(/\/data\?region=33\.18#ind-[a-z0-9_]+$/);
				} else {
					await expect(card.getByTestId('not-enough')).toHaveCount(0);
				}
			}
			if (api.composite.score === null) {
				const missing = api.dimensions.filter((d) => d.score === null).map((d) => d.name_id);
				await expect(page.getByTestId('composite-missing')).toContainText(
					'indeks hanya dihitung bila keenam dimensi punya skor'
				);
				for (const name of missing)
					await expect(page.getByTestId('composite-missing')).toContainText(
						name.replace(/\s*\(.*\)$/, '')
					);
				await expect(page.getByTestId('composite-rank')).toHaveCount(0);
				// No what-if sliders for a composite that does not exist.
				await expect(page.locator('input[type="range"]')).toHaveCount(0);
			}
		});
	});
}

test.describe('pages of the default instance', () => {
	test('the year picker says which years have enough data', async ({ page, request }) => {
		await page.goto('/');
		const options = await page
			.getByLabel('Tahun', { exact: true })
			.locator('option')
			.allTextContents();
		expect(options.length).toBeGreaterThanOrEqual(8);
		for (const text of options) {
			const year = Number(text.slice(0, 4));
			const api = await get<ApiScores>(request, `/api/v1/scores?region=33.18&year=${year}`);
			const scored = api.dimensions.filter((d) => d.score !== null).length;
			expect(text).toBe(
				api.composite.score !== null
					? `${year} · skor lengkap`
					: scored > 0
						? `${year} · ${scored} dari 6 dimensi`
						: `${year} · data belum cukup`
			);
		}
	});

	test('every value on an indicator page links its source, with who published it', async ({
		page
	}) => {
		for (const code of [
			'hdi_ipm',
			'poverty_rate_march',
			'stunting_prevalence',
			'minimum_wage_umk'
		]) {
			await page.goto(`/indicators/${code}`);
			const rows = page
				.locator('section[aria-labelledby="values-h"] table')
				.first()
				.locator('tbody tr');
			const n = await rows.count();
			expect(n, code).toBeGreaterThan(0);
			for (let i = 0; i < n; i++) {
				const cell = rows.nth(i).locator('td.source');
				await expect(cell.getByRole('link', { name: 'sumber' })).toHaveAttribute(
					'href',
					/^https?:\/\//
				);
				await expect(cell.locator('.kind')).toHaveText(
					/^(BPS|salinan tabel BPS|pemerintah|berita|lainnya)$/
				);
			}
			await expect(page.locator('.badge-illustrative')).toHaveCount(0);
		}
	});

	test('the indicator page says where the basis changed, and shows sources that disagree', async ({
		page
	}) => {
		await page.goto('/indicators/life_expectancy_uhh');
		await expect(page.getByTestId('series-break')).toContainText('Sejak 2024');
		await page.goto('/indicators/open_unemployment_rate_aug?region=33.19');
		const conflicts = page.getByTestId('conflicts');
		await expect(conflicts).toContainText('Kabupaten Kudus');
		await expect(conflicts.locator('tbody tr')).toHaveCount(2);
		await expect(conflicts.locator('tbody tr').first()).toContainText('5,53');
		await expect(conflicts.locator('tbody tr').first()).toContainText('dipakai');
		await expect(conflicts.locator('tbody tr').nth(1)).toContainText('5,35');
		await expect(conflicts.locator('tbody tr').nth(1)).toContainText('tidak dipakai');
	});

	test('without a target from a planning document, a trend shows the direction only', async ({
		page
	}) => {
		await page.goto('/indicators/poverty_rate_march?year=2024');
		await expect(page.getByTestId('no-target-trend')).toBeVisible();
		await expect(page.locator('body')).not.toContainText('sesuai jalur');
	});

	test('the SPBE page shows the published index with its predikat by one rule, and its source', async ({
		page
	}) => {
		await page.goto('/spbe');
		const pati = page.getByTestId('spbe-published').locator('tr', { hasText: 'Kabupaten Pati' });
		await expect(pati).toContainText('2022');
		await expect(pati).toContainText('2,75');
		await expect(pati).toContainText('Baik');
		await expect(pati).toContainText('PermenPANRB 59/2020');
		await expect(pati.getByRole('link', { name: 'sumber' })).toHaveAttribute('href', /^https:\/\//);
		// 2018 was assessed under the earlier regulation.
		await expect(
			page.getByTestId('spbe-published').locator('tr', { hasText: 'Kabupaten Kudus' })
		).toContainText('PermenPANRB 5/2018');
	});

	test('the programme register starts empty: no programme without a source, and it says why', async ({
		page
	}) => {
		await page.goto('/programmes');
		await expect(page.getByTestId('demo-banner')).toHaveCount(0);
		await expect(page.getByTestId('none')).toContainText(
			'Data bawaan hanya memuat data yang bersumber'
		);
		await expect(page.locator('tbody[data-id]')).toHaveCount(0);
	});

	test('the official results open on the 2023 REGULER table with the default region in it', async ({
		page
	}) => {
		await page.goto('/official');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Hasil resmi evaluasi smart city Kominfo 2023'
		);
		await expect(page.locator('main')).toContainText('72 kabupaten/kota kelompok REGULER');
		await expect(page.getByTestId('official-table').locator('tr[data-code="33.18"]')).toContainText(
			'2,84'
		);
	});

	test('the map colours all 35 kabupaten/kota by a published indicator', async ({
		page,
		request
	}) => {
		const observations = await get<Observation[]>(request, '/api/v1/observations?year=2023');
		const regionsOf = (code: string) =>
			new Set(observations.filter((o) => o.indicator_code === code).map((o) => o.region_code));
		const complete = [...new Set(observations.map((o) => o.indicator_code))].filter(
			(c) => [...regionsOf(c)].filter((r) => /^33\.\d\d$/.test(r)).length === 35
		);
		expect(complete.length).toBeGreaterThanOrEqual(6);
		for (const code of complete.slice(0, 6)) {
			await page.goto(`/compare?year=2023&map=indicator&indicator=${code}`);
			await expect(page.locator('#map')).toContainText('35 wilayah punya nilai');
			// 35 regions drawn, none hatched "no data".
			await expect(page.locator('#map g.regions > .r')).toHaveCount(35);
			await expect(page.locator('#map g.regions [fill*="nodata"]')).toHaveCount(0);
		}
	});

	for (const path of [
		'/',
		'/spbe',
		'/indicators/hdi_ipm',
		'/compare',
		'/official',
		'/programmes'
	]) {
		test(`${path} has no serious or critical accessibility violation`, async ({ page }) => {
			await page.goto(path);
			await expectNoSeriousViolations(page);
		});
	}
});
