/**
 * The region's official history, as staff keep it and readers see it: the public page opens with
 * Pati's Kominfo results (2023 2,84, +0,17 on a 2022 of 2,67 derived from the printed improvement,
 * labelled so) and its peers'; a walidata records Pati's 2024 result by the form without
 * JavaScript (a final the weights do not reproduce is refused, naming the recomputed 2,93) and
 * Kudus's by CSV (a file with one bad row writes nothing); the page and the API then show both with
 * their change. The recorded rows are deleted at the end, so other specs see the bundled tables.
 */
import { expect, test, type Page } from './fixtures';
import { RESULT_COLUMNS, type ResultFields } from '../../src/lib/evaluation/result-input';
import { expectNoSeriousViolations } from './axe';
import { ACCOUNTS, apiSignIn, browserSignIn } from './auth-fixtures';
import { holdScripts } from './hydration';

test.describe.configure({ mode: 'serial' });

const DERIVED = 'dihitung dari Indeks Peningkatan yang dicetak, bukan nilai yang diterbitkan';
const LETTER_2024 = 'B-777/DJAI/AI.01.04/12/2024';

/** Kudus 2024 on the KPPN/IKN 2023 weights (10/20/20/20/20/10): Σ = 292 / 100 = 2.92. */
const KUDUS_2024: ResultFields = {
	year: '2024',
	region_code: '33.19',
	weight_set: 'kppn-ikn-2023',
	baseline: '3,5',
	output: '2,5',
	outcome: '3,2',
	impact: '2,9',
	quickwin: '3,1',
	kolaborasi: '2,3',
	final: '2,92',
	improvement: '-0,39',
	letter: LETTER_2024,
	letter_date: '2024-12-16',
	source_href: 'https://example.go.id/surat-2024.pdf',
	note: ''
};
/** Semicolons and decimal commas, as Excel in Indonesian saves a CSV. */
const csv = (...rows: ResultFields[]) =>
	[RESULT_COLUMNS.join(';'), ...rows.map((r) => RESULT_COLUMNS.map((c) => r[c] ?? '').join(';'))]
		.join('\r\n')
		.concat('\r\n');

const historyRow = (page: Page, region: string, year: number) =>
	page
		.getByTestId('official-history')
		.locator(`tbody[data-code="${region}"] tr[data-year="${year}"]`);

test('the public page opens with Pati’s history, the derived 2022 labelled, its peers after it, without JavaScript', async ({
	browser,
	baseURL
}) => {
	const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/official');
	const section = page.locator('section#history');
	await expect(section.getByRole('heading', { level: 2 })).toHaveText(
		'Riwayat hasil Kabupaten Pati'
	);
	await expect(section).toContainText('bukan Indeks Rapor Cerdas (0–100)');
	const groups = page.getByTestId('official-history').locator('tbody');
	// Pati first, then the peers that took part, in data/instance.json's order; Rembang has none.
	await expect(groups).toHaveCount(5);
	expect(await groups.evaluateAll((g) => g.map((x) => x.getAttribute('data-code')))).toEqual([
		'33.18',
		'33.15',
		'33.16',
		'33.19',
		'33.20'
	]);
	await expect(section).toContainText('Belum ada hasil resmi Kominfo untuk: Kabupaten Rembang.');

	const p2023 = historyRow(page, '33.18', 2023);
	await expect(p2023.locator('td.final')).toHaveText('2,84');
	await expect(p2023.locator('td.change')).toHaveText('+0,17');
	await expect(p2023).toContainText('REGULER (kohort 2017–2019)');
	await expect(p2023).toContainText('3,36');
	await expect(
		p2023.getByRole('link', { name: 'Surat B-1384/DJAI/AI.01.04/12/2023' })
	).toHaveAttribute('href', /Maisho20\/Smart-City-2/);
	const p2022 = historyRow(page, '33.18', 2022);
	await expect(p2022.locator('td.final')).toHaveText('2,67turunan');
	await expect(p2022.locator('td.change')).toHaveText('–');
	await expect(p2022.locator('td.source')).toContainText(DERIVED);
	await expect(p2022.locator('td.source')).toContainText(
		'Indeks Peningkatan 2023 (+0,17) pada surat B-1384'
	);
	await expect(page.getByTestId('derived-explain')).toContainText(
		'dihitung dari Indeks Peningkatan yang dicetak'
	);
	// Kudus: the 2022 letter printed its final, so nothing is derived and the change is the letter's +0,44.
	await expect(historyRow(page, '33.19', 2023).locator('td.change')).toHaveText('+0,44');
	await expect(historyRow(page, '33.19', 2022).locator('td.final')).toHaveText('2,87');
	await expect(historyRow(page, '33.16', 2023).locator('td.change')).toHaveText('-0,37');
	await context.close();
});

