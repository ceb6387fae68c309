/**
 * Printing a page of this app to PDF with Debian's Chromium, signed in with the caller's own
 * session. Two rules keep the server's browser from being turned on anyone else:
 * - it loads the app only through the server's own loopback address (never the request's Host
 *   or ORIGIN, which a request can name), and every request to any other origin is blocked;
 * - prints wait in a queue (`job-queue.ts`): one at a time, a few waiting, one per user, each
 *   aborted after 90 s, so three presses by one person cannot hold up everyone else.
 */
import { ConfigError } from './config';
import { createJobQueue } from './job-queue';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Where the printer reaches the app: PRINT_ORIGIN when set (a loopback origin only, for a server
 * bound to another port), else `http://127.0.0.1:$PORT`.
 * @example printOrigin({ PORT: '4000' }) // 'http://127.0.0.1:4000'
 */
export function printOrigin(env: NodeJS.ProcessEnv = process.env): string {
	const raw = env.PRINT_ORIGIN?.trim() || `http://127.0.0.1:${env.PORT || '3000'}`;
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		throw new ConfigError(`PRINT_ORIGIN "${raw}" is not a URL: use http://127.0.0.1:<port>.`);
	}
	if (url.protocol !== 'http:' || !LOOPBACK.has(url.hostname))
		throw new ConfigError(
			`PRINT_ORIGIN "${raw}" must be a loopback address such as http://127.0.0.1:3000: the PDF printer never leaves this machine.`
		);
	return url.origin;
}

/** True when the printing browser may load this URL: the app's loopback origin, or inline data. */
export function printerMayLoad(url: string, origin: string): boolean {
	if (url.startsWith('data:') || url.startsWith('blob:')) return true;
	try {
		return new URL(url).origin === origin;
	} catch {
		return false;
	}
}

export const printQueue = createJobQueue({
	concurrency: 1,
	maxWaiting: 4,
	timeoutMs: 90_000,
	initialEstimateMs: 8_000
});

/**
 * The PDF of `path` (such as `/print/submissions/3`), queued under `owner` (the user's id).
 * Throws QueueBusy (with the seconds to wait) or JobTimeout from the queue.
 */
export function printPdf(
	owner: string,
	path: string,
	cookie: { name: string; value: string }
): Promise<Buffer> {
	const origin = printOrigin();
	return printQueue.run(owner, (signal) => printPage(origin, path, cookie, signal));
}

async function printPage(
	origin: string,
	path: string,
	cookie: { name: string; value: string },
	signal: AbortSignal
): Promise<Buffer> {
	if (!path.startsWith('/') || path.startsWith('//')) throw new Error('not a path of this site');
	const { chromium } = await import('playwright-core');
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		headless: true,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run'
		]
	});
	// A print past the queue's timeout closes its browser, which ends the calls below.
	const close = () => void browser.close().catch(() => undefined);
	signal.addEventListener('abort', close, { once: true });
	try {
		const context = await browser.newContext();
		await context.route('**/*', (route) =>
			printerMayLoad(route.request().url(), origin)
				? route.continue()
				: route.abort('blockedbyclient')
		);
		await context.addCookies([{ name: cookie.name, value: cookie.value, url: origin }]);
		const page = await context.newPage();
		const response = await page.goto(origin + path, { waitUntil: 'networkidle', timeout: 60_000 });
		if (!response || response.status() !== 200) {
			throw new Error(`print page answered ${response?.status() ?? 'nothing'}`);
		}
		await page.emulateMedia({ media: 'print' });
		return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
	} finally {
		signal.removeEventListener('abort', close);
		await browser.close().catch(() => undefined);
	}
}
