/**
 * The residents' survey end to end (issue 21 item 3, done-when): a walidata creates and opens the
 * 2025 survey (the 2023 instrument's 54 statements) and names a programme; 60 responses arrive
 * through the public form — on a 360 px phone, with JavaScript off, and as plain form posts —
 * while duplicates, an answer off the scale, a forged statement, a honeypot and a burst from one
 * address (loopback: SURVEY_ADDRESS_LIMIT=60 in playwright.config.ts) are refused with a clear
 * message and nothing saved; it closes; the results show per pillar with n and intervals, publicly
 * too; the recap exports; and the 2025 evaluation workspace's Impact items show the result.
 */
import { expect, test, type APIRequestContext, type Browser } from './fixtures';
import { expectNoSeriousViolations } from './axe';
import { ACCOUNTS, browserSignIn, formHeaders } from './auth-fixtures';
import { holdScripts } from './hydration';

const YEAR = 2025;
const FORM = `/survey/${YEAR}`;
const A = 'impact.smart-governance.4.1.1';
const GOVERNANCE = [
	'4.1.1',
	'4.1.2',
	'4.1.3',
	'4.2.1',
	'4.2.2',
	'4.2.3',
	'4.3.1',
	'4.3.2',
	'4.3.3'
].map((n) => `impact.smart-governance.${n}`);

test.describe.configure({ mode: 'serial' });

/** A plain form post of the public form from a fresh device (its own cookie jar). */
async function post(
	browser: Browser,
	baseURL: string,
	fields: Record<string, string>,
	ctx?: APIRequestContext
) {
	const request = ctx ?? (await browser.newContext({ baseURL })).request;
	return request.post(FORM, {
		headers: formHeaders(baseURL),
		data: new URLSearchParams(fields).toString(),
		maxRedirects: 0
	});
}

/**
 * The i-th response's answers to the nine governance statements: i written in base 5, digit 4 as
 * "tidak tahu", so no two responses are alike (the same answers from one address are a duplicate).
 */
const answers = (i: number) =>
	Object.fromEntries(
		GOVERNANCE.map((code, j) => {
			const digit = Math.floor(i / 5 ** j) % 5;
			return [`answer.${code}`, digit === 4 ? 'tt' : String(digit + 1)];
		})
	);

