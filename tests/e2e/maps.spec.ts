/**
 * Maps (issue 8): the Jawa Tengah choropleth on /compare, the kecamatan map of an indicator page
 * and the page of Kominfo's published 2022 evaluation results. The e2e database is seeded from
 * data/ only, which has no kecamatan values; the kecamatan test imports a few through the real
 * import CLI into this run's database and undoes the import afterwards.
 */
import { expect, test, type Page } from './fixtures';
import { expectNoSeriousViolations } from './axe';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { E2E_DATABASE } from './auth-fixtures';

/** The six Jawa Tengah regencies in Kominfo's 2022 letter (data/official/README.md). */
const JATENG_OFFICIAL = {
	'33.06': 'Kabupaten Purworejo',
	'33.12': 'Kabupaten Wonogiri',
	'33.13': 'Kabupaten Karanganyar',
	'33.19': 'Kabupaten Kudus',
	'33.22': 'Kabupaten Semarang',
	'33.23': 'Kabupaten Temanggung'
};
const SCORED = ['33.15', '33.16', '33.17', '33.18', '33.19', '33.20'];
const MAP_BUDGET = 150 * 1024;

async function noHorizontalScroll(page: Page) {
	await page.setViewportSize({ width: 360, height: 800 });
	await page.reload();
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

/** Bytes of the first region map's <svg> element as the server sent it. */
function svgBytes(html: string): number {
	const start = html.indexOf('<svg class="chart-main region-map');
	expect(start).toBeGreaterThan(-1);
	const end = html.indexOf('</svg>', start);
	return Buffer.byteLength(html.slice(start, end + '</svg>'.length), 'utf8');
}

test.describe('maps without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('/compare draws the 35 kabupaten/kota of Jawa Tengah, the six scored ones linked, Pati outlined', async ({
		page,
		request
	}) => {
		await page.goto('/compare?region=33.18&year=2022');
		const section = page.locator('section#map');
		await expect(section.getByRole('heading', { level: 2 })).toHaveText('Peta Jawa Tengah');
		const svg = section.locator('svg.region-map');
		await expect(svg).toHaveAttribute('role', 'group');
		const regions = svg.locator('.regions > .r');
		await expect(regions).toHaveCount(35);
		await expect(svg.locator('.regions > a.r')).toHaveCount(6);
		for (const code of SCORED) {
			const link = svg.locator(`.regions > a.r[href="/?region=${code}&year=2022"]`);
			await expect(link).toHaveCount(1);
		}
		const pati = svg.locator('a.r[aria-current="true"]');
		await expect(pati).toHaveAttribute(
			'aria-label',
			/^Kabupaten Pati: \d+,\d \(ilustratif\) \(dipilih\)$/
		);
		// The other 29 are not links and say they have no data.
		// One Tab stop per map (roving tabindex): the regions without data are reached by arrow keys.
		await expect(svg.locator('g.r[role="img"][aria-label$=": tidak ada data"]')).toHaveCount(29);
		await expect(section.locator('.map-attribution')).toHaveText(
			'Batas wilayah: BPS (2020) via OCHA HDX COD-AB, CC BY-IGO 3.0; disederhanakan.'
		);

		const html = await (await request.get('/compare?region=33.18&year=2022')).text();
		expect(svgBytes(html)).toBeLessThanOrEqual(MAP_BUDGET);
	});

	test('/compare map follows the chosen dimension, and the GET switch colours it by Kominfo’s newest results (2023)', async ({
		page
	}) => {
		await page.goto('/compare?region=33.18&year=2022&dimension=economy');
		const section = page.locator('section#map');
		await expect(section.locator('svg.region-map title')).toHaveText(
			/^Ekonomi Cerdas.* per kabupaten\/kota Jawa Tengah, 2022 \(0–100\)$/
		);
		await section.getByLabel('Hasil resmi evaluasi Kominfo 2023 (bukan skor Rapor Cerdas)').check();
		await section.getByRole('button', { name: 'Tampilkan peta' }).click();
		await expect(page).toHaveURL(/[?&]map=official/);
		await expect(page).toHaveURL(/[?&]dimension=economy/);
		const official = page.locator('section#map');
		await expect(official.locator('.notice')).toContainText(
			'Hasil resmi Kominfo, bukan skor Rapor Cerdas'
		);
		await expect(official.locator('.notice')).toContainText('B-1384/DJAI/AI.01.04/12/2023');
		// Both 2023 tables (REGULER and KPPN & IKN) together: 25 of the 35 kabupaten/kota.
		await expect(official).toContainText(
			'25 kabupaten/kota di Jawa Tengah termasuk wilayah yang dievaluasi tahun itu'
		);
		const svg = official.locator('svg.region-map');
		await expect(svg.locator('.regions > .r')).toHaveCount(35);
		await expect(svg.locator('[aria-label="Kabupaten Pati: 2,84 (dipilih)"]')).toHaveCount(1);
		await expect(svg.locator('[aria-label="Kabupaten Kudus: 3,31"]')).toHaveCount(1);
		await expect(svg.locator('[aria-label="Kabupaten Wonogiri: 3,52"]')).toHaveCount(1);
		await expect(svg.locator('[aria-label="Kabupaten Rembang: tidak ada data"]')).toHaveCount(1);
		await expect(svg.locator('.regions > .r:not([aria-label*="tidak ada data"])')).toHaveCount(25);
		// Kudus is one of the regions compared here, so it links to its scorecard; Wonogiri is not.
		await expect(svg.locator('a.r[aria-label="Kabupaten Kudus: 3,31"]')).toHaveCount(1);
		await expect(svg.locator('a.r[aria-label^="Kabupaten Wonogiri"]')).toHaveCount(0);
		await expect(official.locator('figure, .chart-frame').first()).toContainText(
			'Kominfo (Ditjen Aptika), surat B-1384/DJAI/AI.01.04/12/2023'
		);
		// The other pickers keep the choice.
		await expect(page.locator('input[type="hidden"][name="map"]').first()).toHaveValue('official');
	});

	test('/compare?map=unknown is a 404', async ({ request }) => {
		expect((await request.get('/compare?map=unknown')).status()).toBe(404);
	});

	test('an indicator without kecamatan values says so in a sentence and draws no map', async ({
		page
	}) => {
		await page.goto('/indicators/hdi_ipm?region=33.18&year=2022');
		const section = page.locator('section#kecamatan');
		await expect(section.getByTestId('no-kecamatan')).toHaveText(
			'Belum ada data tingkat kecamatan untuk indikator ini di Kabupaten Pati.'
		);
		await expect(section.locator('svg')).toHaveCount(0);
		await page.goto('/en/indicators/hdi_ipm?region=33.19&year=2022');
		await expect(page.locator('section#kecamatan').getByTestId('no-kecamatan')).toHaveText(
			'There is no district-level (kecamatan) data for this indicator in Kudus Regency yet.'
		);
	});

	test('/official lists the 38 regions with the six of Jawa Tengah marked, and names the letter', async ({
		page
	}) => {
		await page.goto('/official?table=2022-kppn-ikn');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Hasil resmi evaluasi smart city Kominfo 2022'
		);
		await expect(page.locator('.notice.official')).toContainText(
			'Hasil resmi Kominfo, bukan skor Rapor Cerdas'
		);
		await expect(page.locator('#source')).toContainText('B-1004/DJAI/AI.01.04/12/2022');
		await expect(page.locator('#source')).toContainText('Direktorat Jenderal Aplikasi Informatika');
		const rows = page.getByTestId('official-table').locator('tbody tr');
		await expect(rows).toHaveCount(38);
		await expect(rows.first().locator('th')).toHaveText('Kota Surabaya');
		await expect(rows.first().locator('td.final')).toHaveText('3,41');
		const jateng = page.getByTestId('official-table').locator('tbody tr.province');
		await expect(jateng).toHaveCount(6);
		for (const [code, name] of Object.entries(JATENG_OFFICIAL)) {
			await expect(page.locator(`tbody tr.province[data-code="${code}"] th`)).toContainText(name);
		}
		const kudus = page.locator('tbody tr[data-code="33.19"]');
		await expect(kudus.locator('td.final')).toHaveText('2,87');
		await expect(kudus.locator('td.recomputed')).toHaveText('2,867');
		await expect(page.getByTestId('reproduction')).toContainText(
			'±0,01 untuk 31 dari 38 wilayah, dan dalam ±0,013 untuk semuanya (selisih terbesar: Kabupaten Lombok Utara'
		);
		await expect(page.locator('#weights tbody tr')).toHaveCount(5);
		await expect(page.locator('#weights tfoot td')).toHaveText('100');
		// The ranked chart of the published index has every participant.
		await expect(page.locator('#final svg [aria-label^="◆ Kudus: "]')).toHaveCount(1);
	});

	for (const path of [
		'/compare?region=33.18&year=2022&map=official',
		'/official',
		'/official?table=2022-kppn-ikn'
	]) {
		test(`${path} has no horizontal scroll at 360 px`, async ({ page }) => {
			await page.goto(path);
			await noHorizontalScroll(page);
		});
	}
});

