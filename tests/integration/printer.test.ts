/**
 * The PDF printer's one browser (`sharedBrowser` of src/lib/server/print.ts): reused from print to
 * print, launched again after it died, closed at shutdown; and a print, against a bare loopback
 * server, that loads nothing from any other host.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePrinter, printPage, sharedBrowser } from '../../src/lib/server/print';

let server: Server;
let origin: string;
const requested: string[] = [];
let foreignHits = 0;
let foreign: Server;
/** Resolves when the server has a request for /slow, which it then holds unanswered. */
let slowArrived: () => void = () => undefined;
const held: import('node:http').ServerResponse[] = [];
let foreignOrigin: string;

beforeAll(async () => {
	foreign = createServer((_req, res) => {
		foreignHits++;
		res.writeHead(200, { 'content-type': 'image/png' }).end();
	});
	await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
	foreignOrigin = `http://127.0.0.1:${(foreign.address() as AddressInfo).port}`;
	server = createServer((req, res) => {
		if (req.url === '/slow') {
			held.push(res);
			slowArrived();
			return;
		}
		requested.push(`${req.url} ${req.headers.cookie ?? ''}`);
		res
			.writeHead(req.url === '/missing' ? 404 : 200, { 'content-type': 'text/html' })
			.end(`<h1>Laporan</h1><img src="${foreignOrigin}/pixel.png" alt="">`);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	await closePrinter();
	for (const res of held) res.destroy();
	server.close();
	foreign.close();
});

const cookie = { name: 'rc_session', value: 'token' };
const signal = () => new AbortController().signal;

// Real Chromium launches: room on a busy machine; nothing is timed.
describe('the printer', { timeout: 120_000 }, () => {
	it('prints with the caller’s cookie, blocks other hosts, and keeps one browser for every print', async () => {
		const first = await printPage(origin, '/report', cookie, signal());
		expect(first.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		const browser = await sharedBrowser();
		const second = await printPage(origin, '/report', cookie, signal());
		expect(second.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		expect(await sharedBrowser()).toBe(browser);
		expect(browser.isConnected()).toBe(true);
		// Each print's context is closed after it: nothing stays open between prints.
		expect(browser.contexts()).toHaveLength(0);
		expect(requested).toEqual(['/report rc_session=token', '/report rc_session=token']);
		expect(foreignHits).toBe(0);
	});

	it('a page that does not answer 200 is an error, and the browser stays for the next print', async () => {
		const browser = await sharedBrowser();
		await expect(printPage(origin, '/missing', cookie, signal())).rejects.toThrow(
			'print page answered 404'
		);
		expect(await sharedBrowser()).toBe(browser);
		expect(browser.contexts()).toHaveLength(0);
	});

	it('a print the queue aborts ends, before it starts or while it waits for the page; the browser stays', async () => {
		const browser = await sharedBrowser();
		const early = new AbortController();
		early.abort(new Error('timed out in the queue'));
		await expect(printPage(origin, '/report', cookie, early.signal)).rejects.toThrow(
			'timed out in the queue'
		);
		const controller = new AbortController();
		const arrived = new Promise<void>((resolve) => (slowArrived = resolve));
		const printing = printPage(origin, '/slow', cookie, controller.signal);
		await arrived;
		controller.abort();
		await expect(printing).rejects.toThrow();
		expect(browser.isConnected()).toBe(true);
		expect(browser.contexts()).toHaveLength(0);
	});

	it('a browser that died is replaced at the next print; closePrinter closes it', async () => {
		const dead = await sharedBrowser();
		await dead.close();
		const pdf = await printPage(origin, '/report', cookie, signal());
		expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		const fresh = await sharedBrowser();
		expect(fresh).not.toBe(dead);
		expect(fresh.isConnected()).toBe(true);
		await closePrinter();
		expect(fresh.isConnected()).toBe(false);
	});
});

describe('a path that is not this site’s', () => {
	it.each(['https://evil.example/', '//evil.example/x', 'relative'])(
		'%s is refused',
		async (path) => {
			await expect(printPage(origin, path, cookie, signal())).rejects.toThrow(
				'not a path of this site'
			);
		}
	);
});
