/**
 * Bench case `pdf`: the PDF export's time per print, with one browser for every print (what
 * `printPage` of src/lib/server/print.ts does) next to a browser launched for each print (what it
 * did before, waiting for network idleness), in the same run.
 *
 * The page printed is served by a bare HTTP server on loopback: a report-like page (headings, a
 * 300-row table, the bundled Noto Sans), so the figures are the printer's and not the app's
 * rendering. Each way prints PRINTS times, one after the other, as the queue runs them; p50 and
 * p90 of the wall time per print are printed, and the ratio of the p50s.
 *
 * Run: `npm run bench -- pdf`.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, findChromium } from '../../src/lib/server/browser';
import { closePrinter, printerMayLoad, printPage } from '../../src/lib/server/print';

const PRINTS = 9;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FONT = path.join(
	ROOT,
	'node_modules/@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2'
);

function reportPage(): string {
	const rows = Array.from(
		{ length: 300 },
		(_, i) =>
			`<tr><th scope="row">Indikator ${i + 1}</th><td>${(i * 1.37).toFixed(2)}</td><td>BPS Kabupaten Pati</td></tr>`
	).join('');
	return `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Laporan</title>
<style>@font-face{font-family:'Noto Sans';src:url(/font.woff2) format('woff2')}
body{font-family:'Noto Sans',sans-serif;font-size:10pt}table{border-collapse:collapse}td,th{border:1px solid #999;padding:2px 4px}</style>
</head><body><h1>Laporan penilaian</h1><table><thead><tr><th>Indikator</th><th>Nilai</th><th>Sumber</th></tr></thead><tbody>${rows}</tbody></table></body></html>`;
}

function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

/** The way print.ts printed before: a browser launched for the print and closed after it. */
async function launchPerPrint(origin: string, pagePath: string): Promise<Buffer> {
	const { chromium } = await import('playwright-core');
	const browser = await chromium.launch({
		executablePath: (await findChromium()).executablePath,
		headless: true,
		args: [...CHROMIUM_ARGS]
	});
	try {
		const context = await browser.newContext();
		await context.route('**/*', (route) =>
			printerMayLoad(route.request().url(), origin)
				? route.continue()
				: route.abort('blockedbyclient')
		);
		const page = await context.newPage();
		await page.goto(origin + pagePath, { waitUntil: 'networkidle' });
		await page.emulateMedia({ media: 'print' });
		await page.evaluate(() => document.fonts.ready.then(() => undefined));
		return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
	} finally {
		await browser.close();
	}
}

async function times(print: () => Promise<Buffer>): Promise<number[]> {
	const ms: number[] = [];
	for (let i = 0; i < PRINTS; i++) {
		const started = performance.now();
		const pdf = await print();
		ms.push(performance.now() - started);
		if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error('not a PDF');
	}
	return ms;
}

export async function run(): Promise<void> {
	const html = reportPage();
	const font = readFileSync(FONT);
	const server = createServer((req, res) => {
		if (req.url === '/font.woff2') res.writeHead(200, { 'content-type': 'font/woff2' }).end(font);
		else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const cookie = { name: 'bench', value: 'x' };
	try {
		const before = await times(() => launchPerPrint(origin, '/report'));
		const after = await times(() =>
			printPage(origin, '/report', cookie, new AbortController().signal)
		);
		const p50 = (ms: number[]) =>
			percentile(
				[...ms].sort((a, b) => a - b),
				0.5
			);
		const p90 = (ms: number[]) =>
			percentile(
				[...ms].sort((a, b) => a - b),
				0.9
			);
		for (const [name, ms] of [
			['pdf_launch_per_print', before],
			['pdf_shared_browser', after]
		] as const)
			console.log(
				JSON.stringify({
					bench: 'pdf',
					case: name,
					prints: ms.length,
					p50_ms: Math.round(p50(ms)),
					p90_ms: Math.round(p90(ms)),
					first_ms: Math.round(ms[0]),
					ratio_p50_to_launch_per_print: Math.round((p50(ms) / p50(before)) * 100) / 100
				})
			);
	} finally {
		await closePrinter();
		server.close();
	}
}