test.describe('kecamatan map with imported kecamatan values', () => {
	const INDICATOR = 'waste_banks_count';
	// Five of Pati's 21 kecamatan: a test fixture in this run's throw-away database, marked as
	// illustrative, never in data/.
	const VALUES: [string, number][] = [
		['33.18.01', 3],
		['33.18.08', 12],
		['33.18.10', 20],
		['33.18.16', 7],
		['33.18.21', 0]
	];
	let importId: number | null = null;
	let dir = '';

	const cli = (args: string[]) => {
		const run = spawnSync(
			process.execPath,
			['node_modules/tsx/dist/cli.mjs', 'scripts/import.ts', ...args, '--json', '--actor', 'e2e'],
			// The demo server's database: its illustrative rows need the demo mode (DEMO=1) to import.
			{ env: { ...process.env, DATABASE_URL: E2E_DATABASE, DEMO: '1' }, encoding: 'utf8' }
		);
		expect(run.status, `${args.join(' ')}: ${run.stderr}${run.stdout}`).toBe(0);
		return JSON.parse(run.stdout.trim().split('\n').at(-1)!);
	};

	test.beforeAll(() => {
		dir = mkdtempSync(path.join(tmpdir(), 'rapor-kec-'));
		const file = path.join(dir, 'kecamatan.csv');
		writeFileSync(
			file,
			'region_code,indicator_code,year,value,source,note,illustrative\n' +
				VALUES.map(
					([code, v]) =>
						`${code},${INDICATOR},2023,${v},ilustrasi: tests/e2e/maps.spec.ts,e2e fixture,1`
				).join('\n') +
				'\n'
		);
		importId = cli([file]).import_id;
		expect(importId).toEqual(expect.any(Number));
	});

	test.afterAll(() => {
		if (importId !== null) cli(['--undo', String(importId)]);
		if (dir) rmSync(dir, { recursive: true, force: true });
	});

	test.describe('without JavaScript', () => {
		test.use({ javaScriptEnabled: false });
		test('the indicator page draws the 21 kecamatan of Pati, five with values, the rest hatched', async ({
			page,
			request
		}) => {
			test.setTimeout(90_000);
			await page.goto(`/indicators/${INDICATOR}?region=33.18&year=2023`);
			const section = page.locator('section#kecamatan');
			await expect(section.getByTestId('no-kecamatan')).toHaveCount(0);
			const svg = section.locator('svg.region-map');
			await expect(svg).toHaveAttribute('role', 'group');
			await expect(svg.locator('.regions > .r')).toHaveCount(21);
			// "Name: value unit (ilustratif)", the unit as the page writes it.
			await expect(svg.locator('[aria-label="Juwana: 12 unit (ilustratif)"]')).toHaveCount(1);
			await expect(svg.locator('[aria-label="Trangkil: 0 unit (ilustratif)"]')).toHaveCount(1);
			await expect(svg.locator('.regions > .r[aria-label$=": tidak ada data"]')).toHaveCount(16);
			await expect(section).toContainText(
				'5 dari 21 kecamatan Kabupaten Pati punya nilai untuk 2023'
			);
			await expect(section.locator('.map-attribution')).toBeVisible();
			await expect(section.locator('ul.sources')).toContainText(
				'ilustrasi: tests/e2e/maps.spec.ts'
			);
			// The illustrative notice counts the kecamatan values too.
			await expect(page.locator('.notice').filter({ hasText: 'bukan data resmi' })).toBeVisible();

			// Another year without kecamatan values shows the nearest one and says so.
			await page.goto(`/indicators/${INDICATOR}?region=33.18&year=2024`);
			await expect(page.locator('section#kecamatan .notice')).toContainText(
				'Tidak ada nilai kecamatan untuk 2024; peta menampilkan tahun terdekat yang ada, 2023.'
			);

			const html = await (
				await request.get(`/indicators/${INDICATOR}?region=33.18&year=2023`)
			).text();
			expect(svgBytes(html)).toBeLessThanOrEqual(MAP_BUDGET);

			await page.goto(`/en/indicators/${INDICATOR}?region=33.18&year=2023`);
			await expect(page.locator('section#kecamatan svg.region-map .regions > .r')).toHaveCount(21);
			await noHorizontalScroll(page);
		});
	});

	// A context with JavaScript: axe runs as a script in the page.
	test.describe('with JavaScript', () => {
		test.use({ javaScriptEnabled: true });
		for (const prefix of ['', '/en']) {
			test(`axe finds no serious or critical violation on ${prefix}/indicators/${INDICATOR} with the kecamatan map`, async ({
				page
			}) => {
				await page.goto(`${prefix}/indicators/${INDICATOR}?region=33.18&year=2023`);
				await expect(page.locator('section#kecamatan svg.region-map')).toBeVisible();
				await expectNoSeriousViolations(page);
			});
		}
	});
});

test.describe('maps with JavaScript', () => {
	for (const prefix of ['', '/en']) {
		// /compare and /indicators/hdi_ipm with their maps, as they open, are audited in their own
		// specs (compare.spec.ts, indicator.spec.ts); these are the maps those do not open.
		for (const path of ['/compare?region=33.18&year=2022&map=official', '/official']) {
			test(`axe finds no serious or critical violation on ${prefix}${path}`, async ({ page }) => {
				await page.goto(prefix + path);
				await expectNoSeriousViolations(page);
			});
		}
	}

	test('a region of the /compare map is reached by keyboard and named "Kabupaten Pati: …"', async ({
		page
	}) => {
		await page.goto('/compare?region=33.18&year=2022');
		// Start just before the map (its form's button) and tab through the regions in code order.
		await page.getByRole('button', { name: 'Tampilkan peta' }).focus();
		let name = '';
		for (let i = 0; i < 60 && !name.startsWith('Kabupaten Pati:'); i++) {
			await page.keyboard.press('Tab');
			name = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
		}
		expect(name).toMatch(/^Kabupaten Pati: \d+,\d/);
		const focused = page.locator('section#map a.r:focus');
		await expect(focused).toHaveAttribute('href', '/?region=33.18&year=2022');
	});
});
