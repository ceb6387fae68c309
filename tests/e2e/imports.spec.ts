/**
 * The staff imports page: upload → preview → confirm → history → undo, by role, with and
 * without JavaScript. Values go to the province (region 33) in years 2001–2013, which no other
 * test reads, so parallel specs see no change.
 */
import { expect, request, test, type APIRequestContext, type Page } from './fixtures';
import ExcelJS from 'exceljs';
import { expectNoSeriousViolations } from './axe';
import { templateCsv } from '../../src/lib/import/export';
import { ACCOUNTS, apiSignIn, browserSignIn, formHeaders, type Account } from './auth-fixtures';

const HEADER = 'region_code,indicator_code,year,value,source';
const SOURCE = 'https://example.org/e2e-import-test (illustrative)';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\r\n') + '\r\n';

async function signedIn(baseURL: string, account: Account) {
	const ctx = await request.newContext({ baseURL });
	await apiSignIn(ctx, baseURL, account);
	return ctx;
}

function previewPost(ctx: APIRequestContext, baseURL: string, name: string, body: string | Buffer) {
	return ctx.post('/staff/imports?/preview', {
		headers: { origin: baseURL, accept: 'text/html' },
		multipart: {
			file: {
				name,
				mimeType: 'text/csv',
				buffer: Buffer.isBuffer(body) ? body : Buffer.from(body)
			},
			kind: 'auto',
			locale: 'auto',
			region: ''
		},
		maxRedirects: 0
	});
}

function tokenOf(html: string): string {
	const m = /name="token" value="([A-Za-z0-9_-]{32})"/.exec(html);
	if (!m) throw new Error('no confirm token in the preview page');
	return m[1];
}

function confirmPost(ctx: APIRequestContext, baseURL: string, token: string) {
	return ctx.post('/staff/imports?/confirm', {
		headers: formHeaders(baseURL),
		data: new URLSearchParams({ token }).toString(),
		maxRedirects: 0
	});
}

/** Previews and confirms through the API; returns the import id. */
async function importViaApi(ctx: APIRequestContext, baseURL: string, name: string, body: string) {
	const preview = await previewPost(ctx, baseURL, name, body);
	expect(preview.status(), await preview.text()).toBe(200);
	const res = await confirmPost(ctx, baseURL, tokenOf(await preview.text()));
	expect(res.status()).toBe(303);
	const m = /[?&]imported=(\d+)/.exec(res.headers()['location'] ?? '');
	expect(m, res.headers()['location']).not.toBeNull();
	return Number(m![1]);
}

/** The current value and source of region 33's indicator in a year, from the API. */
async function sourced(ctx: APIRequestContext, indicator: string, year: number) {
	const res = await ctx.get(`/api/v1/observations?region=33&indicator=${indicator}&year=${year}`);
	expect(res.status()).toBe(200);
	return ((await res.json()) as { value: number; source: string }[]).map((o) => [
		o.value,
		o.source
	]);
}

async function current(ctx: APIRequestContext, indicator: string, year: number) {
	const res = await ctx.get(`/api/v1/observations?region=33&indicator=${indicator}&year=${year}`);
	expect(res.status()).toBe(200);
	return ((await res.json()) as { value: number }[]).map((o) => o.value);
}

async function upload(page: Page, name: string, body: string) {
	await page
		.getByLabel('Berkas CSV')
		.setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(body) });
	await page.getByRole('button', { name: 'Periksa berkas' }).click();
}

const countCell = (page: Page, label: string) =>
	page.locator('table.counts tr', { hasText: label }).locator('td');

