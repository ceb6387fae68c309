/**
 * Bench case `pages`: the public scorecard under load, its weight, and Lighthouse's scores.
 *
 * - Throughput: autocannon (10 connections) on `/` next to a bare SvelteKit page that runs one
 *   SQLite query (`/bench-baseline`, only served with BENCH_BASELINE=1) in the same run, so the
 *   ratio survives a noisy machine; once as readers get it (the page cache serving anonymous
 *   readers) and once rendered on every request (`Cache-Control: no-cache`). Each is measured in
 *   three rounds, each round the baseline then the page, and the median round's ratio is the
 *   figure: a machine that slows down or speeds up mid-run moves both sides of a round alike.
 *   Budget: `/` at ≥ 60 % of the baseline's requests/s, p99 under 50 ms, both as readers get it
 *   and rendered every time.
 * - Weight: HTML of `/` ≤ 120 KB; JavaScript shipped for `/` ≤ 50 KB gzip, on the bundled data
 *   (which has no composite, so no what-if sliders) and on the demo data (which has both).
 * - Lighthouse 12 (runs on Node 20) on `/`, a dimension page, an indicator page and `/compare`
 *   with the Chromium that `findChromium()` picks (Debian's, when installed): performance ≥ 95,
 *   total blocking time ≤ 150 ms, accessibility 100 (the audits that fail are listed), best
 *   practices ≥ 95.
 *
 * Prints one JSON line per case. Run: `npm run bench -- pages`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { TEST_BUILD_DIR } from '../build-dir';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHROMIUM_ARGS, findChromium } from '../../src/lib/server/browser';

/** Seconds per autocannon run: one round is the baseline then the page, each this long. */
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 10;
const ROUNDS = 3;

function emit(line: Record<string, unknown>) {
	console.log(JSON.stringify({ bench: 'pages', ...line }));
}

