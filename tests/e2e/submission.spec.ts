/**
 * The submission workspace end to end, in Chromium: walidata opens an SPBE self-assessment, a
 * producer of DISKOMINFO fills items and uploads evidence (a renamed executable is refused),
 * walidata returns one item with a comment, the producer fixes it, walidata accepts; finalising is
 * refused while an item is missing and then succeeds. The exports are read back: the XLSX cell by
 * cell with exceljs, the ZIP's manifest hashes recomputed, the PDF's pages counted.
 */
import {
	expect,
	request,
	test,
	type APIRequestContext,
	type BrowserContext,
	type Page
} from './fixtures';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import {
	ACCOUNTS,
	E2E_DATABASE,
	E2E_PASSWORD,
	apiSignIn,
	browserSignIn,
	formHeaders
} from './auth-fixtures';

test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);

// Own accounts, so no other spec signs these out or changes their roles.
const WALI = { username: 'e2e_sub_wali', role: 'walidata' } as const;
const PROD = { username: 'e2e_sub_kominfo', role: 'produsen', opd: 'DISKOMINFO' } as const;
const YEAR = 2024;
const PDF = Buffer.from(
	'%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'
);
const EXE = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04]);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

let wali: BrowserContext;
let prod: BrowserContext;
let submission = 0;
let snapshot = 0;
const itemIds = new Map<string, number>();

test.beforeAll(async ({ browser, baseURL }) => {
	for (const a of [WALI, PROD]) {
		const args = [
			'node_modules/tsx/dist/cli.mjs',
			'scripts/user.ts',
			'add',
			a.username,
			'--role',
			a.role
		];
		if ('opd' in a) args.push('--opd', a.opd);
		const run = spawnSync(process.execPath, args, {
			env: { ...process.env, DATABASE_URL: E2E_DATABASE, USER_PASSWORD: E2E_PASSWORD },
			encoding: 'utf8'
		});
		expect(run.status, `${run.stderr}${run.stdout}`).toBe(0);
	}
	wali = await browserSignIn(browser, baseURL!, WALI);
	prod = await browserSignIn(browser, baseURL!, PROD);
});

test.afterAll(async () => {
	await wali?.close();
	await prod?.close();
});

const post = (
	ctx: APIRequestContext,
	baseURL: string,
	action: string,
	fields: Record<string, string>
) =>
	ctx.post(`/staff/submissions/${submission}?/${action}`, {
		headers: formHeaders(baseURL),
		data: new URLSearchParams(fields).toString(),
		maxRedirects: 0
	});

async function openItem(page: Page, group: string, ref: string) {
	await page.goto(`/staff/submissions/${submission}?group=${group}`, { waitUntil: 'networkidle' });
	return page.locator(`article[data-ref="${ref}"]`);
}

test('walidata creates the SPBE workspace with its 47 items', async () => {
	const page = await wali.newPage();
	// Wait for hydration: a field filled before it can be reset to its default year (seen under load).
	await page.goto('/staff/submissions', { waitUntil: 'networkidle' });
	const form = page.locator('form.create');
	await form.getByLabel('Jenis').selectOption('spbe');
	await form.getByLabel('Tahun').fill(String(YEAR));
	await expect(form.getByLabel('Tahun')).toHaveValue(String(YEAR));
	await expect(form.getByLabel('Jenis')).toHaveValue('spbe');
	await form.getByRole('button', { name: 'Buat' }).click();
	await page.waitForURL(/\/staff\/submissions\/\d+/);
	submission = Number(/submissions\/(\d+)/.exec(page.url())![1]);
	await expect(page.getByTestId('completeness-overall')).toContainText('0 dari 47 butir wajib');
	for (const g of ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8']) {
		const html = await (
			await wali.request.get(`/staff/submissions/${submission}?group=${g}`)
		).text();
		for (const m of html.matchAll(/id="item-(\d+)" data-ref="(spbe_i\d\d)"/g))
			itemIds.set(m[2], Number(m[1]));
	}
	expect(itemIds.size).toBe(47);
	await page.close();
});