test('a survey runs from opening to the ministry’s recap and the Impact items', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(300_000);
	const wali = await browserSignIn(browser, baseURL!, ACCOUNTS.official);
	const staff = await wali.newPage();

	// Create, name a programme, open. The year is typed before the page hydrates, which must not
	// put the field's server value back.
	const release = await holdScripts(staff);
	await staff.goto('/staff/survey', { waitUntil: 'commit' });
	await staff.getByLabel('Tahun instrumen').fill(String(YEAR));
	await staff.getByLabel('Tanggal penutupan (terakhir menerima jawaban)').fill(`${YEAR + 1}-12-31`);
	await expect(staff.locator('html[data-hydrated]')).toHaveCount(0);
	await release();
	await staff.getByRole('button', { name: 'Buat survei' }).click();
	await expect(staff.getByTestId('saved')).toContainText(`Survei ${YEAR} dibuat sebagai draf.`);
	await staff.locator('[id="name-smart-governance.4.1-1"]').fill('Mal Pelayanan Publik');
	await staff.getByRole('button', { name: 'Simpan pengaturan' }).click();
	await expect(staff.getByTestId('saved')).toContainText('Pengaturan disimpan.');
	// A forged register id refuses the whole form.
	const forged = await wali.request.post(`/staff/survey/${YEAR}?/settings`, {
		headers: formHeaders(baseURL!),
		data: new URLSearchParams({
			closes_on: `${YEAR + 1}-12-31`,
			'programme.smart-governance.4.1.2': '999999',
			'name.smart-governance.4.1.2': ''
		}).toString(),
		maxRedirects: 0
	});
	expect(forged.status()).toBe(400);
	expect(await forged.text()).toContain('tidak ada di daftar program pilar ini');
	// Not open yet: a response is refused.
	expect((await post(browser, baseURL!, answers(0))).status()).toBe(409);
	await staff.getByRole('button', { name: 'Buka survei' }).click();
	await expect(staff.getByTestId('saved')).toContainText('Survei dibuka');
	await expect(staff.getByTestId('survey-qr')).toBeVisible();
	await expect(staff.getByTestId('survey-link')).toHaveText(new RegExp(`/survey/${YEAR}$`));

	// The form is open or closed by date as well as by staff: the page cache never keeps it.
	expect((await wali.request.get(FORM)).headers()['cache-control']).toBe('no-store');
	expect((await wali.request.get(`${FORM}/results`)).headers()['cache-control']).toBe('no-store');

	let accepted = 0;
	// Three on a 360 px phone, one pillar each, with the programme named and the privacy notice.
	for (let i = 0; i < 3; i++) {
		const phone = await browser.newContext({ baseURL, viewport: { width: 360, height: 740 } });
		const page = await phone.newPage();
		const scripts: string[] = [];
		page.on('request', (r) => void (r.resourceType() === 'script' && scripts.push(r.url())));
		await page.goto(`${FORM}?pilar=smart-governance`);
		// Not hydrated (csr = false): nothing to download, and nothing to race a resident's first tap.
		expect(scripts).toEqual([]);
		await expect(page.getByTestId('survey-privacy')).toContainText('UU 27/2022');
		await expect(page.getByText('Program yang dimaksud: Mal Pelayanan Publik')).toBeVisible();
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			360
		);
		if (i === 0) await expectNoSeriousViolations(page);
		for (const [j, code] of GOVERNANCE.entries())
			await page.locator(`input[name="answer.${code}"][value="${((i + j) % 4) + 1}"]`).check();
		await page.getByRole('button', { name: 'Kirim jawaban' }).click();
		await expect(page.getByTestId('survey-sent')).toContainText('Terima kasih');
		accepted++;
		await phone.close();
	}

	// Three with JavaScript off; the third sends its form twice: a duplicate.
	for (let i = 3; i < 6; i++) {
		const noJs = await browser.newContext({ baseURL, javaScriptEnabled: false });
		const page = await noJs.newPage();
		await page.goto(FORM);
		await page.locator(`input[name="answer.${A}"][value="${(i % 4) + 1}"]`).check();
		await page.locator(`input[name="answer.impact.smart-living.4.2.1"][value="tt"]`).check();
		await page.getByLabel('Kelompok usia (boleh dikosongkan)').selectOption('30-44');
		await page.getByRole('button', { name: 'Kirim jawaban' }).click();
		await expect(page.getByTestId('survey-sent')).toBeVisible();
		accepted++;
		if (i === 5) {
			await page.locator(`input[name="answer.${A}"][value="1"]`).check();
			await page.getByRole('button', { name: 'Kirim jawaban' }).click();
			await expect(page.getByTestId('survey-refused')).toContainText('sudah kami terima');
		}
		await noJs.close();
	}

	// Bad input: each refused with its message, nothing saved.
	const offScale = await post(browser, baseURL!, { ...answers(100), [`answer.${A}`]: '5' });
	expect(offScale.status()).toBe(400);
	expect(await offScale.text()).toContain('“5” bukan jawaban yang tersedia');
	const forgedStatement = await post(browser, baseURL!, { 'answer.impact.palsu.9.9.9': '2' });
	expect(forgedStatement.status()).toBe(400);
	expect(await forgedStatement.text()).toContain('tidak ada di survei ini');
	const trapped = await post(browser, baseURL!, { ...answers(101), website: 'http://spam' });
	expect(trapped.status()).toBe(303);
	// The same answers again from this address, from a new device: a duplicate.
	const again = await post(browser, baseURL!, answers(0));
	expect(again.status()).toBe(303);
	accepted++;
	const repeat = await post(browser, baseURL!, answers(0));
	expect(repeat.status()).toBe(409);
	expect(await repeat.text()).toContain('sudah kami terima');

	// The rest as plain form posts from new devices, up to 60 from this one address …
	for (let i = 1; accepted < 60; i++) {
		const res = await post(browser, baseURL!, answers(i));
		expect(res.status(), `response ${accepted + 1}`).toBe(303);
		accepted++;
	}
	// … and a burst past the limit: each refused with 429 and when to try again.
	for (let i = 0; i < 3; i++) {
		const burst = await post(browser, baseURL!, answers(500 + i));
		expect(burst.status()).toBe(429);
		expect(await burst.text()).toContain('Terlalu banyak jawaban dari jaringan ini');
	}

	await staff.goto(`/staff/survey/${YEAR}`);
	await expect(staff.getByTestId('survey-status')).toContainText('60 / 0');
	// Results are not public while it runs.
	const anon = await browser.newContext({ baseURL });
	const pub = await anon.newPage();
	await pub.goto(`${FORM}/results`);
	await expect(pub.getByTestId('survey-results-not-yet')).toBeVisible();

	await staff.getByRole('button', { name: 'Tutup survei' }).click();
	await expect(staff.getByTestId('saved')).toContainText('Survei ditutup');
	const closed = await post(browser, baseURL!, answers(900));
	expect(closed.status()).toBe(409);
	expect(await closed.text()).toContain('sudah ditutup');

	// Public results: per pillar with n and an interval.
	await pub.goto(`${FORM}/results`);
	await expect(pub.getByTestId('survey-responses')).toHaveText('60 responden');
	const governance = pub.locator('tr.pillar[data-pillar="smart-governance"]');
	await expect(governance.locator('td').nth(1)).toHaveText('60');
	await expect(governance.locator('td').nth(2)).toHaveText(/^\d,\d\d – \d,\d\d$/);
	// Statement 4.1.1: the 10 posts whose base-5 first digit is 4 said "tidak tahu" (i = 4, 9, … 49).
	await expect(pub.locator(`tr[data-statement="${A}"] td`).nth(1)).toHaveText('50');
	await expect(pub.locator(`tr[data-statement="${A}"] td`).nth(3)).toHaveText('10');
	await expect(pub.getByText('t(0,975; n−1)')).toBeVisible();
	await expectNoSeriousViolations(pub);

	// The recap for the ministry.
	const csv = await wali.request.get(`/staff/survey/${YEAR}/recap.csv?lang=id`);
	expect(csv.status()).toBe(200);
	const text = await csv.text();
	expect(text).toContain('Tingkat;Pilar;Sub Dimensi;No;Kode;Pernyataan;Program;Responden (n)');
	expect(text).toMatch(/Pilar;Smart Governance;;;smart-governance;;;60;;/);
	expect(text).toContain('Mal Pelayanan Publik');
	const xlsx = await wali.request.get(`/staff/survey/${YEAR}/recap.xlsx`);
	expect(xlsx.status()).toBe(200);
	expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
	expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');

	// The evaluation workspace's Impact items show the closed survey's result and offer its mean.
	await staff.goto('/staff/submissions', { waitUntil: 'networkidle' });
	const create = staff.locator('form.create');
	await create.getByLabel('Jenis').selectOption('gm100sc');
	await create.getByLabel('Tahun').fill(String(YEAR));
	await create.getByLabel('Set bobot instrumen').selectOption('reguler-2023');
	await create.getByRole('button', { name: 'Buat' }).click();
	await staff.waitForURL(/\/staff\/submissions\/\d+/);
	const id = Number(/submissions\/(\d+)/.exec(staff.url())![1]);
	await staff.goto(`/staff/submissions/${id}?group=kominfo.impact`);
	const item = staff.locator(`article[data-ref="${A}"]`);
	await expect(item.getByTestId('survey-result')).toContainText(`Survei warga ${YEAR}: rata-rata`);
	await expect(item.getByTestId('survey-result')).toContainText('n = 50');
	await expect(item.locator('input[name="answer"]')).toHaveValue(/^\d\.\d\d$/);
	await wali.close();
	await anon.close();
});