for (const js of [false, true]) {
	test.describe(`imports page, JavaScript ${js ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled: js });

		test('walidata uploads a valid CSV, sees the exact preview, confirms, finds it in history and the API; the same file again changes nothing', async ({
			browser,
			baseURL
		}) => {
			const year = js ? 2002 : 2001;
			const name = `e2e-valid-${year}.csv`;
			// With the provenance columns a real file carries: source kind and reference period.
			const body =
				[
					`${HEADER},source_kind,reference_period`,
					`33,hdi_ipm,${year},65.25,${SOURCE},lainnya,Tahun ${year}`,
					`33,population,${year},"1,234,567",${SOURCE},lainnya,Juni ${year}`
				].join('\r\n') + '\r\n';
			const context = await browserSignIn(browser, baseURL!, ACCOUNTS.walidata);
			const page = await context.newPage();
			await page.goto('/staff/imports', { waitUntil: 'networkidle' });
			await upload(page, name, body);

			const preview = page.getByRole('region', { name: `2. Pratinjau: ${name}` });
			await expect(preview.getByRole('status')).toContainText('Berkas valid');
			// Without JavaScript the form posts to ?/preview; with it, the XHR upload stays put.
			if (js) await expect(page).toHaveURL(/\/staff\/imports$/);
			else await expect(page).toHaveURL(/\/staff\/imports\?\/preview$/);
			await expect(countCell(page, 'Baris data dalam berkas')).toHaveText('2');
			await expect(countCell(page, 'Akan ditambahkan')).toHaveText('2');
			await expect(countCell(page, 'Akan diganti')).toHaveText('0');
			await expect(countCell(page, 'Sudah sama')).toHaveText('0');
			await expect(countCell(page, 'Kesalahan')).toHaveText('0');
			await expect(preview.locator('dl.facts')).toContainText('koma (,)');
			await expect(preview.locator('dl.facts')).toContainText('UTF-8');
			await expect(preview.locator('dl.facts')).toContainText('CRLF');
			await expect(preview.locator('dl.facts')).toContainText('panjang');
			const rows = preview.locator('table.rows tbody tr');
			await expect(rows).toHaveCount(2);
			await expect(rows.nth(0).locator('td')).toHaveText([
				'33',
				'hdi_ipm',
				String(year),
				'65,25',
				SOURCE,
				'lainnya',
				`Tahun ${year}`,
				'',
				''
			]);
			await expect(rows.nth(1).locator('td').nth(3)).toHaveText('1.234.567');
			expect(await current(context.request, 'hdi_ipm', year)).toEqual([]);

			await page.getByRole('button', { name: '3. Konfirmasi dan impor' }).click();
			const done = page.getByRole('status').filter({ hasText: 'tersimpan' });
			await expect(done).toContainText(`(${name}) tersimpan`);
			await expect(done).toContainText('2 nilai: 2 baru, 0 diganti, 0 sudah sama.');
			const id = Number(/#(\d+)/.exec((await done.textContent()) ?? '')![1]);
			const row = page.locator(`tr[data-import-id="${id}"]`);
			await expect(row).toContainText(name);
			await expect(row).toContainText(ACCOUNTS.walidata.username);
			await expect(row.getByRole('link', { name: `Batalkan impor #${id}` })).toBeVisible();
			expect(await current(context.request, 'hdi_ipm', year)).toEqual([65.25]);
			expect(await current(context.request, 'population', year)).toEqual([1234567]);
			const stored = (await (
				await context.request.get(`/api/v1/observations?region=33&indicator=hdi_ipm&year=${year}`)
			).json()) as { source_kind: string; reference_period: string }[];
			expect(stored.map((o) => [o.source_kind, o.reference_period])).toEqual([
				['lainnya', `Tahun ${year}`]
			]);

			await upload(page, name, body);
			await expect(
				page.getByRole('region', { name: `2. Pratinjau: ${name}` }).getByRole('status')
			).toHaveText(
				'Tidak ada yang berubah: 2 nilai dalam berkas sudah sama dengan yang tersimpan.'
			);
			await expect(page.getByRole('button', { name: '3. Konfirmasi dan impor' })).toHaveCount(0);
			await context.close();
		});

		test('an invalid file shows every error with row and column, downloadable as CSV, and writes nothing', async ({
			browser,
			baseURL
		}) => {
			const year = js ? 2004 : 2003;
			const body = csv(
				`33,hdi_ipm,${year},abc,src`,
				`33,no_such_indicator,${year},5,src`,
				`33,hdi_ipm,1800,5,src`,
				`33,population,${year},100,src`
			);
			const context = await browserSignIn(browser, baseURL!, ACCOUNTS.walidata);
			const page = await context.newPage();
			await page.goto('/staff/imports', { waitUntil: 'networkidle' });
			await upload(page, 'e2e-invalid.csv', body);
			const preview = page.getByRole('region', { name: '2. Pratinjau: e2e-invalid.csv' });
			await expect(preview.getByRole('alert')).toContainText('Berkas ditolak: 3 kesalahan');
			const errors = preview.locator('table.errors tbody tr');
			await expect(errors).toHaveCount(3);
			// The code's label in the page's language; the code itself stays on the row and in the CSV.
			await expect(errors.nth(0)).toHaveAttribute('data-error-code', 'type-error');
			await expect(errors.nth(0).locator('td')).toHaveText([
				'isian bukan jenis yang diminta',
				'2',
				'value',
				'abc',
				'"abc" bukan angka. Tulis angka saja (tanpa satuan, %, teks, NaN atau Infinity).'
			]);
			await expect(errors.nth(1).locator('td').nth(0)).toHaveText('kode tidak dikenal');
			await expect(errors.nth(1).locator('td').nth(1)).toHaveText('3');
			await expect(errors.nth(1).locator('td').nth(2)).toHaveText('indicator_code');
			await expect(errors.nth(2).locator('td')).toHaveText([
				'isian melanggar aturan',
				'4',
				'year',
				'1800',
				'Tahun "1800" di luar 1990–2100. Perbaiki tahunnya.'
			]);
			await expect(page.getByRole('button', { name: '3. Konfirmasi dan impor' })).toHaveCount(0);
			expect(await current(context.request, 'hdi_ipm', year)).toEqual([]);
			expect(await current(context.request, 'population', year)).toEqual([]);

			const href = await preview
				.getByRole('link', { name: 'Unduh daftar kesalahan (CSV)' })
				.getAttribute('href');
			const download = await context.request.get(href!.replace('lang=id', 'lang=en'));
			expect(download.status()).toBe(200);
			expect(download.headers()['content-disposition']).toMatch(/^attachment;/);
			expect(await download.text()).toBe(
				'\uFEFFcode,row,column,value,message\r\n' +
					'type-error,2,value,abc,"""abc"" is not a number. Write a number only (no unit, %, text, NaN or Infinity)."\r\n' +
					'foreign-key-error,3,indicator_code,no_such_indicator,"Indicator ""no_such_indicator"" is not registered. Check the code or import the indicator first."\r\n' +
					'constraint-error,4,year,1800,"Year ""1800"" is outside 1990–2100. Fix the year."\r\n'
			);
			await context.close();
		});
	});
}

