import { expect, request, test } from './fixtures';
import { ACCOUNTS, apiSignIn, browserSignIn, formHeaders } from './auth-fixtures';

test.describe('staff pages', () => {
	test('admin adds a user without choosing a password; the owner sets theirs through the one-time link', async ({
		browser,
		baseURL
	}) => {
		const context = await browserSignIn(browser, baseURL!, ACCOUNTS.staffAdmin);
		const page = await context.newPage();
		await page.goto('/staff/users', { waitUntil: 'networkidle' });
		const create = page.locator('form.create');
		await expect(create.getByLabel('Kata sandi')).toHaveCount(0);
		await create.getByLabel('Nama pengguna').fill('e2e_new_viewer');
		await create.getByRole('button', { name: 'Tambah pengguna' }).click();
		const link = await page.getByTestId('password-link').inputValue();
		expect(link).toMatch(/^http:\/\/localhost:\d+\/account\/password\?token=[A-Za-z0-9_-]{43}$/);
		await context.close();

		// The new colleague, not signed in, opens the link.
		const owner = await browser.newContext({ baseURL });
		const own = await owner.newPage();
		await own.goto(link);
		await expect(own.getByRole('heading', { level: 1 })).toHaveText('Atur kata sandi');
		await own.getByLabel('Kata sandi baru', { exact: true }).fill('Password2024!');
		await own.getByLabel('Ulangi kata sandi baru').fill('Password2024!');
		await own.getByRole('button', { name: 'Simpan kata sandi' }).click();
		await expect(own.getByRole('alert')).toContainText('Kata sandi ini mudah ditebak');
		await own.getByLabel('Kata sandi baru', { exact: true }).fill('sepeda ontel ke pasar puri');
		await own.getByLabel('Ulangi kata sandi baru').fill('sepeda ontel ke pasar puri');
		await own.getByRole('button', { name: 'Simpan kata sandi' }).click();
		await expect(own).toHaveURL(/\/login\?password-set=1$/);
		await expect(own.getByRole('status')).toContainText('Kata sandi sudah disimpan');
		// Used once: the same link no longer works.
		await own.goto(link);
		await expect(own.getByRole('alert')).toContainText('Tautan ini sudah tidak berlaku');
		await owner.close();

		const ctx = await request.newContext({ baseURL });
		const res = await ctx.post('/login', {
			headers: formHeaders(baseURL!),
			data: new URLSearchParams({
				username: 'e2e_new_viewer',
				password: 'sepeda ontel ke pasar puri'
			}).toString(),
			maxRedirects: 0
		});
		expect(res.status()).toBe(303);
		await ctx.dispose();
	});

	test('"sign out everywhere" ends another user’s sessions and is recorded', async ({
		browser,
		baseURL
	}) => {
		const victim = await request.newContext({ baseURL });
		await apiSignIn(victim, baseURL!, ACCOUNTS.victim);
		expect((await victim.get('/staff', { maxRedirects: 0 })).status()).toBe(200);
		const context = await browserSignIn(browser, baseURL!, ACCOUNTS.staffAdmin);
		const page = await context.newPage();
		await page.goto('/staff/users', { waitUntil: 'networkidle' });
		const row = page.getByRole('row').filter({
			has: page.getByRole('rowheader', { name: ACCOUNTS.victim.username, exact: true })
		});
		await row.getByRole('button', { name: 'Keluarkan dari semua perangkat' }).click();
		await expect(page.getByRole('status')).toContainText('Tersimpan');
		expect((await victim.get('/staff', { maxRedirects: 0 })).status()).toBe(303);
		await page.goto(
			`/staff/audit?action=session.revoke_user&actor=${ACCOUNTS.staffAdmin.username}`
		);
		// The action in words, its code kept as the cell's title.
		await expect(page.getByRole('cell', { name: 'Sesi pengguna diakhiri' })).toHaveCount(1);
		await expect(page.locator('td[title="session.revoke_user"]')).toHaveCount(1);
		await victim.dispose();
		await context.close();
	});

	test('the audit CSV follows the filters and defuses formulas', async ({ baseURL }) => {
		const anon = await request.newContext({ baseURL });
		await anon.post('/login', {
			headers: formHeaders(baseURL!),
			data: new URLSearchParams({
				username: '=HYPERLINK("x")',
				password: 'nope nope nope'
			}).toString(),
			maxRedirects: 0
		});
		await anon.dispose();
		const admin = await request.newContext({ baseURL });
		await apiSignIn(admin, baseURL!, ACCOUNTS.staffAdmin);
		const res = await admin.get('/staff/audit/export.csv?action=auth.sign_in_failed&entity=user');
		expect(res.status()).toBe(200);
		expect(res.headers()['content-type']).toBe('text/csv; charset=utf-8');
		expect(res.headers()['content-disposition']).toMatch(
			/^attachment; filename="audit-log-\d{4}-\d\d-\d\d\.csv"$/
		);
		const lines = (await res.text())
			.replace(/^\uFEFF/, '')
			.trim()
			.split('\r\n');
		expect(lines[0]).toBe(
			'id,at_utc,actor,actor_id,action,entity_type,entity_id,before,after,address'
		);
		expect(lines.slice(1).every((l) => l.includes(',auth.sign_in_failed,user,'))).toBe(true);
		expect(lines.some((l) => l.includes(`"'=hyperlink(""x"")"`))).toBe(true);
		expect(lines.some((l) => /,=hyperlink/.test(l))).toBe(false);
		await admin.dispose();
	});

	test('admin reassigns an indicator to another OPD; the change is audited with before and after', async ({
		browser,
		baseURL
	}) => {
		const context = await browserSignIn(browser, baseURL!, ACCOUNTS.staffAdmin);
		const page = await context.newPage();
		await page.goto('/staff/indicators', { waitUntil: 'networkidle' });
		const row = page.locator('tr#library_visits');
		await row.locator('input[name=opd]').fill('dinarpus');
		await row.getByRole('button', { name: 'Simpan' }).click();
		await expect(page.locator('tr#library_visits td').first()).toHaveText('DINARPUS');
		await page.goto('/staff/audit?action=indicator.set_opd&entityId=library_visits', {
			waitUntil: 'networkidle'
		});
		await expect(page.getByRole('cell', { name: 'opd: DISARPUS', exact: true })).toBeVisible();
		await expect(page.getByRole('cell', { name: 'opd: DINARPUS', exact: true })).toBeVisible();
		await context.close();
	});

	test('a produsen edits a target of their OPD through the form, sees errors per field, and the history', async ({
		browser,
		baseURL
	}) => {
		const context = await browserSignIn(browser, baseURL!, ACCOUNTS.targets);
		const page = await context.newPage();
		await page.goto('/staff/targets?indicator=poverty_rate_march', { waitUntil: 'networkidle' });
		await expect(page.getByRole('heading', { level: 2 })).toContainText('miskin');
		const form = page.locator('form.edit');
		await form.getByLabel('Tahun').fill('1800');
		await form.getByLabel(/Nilai target/).fill('abc');
		await form.getByLabel(/Dokumen sumber/).fill('RPJMD Kabupaten Pati 2023–2026');
		await form.getByLabel(/Halaman atau tabel/).fill('Bab VII, Tabel 7.2, hlm. VII-5');
		await form.getByRole('button', { name: 'Simpan target' }).click();
		const alert = form.getByRole('alert');
		await expect(alert).toContainText('Tahun: tulis tahun dengan empat angka');
		await expect(alert).toContainText('Nilai target: tulis angka saja');
		await form.getByLabel('Tahun').fill('2029');
		await form.getByLabel(/Nilai target/).fill('7,25');
		await form.getByRole('button', { name: 'Simpan target' }).click();
		await expect(page.getByRole('status')).toContainText('Tersimpan');
		const current = page.getByRole('row').filter({ hasText: '2029' }).first();
		await expect(current).toContainText('7,25');
		await expect(current).toContainText('RPJMD Kabupaten Pati 2023–2026');
		await expect(current).toContainText('Bab VII, Tabel 7.2, hlm. VII-5');
		// The same target again changes nothing and says so.
		await page.goto('/staff/targets?indicator=poverty_rate_march&year=2029', {
			waitUntil: 'networkidle'
		});
		await page.locator('form.edit').getByRole('button', { name: 'Simpan target' }).click();
		await expect(page.getByRole('status')).toContainText('Tidak ada perubahan');
		// A new value replaces the old one, which stays in the history.
		await page
			.locator('form.edit')
			.getByLabel(/Nilai target/)
			.fill('7');
		await page.locator('form.edit').getByRole('button', { name: 'Simpan target' }).click();
		await expect(page.getByRole('heading', { name: 'Riwayat target' })).toBeVisible();
		await expect(
			page.getByRole('row').filter({ hasText: 'diganti' }).filter({ hasText: '7,25' })
		).toHaveCount(1);
		await context.close();
	});

	test('the staff home shows a produsen their OPD’s missing values and their own activity', async ({
		browser,
		baseURL
	}) => {
		const context = await browserSignIn(browser, baseURL!, ACCOUNTS.produsen);
		const page = await context.newPage();
		await page.goto('/staff', { waitUntil: 'networkidle' });
		await expect(page.getByText('Indikator milik BPS.')).toBeVisible();
		await expect(page.getByRole('heading', { name: /Belum ada nilai untuk \d{4}/ })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Aktivitas terbaru Anda' })).toBeVisible();
		await expect(page.getByRole('link', { name: 'Pengguna' })).toHaveCount(0);
		await context.close();
	});

	test('the staff area works in English under /en', async ({ browser, baseURL }) => {
		const context = await browserSignIn(browser, baseURL!, ACCOUNTS.walidata);
		const page = await context.newPage();
		await page.goto('/en/staff/audit', { waitUntil: 'networkidle' });
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Audit log');
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await context.close();
	});
});
