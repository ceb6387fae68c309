/**
 * Every staff page speaks the reader's language: no raw code (an audit action, an import status
 * or error code, a file name the app made up, an English unit) on an Indonesian page, and none of
 * the Indonesian words those codes now become on an English page.
 */
import { expect, test } from './fixtures';
import { AUDIT_ACTIONS } from '../../src/lib/audit-actions';
import { ERROR_CODES } from '../../src/lib/import/types';
import { ACCOUNTS, browserSignIn, formHeaders } from './auth-fixtures';

const PAGES = [
	'/staff',
	'/staff/imports',
	'/staff/audit',
	'/staff/targets?indicator=mpp_permit_services',
	'/staff/users',
	'/staff/indicators',
	'/staff/submissions',
	'/staff/official',
	'/staff/survey',
	'/staff/quick-wins',
	'/staff/programmes',
	'/staff/account'
];

/** Codes and English words an Indonesian page must not show as text. */
const NOT_ON_ID = [
	...AUDIT_ACTIONS,
	...ERROR_CODES,
	'committed',
	'undone',
	'staff form',
	'arithmetic',
	// Indicator units of data/indicators.csv, as stored (src/lib/units.ts translates them).
	'services',
	'agencies',
	'counters',
	'innovations',
	'licences',
	'enterprises',
	'merchants',
	'cameras',
	'visits',
	'villages'
];
/** What those codes are called on Indonesian pages: an English page must not show them. */
const NOT_ON_EN = ['tersimpan', 'dibatalkan', 'formulir target', 'data bawaan', 'Masuk sebagai'];

const words = (text: string, list: readonly string[]) =>
	list.filter((w) => new RegExp(`(^|[^\\w.-])${w.replace(/[.]/g, '\\.')}($|[^\\w-])`).test(text));

test('staff pages in Indonesian show no raw code, and in English no Indonesian label', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(120_000);
	const context = await browserSignIn(browser, baseURL!, ACCOUNTS.wordScan);
	const page = await context.newPage();
	// Something in every table: a target saved through the form action (an import named by the
	// app; confirmed, so no plausibility question) and the sign-in above (an audit row).
	const saveTarget = async (year: string) => {
		const saved = await context.request.post('/staff/targets?/save', {
			headers: formHeaders(baseURL!),
			data: new URLSearchParams({
				indicator: 'mpp_permit_services',
				year,
				value: '410',
				document_type: 'RPJMD',
				document_ref: 'Tabel 4.2',
				source: 'RPJMD Kabupaten Pati',
				confirm: 'yes'
			}).toString(),
			maxRedirects: 0
		});
		expect(saved.status()).toBe(303);
		expect(saved.headers()['location']).toContain('saved=committed');
	};
	await saveTarget('2034');
	// And an undo, whose audit row records the statuses "committed" → "undone" as codes.
	await saveTarget('2035');
	await page.goto('/staff/imports');
	const id = await page
		.locator('tr', { hasText: 'mpp_permit_services 2035' })
		.getAttribute('data-import-id');
	const undone = await context.request.post('/staff/imports?/undo', {
		headers: formHeaders(baseURL!),
		data: `id=${id}`,
		maxRedirects: 0
	});
	expect(undone.status()).toBe(303);

	const found: Record<string, string[]> = {};
	for (const path of PAGES) {
		for (const lang of ['id', 'en'] as const) {
			await page.goto(lang === 'en' ? `/en${path}` : path);
			const text = await page.locator('main').innerText();
			const bad = words(text, lang === 'id' ? NOT_ON_ID : NOT_ON_EN);
			if (bad.length) found[`${lang} ${path}`] = bad;
		}
	}
	expect(found).toEqual({});
	// The labels are there, not just the codes gone.
	await page.goto('/staff');
	await expect(page.locator('main')).toContainText('formulir target: mpp_permit_services 2034');
	await expect(page.locator('main')).toContainText('Masuk');
	await page.goto('/staff/audit?action=import.undo');
	await expect(page.locator('main tbody tr').first()).toContainText('status: dibatalkan');
	await context.close();
});