test('a sheet saved from Excel with a title row above and a "Sumber:" line below imports after saying what it skipped', async ({
	browser,
	baseURL
}) => {
	const context = await browserSignIn(browser, baseURL!, ACCOUNTS.walidata);
	const page = await context.newPage();
	await page.goto('/staff/imports', { waitUntil: 'networkidle' });
	const name = 'e2e-title-row.csv';
	const body =
		[
			'Tabel 5.1 Indeks Pembangunan Manusia Kabupaten Pati;;;;',
			';;;;',
			'kode_wilayah;kode_indikator;tahun;nilai;sumber',
			`33;population;2003;1.234;${SOURCE}`,
			`33;hdi_ipm;2004;71,5;${SOURCE}`,
			';;;;',
			'Sumber: BPS Kabupaten Pati;;;;'
		].join('\r\n') + '\r\n';
	await upload(page, name, body);
	const preview = page.getByRole('region', { name: `2. Pratinjau: ${name}` });
	// The semicolon makes it an Indonesian file: 1.234 is 1234 (a population count), not ambiguous.
	await expect(preview.getByTestId('import-notices')).toHaveText(
		[
			'Baris 1–2 dilewati: judul tabel di atas nama kolom. Nama kolom dibaca dari baris 3.',
			'Baris 7 dilewati: catatan di bawah tabel (Sumber, Catatan, Keterangan), bukan data.'
		].join('')
	);
	await expect(preview.getByRole('status')).toContainText('Berkas valid');
	await expect(countCell(page, 'Baris data dalam berkas')).toHaveText('2');
	await page.getByRole('button', { name: '3. Konfirmasi dan impor' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'tersimpan' })).toContainText(
		`(${name}) tersimpan`
	);
	expect(await current(context.request, 'population', 2003)).toEqual([1234]);
	expect(await current(context.request, 'hdi_ipm', 2004)).toEqual([71.5]);
	await context.close();
});

