/**
 * Printing a page of this app to PDF in Chromium (`browser.ts` says which one), signed in with
 * the caller's own session. Two rules keep the server's browser from being turned on anyone else:
 * - it loads the app only through the server's own loopback address (never the request's Host
 *   or ORIGIN, which a request can name), and every request to any other origin is blocked;
 * - prints wait in a queue (`job-queue.ts`): one at a time, a few waiting, one per user, each
 *   aborted after 90 s, so three presses by one person cannot hold up everyone else.
 * One browser serves every print (`sharedBrowser`): launched on the first, launched again when it
 * has died, closed when the server shuts down. Each print gets its own context (its own cookie
 * jar), closed after the print.
 */
import type { Browser } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './browser';
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

let browser: Promise<Browser> | null = null;

/** The printer's browser: the running one, or a new one when there is none or it has died. */
export function sharedBrowser(): Promise<Browser> {
	if (browser === null) {
		const launching = (async () => {
			const { chromium } = await import('playwright-core');
			const { executablePath } = await findChromium();
			const launched = await chromium.launch({
				executablePath,
				headless: true,
				args: [...CHROMIUM_ARGS]
			});
			// A crash or a kill: the next print launches a new one.
			launched.on('disconnected', () => {
				if (browser === launching) browser = null;
			});
			return launched;
		})();
		browser = launching;
		// A failed launch is not kept: the next print tries again.
		launching.catch(() => {
			if (browser === launching) browser = null;
		});
	}
	return browser;
}

/** Closes the printer's browser, if one runs (at shutdown). */
export async function closePrinter(): Promise<void> {
	const running = browser;
	browser = null;
	if (running) await (await running.catch(() => null))?.close().catch(() => undefined);
}

/** One print, not queued (`printPdf` queues it): the PDF of `origin + path` with the caller's cookie. */
export async function printPage(
	origin: string,
	path: string,
	cookie: { name: string; value: string },
	signal: AbortSignal
): Promise<Buffer> {
	if (!path.startsWith('/') || path.startsWith('//')) throw new Error('not a path of this site');
	signal.throwIfAborted();
	const context = await (await sharedBrowser()).newContext();
	// A print past the queue's timeout closes its context, which ends the calls below; the
	// browser stays for the next print.
	let closing: Promise<void> | null = null;
	// One close, awaited by `finally` too: a second close() returns before the first is done.
	const close = () => (closing ??= context.close().catch(() => undefined));
	signal.addEventListener('abort', close, { once: true });
	try {
		await context.route('**/*', (route) =>
			printerMayLoad(route.request().url(), origin)
				? route.continue()
				: route.abort('blockedbyclient')
		);
		await context.addCookies([{ name: cookie.name, value: cookie.value, url: origin }]);
		const page = await context.newPage();
		// `load`, not `networkidle`: the page is rendered on the server and needs no script to be
		// complete, and network idleness is half a second of waiting on every print.
		const response = await page.goto(origin + path, { waitUntil: 'load', timeout: 60_000 });
		if (!response || response.status() !== 200) {
			throw new Error(`print page answered ${response?.status() ?? 'nothing'}`);
		}
		await page.emulateMedia({ media: 'print' });
		// The bundled typeface (the print page's @font-face) before the first page is laid out.
		await page.evaluate(() => document.fonts.ready.then(() => undefined));
		return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
	} finally {
		signal.removeEventListener('abort', close);
		await close();
	}
}
