import type { Page } from '@playwright/test';

/**
 * Holds the app's scripts back until `release` is called, so a test can type into the
 * server-rendered form before hydration, as a user on a slow phone does. Open the page with
 * `waitUntil: 'commit'`: module scripts hold DOMContentLoaded back.
 */
export async function holdScripts(page: Page): Promise<() => Promise<void>> {
	let holding = true;
	const held: Array<() => Promise<void>> = [];
	await page.route('**/_app/immutable/**', (route) =>
		holding && route.request().url().endsWith('.js')
			? void held.push(() => route.continue())
			: route.continue()
	);
	return async () => {
		holding = false;
		await Promise.all(held.map((release) => release()));
		await page.locator('html[data-hydrated]').waitFor();
	};
}