test('a BPS-style wide sheet without a source column imports with the source its "Sumber:" line offers in the form', async ({
	browser,
	baseURL
}) => {
	const context = await browserSignIn(browser, baseURL!, ACCOUNTS.walidata);
	const page = await context.newPage();
	await page.goto('/staff/imports', { waitUntil: 'networkidle' });
	const name = 'e2e-wide-no-source.csv';
	const body =
		'kode_wilayah;kode_indikator;2011;2012\r\n33;hdi_ipm;66,6;67,2\r\n;;;\r\nSumber: BPS Provinsi Jawa Tengah, Tabel 4.1;;;\r\n';
	// Without a source column: refused, the message names the field, and the field offers the
	// "Sumber:" line below the table.
	await upload(page, name, body);
	const refused = page.getByRole('region', { name: `2. Pratinjau: ${name}` });
	await expect(refused.locator('table.errors')).toContainText('isian "Sumber"');
	const field = page.getByLabel('Sumber untuk seluruh berkas (opsional)');
	await expect(field).toHaveValue('BPS Provinsi Jawa Tengah, Tabel 4.1');
	await expect(page.locator('#source-hint')).toContainText(
		'Diisi dari baris "Sumber: BPS Provinsi Jawa Tengah, Tabel 4.1" di bawah tabel'
	);
	await upload(page, name, body);
	const preview = page.getByRole('region', { name: `2. Pratinjau: ${name}` });
	await expect(preview.getByRole('status')).toContainText('Berkas valid');
	await page.getByRole('button', { name: '3. Konfirmasi dan impor' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'tersimpan' })).toContainText(
		`(${name}) tersimpan`
	);
	const bps = 'BPS Provinsi Jawa Tengah, Tabel 4.1';
	expect(await sourced(context.request, 'hdi_ipm', 2011)).toEqual([[66.6, bps]]);
	expect(await sourced(context.request, 'hdi_ipm', 2012)).toEqual([[67.2, bps]]);
	await context.close();
});

test('a BPS-style Excel table naming its region imports with the sheet and indicator chosen in the form', async ({
	browser,
	baseURL
}) => {
	// As BPS publishes it: a title, a two-row merged header, region names and no codes, a footer.
	const wb = new ExcelJS.Workbook();
	wb.addWorksheet('Catatan').getCell('A1').value = 'Tabel ada di lembar IPM.';
	const ws = wb.addWorksheet('IPM');
	ws.getCell('A1').value = 'Tabel 4.1 Indeks Pembangunan Manusia, 2009–2010';
	ws.mergeCells('A1:C1');
	ws.getCell('A3').value = 'Kabupaten/Kota';
	ws.getCell('B3').value = 'Tahun';
	ws.mergeCells('A3:A4');
	ws.mergeCells('B3:C3');
	ws.getCell('B4').value = 2009;
	ws.getCell('C4').value = 2010;
	ws.getRow(5).values = ['Jawa Tengah', 65.1, '65,9'];
	ws.getRow(7).values = ['Sumber: BPS Provinsi Jawa Tengah, Tabel 4.1'];
	const buffer = Buffer.from(await wb.xlsx.writeBuffer());

	const context = await browserSignIn(browser, baseURL!, ACCOUNTS.walidata);
	const page = await context.newPage();
	await page.goto('/staff/imports', { waitUntil: 'networkidle' });
	const name = 'e2e-ipm.xlsx';
	await page.getByLabel('Berkas CSV atau Excel (.xlsx)').setInputFiles({
		name,
		mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		buffer
	});
	await page.getByLabel('Lembar (untuk .xlsx, opsional)').fill('ipm');
	await page.getByLabel('Indikator untuk seluruh berkas').selectOption('hdi_ipm');
	await page
		.getByLabel('Sumber untuk seluruh berkas (opsional)')
		.fill('BPS Provinsi Jawa Tengah, Tabel 4.1');
	await page.getByRole('button', { name: 'Periksa berkas' }).click();
	const preview = page.getByRole('region', { name: `2. Pratinjau: ${name}` });
	await expect(preview.getByRole('status')).toContainText('Berkas valid');
	await expect(preview.getByTestId('import-notices')).toContainText(
		'Dibaca lembar "IPM" (2 dari 2: "Catatan", "IPM").'
	);
	await page.getByRole('button', { name: '3. Konfirmasi dan impor' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'tersimpan' })).toContainText(
		`(${name}) tersimpan`
	);
	const bps = 'BPS Provinsi Jawa Tengah, Tabel 4.1';
	expect(await sourced(context.request, 'hdi_ipm', 2009)).toEqual([[65.1, bps]]);
	expect(await sourced(context.request, 'hdi_ipm', 2010)).toEqual([[65.9, bps]]);
	await context.close();
});