test('a producer fills an item with a level, a justification and an uploaded PDF; a renamed executable is refused; no index while a level is missing', async ({
	baseURL
}) => {
	const page = await prod.newPage();
	let item = await openItem(page, 'a1', 'spbe_i01');
	// The level's criteria and the guidebook's expected evidence are on the item.
	await expect(item.getByText('Kriteria tiap tingkat')).toBeVisible();
	await item.getByLabel('Tingkat (1–5)').selectOption('3');
	await item.getByLabel('Justifikasi').fill('Perbup Pati 12/2024 tentang Arsitektur SPBE');
	await item.getByRole('button', { name: 'Simpan' }).click();
	await expect(page.getByRole('status')).toContainText('Tersimpan');
	item = page.locator('article[data-ref="spbe_i01"]');
	await expect(item.getByTestId('item-status')).toHaveText('draf');

	await item
		.getByLabel('Berkas')
		.setInputFiles({ name: 'laporan.pdf', mimeType: 'application/pdf', buffer: EXE });
	await item.getByRole('button', { name: 'Unggah' }).click();
	await expect(page.getByRole('alert')).toContainText('program (executable)');

	// A real PDF under a name that would run or render it is refused too, with what to do.
	item = await openItem(page, 'a1', 'spbe_i01');
	await item
		.getByLabel('Berkas')
		.setInputFiles({ name: 'bukti.hta', mimeType: 'application/pdf', buffer: PDF });
	await item.getByRole('button', { name: 'Unggah' }).click();
	await expect(page.getByRole('alert')).toContainText(
		'bukti.hta: Isi berkas terdeteksi sebagai PDF, tetapi namanya berakhiran .hta.'
	);

	item = await openItem(page, 'a1', 'spbe_i01');
	await item
		.getByLabel('Berkas')
		.setInputFiles({ name: '../../perbup 12.pdf', mimeType: 'application/pdf', buffer: PDF });
	await item.getByRole('button', { name: 'Unggah' }).click();
	await expect(page.getByRole('status')).toContainText('Bukti dukung ditambahkan');
	item = page.locator('article[data-ref="spbe_i01"]');
	const link = item.getByRole('link', { name: 'perbup 12.pdf' });
	await expect(link).toBeVisible();

	// The file is served only as a download of its evidence row, under its name, with nosniff.
	const href = (await link.getAttribute('href'))!;
	expect(href).toMatch(new RegExp(`^/staff/submissions/${submission}/files/\\d+$`));
	const res = await prod.request.get(href);
	expect(res.status()).toBe(200);
	expect(res.headers()['content-disposition']).toBe(
		`attachment; filename="perbup 12.pdf"; filename*=UTF-8''perbup%2012.pdf`
	);
	expect(res.headers()['content-type']).toBe('application/pdf');
	expect(res.headers()['x-content-type-options']).toBe('nosniff');
	expect(res.headers()['content-security-policy']).toBe("default-src 'none'; sandbox");
	expect(res.headers()['cache-control']).toBe('private, no-store');
	expect(sha(await res.body())).toBe(sha(PDF));

	await item.getByRole('button', { name: 'Ajukan ke walidata' }).click();
	await expect(page.getByRole('status')).toContainText('Diajukan');
	await expect(page.locator('article[data-ref="spbe_i01"]').getByTestId('item-status')).toHaveText(
		'diajukan'
	);

	// Every other item but the last: a link as evidence, level 3, submitted (form posts).
	for (const [ref, id] of itemIds) {
		if (ref === 'spbe_i01' || ref === 'spbe_i47') continue;
		expect(
			(
				await post(prod.request, baseURL!, 'link', {
					item: String(id),
					url: `https://jdih.patikab.go.id/${ref}`,
					label: 'JDIH'
				})
			).status()
		).toBe(303);
		const justification =
			ref === 'spbe_i02' ? '=HYPERLINK("http://evil.example","klik")' : `Bukti ${ref}`;
		expect(
			(
				await post(prod.request, baseURL!, 'submit', {
					item: String(id),
					answer: '3',
					justification
				})
			).status()
		).toBe(303);
	}

	// A producer of another OPD gets a 403 on this OPD's item.
	const bps = await request.newContext({ baseURL });
	await apiSignIn(bps, baseURL!, ACCOUNTS.produsen);
	expect(
		(
			await post(bps, baseURL!, 'save', {
				item: String(itemIds.get('spbe_i03')),
				answer: '5',
				justification: 'x'
			})
		).status()
	).toBe(403);
	await bps.dispose();

	// No index while one indicator lacks a level.
	await page.goto(`/staff/submissions/${submission}?group=a8`);
	await expect(page.getByText('46 dari 47 indikator sudah diberi tingkat')).toBeVisible();
	await expect(page.getByTestId('preview-index')).toHaveText('–');
	await page.close();
});