test('a walidata records Pati’s 2024 result by the form without JavaScript; a final the weights do not give is refused', async ({
	browser,
	baseURL
}) => {
	const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
	await apiSignIn(context.request, baseURL!, ACCOUNTS.official);
	const page = await context.newPage();
	await page.goto('/staff');
	await page
		.getByRole('navigation', { name: 'Navigasi staf' })
		.getByRole('link', { name: 'Hasil resmi Kominfo' })
		.click();
	await expect(page).toHaveURL(/\/staff\/official$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hasil resmi Kominfo');

	const form = page.locator('form.result-form');
	await form.getByLabel('Tahun evaluasi').fill('2024');
	await form.getByLabel('Wilayah').selectOption('33.18');
	await form.getByLabel('Set bobot (kelompok)').selectOption('kppn-ikn-2023');
	const scores = {
		Baseline: '3,5',
		Output: '2,5',
		Outcome: '3,2',
		'Impact (dampak)': '2,9',
		'Quick Win': '3,1',
		Kolaborasi: '2,4'
	};
	for (const [label, value] of Object.entries(scores))
		await form.getByLabel(label, { exact: true }).fill(value);
	await form.getByLabel('Nilai final').fill('3,10');
	await form.getByLabel('Nomor surat').fill(LETTER_2024);
	await form.getByLabel('Tanggal surat').fill('2024-12-16');
	await form.getByLabel('Tautan salinan surat').fill('https://example.go.id/surat-2024.pdf');
	await form.getByRole('button', { name: 'Simpan hasil' }).click();

	const problems = page.getByTestId('form-problems');
	await expect(problems).toContainText('Hasil belum disimpan');
	await expect(problems).toContainText(
		'Nilai final: nilai final 3,10 tidak cocok dengan 2,93, hasil hitung ulang skor dimensi dengan bobot kppn-ikn-2023 (10/20/20/20/20/10): selisih 0,17, batasnya ±0,015'
	);
	await expect(page.getByText('Belum ada hasil yang dicatat.')).toBeVisible();
	// What was typed is kept, so only the final needs changing.
	await expect(form.getByLabel('Baseline', { exact: true })).toHaveValue('3,5');

	await form.getByLabel('Nilai final').fill('2,93');
	await form.getByRole('button', { name: 'Simpan hasil' }).click();
	await expect(page.getByTestId('saved')).toContainText('Hasil Kabupaten Pati 2024 dicatat.');
	const row = page.getByTestId('recorded-results').locator('tbody tr');
	await expect(row).toHaveCount(1);
	await expect(row).toContainText('Kabupaten Pati');
	await expect(row).toContainText('2,93');
	await expect(row).toContainText(`${LETTER_2024}, 16 Desember 2024`);

	await page.goto('/official');
	const p2024 = historyRow(page, '33.18', 2024);
	await expect(p2024.locator('td.final')).toHaveText('2,93');
	await expect(p2024.locator('td.change')).toHaveText('+0,09');
	await expect(p2024).toContainText('Kohort KPPN/IKN 2023');
	await expect(
		p2024.getByRole('link', { name: `Surat ${LETTER_2024}, 16 Desember 2024` })
	).toHaveAttribute('href', 'https://example.go.id/surat-2024.pdf');
	await expect(historyRow(page, '33.18', 2023).locator('td.change')).toHaveText('+0,17');
	await context.close();
});

test('a CSV with one bad row writes nothing and names row and column; the corrected file imports Kudus 2024', async ({
	browser,
	baseURL
}) => {
	const context = await browserSignIn(browser, baseURL!, ACCOUNTS.official);
	const page = await context.newPage();
	await page.goto('/staff/official');
	await page.locator('html[data-hydrated]').waitFor();
	const template = await context.request.get('/staff/official/template.csv?lang=id');
	expect(await template.text()).toBe(`\uFEFF${RESULT_COLUMNS.join(';')}\r\n`);

	const upload = async (name: string, text: string) => {
		await page
			.getByLabel('Berkas CSV')
			.setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
		await page.getByRole('button', { name: 'Periksa dan impor' }).click();
	};
	const grobogan = { ...KUDUS_2024, region_code: '33.15', outcome: '4,5' };
	await upload('hasil-2024.csv', csv(KUDUS_2024, grobogan));
	await expect(page.getByTestId('import-problems')).toContainText(
		'1 masalah di berkas hasil-2024.csv. Tidak ada yang disimpan'
	);
	const problem = page.getByTestId('import-problem-table').locator('tbody tr');
	await expect(problem).toHaveCount(1);
	await expect(problem.locator('td')).toHaveText([
		'3',
		'outcome',
		'4,5',
		'Outcome: 4,5 di luar rentang 0 sampai 4 skala Kominfo. Periksa angkanya pada surat.'
	]);
	await expect(page.getByTestId('recorded-results').locator('tbody tr')).toHaveCount(1);

	await upload('hasil-2024.csv', csv(KUDUS_2024));
	await expect(page.getByTestId('saved')).toContainText('1 hasil diimpor.');
	await expect(page.getByTestId('recorded-results').locator('tbody tr')).toHaveCount(2);

	await page.goto('/official');
	const k2024 = historyRow(page, '33.19', 2024);
	await expect(k2024.locator('td.final')).toHaveText('2,92');
	await expect(k2024.locator('td.change')).toHaveText('-0,39');

	const api = await context.request.get('/api/v1/official/history?region=33.19');
	expect(api.status()).toBe(200);
	const body = await api.json();
	expect(
		body.entries.map((e: { year: number; final: number; change: number | null }) => [
			e.year,
			e.final,
			e.change
		])
	).toEqual([
		[2024, 2.92, -0.39],
		[2023, 3.31, 0.44],
		[2022, 2.87, null]
	]);
	await context.close();
});

test('the API gives Pati’s history with the 2024 result, the derived 2022 saying so, and 404 for an unknown region', async ({
	request
}) => {
	const res = await request.get('/api/v1/official/history?region=33.18');
	expect(res.status()).toBe(200);
	expect(res.headers()['cache-control']).toContain('max-age');
	expect(res.headers()['etag']).toBeTruthy();
	const body = await res.json();
	expect(body.region).toEqual({ code: '33.18', name: 'Kabupaten Pati' });
	expect(body.scale).toEqual({ min: 0, max: 4 });
	expect(
		body.entries.map((e: Record<string, unknown>) => [
			e.year,
			e.origin,
			e.final,
			e.change,
			e.change_from_year,
			e.letter
		])
	).toEqual([
		[2024, 'recorded', 2.93, 0.09, 2023, LETTER_2024],
		[2023, 'published', 2.84, 0.17, 2022, 'B-1384/DJAI/AI.01.04/12/2023'],
		[2022, 'derived', 2.67, null, null, 'B-1384/DJAI/AI.01.04/12/2023']
	]);
	expect(body.entries[2]).toMatchObject({
		derived: true,
		derived_note_id: DERIVED,
		derived_note_en:
			'computed from the printed Indeks Peningkatan (improvement index), not a published value',
		derived_from_year: 2023,
		cohort_id: null,
		scores: {
			baseline: null,
			output: null,
			outcome: null,
			impact: null,
			quickwin: null,
			kolaborasi: null
		}
	});
	expect(body.entries[0]).toMatchObject({
		derived: false,
		derived_note_id: null,
		letter_date: '2024-12-16'
	});

	const unknown = await request.get('/api/v1/official/history?region=99.99');
	expect(unknown.status()).toBe(404);
	expect(await unknown.json()).toEqual({
		error: { code: 'not_found', message: 'Unknown region "99.99". See /api/v1/regions.' }
	});
	const bad = await request.get('/api/v1/official/history?year=2024');
	expect(bad.status()).toBe(400);
});

test('the public page and the staff page pass the accessibility audit with the recorded results', async ({
	browser,
	baseURL
}) => {
	const context = await browserSignIn(browser, baseURL!, ACCOUNTS.official);
	const page = await context.newPage();
	for (const path of ['/official', '/en/official', '/staff/official']) {
		await page.goto(path);
		await expectNoSeriousViolations(page);
	}
	await page.goto('/en/official');
	await expect(page.locator('section#history h2')).toHaveText(
		'Results of Pati Regency over the years'
	);
	await expect(historyRow(page, '33.18', 2022).locator('td.source')).toContainText(
		'computed from the printed Indeks Peningkatan (improvement index), not a published value'
	);
	await expect(historyRow(page, '33.18', 2024).locator('td.final')).toHaveText('2.93');
	await context.close();
});

test('the walidata deletes both recorded results; the history is the bundled tables’ again', async ({
	browser,
	baseURL
}) => {
	const context = await browserSignIn(browser, baseURL!, ACCOUNTS.official);
	const page = await context.newPage();
	await page.goto('/staff/official');
	await page.locator('html[data-hydrated]').waitFor();
	for (const name of ['Hapus hasil Kabupaten Kudus 2024', 'Hapus hasil Kabupaten Pati 2024']) {
		await page.getByRole('button', { name }).click();
		await expect(page.getByTestId('saved')).toContainText('dihapus');
	}
	await expect(page.getByText('Belum ada hasil yang dicatat.')).toBeVisible();
	await page.goto('/official');
	await expect(historyRow(page, '33.18', 2024)).toHaveCount(0);
	await expect(historyRow(page, '33.18', 2023).locator('td.final')).toHaveText('2,84');
	await context.close();
});

test('text typed into the form before the page hydrates survives hydration, in inputs and the note', async ({
	browser,
	baseURL
}) => {
	const wali = await browserSignIn(browser, baseURL!, ACCOUNTS.official);
	const page = await wali.newPage();
	const release = await holdScripts(page);
	await page.goto('/staff/official', { waitUntil: 'commit' });
	const note = page.locator('textarea[name="note"]');
	const letter = page.locator('input[name="letter"]');
	await note.fill('diketik sebelum hidrasi');
	await letter.fill('B-1/DJAI/2099');
	await expect(page.locator('html[data-hydrated]')).toHaveCount(0);
	await release();
	await expect(note).toHaveValue('diketik sebelum hidrasi');
	await expect(letter).toHaveValue('B-1/DJAI/2099');
	await wali.close();
});
