/**
 * The programme register end to end (issue 21 item 1 and the Outcome part of item 4): a produsen
 * of BPS enters two programmes per pillar with two years of progress (most as form posts, the way
 * a browser without JavaScript sends them; one through the page with JavaScript off, refused
 * first for a start year out of range and a % off 0–100, naming the field); another OPD's
 * programme, a forged programme id and a produsen's approval are refused. The walidata approves
 * all but one year; the public page shows only approved progress, filtered by pillar, OPD, year
 * and kind with JavaScript off, passes axe and fits a 360 px phone; the 2026 workspace's Outcome
 * items show the register beside the answer, with the self-score left empty.
 *
 * The demo seeds its own invented programmes ([Demo] …, none of OPD BPS, none with 2025 or 2026
 * progress), so the filters below use OPD BPS and the years 2025–2026.
 */
import { expect, test, type APIRequestContext } from './fixtures';
import { expectNoSeriousViolations } from './axe';
import { ACCOUNTS, apiSignIn, formHeaders } from './auth-fixtures';

const STAMP = Date.now() % 1_000_000;
const PILLARS = [
	['governance', 'governance.service', 'governance.policy'],
	['branding', 'branding.tourism', 'branding.business'],
	['economy', 'economy.industry', 'economy.welfare'],
	['living', 'living.health', 'living.mobility'],
	['society', 'society.community', 'society.learning'],
	['environment', 'environment.protection', 'environment.waste']
] as const;
// % realised per year of each pillar's first and second programme: 2026 means 85 for each pillar.
const PERCENT = { 2025: ['60', '50'], 2026: ['80', '90'] } as const;

const post = async (
	ctx: APIRequestContext,
	baseURL: string,
	action: string,
	fields: Record<string, string>
) =>
	ctx.post(`/staff/programmes?/${action}`, {
		headers: formHeaders(baseURL),
		data: new URLSearchParams(fields).toString(),
		maxRedirects: 0
	});

const programme = (element: string, name: string, over: Record<string, string> = {}) => ({
	element,
	kind: 'programme',
	name,
	opd: 'BPS',
	start_year: '2025',
	masterplan_title: 'Masterplan Smart City e2e',
	masterplan_page: '10',
	budget_source: 'apbd',
	budget: '100.000.000',
	rpjmd_problem: 'Data belum terpadu',
	status: 'running',
	source: '',
	...over
});