test('walidata returns an item with a comment, the producer fixes it, walidata accepts', async ({
	baseURL
}) => {
	const w = await wali.newPage();
	let item = await openItem(w, 'a1', 'spbe_i01');
	await item.getByLabel('Catatan walidata').fill('Lampirkan juga SK Tim Koordinasi SPBE');
	await item.getByRole('button', { name: 'Kembalikan' }).click();
	await expect(w.getByRole('status')).toContainText('Dikembalikan');

	const p = await prod.newPage();
	// The producer's staff home says so, and links to the item.
	await p.goto('/staff');
	const todo = p.getByRole('region', { name: 'Yang perlu Anda kerjakan' });
	await expect(todo.getByRole('status')).toHaveText(
		'1 butir dikembalikan kepada Anda oleh walidata: periksa komentarnya, perbaiki, lalu kirim lagi.'
	);
	await expect(todo).toContainText('“Lampirkan juga SK Tim Koordinasi SPBE”');
	await todo.getByRole('listitem').filter({ hasText: 'dikembalikan' }).getByRole('link').click();
	await expect(p).toHaveURL(/\/staff\/submissions\/\d+\?group=a1#item-\d+$/);
	item = await openItem(p, 'a1', 'spbe_i01');
	await expect(item.getByTestId('item-status')).toHaveText('dikembalikan');
	await expect(item.getByTestId('review-comment')).toHaveText(
		'Lampirkan juga SK Tim Koordinasi SPBE'
	);
	await item.getByLabel('Tingkat (1–5)').selectOption('4');
	await item
		.getByLabel('Justifikasi')
		.fill('Perbup Pati 12/2024 dan SK Tim Koordinasi SPBE 5/2024');
	await item.getByRole('button', { name: 'Ajukan ke walidata' }).click();
	await expect(p.locator('article[data-ref="spbe_i01"]').getByTestId('item-status')).toHaveText(
		'diajukan'
	);

	item = await openItem(w, 'a1', 'spbe_i01');
	await item.getByRole('button', { name: 'Terima' }).click();
	await expect(w.locator('article[data-ref="spbe_i01"]').getByTestId('item-status')).toHaveText(
		'diterima'
	);
	for (const [ref, id] of itemIds) {
		if (ref === 'spbe_i01' || ref === 'spbe_i47') continue;
		expect((await post(wali.request, baseURL!, 'accept', { item: String(id) })).status()).toBe(303);
	}
	await w.close();
	await p.close();
});

test('finalising is refused with the missing item listed, then succeeds once it is filled and accepted', async ({
	baseURL
}) => {
	const w = await wali.newPage();
	await w.goto(`/staff/submissions/${submission}`);
	await expect(w.getByTestId('completeness-overall')).toContainText('46 dari 47');
	await w.getByRole('button', { name: 'Finalkan dan bekukan' }).click();
	await expect(w.getByRole('alert')).toContainText('Belum bisa difinalkan');
	await expect(w.getByTestId('blockers')).toContainText('spbe:spbe_i47');
	await expect(w.getByTestId('blockers').locator('li')).toHaveCount(1);

	const id = String(itemIds.get('spbe_i47'));
	expect(
		(
			await post(prod.request, baseURL!, 'link', {
				item: id,
				url: 'https://spbe.patikab.go.id',
				label: 'Portal'
			})
		).status()
	).toBe(303);
	expect(
		(
			await post(prod.request, baseURL!, 'submit', {
				item: id,
				answer: '3',
				justification: 'Layanan publik terintegrasi'
			})
		).status()
	).toBe(303);
	expect((await post(wali.request, baseURL!, 'accept', { item: id })).status()).toBe(303);

	await w.goto(`/staff/submissions/${submission}`);
	await w.getByRole('button', { name: 'Finalkan dan bekukan' }).click();
	await w.waitForURL(/\/snapshots\/\d+/);
	snapshot = Number(/snapshots\/(\d+)/.exec(w.url())![1]);
	await expect(w.getByTestId('snapshot-integrity')).toContainText('cocok dengan hash');
	// Σ level × weight / 100 = (3 × 100 + 1 × 1.3) / 100 = 3.013.
	await expect(w.getByTestId('snapshot-index')).toHaveText('3,01');
	await expect(w.getByTestId('diff-none')).toBeVisible();
	await w.close();
});

test('the XLSX of the snapshot, read back cell by cell', async () => {
	const res = await wali.request.get(
		`/staff/submissions/${submission}/export.xlsx?snapshot=${snapshot}`
	);
	expect(res.status()).toBe(200);
	expect(res.headers()['content-disposition']).toBe(
		`attachment; filename="spbe-${YEAR}-33.18-snapshot-${snapshot}.xlsx"`
	);
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load((await res.body()) as unknown as ExcelJS.Buffer);
	expect(wb.worksheets.map((s) => s.name)).toEqual([
		'Ringkasan',
		'a1 Kebijakan Internal Tata Kelo',
		'a2 Perencanaan Strategis SPBE',
		'a3 Teknologi Informasi dan Komu',
		'a4 Penyelenggara SPBE',
		'a5 Penerapan Manajemen SPBE',
		'a6 Pelaksanaan Audit TIK',
		'a7 Layanan Administrasi Pemerin',
		'a8 Layanan Publik Berbasis Elek'
	]);
	const sum = wb.getWorksheet('Ringkasan')!;
	const col = (ws: ExcelJS.Worksheet, row: number) =>
		Array.from({ length: ws.getRow(row).cellCount }, (_, i) => ws.getRow(row).getCell(i + 1).value);
	expect(col(sum, 1)).toEqual(['Judul', `Evaluasi SPBE ${YEAR}`]);
	expect(col(sum, 2)).toEqual(['Kerangka', 'spbe-2020']);
	expect(col(sum, 4)).toEqual(['Tahun', YEAR]);
	expect(col(sum, 6)).toEqual(['Profil penilaian', 'spbe-2020-default (PermenPANRB 59/2020)']);
	expect(String(col(sum, 7)[1])).toMatch(
		new RegExp(`^Snapshot #${snapshot}, \\d{4}-\\d\\d-\\d\\dT.* oleh e2e_sub_wali$`)
	);
	expect(col(sum, 8)).toEqual(['Indeks', 3.01]);
	expect(col(sum, 9)).toEqual(['Predikat', 'Baik']);
	expect(col(sum, 11)).toEqual([
		'Kelompok',
		'Nama',
		'Butir wajib',
		'Terisi',
		'Diterima',
		'Kelengkapan (%)',
		'Skor'
	]);
	// Aspect 1: nine indicators at 3 and one at 4 → 3.1; aspect 8 at 3.
	expect(col(sum, 12)).toEqual(['a1', 'Kebijakan Internal Tata Kelola SPBE', 10, 10, 10, 100, 3.1]);
	expect(col(sum, 19)).toEqual(['a8', 'Layanan Publik Berbasis Elektronik', 6, 6, 6, 100, 3]);

	const a1 = wb.getWorksheet('a1 Kebijakan Internal Tata Kelo')!;
	expect(col(a1, 1)).toEqual([
		'Kode',
		'Butir',
		'Nilai',
		'Sumber',
		'Level/Jawaban',
		'Justifikasi',
		'Bukti dukung',
		'Status',
		'OPD'
	]);
	const r2 = col(a1, 2);
	expect(r2.slice(0, 2)).toEqual([
		'spbe:spbe_i01',
		'Tingkat Kematangan Kebijakan Internal Arsitektur SPBE Instansi Pusat/Pemerintah Daerah'
	]);
	// The recorded 2024 level is illustrative (data/observations.csv), and says so.
	expect(r2[2]).toBe('5 (2024) [ilustrasi]');
	expect(r2[3]).toBe('ilustrasi: scripts/generate-illustrative.ts');
	expect(r2.slice(4, 6)).toEqual(['4', 'Perbup Pati 12/2024 dan SK Tim Koordinasi SPBE 5/2024']);
	expect(r2[6]).toMatch(
		new RegExp(
			`^perbup 12\\.pdf: http://localhost:\\d+/staff/submissions/${submission}/snapshots/${snapshot}/files/1$`
		)
	);
	expect(r2.slice(7)).toEqual(['accepted', 'DISKOMINFO']);
	// A justification that looks like a formula is stored as text with a leading apostrophe.
	const r3 = col(a1, 3);
	expect(r3[0]).toBe('spbe:spbe_i02');
	expect(r3[5]).toBe(`'=HYPERLINK("http://evil.example","klik")`);
	expect(r3[6]).toBe('JDIH: https://jdih.patikab.go.id/spbe_i02');
	expect(a1.rowCount).toBe(11);
	for (let r = 1; r <= a1.rowCount; r++) {
		for (const v of col(a1, r))
			expect(typeof v === 'object' && v !== null && 'formula' in v).toBe(false);
	}
});

test('the ZIP holds every evidence file with a manifest whose hashes match, plus the XLSX and the PDF', async () => {
	const res = await wali.request.get(
		`/staff/submissions/${submission}/export.zip?snapshot=${snapshot}`
	);
	expect(res.status()).toBe(200);
	const files = unzipSync(new Uint8Array(await res.body()));
	expect(Object.keys(files).sort()).toEqual(
		[
			`evidence/${sha(PDF).slice(0, 16)}-perbup 12.pdf`,
			'manifest.csv',
			'submission.pdf',
			'submission.xlsx'
		].sort()
	);
	const lines = strFromU8(files['manifest.csv']).trim().split('\r\n');
	expect(lines[0]).toBe('file,item,sha256,name,size');
	expect(lines).toHaveLength(2);
	const [file, item, hash, name, size] = lines[1].split(',');
	expect([file, item, name, Number(size)]).toEqual([
		`evidence/${sha(PDF).slice(0, 16)}-perbup 12.pdf`,
		'spbe:spbe_i01',
		'perbup 12.pdf',
		PDF.length
	]);
	expect(hash).toBe(sha(files[file]));
	expect(hash).toBe(sha(PDF));
	expect(strFromU8(files['submission.pdf'].slice(0, 5))).toBe('%PDF-');
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(Buffer.from(files['submission.xlsx']) as unknown as ExcelJS.Buffer);
	expect(wb.getWorksheet('Ringkasan')!.getCell('B8').value).toBe(3.01);
});

test('the PDF report has a summary page and one page per aspect: 9 pages', async () => {
	const res = await wali.request.get(
		`/staff/submissions/${submission}/export.pdf?snapshot=${snapshot}`
	);
	expect(res.status()).toBe(200);
	expect(res.headers()['content-type']).toBe('application/pdf');
	const text = (await res.body()).toString('latin1');
	expect(text.startsWith('%PDF-')).toBe(true);
	// Page objects, not the /Pages tree node.
	expect(text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)).toHaveLength(9);
	// The page tree's root counts every page (inner /Pages nodes count their own subtree).
	const counts = [...text.matchAll(/<<[^>]*\/Type\s*\/Pages\b[^>]*>>/g)].map((m) =>
		Number(/\/Count\s+(\d+)/.exec(m[0])?.[1])
	);
	expect(Math.max(...counts)).toBe(9);
	// Set in the bundled Noto Sans (embedded as a subset), not in whatever the machine has.
	const fonts = new Set([...text.matchAll(/\/BaseFont\s*\/[A-Z]{6}\+([\w-]+)/g)].map((m) => m[1]));
	expect([...fonts].sort()).toEqual(['NotoSans-Bold', 'NotoSans-Regular']);
});