test('a paper form typed in wrong is withdrawn with a reason, JavaScript off; without one it stays', async ({
	browser,
	baseURL
}) => {
	const year = 2026;
	const wali = await browserSignIn(browser, baseURL!, ACCOUNTS.official, {
		javaScriptEnabled: false
	});
	const staff = await wali.newPage();
	await staff.goto('/staff/survey');
	await staff.getByLabel('Tahun instrumen').fill(String(year));
	await staff.getByLabel('Tanggal penutupan (terakhir menerima jawaban)').fill(`${year}-12-31`);
	await staff.getByRole('button', { name: 'Buat survei' }).click();
	await expect(staff.getByTestId('saved')).toContainText(`Survei ${year} dibuat sebagai draf.`);
	const paper = await wali.request.post(`/staff/survey/${year}?/paper`, {
		headers: formHeaders(baseURL!),
		data: new URLSearchParams(answers(7)).toString(),
		maxRedirects: 0
	});
	expect(paper.status()).toBe(303);
	await staff.goto(`/staff/survey/${year}`);
	await expect(staff.getByTestId('survey-status')).toContainText('0 / 1');
	const row = staff.getByTestId('latest-responses').locator('tbody tr');
	await expect(row).toHaveCount(1);
	await expect(row).toContainText('kertas');

	await row.getByRole('button', { name: 'Tarik' }).click();
	await expect(staff.getByTestId('withdraw-refused')).toHaveText(
		'Tulis alasan penarikan (paling banyak 500 karakter): log audit menyimpannya.'
	);
	await expect(staff.getByTestId('survey-status')).toContainText('0 / 1');

	await row.getByRole('textbox').fill('Form kertas no. 12 salah ketik');
	await row.getByRole('button', { name: 'Tarik' }).click();
	await expect(staff.getByTestId('saved')).toHaveText(
		'Jawaban ditarik; hasil dihitung ulang tanpa jawaban itu.'
	);
	await expect(staff.getByTestId('survey-status')).toContainText('0 / 0');
	await expect(staff.getByText('Belum ada jawaban.')).toBeVisible();
	await wali.close();
});

