/**
 * Charts are one Tab stop each, with arrow keys inside (roving tabindex), so a keyboard user gets
 * past /compare's four charts and map in a few presses; the tables beside them carry the numbers.
 */
import { expect, test, type Page } from './fixtures';

/**
 * Tab presses from the top of the page until the focus leaves <main>: all of them, and those that
 * landed inside a chart's frame (the chart itself, its "table, source and downloads" disclosure).
 */
async function tabsThroughMain(page: Page): Promise<{ all: number; inCharts: number }> {
	await page.locator('body').focus();
	let inMain = false;
	let inCharts = 0;
	for (let presses = 1; presses <= 150; presses++) {
		await page.keyboard.press('Tab');
		const where = await page.evaluate(() => ({
			main: !!document.activeElement?.closest('main'),
			chart: !!document.activeElement?.closest('figure.chart-frame')
		}));
		if (where.chart) inCharts++;
		if (where.main) inMain = true;
		else if (inMain) return { all: presses, inCharts };
	}
	return { all: 150, inCharts };
}

for (const js of [true, false]) {
	test(`a keyboard pass of /compare's charts takes fewer than 30 Tab presses, JavaScript ${js ? 'on' : 'off'}`, async ({
		browser,
		baseURL
	}) => {
		const context = await browser.newContext({ baseURL, javaScriptEnabled: js });
		const page = await context.newPage();
		await page.goto('/compare?region=33.18&year=2022');
		if (js) await page.locator('html[data-hydrated]').waitFor();
		const presses = await tabsThroughMain(page);
		// Eleven charts, two stops each (it was some 120 stops for the charts alone).
		expect(presses.inCharts).toBeLessThan(30);
		// The whole page, with its three forms and the links between the sections.
		expect(presses.all).toBeLessThan(50);
		test.info().annotations.push({ type: 'tab presses', description: JSON.stringify(presses) });
		await context.close();
	});
}

test('inside the /compare map, arrow keys move between regions and Tab leaves the map', async ({
	page
}) => {
	await page.goto('/compare?region=33.18&year=2022');
	await page.locator('html[data-hydrated]').waitFor();
	await page.getByRole('button', { name: 'Tampilkan peta' }).focus();
	await page.keyboard.press('Tab');
	const name = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
	// The map's one stop is the selected region.
	expect(await name()).toMatch(/^Kabupaten Pati: \d+,\d/);
	await page.keyboard.press('ArrowRight');
	const next = await name();
	expect(next).not.toMatch(/^Kabupaten Pati:/);
	expect(next).toMatch(/^(Kabupaten|Kota) [A-Z][a-z]+.*: /);
	await page.keyboard.press('ArrowLeft');
	expect(await name()).toMatch(/^Kabupaten Pati:/);
	await page.keyboard.press('Tab');
	expect(await page.evaluate(() => !!document.activeElement?.closest('section#map svg'))).toBe(
		false
	);
});
