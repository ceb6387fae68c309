/**
 * The specs' `test` and `expect`. Playwright's own, unless E2E_SCRIPT_DELAY_MS is set: then every
 * app script reaches every page that many milliseconds late, as on a slow CI machine, so a spec
 * that acts before the page hydrates, or a form that hydration resets, fails here first:
 *
 *   E2E_SCRIPT_DELAY_MS=2500 npx playwright test
 *
 * (Two CI failures were such races: typed text and a ticked radio reset on hydration.)
 */
import { test as base, type BrowserContext } from '@playwright/test';

// Everything else (expect, the types) is Playwright's own; the local `test` below shadows its.
export * from '@playwright/test';

const delay = Number(process.env.E2E_SCRIPT_DELAY_MS ?? 0);

// Playwright's own `context` fixture may be made by the patched newContext below: delay it once.
const delayed = new WeakSet<BrowserContext>();

async function delayScripts(context: BrowserContext) {
	if (delayed.has(context)) return context;
	delayed.add(context);
	await context.route('**/_app/immutable/**', async (route) => {
		if (route.request().url().endsWith('.js')) await new Promise((r) => setTimeout(r, delay));
		await route.fallback();
	});
	return context;
}

const withDelays = base.extend<object, object>({
	// Specs open contexts of their own (a phone, JavaScript off, a second user) as well as the
	// default one: each gets the delay. Page routes (holdScripts) still take precedence.
	browser: [
		async ({ browser }, use) => {
			const newContext = browser.newContext.bind(browser);
			browser.newContext = async (options) => delayScripts(await newContext(options));
			await use(browser);
		},
		{ scope: 'worker' }
	],
	context: async ({ context }, use) => {
		await use(await delayScripts(context));
	}
});

export const test = delay > 0 ? withDelays : base;