test('a paper form answered before the staff page hydrates keeps every answer', async ({
	browser,
	baseURL
}) => {
	const year = 2027;
	const wali = await browserSignIn(browser, baseURL!, ACCOUNTS.official);
	const staff = await wali.newPage();
	await staff.goto('/staff/survey', { waitUntil: 'networkidle' });
	await staff.getByLabel('Tahun instrumen').fill(String(year));
	await staff.getByLabel('Tanggal penutupan (terakhir menerima jawaban)').fill(`${year}-12-31`);
	await staff.getByRole('button', { name: 'Buat survei' }).click();
	await expect(staff.getByTestId('saved')).toContainText(`Survei ${year} dibuat sebagai draf.`);

	// Answered on the server-rendered form, scripts held back; hydration must not clear the radios
	// (it did while they were bound with checked=, not defaultChecked=).
	const release = await holdScripts(staff);
	await staff.goto(`/staff/survey/${year}`, { waitUntil: 'commit' });
	await staff.locator('summary', { hasText: 'Simpan form kertas' }).click();
	const paper = staff.locator('form[action="?/paper"]');
	await paper.locator(`input[name="answer.${A}"][value="3"]`).check();
	await paper.locator('input[name="answer.impact.smart-living.4.2.1"][value="tt"]').check();
	await expect(staff.locator('html[data-hydrated]')).toHaveCount(0);
	await release();
	await expect(paper.locator(`input[name="answer.${A}"][value="3"]`)).toBeChecked();
	await expect(
		paper.locator('input[name="answer.impact.smart-living.4.2.1"][value="tt"]')
	).toBeChecked();
	await paper.getByRole('button', { name: 'Simpan form kertas' }).click();
	await expect(staff.getByTestId('saved')).toHaveText('Form kertas disimpan.');
	await expect(staff.getByTestId('survey-status')).toContainText('0 / 1');
	const row = (code: string) => staff.locator(`tr[data-statement="${code}"] td`);
	await expect(row(A).nth(1)).toHaveText('1');
	await expect(row(A).nth(3)).toHaveText('0');
	await expect(row('impact.smart-living.4.2.1').nth(1)).toHaveText('0');
	await expect(row('impact.smart-living.4.2.1').nth(3)).toHaveText('1');
	await wali.close();
});
