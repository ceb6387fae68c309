/**
 * Quick wins end to end (issue 21 item 2): a walidata, without JavaScript, records a quick win
 * with the instrument's criteria, is told which field is wrong when a risk is off the 1–3 scale
 * (nothing saved), records two risks, closes neither, and carries them into the next year, where
 * last year's rows stay and the new ones say where they came from. The page passes axe.
 */
import { expect, test } from './fixtures';
import { expectNoSeriousViolations } from './axe';
import { ACCOUNTS, apiSignIn, formHeaders } from './auth-fixtures';

const NAME = `Lapor Bupati e2e ${Date.now()}`;

test('a walidata records a quick win with two risks and carries them into the next year', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(120_000);
	const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
	await apiSignIn(context.request, baseURL!, ACCOUNTS.walidata);
	const page = await context.newPage();

	await page.goto('/staff/quick-wins');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Quick win dan manajemen risiko'
	);
	const add = page.locator('form[action="?/save"]');
	// A start year before the evaluation began is refused, naming the field.
	await add.getByLabel('Nama quick win').fill(NAME);
	await add.getByLabel('OPD pelaksana').fill('Diskominfo');
	await add.getByLabel('Tahun mulai').fill('2016');
	await add.getByLabel('Permasalahan RPJMD yang dijawab').fill('Pengaduan lambat ditangani');
	await add.getByLabel('Dirumuskan bersama (pihak yang dilibatkan)').fill('Bappeda, forum warga');
	await add.getByLabel('Manfaat inovasi').fill('Aduan dijawab dalam tiga hari');
	await add.getByRole('button', { name: 'Simpan quick win' }).click();
	await expect(page.getByTestId('form-problems')).toContainText(
		'Tahun mulai: tahun 2016 di luar rentang 2017–2100.'
	);
	// The refused form keeps what was typed.
	const again = page.locator('form[action="?/save"]');
	await expect(again.getByLabel('Manfaat inovasi')).toHaveValue('Aduan dijawab dalam tiga hari');
	await again.getByLabel('Tahun mulai').fill('2024');
	await again.getByRole('button', { name: 'Simpan quick win' }).click();
	await expect(page.getByTestId('saved')).toHaveText(`Quick win ${NAME} dicatat.`);

	const card = page.locator('article.quick-win', {
		has: page.getByRole('heading', { name: NAME })
	});
	await expect(card).toContainText('Aduan dijawab dalam tiga hari');
	const id = await card.getAttribute('data-id');

	// A risk off the scale, posted as a form would be: refused, naming the field; nothing saved.
	const off = await context.request.post('/staff/quick-wins?/risk', {
		headers: formHeaders(baseURL!),
		data: new URLSearchParams({
			quick_win: id!,
			year: '2024',
			risk: 'r',
			cause: 'c',
			likelihood: '4',
			impact: '1',
			mitigation: 'm',
			owner: 'o'
		}).toString(),
		maxRedirects: 0
	});
	expect(off.status()).toBe(400);
	expect(await off.text()).toContain('Kemungkinan (1–3): “4” bukan skala 1–3');

	for (const [risk, likelihood, impact] of [
		['Aduan tidak ditindaklanjuti OPD', '2', '3'],
		['Server aplikasi padam', '1', '2']
	]) {
		const c = page.locator(`#qw-${id}`);
		await c.getByText('Catat risiko').click();
		const form = c.locator('form[action="?/risk"]');
		await form.getByLabel('Tahun').fill('2024');
		await form.getByLabel('Kemungkinan (1–3)').selectOption(likelihood);
		await form.getByLabel('Dampak (1–3)').selectOption(impact);
		await form.getByLabel('Risiko').fill(risk);
		await form.getByLabel('Penyebab').fill('Belum ada admin per OPD');
		await form.getByLabel('Mitigasi').fill('SK admin per OPD');
		await form.getByLabel('Penanggung jawab').fill('Diskominfo');
		await form.getByRole('button', { name: 'Simpan risiko' }).click();
		await expect(page.getByTestId('saved')).toHaveText('Risiko dicatat.');
	}
	const y2024 = page.getByTestId(`risks-${id}-2024`);
	await expect(y2024.locator('tbody tr')).toHaveCount(2);
	await expect(y2024.locator('tbody tr').first()).toContainText('6 (tinggi)');

	await page.locator(`#qw-${id}`).getByRole('button', { name: 'Lanjutkan' }).click();
	await expect(page.getByTestId('saved')).toHaveText('2 risiko terbuka dibawa ke tahun 2025.');
	await expect(page.locator(`#qw-${id}`)).toContainText('Berjalan: 2024, 2025');
	await expect(page.getByTestId(`risks-${id}-2024`).locator('tbody tr')).toHaveCount(2);
	const y2025 = page.getByTestId(`risks-${id}-2025`);
	await expect(y2025.locator('tbody tr')).toHaveCount(2);
	await expect(y2025.locator('tbody tr').first()).toContainText('dibawa dari 2024');

	// A risk entered by mistake goes; one carried on stays (its copy names it), so it has no button.
	const deleteLabel = (year: number) =>
		`Hapus risiko “Server aplikasi padam” (${year}), yang salah dimasukkan`;
	await expect(page.getByRole('button', { name: deleteLabel(2024) })).toHaveCount(0);
	await page.getByRole('button', { name: deleteLabel(2025) }).click();
	await expect(page.getByTestId('saved')).toHaveText('Risiko dihapus; log audit menyimpan isinya.');
	await expect(page.getByTestId(`risks-${id}-2025`).locator('tbody tr')).toHaveCount(1);
	await expect(page.getByTestId(`risks-${id}-2024`).locator('tbody tr')).toHaveCount(2);

	await context.close();

	// axe runs its script in the page: audit the same page in a context with JavaScript.
	const withJs = await browser.newContext({ baseURL });
	await apiSignIn(withJs.request, baseURL!, ACCOUNTS.walidata);
	const audited = await withJs.newPage();
	await audited.goto('/staff/quick-wins');
	await expect(audited.getByTestId(`risks-${id}-2025`)).toBeVisible();
	await expectNoSeriousViolations(audited);
	await withJs.close();
});