test('a produsen enters two programmes per pillar with two years of progress; the walidata approves; the public page and the workspace show them', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(300_000);
	const prod = await browser.newContext({ baseURL, javaScriptEnabled: false });
	await apiSignIn(prod.request, baseURL!, ACCOUNTS.produsen);
	const wali = await browser.newContext({ baseURL });
	await apiSignIn(wali.request, baseURL!, ACCOUNTS.walidata);

	// Eleven programmes as form posts; each answers 303 to the page, naming the new id.
	const ids = new Map<string, number>();
	for (const [pillar, first, second] of PILLARS)
		for (const [n, element] of [
			[1, first],
			[2, second]
		] as const) {
			if (pillar === 'governance' && n === 2) continue; // entered through the page below
			const name = `E2E ${STAMP} ${pillar} ${n}`;
			const res = await post(prod.request, baseURL!, 'save', programme(element, name));
			expect(res.status(), name).toBe(303);
			ids.set(`${pillar} ${n}`, Number(/[?&]id=(\d+)/.exec(res.headers().location)![1]));
		}

	// The twelfth through the page, JavaScript off: a start year out of range is refused first.
	const page = await prod.newPage();
	await page.goto('/staff/programmes');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Register program dan rencana aksi smart city'
	);
	await expect(page.getByText('Anda dapat mengisi program OPD BPS.')).toBeVisible();
	const form = page.locator('form[action="?/save"]');
	const name = `E2E ${STAMP} governance 2`;
	await form.getByLabel('Pilar dan elemen').selectOption('governance.policy');
	await form.getByLabel('Nama program').fill(name);
	await form.getByLabel('Tahun mulai').fill('2016');
	await form.getByLabel('Dokumen masterplan (judul)').fill('Masterplan Smart City e2e');
	await form.getByLabel('Halaman masterplan').fill('12');
	await form.getByLabel('Sumber anggaran').selectOption('non_apbd');
	await form.getByLabel('Permasalahan RPJMD yang dijawab').fill('Kebijakan belum berbasis data');
	await form.getByRole('button', { name: 'Simpan program' }).click();
	await expect(page.getByTestId('form-problems')).toContainText(
		'Tahun mulai: tahun 2016 di luar rentang 2017–2100.'
	);
	const again = page.locator('form[action="?/save"]');
	// The refused form keeps what was typed, and the OPD is the produsen's own.
	await expect(again.getByLabel('Permasalahan RPJMD yang dijawab')).toHaveValue(
		'Kebijakan belum berbasis data'
	);
	await expect(again.getByLabel('OPD pelaksana (kode)')).toHaveValue('BPS');
	await again.getByLabel('Tahun mulai').fill('2025');
	await again.getByRole('button', { name: 'Simpan program' }).click();
	await expect(page.getByTestId('saved')).toHaveText(`Program ${name} dicatat.`);
	const card = page.locator('article.programme', { has: page.getByRole('heading', { name }) });
	ids.set('governance 2', Number(await card.getAttribute('data-id')));
	await expect(card).toContainText('Masterplan Smart City e2e, hlm. 12');
	await expect(card).toContainText('Non-APBD');

	// Its 2025 progress through the page: % off 0–100 is refused, naming the field; nothing saved.
	await card.getByText('Catat atau ubah kemajuan satu tahun').click();
	const progress = card.locator('form[action="?/progress"]');
	await progress.getByLabel('Tahun').fill('2025');
	await progress.getByLabel('% terealisasi (0–100)').fill('101');
	await progress.getByLabel('Target direncanakan').fill('Perbup satu data');
	await progress.getByLabel('Yang terlaksana').fill('Rancangan perbup');
	await progress.getByLabel('Bukti (tautan atau rujukan dokumen)').fill('LKPJ 2025 hlm. 3');
	await progress.getByRole('button', { name: 'Simpan kemajuan' }).click();
	const refusedCard = page.locator(`#pg-${ids.get('governance 2')}`);
	await expect(refusedCard.getByTestId(`progress-problems-${ids.get('governance 2')}`)).toHaveText(
		/% terealisasi \(0–100\): 101 di luar 0–100; tulis angka dari 0 sampai 100\./
	);
	await expect(refusedCard.getByText('Belum ada kemajuan tercatat.')).toBeVisible();
	const fix = refusedCard.locator('form[action="?/progress"]');
	await expect(fix.getByLabel('Yang terlaksana')).toHaveValue('Rancangan perbup');
	await fix.getByLabel('% terealisasi (0–100)').fill(PERCENT[2025][1]);
	await fix.getByRole('button', { name: 'Simpan kemajuan' }).click();
	await expect(page.getByTestId('saved')).toHaveText(
		'Kemajuan 2025 dicatat sebagai draf; menunggu persetujuan.'
	);

	// The rest of the progress as form posts: two years for every programme.
	for (const [pillar] of PILLARS)
		for (const n of [1, 2] as const)
			for (const year of [2025, 2026] as const) {
				if (pillar === 'governance' && n === 2 && year === 2025) continue;
				const res = await post(prod.request, baseURL!, 'progress', {
					programme: String(ids.get(`${pillar} ${n}`)),
					year: String(year),
					planned: `Target ${year}`,
					done: `Terlaksana ${year}`,
					percent: PERCENT[year][n - 1],
					evidence: `https://example.go.id/${pillar}-${n}-${year}.pdf`
				});
				expect(res.status(), `${pillar} ${n} ${year}`).toBe(303);
			}

	// Refusals: another OPD's programme (403), a forged id (named), a produsen's approval (403).
	const other = await post(
		prod.request,
		baseURL!,
		'save',
		programme('governance.service', 'x', { opd: 'DLH' })
	);
	expect(other.status()).toBe(403);
	const forged = await post(prod.request, baseURL!, 'progress', {
		programme: '999999',
		year: '2025',
		planned: 'a',
		done: 'b',
		percent: '10',
		evidence: 'c'
	});
	expect(forged.status()).toBe(404);
	expect(await forged.text()).toContain(
		'Program: “999999” tidak ada dalam daftar; pilih salah satu dari daftar.'
	);
	const selfApproval = await post(prod.request, baseURL!, 'approve', { progress: '1' });
	expect(selfApproval.status()).toBe(403);

	// The walidata approves every year but environment 2's 2026 (one through the page, with JS).
	const review = await wali.newPage();
	await review.goto(`/staff/programmes#pg-${ids.get('governance 1')}`);
	await review
		.locator(`#pg-${ids.get('governance 1')}`)
		.getByRole('button', { name: `Setujui kemajuan E2E ${STAMP} governance 1 tahun 2025` })
		.click();
	await expect(review.getByTestId('saved')).toHaveText(
		'Kemajuan disetujui; kini tampil di halaman publik.'
	);
	const html = await (await wali.request.get('/staff/programmes')).text();
	for (const [key, id] of ids) {
		const article = html.split('<article').find((a) => a.includes(`data-id="${id}"`))!;
		const drafts = [
			...article.matchAll(
				/<tr data-year="(\d{4})"[^>]*>(?:(?!<\/tr>)[\s\S])*?name="progress" value="(\d+)"/g
			)
		];
		for (const [, year, progressId] of drafts) {
			if (key === 'environment 2' && year === '2026') continue;
			const res = await post(wali.request, baseURL!, 'approve', {
				progress: progressId,
				programme: String(id)
			});
			expect(res.status(), `${key} ${year}`).toBe(303);
		}
	}

	// The public page, anonymous and without JavaScript.
	const reader = await browser.newContext({ baseURL, javaScriptEnabled: false });
	const pub = await reader.newPage();
	await pub.goto('/programmes');
	await expect(pub.getByRole('heading', { level: 1 })).toHaveText('Program smart city');
	await expect(pub.getByTestId('approved-only')).toContainText(
		'Hanya kemajuan yang sudah disetujui walidata yang ditampilkan'
	);
	await expect(
		pub.getByRole('navigation').getByRole('link', { name: 'Program', exact: true })
	).toHaveAttribute('aria-current', 'page');
	await pub.getByLabel('OPD').selectOption('BPS');
	await pub.getByRole('button', { name: 'Terapkan' }).click();
	await expect(pub).toHaveURL(/[?&]opd=BPS/);
	const mine = pub.locator('tbody[data-id]');
	await expect(mine).toHaveCount(12);
	// 12 programmes × 2 years, less the one draft year.
	await expect(pub.locator('tbody[data-id] td.num')).toHaveCount(23);
	const env2 = pub.locator(`tbody[data-id="${ids.get('environment 2')}"]`);
	await expect(env2.locator('tr')).toHaveCount(1);
	await expect(env2).toContainText('2025');
	await expect(env2).not.toContainText('2026');
	// Each number beside its evidence, as a link.
	const gov1 = pub.locator(`tbody[data-id="${ids.get('governance 1')}"]`);
	await expect(gov1.locator('tr').first()).toContainText('60,0');
	await expect(gov1.getByRole('link', { name: /governance-1-2025\.pdf$/ })).toHaveAttribute(
		'href',
		'https://example.go.id/governance-1-2025.pdf'
	);

	// Filtered by pillar and year: governance's two with their 2026 row only (by element: policy first).
	await pub.goto('/programmes?pillar=governance&opd=BPS&year=2026');
	await expect(pub.locator('section[data-pillar]')).toHaveCount(1);
	await expect(pub.locator('tbody[data-id]')).toHaveCount(2);
	await expect(pub.locator('tbody[data-id] td.num')).toHaveText(['90,0', '80,0']);
	await expect(pub.getByLabel('Pilar')).toHaveValue('governance');
	// By kind: none of BPS's is an action plan.
	await pub.goto('/programmes?opd=BPS&kind=literasi');
	await expect(pub.getByTestId('none')).toHaveText(
		'Tidak ada program yang cocok dengan saringan ini.'
	);
	await pub.setViewportSize({ width: 360, height: 800 });
	await pub.goto('/programmes?opd=BPS');
	expect(await pub.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	await reader.close();

	const anonymous = await browser.newContext({ baseURL });
	const audited = await anonymous.newPage();
	await audited.goto('/programmes?opd=BPS');
	await expect(audited.locator('tbody[data-id]')).toHaveCount(12);
	await expectNoSeriousViolations(audited);
	await audited.goto('/en/programmes?pillar=environment');
	await expect(audited.getByTestId('approved-only')).toContainText(
		'Only progress the walidata has approved is shown'
	);
	await anonymous.close();
	await review.goto('/staff/programmes');
	await expectNoSeriousViolations(review);

	// The 2026 workspace: the Outcome items show the register, the self-score stays empty.
	const created = await wali.request.post('/staff/submissions?/create', {
		headers: formHeaders(baseURL!),
		data: new URLSearchParams({
			kind: 'gm100sc',
			year: '2026',
			weight_set: 'reguler-2023'
		}).toString(),
		maxRedirects: 0
	});
	expect(created.status()).toBe(303);
	const submission = /submissions\/(\d+)/.exec(created.headers().location)![1];
	await review.goto(`/staff/submissions/${submission}?group=kominfo.outcome`);
	const governance = review.locator('article[data-ref="outcome.program.3.1.1"]');
	// The demo's one governance programme (started 2022) runs too, without 2026 progress.
	await expect(governance.getByTestId('programme-register')).toContainText(
		'3 program pilar ini berjalan pada 2026; 2 dengan kemajuan disetujui; rata-rata terealisasi 85,0 % (n = 2).'
	);
	await expect(governance.getByTestId('programme-register')).toContainText(
		`E2E ${STAMP} governance 2 (BPS): 90,0 %; https://example.go.id/governance-2-2026.pdf`
	);
	await expect(
		review.locator('article[data-ref="outcome.program.3.17.1"]').getByTestId('programme-register')
	).toContainText('1 dengan kemajuan disetujui; rata-rata terealisasi 80,0 % (n = 1).');
	await expect(governance.getByLabel('Skor sendiri (0–4)')).toHaveValue('');
	await expect(
		review.locator('article[data-ref="outcome.program.3.3.2"]').getByTestId('programme-register')
	).toHaveCount(0);
	await expectNoSeriousViolations(review);

	await prod.close();
	await wali.close();
});

