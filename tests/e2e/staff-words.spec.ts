/**
 * Every staff page speaks the reader's language: no raw code (an audit action, an import status
 * or error code, a file name the app made up, an English unit) on an Indonesian page, and none of
 * the Indonesian words those codes now become on an English page.
 */
import { expect, test } from '@playwright/test';
import { AUDIT_ACTIONS } from '../../src/lib/audit-actions';
import { ERROR_CODES } from '../../src/lib/import/types';
import { ACCOUNTS, browserSignIn } from './auth-fixtures';

const PAGES = [
	'/staff',
	'/staff/imports',
	'/staff/audit',
	'/staff/targets?indicator=mpp_permit_services',
	'/staff/users',
	'/staff/indicators',
	'/staff/submissions',
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
	// Something in every table: a target saved through the form (an import named by the app) and
	// the sign-in above (an audit row).
	await page.goto('/staff/targets?indicator=mpp_permit_services');
	const form = page.locator('form.edit');
	await form.getByLabel('Tahun').fill('2034');
	await form.getByLabel(/Nilai target/).fill('410');
	await form.getByLabel(/Dokumen sumber/).fill('RPJMD Kabupaten Pati');
	await form.getByLabel(/Halaman atau tabel/).fill('Tabel 4.2');
	await form.getByRole('button', { name: 'Simpan target' }).click();
	const confirm = form.getByLabel('Ya, angka ini benar: simpan target ini.');
	if (await confirm.isVisible()) {
		await confirm.check();
		await form.getByRole('button', { name: 'Simpan target' }).click();
	}
	await expect(page.getByRole('status')).toContainText('Tersimpan');

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
	await context.close();
});
