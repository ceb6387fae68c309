import { expect, test, type Page } from './fixtures';
import { ACCOUNTS, browserSignIn } from './auth-fixtures';

/**
 * The language switch with JavaScript on gives the page a fresh load would give: every label,
 * heading and number in the new language, and <html lang> with them (issue 16: the layout and the
 * navigation used to stay in the old language after a client-side switch).
 */

/**
 * What a reader sees and what a screen reader is told, in a form two loads can compare. `frame`:
 * only the page's frame (navigation, headings, labels, buttons), for a staff page whose tables
 * change while parallel tests import.
 */
async function snapshot(page: Page, frame = false) {
	await page.locator('html[data-hydrated]').waitFor();
	const text = frame
		? (await page.locator('nav, h1, h2, h3, label, button, th[scope="col"]').allInnerTexts()).join(
				' | '
			)
		: await page.locator('body').innerText();
	return {
		lang: await page.locator('html').getAttribute('lang'),
		title: await page.title(),
		text: text.replace(/\s+/g, ' ').trim()
	};
}

const PAGES = ['/', '/dimensions/economy?region=33.18&year=2022', '/compare', '/methodology'];

for (const path of PAGES) {
	test(`switching ${path} to English and back with JavaScript on matches a fresh load`, async ({
		page
	}) => {
		await page.goto(path);
		const id = await snapshot(page);
		expect(id.lang).toBe('id');

		await page.getByRole('link', { name: 'Read this page in English' }).click();
		await expect(page).toHaveURL(/\/en(\/|\?|$)/);
		const switched = await snapshot(page);
		await page.reload();
		expect(switched).toEqual(await snapshot(page));
		expect(switched.lang).toBe('en');
		expect(switched.text).not.toBe(id.text);

		await page.getByRole('link', { name: 'Baca halaman ini dalam Bahasa Indonesia' }).click();
		await expect(page).not.toHaveURL(/\/en(\/|\?|$)/);
		const back = await snapshot(page);
		expect(back).toEqual(id);
	});
}

test('switching a staff page to English with JavaScript on matches a fresh load', async ({
	browser,
	baseURL
}) => {
	const context = await browserSignIn(browser, baseURL!, ACCOUNTS.language);
	const page = await context.newPage();
	await page.goto('/staff');
	const id = await snapshot(page, true);
	await page.getByRole('link', { name: 'Read this page in English' }).click();
	await expect(page).toHaveURL(/\/en\/staff$/);
	const switched = await snapshot(page, true);
	await page.reload();
	expect(switched).toEqual(await snapshot(page, true));
	expect(switched.lang).toBe('en');
	// Back in history is Indonesian again, as it was.
	await page.goBack();
	await expect(page).toHaveURL(/\/staff$/);
	expect(await snapshot(page, true)).toEqual(id);
	await context.close();
});