test('after finalising, a later change never alters the snapshot; the diff shows it', async ({
	baseURL
}) => {
	const w = await wali.newPage();
	await w.goto(`/staff/submissions/${submission}`);
	await w.getByRole('button', { name: 'Buka kembali' }).click();
	await expect(w.getByRole('status')).toContainText('Dibuka kembali');
	const id = String(itemIds.get('spbe_i47'));
	expect(
		(await post(wali.request, baseURL!, 'return', { item: id, comment: 'Perbarui' })).status()
	).toBe(303);
	expect(
		(
			await post(prod.request, baseURL!, 'save', {
				item: id,
				answer: '5',
				justification: 'Layanan kolaboratif'
			})
		).status()
	).toBe(303);
	await w.goto(`/staff/submissions/${submission}/snapshots/${snapshot}`);
	await expect(w.getByTestId('snapshot-integrity')).toContainText('cocok dengan hash');
	await expect(w.getByTestId('snapshot-index')).toHaveText('3,01');
	const rows = w.getByTestId('diff').locator('tbody tr');
	await expect(rows).toHaveCount(3);
	const cells = async (n: number) =>
		(await rows.nth(n).locator('td').allTextContents()).map((t) => t.trim());
	expect(await cells(0)).toEqual(['Jawaban', '3', '5']);
	expect(await cells(1)).toEqual([
		'Justifikasi',
		'Layanan publik terintegrasi',
		'Layanan kolaboratif'
	]);
	expect(await cells(2)).toEqual(['Status', 'diterima', 'draf']);
	await w.close();
});