async function startServer(
	env: Record<string, string> = {}
): Promise<{ base: string; child: ChildProcess; dir: string }> {
	const dir = mkdtempSync(path.join(tmpdir(), 'rapor-bench-pages-'));
	const port = 4900 + Math.floor(Math.random() * 90);
	const child = spawn(process.execPath, ['scripts/start.js'], {
		env: {
			...process.env,
			DATABASE_URL: path.join(dir, 'bench.db'),
			BENCH_BASELINE: '1',
			BUILD_DIR: TEST_BUILD_DIR,
			PORT: String(port),
			ORIGIN: `http://localhost:${port}`,
			...env
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const base = `http://localhost:${port}`;
	const deadline = Date.now() + 180_000;
	for (;;) {
		const ok = await fetch(`${base}/healthz`).then(
			(r) => r.ok,
			() => false
		);
		if (ok) break;
		if (Date.now() > deadline || child.exitCode !== null)
			throw new Error('bench server did not start');
		await new Promise((r) => setTimeout(r, 500));
	}
	return { base, child, dir };
}

interface CannonResult {
	requests: { average: number };
	latency: { p99: number; average: number };
	non2xx: number;
	errors: number;
}

async function cannon(url: string, headers: Record<string, string> = {}): Promise<CannonResult> {
	// autocannon ships no types; this is the part of its API the bench uses.
	const { default: autocannon } = (await import(/* @vite-ignore */ 'autocannon' as string)) as {
		default: (options: {
			url: string;
			connections: number;
			duration: number;
			headers: Record<string, string>;
		}) => Promise<CannonResult>;
	};
	return autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers });
}

interface Round {
	baseline: CannonResult;
	page: CannonResult;
	ratio: number;
}

/** `url` against the baseline in ROUNDS rounds (baseline, then page): the median round. */
async function againstBaseline(
	base: string,
	url: string,
	headers: Record<string, string> = {}
): Promise<Round & { ratios: number[] }> {
	const rounds: Round[] = [];
	for (let i = 0; i < ROUNDS; i++) {
		const baseline = await cannon(`${base}/bench-baseline`);
		const page = await cannon(url, headers);
		rounds.push({ baseline, page, ratio: page.requests.average / baseline.requests.average });
	}
	const ratios = rounds.map((r) => Number(r.ratio.toFixed(3)));
	return { ...rounds.toSorted((a, b) => a.ratio - b.ratio)[Math.floor(ROUNDS / 2)], ratios };
}

const throughput = (m: Round & { ratios: number[] }) => ({
	requests_per_s: Math.round(m.page.requests.average),
	p99_ms: m.page.latency.p99,
	non_2xx: m.page.non2xx,
	ratio_to_baseline: Number(m.ratio.toFixed(3)),
	round_ratios: m.ratios
});

async function weight(base: string, instance: string) {
	const html = await (await fetch(`${base}/`)).text();
	// What a browser really loads: SvelteKit's entry scripts import the route's chunks at run time,
	// so the page is loaded in Chromium and every script response is counted (gzip level 9).
	const { chromium } = await import('playwright-core');
	const browser = await chromium.launch({
		executablePath: (await findChromium()).executablePath,
		args: [...CHROMIUM_ARGS]
	});
	const scripts = new Map<string, Buffer>();
	try {
		const page = await browser.newPage();
		page.on('response', async (response) => {
			if (response.request().resourceType() !== 'script') return;
			scripts.set(response.url(), await response.body());
		});
		await page.goto(`${base}/`, { waitUntil: 'networkidle' });
	} finally {
		await browser.close();
	}
	let jsRaw = 0;
	let jsGzip = 0;
	for (const body of scripts.values()) {
		jsRaw += body.length;
		jsGzip += gzipSync(body, { level: 9 }).length;
	}
	emit({
		case: 'weight',
		page: '/',
		instance,
		whatif_sliders: html.includes('data-whatif="form"'),
		html_bytes: Buffer.byteLength(html),
		html_gzip_bytes: gzipSync(html).length,
		js_files: scripts.size,
		js_bytes: jsRaw,
		js_gzip_bytes: jsGzip,
		html_budget_ok: Buffer.byteLength(html) <= 120 * 1024,
		js_budget_ok: jsGzip <= 50 * 1024
	});
}

async function lighthouseScores(base: string) {
	const { default: lighthouse } = await import('lighthouse');
	const chromeLauncher = await import('chrome-launcher');
	const chrome = await chromeLauncher.launch({
		chromePath: (await findChromium()).executablePath,
		chromeFlags: ['--headless=new', ...CHROMIUM_ARGS]
	});
	try {
		// The scorecard, a dimension, an indicator (with the kecamatan map) and /compare (with the
		// province map): the pages issue 20's budgets name.
		for (const page of ['/', '/dimensions/economy', '/indicators/hdi_ipm', '/compare']) {
			const result = await lighthouse(`${base}${page}`, {
				port: chrome.port,
				output: 'json',
				logLevel: 'error',
				onlyCategories: ['performance', 'accessibility', 'best-practices']
			});
			const lhr = result?.lhr;
			const c = lhr?.categories;
			const score = (key: string) => Math.round((c?.[key]?.score ?? 0) * 100);
			const tbt = Math.round(lhr?.audits['total-blocking-time']?.numericValue ?? NaN);
			// What keeps a category below 100: the audits that count and did not pass.
			const failing = (key: string) =>
				(c?.[key]?.auditRefs ?? [])
					.filter((a) => a.weight > 0 && (lhr?.audits[a.id]?.score ?? 1) < 1)
					.map((a) => a.id);
			emit({
				case: 'lighthouse',
				page,
				performance: score('performance'),
				total_blocking_time_ms: tbt,
				accessibility: score('accessibility'),
				accessibility_failing: failing('accessibility'),
				best_practices: score('best-practices'),
				budget_ok:
					score('performance') >= 95 &&
					tbt <= 150 &&
					score('accessibility') === 100 &&
					score('best-practices') >= 95
			});
		}
	} finally {
		await chrome.kill();
	}
}

export async function run(): Promise<void> {
	const { base, child, dir } = await startServer();
	try {
		// Warm the scoring cache and the JIT before measuring.
		for (let i = 0; i < 20; i++) {
			await fetch(`${base}/`).then((r) => r.text());
			await fetch(`${base}/`, { headers: { 'cache-control': 'no-cache' } }).then((r) => r.text());
			await fetch(`${base}/bench-baseline`).then((r) => r.text());
		}
		const overview = await againstBaseline(base, `${base}/`);
		emit({
			case: 'baseline',
			route: '/bench-baseline (a bare page running one SQLite query)',
			requests_per_s: Math.round(overview.baseline.requests.average),
			p99_ms: overview.baseline.latency.p99,
			non_2xx: overview.baseline.non2xx
		});
		emit({
			case: 'overview',
			route: '/',
			...throughput(overview),
			budget_ok: overview.ratio >= 0.6 && overview.page.latency.p99 < 50
		});
		// The same page rendered on every request (the page cache bypassed, as on a hard refresh).
		const rendered = await againstBaseline(base, `${base}/`, { 'cache-control': 'no-cache' });
		emit({
			case: 'overview_rendered',
			route: '/ (Cache-Control: no-cache: rendered every time)',
			...throughput(rendered),
			budget_ok: rendered.ratio >= 0.6
		});
		await weight(base, 'bundled');
		await lighthouseScores(base);
	} finally {
		child.kill('SIGTERM');
		rmSync(dir, { recursive: true, force: true });
	}
	// The demo's `/` has scores, hence the what-if sliders and their script.
	const demo = await startServer({ DEMO: '1' });
	try {
		await weight(demo.base, 'demo');
	} finally {
		demo.child.kill('SIGTERM');
		rmSync(demo.dir, { recursive: true, force: true });
	}
}