test('a programme entered by mistake is deleted by its OPD, JavaScript off, once the box is ticked', async ({
	browser,
	baseURL
}) => {
	const prod = await browser.newContext({ baseURL, javaScriptEnabled: false });
	await apiSignIn(prod.request, baseURL!, ACCOUNTS.produsen);
	const res = await post(
		prod.request,
		baseURL!,
		'save',
		programme('governance.service', `E2E ${STAMP} salah ketik`)
	);
	expect(res.status()).toBe(303);
	const id = Number(/[?&]id=(\d+)/.exec(res.headers().location)![1]);
	const page = await prod.newPage();
	await page.goto(`/staff/programmes?edit=${id}`);
	const remove = page.getByTestId('delete-form');
	await remove.getByRole('button', { name: 'Hapus' }).click();
	await expect(page.getByTestId('top-problems')).toContainText(
		'Centang “Ya, hapus” untuk menghapus program ini.'
	);
	await expect(page.locator(`#pg-${id}`)).toHaveCount(1);
	await page.goto(`/staff/programmes?edit=${id}`);
	await page.getByLabel(`Ya, hapus program no. ${id}`).check();
	await page.getByTestId('delete-form').getByRole('button', { name: 'Hapus' }).click();
	await expect(page.getByTestId('saved')).toHaveText(`Program no. ${id} dihapus.`);
	await expect(page.locator(`#pg-${id}`)).toHaveCount(0);
	await prod.close();
});