test('the live preview recomputes the SPBE index in the browser as a level is chosen, before saving', async () => {
	const page = await prod.newPage();
	// Wait for hydration: the preview is recomputed by the page's script.
	await page.goto(`/staff/submissions/${submission}?group=a8`, { waitUntil: 'networkidle' });
	// Saved: spbe_i01 at 4, spbe_i47 at 5, the rest at 3: (300 + 1.3 + 6) / 100 = 3.073.
	await expect(page.getByTestId('preview-index')).toHaveText('3,07');
	await page.locator('article[data-ref="spbe_i47"]').getByLabel('Tingkat (1–5)').selectOption('1');
	// Typed, not saved: (300 + 1.3 − 6) / 100 = 2.953.
	await expect(page.getByTestId('preview-index')).toHaveText('2,95');
	await page.close();
});

test('a GM100SC workspace shows each element with its indicators’ data and the register’s programmes, and exports a sheet per dimension', async ({
	baseURL
}) => {
	const page = await wali.newPage();
	await page.goto('/staff/submissions', { waitUntil: 'networkidle' });
	const form = page.locator('form.create');
	await form.getByLabel('Jenis').selectOption('gm100sc');
	await form.getByLabel('Tahun').fill('2023');
	await form.getByLabel('Set bobot instrumen').selectOption('kppn-ikn-2022');
	await form.getByRole('button', { name: 'Buat' }).click();
	await page.waitForURL(/\/staff\/submissions\/\d+/);
	const id = Number(/submissions\/(\d+)/.exec(page.url())![1]);
	// 18 elements and the 59 questions of the 2022 instrument.
	await expect(page.getByTestId('completeness-overall')).toContainText('0 dari 77 butir wajib');

	await page.goto(`/staff/submissions/${id}?group=economy`);
	const welfare = page.locator('article[data-ref="economy.welfare"]');
	await expect(welfare.locator('table.data tbody tr').first()).toBeVisible();
	// Programmes are entered in the register (programmes.spec.ts); the element lists them and links there.
	await expect(welfare.getByRole('heading', { name: 'Program dan quick win' })).toBeVisible();
	await expect(welfare.getByRole('link', { name: 'Register program' })).toHaveAttribute(
		'href',
		'/staff/programmes'
	);

	// Every Quick Win item scored 3.02, the rest unscored: no index yet; then Kudus's means give 2.87.
	const html = await (
		await wali.request.get(`/staff/submissions/${id}?group=kominfo.baseline`)
	).text();
	expect(html).toContain('data-ref="baseline.perencanaan.1.1.1"');
	const ids = new Map<string, number>();
	for (const g of ['baseline', 'output', 'outcome', 'impact', 'quickwin']) {
		const h = await (await wali.request.get(`/staff/submissions/${id}?group=kominfo.${g}`)).text();
		for (const m of h.matchAll(/id="item-(\d+)" data-ref="([a-z]+\.[a-z0-9.-]+)"/g))
			ids.set(m[2], Number(m[1]));
	}
	expect(ids.size).toBe(59);
	const kudus: Record<string, string> = {
		baseline: '2,45',
		output: '2,07',
		outcome: '3,11',
		impact: '3,69',
		quickwin: '3,02'
	};
	for (const [ref, item] of ids) {
		const res = await wali.request.post(`/staff/submissions/${id}?/save`, {
			headers: formHeaders(baseURL!),
			data: new URLSearchParams({
				item: String(item),
				answer: '',
				self_score: kudus[ref.split('.')[0]],
				justification: ''
			}).toString(),
			maxRedirects: 0
		});
		expect(res.status()).toBe(303);
	}
	await page.goto(`/staff/submissions/${id}?group=kominfo.quickwin`);
	await expect(page.getByTestId('preview-index')).toHaveText('2,87');
	await expect(page.getByTestId('preview-expected')).toHaveText('2,87');
	// Pati's last result before 2023 is 2022's, derived from the 2023 letter's printed +0,17.
	await expect(page.getByTestId('last-official')).toContainText(
		'Hasil resmi 2022: 2,67 (B-1384/DJAI/AI.01.04/12/2023). Perkiraan dibanding hasil itu: +0,20.'
	);
	await expect(page.getByTestId('official-history').locator('tbody tr')).toHaveText([
		/2022\s*2,67\s*–\s*B-1384\/DJAI\/AI\.01\.04\/12\/2023\s*\(nilai ini dihitung dari Indeks Peningkatan/
	]);
	// Quick Win weighs 30 over 12 items, Output 20 over 7: an Output item raises the index most.
	const raises = page.getByTestId('raises').locator('li');
	await expect(raises).toHaveCount(10);
	await expect(raises.first()).toContainText('+0,055 bila mencapai 4 (skor kini 2,07)');
	// The reviewer expects the assessors to give one Quick Win item 1,02, not 3,02: 0,05 less.
	const first = page.locator('article[data-ref="quickwin.perumusan-inovasi.5.1.1"]');
	await first.getByLabel('Perkiraan skor asesor (0–4)').fill('1,02');
	await first.locator('form[action="?/expect"]').getByRole('button', { name: 'Simpan' }).click();
	await expect(page.getByRole('status')).toContainText('Perkiraan skor asesor disimpan.');
	await expect(page.getByTestId('preview-index')).toHaveText('2,87');
	await expect(page.getByTestId('preview-expected')).toHaveText('2,82');

	const xlsx = await wali.request.get(`/staff/submissions/${id}/export.xlsx`);
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load((await xlsx.body()) as unknown as ExcelJS.Buffer);
	expect(wb.worksheets.map((s) => s.name)).toEqual([
		'Ringkasan',
		'governance Tata Kelola Cerdas (',
		'branding Pencitraan Daerah Cerd',
		'economy Ekonomi Cerdas (Smart E',
		'living Kehidupan Cerdas (Smart',
		'society Masyarakat Cerdas (Smar',
		'environment Lingkungan Cerdas (',
		'K-baseline Baseline',
		'K-output Output',
		'K-outcome Outcome',
		'K-impact Impact',
		'K-quickwin Quick Win'
	]);
	const sum = wb.getWorksheet('Ringkasan')!;
	expect(sum.getCell('B8').value).toBe(2.87);
	expect(sum.getCell('B5').value).toBe('kppn-ikn-2022');
	const qw = wb.getWorksheet('K-quickwin Quick Win')!;
	expect(qw.getRow(2).getCell(1).value).toBe('instrument:quickwin.perumusan-inovasi.5.1.1');
	expect(qw.getRow(2).getCell(5).value).toBe('');
	expect([qw.getRow(2).getCell(10).value, qw.getRow(2).getCell(11).value]).toEqual([3.02, 1.02]);
	const economy = wb.getWorksheet('economy Ekonomi Cerdas (Smart E')!;
	const row = [...Array(economy.rowCount).keys()]
		.map((r) => economy.getRow(r + 1))
		.find((r) => r.getCell(1).value === 'element:economy.welfare')!;
	expect(String(row.getCell(3).value)).toMatch(/\(20(19|2\d)\)/);
	expect(String(row.getCell(4).value).length).toBeGreaterThan(0);
	expect(row.getCell(9).value).toBe('BPS');
	await page.close();
});