test('the preview lists the values a file would replace, old → new, before anything is written', async ({
	browser,
	baseURL
}) => {
	const context = await browserSignIn(browser, baseURL!, ACCOUNTS.walidata);
	const page = await context.newPage();
	await page.goto('/staff/imports', { waitUntil: 'networkidle' });
	await upload(page, 'e2e-2013-a.csv', csv(`33,hdi_ipm,2013,68,${SOURCE}`));
	await page.getByRole('button', { name: '3. Konfirmasi dan impor' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'tersimpan' })).toBeVisible();

	await upload(page, 'e2e-2013-b.csv', csv(`33,hdi_ipm,2013,68.25,${SOURCE}`));
	const preview = page.getByRole('region', { name: '2. Pratinjau: e2e-2013-b.csv' });
	await expect(countCell(page, 'Akan diganti (riwayat disimpan)')).toHaveText('1');
	const changes = preview.getByRole('table', { name: 'Nilai yang akan diganti (lama → baru)' });
	await expect(changes.locator('tbody tr')).toHaveCount(1);
	await expect(changes.locator('tbody tr td')).toHaveText([
		'33',
		'hdi_ipm',
		'2013',
		'68',
		'68,25',
		''
	]);
	// Nothing is written until the confirm.
	expect(await current(context.request, 'hdi_ipm', 2013)).toEqual([68]);
	await page.getByRole('button', { name: '3. Konfirmasi dan impor' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'tersimpan' })).toBeVisible();
	expect(await current(context.request, 'hdi_ipm', 2013)).toEqual([68.25]);
	await context.close();
});

