/**
 * The Bappeda planner (perencana) and the targets they set: every OPD's indicators, with their
 * planning documents; a mistyped or implausible target is refused or asks for a confirmation
 * first; and nothing beyond targets (no values, no undo, no submissions).
 */
import { expect, test } from './fixtures';
import { ACCOUNTS, browserSignIn, formHeaders } from './auth-fixtures';

// environmental_quality_index: DLH's, unit "index (0-100)", higher is better (data/indicators.csv).
const IKLH = '/staff/targets?indicator=environmental_quality_index';

test('a planner sets a DLH target; a mistyped one is refused, a step back asks first', async ({
	browser,
	baseURL
}) => {
	const context = await browserSignIn(browser, baseURL!, ACCOUNTS.planner);
	const page = await context.newPage();
	await page.goto('/staff');
	const nav = page.getByRole('navigation', { name: 'Navigasi staf' });
	await expect(nav.getByRole('link', { name: 'Target' })).toBeVisible();
	await expect(nav.getByRole('link', { name: 'Pengajuan penilaian' })).toHaveCount(0);
	// The off-track list links each indicator, of any OPD, to its target form.
	const offTrack = page.getByRole('region', { name: /Tren menurun atau stagnan/ });
	const forest = offTrack.getByRole('link', { name: /^atur target: Tutupan hutan/ });
	await forest.click();
	await expect(page).toHaveURL(/\/staff\/targets\?indicator=forest_cover_share$/);

	await page.goto(IKLH);
	await page.locator('html[data-hydrated]').waitFor();
	await expect(page.getByRole('heading', { level: 2 })).toContainText('Indeks Kualitas Lingkungan');
	await expect(page.getByRole('heading', { level: 2 })).toContainText('indeks (0–100)');
	const form = page.locator('form.edit');
	const fill = async (year: string, value: string) => {
		await form.getByLabel('Tahun').fill(year);
		await form.getByLabel(/Nilai target/).fill(value);
		await form.getByLabel(/Halaman atau tabel/).fill('Tabel 4.2, hlm. 112');
		await form.getByLabel(/Dokumen sumber/).fill('Perda Kabupaten Pati 2/2021 tentang RPJMD');
	};

	// 1.234 on an Indonesian page is 1234: impossible on a 0–100 index, refused with the range.
	await fill('2031', '1.234');
	await form.getByRole('button', { name: 'Simpan target' }).click();
	const alert = form.getByRole('alert');
	await expect(alert).toContainText('Nilai target');
	await expect(alert).toContainText('nilainya harus antara 0 dan 100');
	await expect(alert).not.toContainText('berkas');
	await expect(alert).not.toContainText('--locale');

	// Text in the field: the label and an example of what to write.
	await form.getByLabel(/Nilai target/).fill('lima puluh');
	await form.getByRole('button', { name: 'Simpan target' }).click();
	await expect(form.getByRole('alert')).toContainText('Nilai target: tulis angka saja');
	await expect(form.getByRole('alert')).toContainText('tulis 91,5');

	// A target below the latest value of a higher-is-better index asks why, and saves once confirmed.
	await fill('2031', '30');
	await form.getByRole('button', { name: 'Simpan target' }).click();
	const doubt = form.getByRole('alert');
	await expect(doubt).toContainText('Periksa dulu: target 30 untuk 2031 mungkin salah ketik');
	await expect(doubt).toContainText('makin tinggi makin baik');
	await expect(doubt).toContainText('lebih buruk dari nilai terakhir');
	await expect(page.getByRole('row').filter({ hasText: '2031' })).toHaveCount(0);
	await form.getByLabel('Ya, angka ini benar: simpan target ini.').check();
	await form.getByRole('button', { name: 'Simpan target' }).click();
	await expect(page.getByRole('status')).toContainText('Tersimpan');
	await expect(page.getByRole('row').filter({ hasText: '2031' }).first()).toContainText('30');

	// A plausible target saves without a question (the demo data's 2026 target is 61,32).
	await fill('2032', '65');
	await form.getByRole('button', { name: 'Simpan target' }).click();
	await expect(page.getByRole('status')).toContainText('Tersimpan');
	await expect(page.getByRole('row').filter({ hasText: '2032' }).first()).toContainText('65');
	await context.close();
});

test('a planner may import targets only, and is refused an import undo and the submissions', async ({
	browser,
	baseURL
}) => {
	const context = await browserSignIn(browser, baseURL!, ACCOUNTS.planner);
	const page = await context.newPage();
	await page.goto('/staff/imports');
	const kind = page.getByLabel('Jenis data');
	await expect(kind.locator('option')).toHaveText(['Target']);
	await expect(page.getByRole('link', { name: /^Batalkan impor/ })).toHaveCount(0);
	const undo = await context.request.post('/staff/imports?/undo', {
		headers: formHeaders(baseURL!),
		data: 'id=1',
		maxRedirects: 0
	});
	expect(undo.status()).toBe(403);
	expect((await context.request.get('/staff/submissions', { maxRedirects: 0 })).status()).toBe(403);
	await context.close();
});