test('undo is refused while a later import depends on it, then restores the previous value exactly', async ({
	browser,
	baseURL
}) => {
	const ctx = await signedIn(baseURL!, ACCOUNTS.walidata);
	const first = await importViaApi(
		ctx,
		baseURL!,
		'e2e-undo-a.csv',
		csv(`33,hdi_ipm,2005,60,${SOURCE}`)
	);
	const second = await importViaApi(
		ctx,
		baseURL!,
		'e2e-undo-b.csv',
		csv(`33,hdi_ipm,2005,61.5,${SOURCE}`)
	);
	expect(await current(ctx, 'hdi_ipm', 2005)).toEqual([61.5]);

	const context = await browserSignIn(browser, baseURL!, ACCOUNTS.walidata);
	const page = await context.newPage();
	await page.goto('/staff/imports', { waitUntil: 'networkidle' });
	// Undo asks first, with what it will take away.
	await page.getByRole('link', { name: `Batalkan impor #${first}` }).click();
	const confirmFirst = page.getByRole('region', { name: `Batalkan impor #${first}?` });
	await expect(confirmFirst).toContainText(
		'1 nilai akan dihapus, dan 0 nilai yang digantinya berlaku lagi.'
	);
	expect(await current(ctx, 'hdi_ipm', 2005)).toEqual([61.5]);
	await confirmFirst.getByRole('button', { name: `Ya, batalkan impor #${first}` }).click();
	await expect(page.getByRole('alert')).toHaveText(
		`Impor ${first} tidak dapat dibatalkan: impor ${second} mengganti sebagian nilainya. Batalkan impor itu lebih dulu.`
	);
	expect(await current(ctx, 'hdi_ipm', 2005)).toEqual([61.5]);

	await page.getByRole('link', { name: `Batalkan impor #${second}` }).click();
	const confirmSecond = page.getByRole('region', { name: `Batalkan impor #${second}?` });
	await expect(confirmSecond).toContainText(
		'1 nilai akan dihapus, dan 1 nilai yang digantinya berlaku lagi.'
	);
	await confirmSecond.getByRole('button', { name: `Ya, batalkan impor #${second}` }).click();
	await expect(page.getByRole('status').filter({ hasText: 'dibatalkan' })).toHaveText(
		`Impor #${second} dibatalkan: 1 nilai dihapus, 1 nilai sebelumnya berlaku lagi.`
	);
	expect(await current(ctx, 'hdi_ipm', 2005)).toEqual([60]);
	await expect(page.locator(`tr[data-import-id="${second}"]`)).toContainText(
		`dibatalkan oleh ${ACCOUNTS.walidata.username}`
	);
	await expect(page.getByRole('link', { name: `Batalkan impor #${second}` })).toHaveCount(0);

	await page.getByRole('link', { name: `Batalkan impor #${first}` }).click();
	await page
		.getByRole('region', { name: `Batalkan impor #${first}?` })
		.getByRole('button', { name: `Ya, batalkan impor #${first}` })
		.click();
	await expect(page.getByRole('status').filter({ hasText: 'dibatalkan' })).toContainText(
		`Impor #${first} dibatalkan: 1 nilai dihapus, 0 nilai`
	);
	expect(await current(ctx, 'hdi_ipm', 2005)).toEqual([]);

	// Both undos are in the audit log.
	const audit = await (
		await ctx.get(`/staff/audit/export.csv?action=import.undo&actor=${ACCOUNTS.walidata.username}`)
	).text();
	expect(audit).toContain(`,import,${first},`);
	expect(audit).toContain(`,import,${second},`);
	await ctx.dispose();
	await context.close();
});

test('a produsen uploading another OPD’s indicator is refused (403), nothing is written, and the denial is recorded', async ({
	baseURL
}) => {
	const bps = await signedIn(baseURL!, ACCOUNTS.produsen);
	const admin = await signedIn(baseURL!, ACCOUNTS.admin);
	// spbe_index belongs to DISKOMINFO, hdi_ipm to BPS (data/indicators.csv).
	const res = await previewPost(
		bps,
		baseURL!,
		'e2e-other-opd.csv',
		csv(`33,hdi_ipm,2006,70,${SOURCE}`, `33,spbe_index,2006,3.5,${SOURCE}`)
	);
	expect(res.status()).toBe(403);
	const html = await res.text();
	expect(html).toContain('Ditolak (403): berkas ini memuat indikator yang bukan milik BPS.');
	expect(html).toContain('<code>spbe_index</code>');
	expect(html).not.toContain('name="token"');
	expect(await current(bps, 'spbe_index', 2006)).toEqual([]);
	expect(await current(bps, 'hdi_ipm', 2006)).toEqual([]);
	const audit = await (
		await admin.get(
			`/staff/audit/export.csv?actor=${ACCOUNTS.produsen.username}&action=auth.denied`
		)
	).text();
	expect(audit).toContain('e2e-other-opd.csv');
	expect(audit).toContain('spbe_index');

	// Their own OPD's indicator goes through.
	const id = await importViaApi(
		bps,
		baseURL!,
		'e2e-own-opd.csv',
		csv(`33,hdi_ipm,2006,70,${SOURCE}`)
	);
	expect(id).toBeGreaterThan(0);
	expect(await current(bps, 'hdi_ipm', 2006)).toEqual([70]);
	// A produsen may not undo, even their own import.
	const undo = await bps.post('/staff/imports?/undo', {
		headers: formHeaders(baseURL!),
		data: `id=${id}`,
		maxRedirects: 0
	});
	expect(undo.status()).toBe(403);
	await bps.dispose();
	await admin.dispose();
});

test('an upload token works only for the user who uploaded it', async ({ baseURL }) => {
	const walidata = await signedIn(baseURL!, ACCOUNTS.walidata);
	const other = await signedIn(baseURL!, ACCOUNTS.admin);
	const preview = await previewPost(
		walidata,
		baseURL!,
		'e2e-token.csv',
		csv(`33,hdi_ipm,2007,66,${SOURCE}`)
	);
	const token = tokenOf(await preview.text());
	expect((await confirmPost(other, baseURL!, token)).status()).toBe(410);
	expect((await other.get(`/staff/imports/errors.csv?token=${token}`)).status()).toBe(404);
	expect((await confirmPost(other, baseURL!, '../../../etc/passwd')).status()).toBe(410);
	expect(await current(walidata, 'hdi_ipm', 2007)).toEqual([]);
	// The owner can; a second confirm of the same token finds it gone.
	expect((await confirmPost(walidata, baseURL!, token)).status()).toBe(303);
	expect((await confirmPost(walidata, baseURL!, token)).status()).toBe(410);
	expect(await current(walidata, 'hdi_ipm', 2007)).toEqual([66]);
	await walidata.dispose();
	await other.dispose();
});

test('a viewer reads the history but cannot upload (403) or undo (403)', async ({
	browser,
	baseURL
}) => {
	const context = await browserSignIn(browser, baseURL!, ACCOUNTS.viewer);
	const page = await context.newPage();
	await page.goto('/staff/imports', { waitUntil: 'networkidle' });
	await expect(page.getByRole('heading', { name: 'Riwayat impor' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Periksa berkas' })).toHaveCount(0);
	await expect(page.getByRole('link', { name: /^Batalkan impor/ })).toHaveCount(0);
	const res = await previewPost(
		context.request,
		baseURL!,
		'e2e-viewer.csv',
		csv(`33,hdi_ipm,2008,50,${SOURCE}`)
	);
	expect(res.status()).toBe(403);
	const undo = await context.request.post('/staff/imports?/undo', {
		headers: formHeaders(baseURL!),
		data: 'id=1',
		maxRedirects: 0
	});
	expect(undo.status()).toBe(403);
	expect(await current(context.request, 'hdi_ipm', 2008)).toEqual([]);
	await context.close();
});

test('an anonymous request for the page or a template is sent to sign in', async ({ request }) => {
	for (const path of ['/staff/imports', '/staff/imports/templates/observations.csv']) {
		const res = await request.get(path, { maxRedirects: 0 });
		expect(res.status()).toBe(303);
		expect(res.headers()['location']).toMatch(/^\/login\?redirectTo=/);
	}
});

test('templates download as attachments built from the declared schema, in both languages and shapes', async ({
	baseURL
}) => {
	const ctx = await signedIn(baseURL!, ACCOUNTS.viewer);
	for (const [lang, shape] of [
		['en', 'long'],
		['id', 'long'],
		['id', 'wide']
	] as const) {
		const res = await ctx.get(
			`/staff/imports/templates/observations.csv?lang=${lang}&shape=${shape}`
		);
		expect(res.status()).toBe(200);
		expect(res.headers()['content-disposition']).toBe(
			`attachment; filename="template-observations-${shape}-${lang}.csv"`
		);
		expect(await res.text()).toBe('\uFEFF' + templateCsv('observations', lang, shape));
	}
	expect(
		(await ctx.get('/staff/imports/templates/observations.csv?lang=en')).headers()[
			'content-disposition'
		]
	).toContain('long-en');
	// The XLSX template: the same rows on a data sheet, then the indicator and region lists.
	const xlsx = await ctx.get(
		'/staff/imports/templates/observations.xlsx?lang=id&dimension=economy'
	);
	expect(xlsx.status()).toBe(200);
	expect(xlsx.headers()['content-type']).toBe(
		'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
	);
	expect(xlsx.headers()['content-disposition']).toBe(
		'attachment; filename="template-observations-economy-long-id.xlsx"'
	);
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load((await xlsx.body()) as unknown as ExcelJS.Buffer);
	expect(wb.worksheets.map((w) => w.name)).toEqual(['Data', 'Indikator', 'Wilayah']);
	expect(wb.worksheets[0].getCell('A1').value).toBe('kode_wilayah');
	expect(wb.worksheets[0].getCell('A2').value).toBe('33.18');
	expect(wb.worksheets[0].rowCount).toBe(wb.worksheets[1].rowCount);
	expect((await ctx.get('/staff/imports/templates/nope.xlsx')).status()).toBe(404);
	expect((await ctx.get('/staff/imports/templates/nope.csv')).status()).toBe(404);
	expect((await ctx.get('/staff/imports/templates/indicators.csv?shape=wide')).status()).toBe(400);
	expect((await ctx.get('/staff/imports/templates/targets.csv?lang=fr')).status()).toBe(400);
	await ctx.dispose();
});

test('an upload over the size limit gets a clear 413 message, also past the body limit', async ({
	baseURL
}) => {
	test.setTimeout(120_000);
	const ctx = await signedIn(baseURL!, ACCOUNTS.walidata);
	// The e2e server runs with the defaults: IMPORT_MAX_BYTES 50 MB, BODY_SIZE_LIMIT 51 MB.
	const limit = 50 * 1024 * 1024;
	for (const bytes of [limit + 1, limit + 2 * 1024 * 1024]) {
		const body = Buffer.alloc(bytes, 'a');
		const res = await previewPost(ctx, baseURL!, 'e2e-too-large.csv', body);
		expect(res.status(), `${bytes} bytes`).toBe(413);
		expect(await res.text()).toContain(
			'Berkas lebih besar dari 50 MB. Pecah berkas menjadi beberapa bagian lalu impor satu per satu.'
		);
	}
	await ctx.dispose();
});

test('the imports page with a preview and errors has no serious or critical axe violations', async ({
	browser,
	baseURL
}) => {
	const context = await browserSignIn(browser, baseURL!, ACCOUNTS.walidata);
	const page = await context.newPage();
	await page.goto('/staff/imports', { waitUntil: 'networkidle' });
	await upload(page, 'e2e-axe.csv', csv(`33,hdi_ipm,2009,abc,src`, `33,hdi_ipm,2010,5,src`));
	await expect(page.locator('table.errors tbody tr')).toHaveCount(1);
	for (const d of await page.locator('details').all())
		await d.evaluate((e) => e.setAttribute('open', ''));
	await expectNoSeriousViolations(page);
	await context.close();
});

test('the page speaks English under /en: errors in the reader’s language, columns documented in both', async ({
	browser,
	baseURL
}) => {
	const context = await browserSignIn(browser, baseURL!, ACCOUNTS.walidata);
	const page = await context.newPage();
	await page.goto('/en/staff/imports', { waitUntil: 'networkidle' });
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Data import (CSV, Excel)');
	await page.getByLabel('CSV or Excel (.xlsx) file').setInputFiles({
		name: 'e2e-en.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(csv('33,hdi_ipm,2011,abc,src'))
	});
	await page.getByRole('button', { name: 'Check the file' }).click();
	await expect(page.locator('table.errors tbody tr td').nth(4)).toHaveText(
		'"abc" is not a number. Write a number only (no unit, %, text, NaN or Infinity).'
	);
	const docs = page.locator('details', { hasText: 'Indicator values' });
	await docs.locator('summary').click();
	const regionRow = docs.getByRole('row', { name: /region_code/ });
	await expect(regionRow.locator('td').first()).toHaveText('kode_wilayah, kode_daerah');
	await context.close();
});
