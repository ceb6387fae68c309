/**
 * `npm run test:reliability`: the reliability harness. Runs each part with a time bound, prints one
 * JSON line per part and writes the figures to docs/reliability.md with the command that made them.
 *
 * Parts (select some with `npm run test:reliability -- kill disk`):
 * - kill:    kill -9 at random moments during imports (tests/reliability/kill.ts);
 * - disk:    the disk filling up during an import, simulated with PRAGMA max_page_count;
 * - concurrent: two import processes on one database at once;
 * - load:    autocannon, 50 connections × 30 s on / and on /api/v1/scores, each while a 100k-row
 *            import runs in another process (needs build/: `npm run build`);
 * - restore: backup while imports write, stop the server, restore, start, counts match.
 * Sizes: RELIABILITY_KILLS (100), RELIABILITY_KILL_ROWS (20000), RELIABILITY_LOAD_S (30).
 * Exit code 1 when any part fails its expectation.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import {
	copyFileSync,
	existsSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { backup } from '../../scripts/backup.ts';
import { openDatabase } from '../../src/lib/server/db/index.ts';
import { runMigrations } from '../../src/lib/server/db/migrate.ts';
import { importFile } from '../../src/lib/server/imports/file.ts';
import { seedIfEmpty } from '../../src/lib/server/seed.ts';
import { generateLongCsv, syntheticRegions, type IndicatorSpec } from '../bench/import.ts';
import { killTest } from './kill.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WORK = mkdtempSync(path.join(tmpdir(), 'rapor-reliability-'));
const KILLS = Number(process.env.RELIABILITY_KILLS ?? 100);
const KILL_ROWS = Number(process.env.RELIABILITY_KILL_ROWS ?? 20_000);
const LOAD_S = Number(process.env.RELIABILITY_LOAD_S ?? 30);

interface PartResult {
	part: string;
	ok: boolean;
	command: string;
	figures: Record<string, unknown>;
	notes: string[];
}

const results: PartResult[] = [];
const count = (db: Database.Database, sql: string) => (db.prepare(sql).get() as { n: number }).n;

/** A migrated, seeded database with synthetic regions (99.xx) for big unique imports. */
function template(regionCount: number): {
	file: string;
	indicators: IndicatorSpec[];
	regions: string[];
} {
	const file = path.join(WORK, `template-${regionCount}.db`);
	if (existsSync(file)) rmSync(file);
	const conn = openDatabase(file);
	runMigrations(conn, path.join(ROOT, 'drizzle'));
	seedIfEmpty(conn, path.join(ROOT, 'data'));
	const indicators = conn.sqlite
		.prepare(`SELECT code, value_type AS valueType, unit FROM indicators ORDER BY code`)
		.all() as IndicatorSpec[];
	const synthetic = syntheticRegions(regionCount);
	writeFileSync(path.join(WORK, 'regions.csv'), synthetic.csv);
	const r = importFile(conn, path.join(WORK, 'regions.csv'), { kind: 'regions', actor: 'setup' });
	if (r.status !== 'imported') throw new Error(`regions: ${JSON.stringify(r.errors.slice(0, 3))}`);
	conn.sqlite.pragma('wal_checkpoint(TRUNCATE)');
	conn.sqlite.close();
	return { file, indicators, regions: synthetic.codes };
}

function fresh(from: string, name: string): string {
	const db = path.join(WORK, name);
	for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
	copyFileSync(from, db);
	return db;
}

function run(
	args: string[],
	env: Record<string, string>,
	options: { timeoutMs?: number } = {}
): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
	return new Promise((resolve) => {
		const started = performance.now();
		const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env } });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		const timer = options.timeoutMs
			? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs)
			: null;
		child.on('exit', (code) => {
			if (timer) clearTimeout(timer);
			resolve({ code, stdout, stderr, ms: Math.round(performance.now() - started) });
		});
	});
}

const importCli = (csv: string, db: string, actor: string) =>
	run(
		['--import', 'tsx', 'scripts/import.ts', csv, '--json', '--actor', actor],
		// The 800k-row files are just over the default 50 MB upload limit.
		// DEMO=1: the generated rows are invented and marked illustrative, as only the demo admits.
		{ DATABASE_URL: db, IMPORT_MAX_BYTES: String(200 * 1024 * 1024), DEMO: '1' },
		{ timeoutMs: 300_000 }
	);

/** Imports the files in turn, again and again, until `stop()`; resolves with each import's status. */
function importLoop(files: string[], db: string, actor: string) {
	let stopping = false;
	const statuses: string[] = [];
	const durations: number[] = [];
	let onFirst: () => void = () => {};
	const first = new Promise<void>((r) => (onFirst = r));
	const done = (async () => {
		for (let k = 0; !stopping; k++) {
			const r = await importCli(files[k % files.length], db, actor);
			let status: string;
			try {
				status = JSON.parse(r.stdout.trim().split('\n').pop() ?? '').status;
			} catch {
				status = `crash: ${r.stderr.split('\n').find((l) => /Error/.test(l)) ?? r.code}`;
			}
			statuses.push(status);
			durations.push(r.ms);
			onFirst();
		}
		return { statuses, durations };
	})();
	return { first, stop: () => ((stopping = true), done) };
}

async function partKill() {
	const started = performance.now();
	const outcome = await killTest(KILL_ROWS, KILLS);
	results.push({
		part: 'kill',
		ok: outcome.failures.length === 0,
		command: `RELIABILITY_KILLS=${KILLS} RELIABILITY_KILL_ROWS=${KILL_ROWS} npm run test:reliability -- kill   (same as: npx tsx tests/reliability/kill.ts ${KILL_ROWS} ${KILLS})`,
		figures: {
			rows_per_import: KILL_ROWS,
			kills: outcome.kills,
			wholly_present: outcome.present,
			wholly_absent: outcome.absent,
			inconsistent: outcome.failures.length,
			uninterrupted_import_ms: outcome.fullRunMs,
			total_s: Math.round((performance.now() - started) / 1000)
		},
		notes: outcome.failures.slice(0, 5)
	});
}

async function partDisk() {
	const t = template(40);
	const db = fresh(t.file, 'disk.db');
	const csv = path.join(WORK, 'disk.csv');
	generateLongCsv(csv, 100_000, t.regions, t.indicators, 11);
	const conn = openDatabase(db);
	const notes: string[] = [];
	const before = count(conn.sqlite, `SELECT count(*) AS n FROM observations`);
	const pages = Number(conn.sqlite.pragma('page_count', { simple: true }));
	// Room for about 1 MB more: far less than 100k rows need.
	conn.sqlite.pragma(`max_page_count = ${pages + 256}`);
	// Either outcome is clear: a refusal whose error names the full disk, or a thrown SQLITE_FULL.
	let error: string;
	let status = 'threw';
	try {
		const r = importFile(conn, csv, {
			kind: 'observations',
			actor: 'disk-test',
			allowIllustrative: true
		});
		status = r.status;
		error = r.errors.map((e) => `${e.code}: ${e.message.en}`).join('; ');
	} catch (e) {
		error = `${(e as { code?: string }).code ?? ''} ${(e as Error).message}`.trim();
	}
	const afterFull = count(conn.sqlite, `SELECT count(*) AS n FROM observations`);
	const records = count(conn.sqlite, `SELECT count(*) AS n FROM imports WHERE actor = 'disk-test'`);
	const integrity = String(conn.sqlite.pragma('integrity_check', { simple: true }));
	let readsWork = false;
	try {
		readsWork =
			count(conn.sqlite, `SELECT count(*) AS n FROM observations WHERE region_code = '33.18'`) > 0;
	} catch (e) {
		notes.push(`read after full failed: ${(e as Error).message}`);
	}
	conn.sqlite.pragma(`max_page_count = 1073741823`);
	const retry = importFile(conn, csv, {
		kind: 'observations',
		actor: 'disk-test',
		allowIllustrative: true
	});
	const afterRetry = count(conn.sqlite, `SELECT count(*) AS n FROM observations`);
	conn.sqlite.close();
	if (!/disk is full/.test(error)) {
		notes.push(
			'The refusal does not say that the disk is full; the wording comes from the importer (src/lib/server/imports/file.ts).'
		);
	}
	results.push({
		part: 'disk',
		ok:
			(status === 'threw' || status === 'refused') &&
			/full|SQLITE_FULL/i.test(error) &&
			afterFull === before &&
			records === 0 &&
			integrity === 'ok' &&
			readsWork &&
			retry.status === 'imported' &&
			afterRetry === before + 100_000,
		command: 'npm run test:reliability -- disk',
		figures: {
			rows: 100_000,
			pages_allowed: pages + 256,
			outcome_when_full: status,
			error: error.slice(0, 300),
			rows_written_when_full: afterFull - before,
			import_records_when_full: records,
			integrity_check: integrity,
			reads_after_full: readsWork,
			retry_status: retry.status,
			rows_after_retry: afterRetry - before
		},
		notes
	});
}

async function partConcurrent() {
	const t = template(200);
	const notes: string[] = [];
	const figures: Record<string, unknown> = {};
	let ok = true;
	// 800k rows hold the write lock longer than busy_timeout (5 s): the second process cannot just wait.
	for (const rows of [100_000, 800_000]) {
		const db = fresh(t.file, `concurrent-${rows}.db`);
		const a = path.join(WORK, `a-${rows}.csv`);
		const b = path.join(WORK, `b-${rows}.csv`);
		// Disjoint keys: the first half of the synthetic regions for A, the second for B.
		generateLongCsv(a, rows, t.regions.slice(0, 100), t.indicators, 21);
		generateLongCsv(b, rows, t.regions.slice(100), t.indicators, 22);
		const [ra, rb] = await Promise.all([importCli(a, db, 'proc-a'), importCli(b, db, 'proc-b')]);
		const sqlite = new Database(db);
		const committed = count(
			sqlite,
			`SELECT count(*) AS n FROM imports WHERE actor IN ('proc-a', 'proc-b') AND status = 'committed'`
		);
		const integrity = String(sqlite.pragma('integrity_check', { simple: true }));
		sqlite.close();
		const describe = (r: Awaited<ReturnType<typeof importCli>>) => {
			let status = 'crash';
			let refusal = '';
			try {
				const report = JSON.parse(r.stdout.trim().split('\n').pop() ?? '');
				status = report.status;
				refusal = report.errors?.[0]?.message ?? '';
			} catch {
				// Not JSON: an uncaught error; its first line says what.
			}
			const lines = r.stderr.split('\n');
			const message = (
				lines.find((l) => /SqliteError|SQLITE_/.test(l)) ??
				lines.find((l) => /busy|locked|import:/i.test(l)) ??
				''
			).trim();
			return { exit: r.code, status, ms: r.ms, message: (refusal || message).slice(0, 200) };
		};
		const da = describe(ra);
		const db2 = describe(rb);
		figures[`rows_${rows}`] = {
			a: da,
			b: db2,
			committed_imports: committed,
			integrity_check: integrity
		};
		const clean = (d: typeof da) =>
			d.status === 'imported' || (d.status === 'refused' && d.exit === 1);
		if (!clean(da) || !clean(db2) || integrity !== 'ok') {
			ok = false;
			notes.push(`${rows} rows: a ${JSON.stringify(da)}, b ${JSON.stringify(db2)}`);
		}
	}
	results.push({
		part: 'concurrent',
		ok,
		command: 'npm run test:reliability -- concurrent',
		figures,
		notes
	});
}

async function startServer(db: string, port: number): Promise<ChildProcess> {
	const server = spawn(process.execPath, [path.join(ROOT, 'build/index.js')], {
		cwd: ROOT,
		env: {
			...process.env,
			DATABASE_URL: db,
			PORT: String(port),
			ORIGIN: `http://localhost:${port}`,
			API_RATE_LIMIT: '0',
			LOG_LEVEL: 'warn',
			EVIDENCE_DIR: path.join(WORK, 'evidence')
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const deadline = Date.now() + 60_000;
	for (;;) {
		const ok = await fetch(`http://localhost:${port}/healthz`).then(
			(r) => r.ok,
			() => false
		);
		if (ok) return server;
		if (Date.now() > deadline) throw new Error('server did not start');
		await new Promise((r) => setTimeout(r, 300));
	}
}

function stopServer(server: ChildProcess): Promise<number | null> {
	return new Promise((resolve) => {
		server.on('exit', (code) => resolve(code));
		server.kill('SIGTERM');
	});
}

interface CannonResult {
	requests: { average: number; total: number };
	latency: { p50: number; p99: number; average: number; max: number };
	non2xx: number;
	errors: number;
	timeouts: number;
	'2xx': number;
}

async function cannon(url: string, seconds: number): Promise<CannonResult> {
	// autocannon ships no types; this is the part of its API used here.
	const { default: autocannon } = (await import(/* @vite-ignore */ 'autocannon' as string)) as {
		default: (o: { url: string; connections: number; duration: number }) => Promise<CannonResult>;
	};
	return autocannon({ url, connections: 50, duration: seconds });
}

async function partLoad() {
	if (!existsSync(path.join(ROOT, 'build/index.js')))
		throw new Error('build/ is missing: run npm run build first');
	const t = template(80);
	const db = fresh(t.file, 'load.db');
	const port = 4900 + Math.floor(Math.random() * 90);
	const server = await startServer(db, port);
	const figures: Record<string, unknown> = {};
	let ok = true;
	const notes: string[] = [];
	try {
		let salt = 31;
		for (const [name, target] of [
			['home', '/'],
			['scores', '/api/v1/scores?region=33.18&year=2022']
		] as const) {
			// Two files with the same keys and different values: each import replaces 100k values.
			const files = [0, 1].map((k) => {
				const csv = path.join(WORK, `load-${name}-${k}.csv`);
				generateLongCsv(csv, 100_000, t.regions, t.indicators, salt++);
				return csv;
			});
			const loop = importLoop(files, db, `load-${name}`);
			const r = await cannon(`http://localhost:${port}${target}`, LOAD_S);
			const { statuses, durations } = await loop.stop();
			const bad = statuses.filter((x) => x !== 'imported');
			if (bad.length) notes.push(`imports during ${name}: ${bad.join('; ').slice(0, 300)}`);
			const status = bad.length === 0 ? 'imported' : 'failed';
			figures[name] = {
				path: target,
				connections: 50,
				seconds: LOAD_S,
				requests: r.requests.total,
				req_per_s: Math.round(r.requests.average),
				latency_p50_ms: r.latency.p50,
				latency_p99_ms: r.latency.p99,
				latency_max_ms: r.latency.max,
				non_2xx: r.non2xx,
				errors: r.errors + r.timeouts,
				imports_of_100k_rows_during_run: statuses.length,
				imports_completed: statuses.filter((x) => x === 'imported').length,
				import_ms_median: durations.sort((a, b) => a - b)[Math.floor(durations.length / 2)]
			};
			if (r.non2xx !== 0 || r.errors !== 0 || r.timeouts !== 0 || status !== 'imported') ok = false;
		}
	} finally {
		await stopServer(server);
	}
	results.push({
		part: 'load',
		ok,
		command: `npm run build && npm run test:reliability -- load`,
		figures,
		notes
	});
}

async function partRestore() {
	if (!existsSync(path.join(ROOT, 'build/index.js')))
		throw new Error('build/ is missing: run npm run build first');
	const t = template(80);
	const db = fresh(t.file, 'drill.db');
	const port = 4990 + Math.floor(Math.random() * 9);
	const notes: string[] = [];
	let server = await startServer(db, port);
	const files = [41, 42].map((salt) => {
		const csv = path.join(WORK, `drill-${salt}.csv`);
		generateLongCsv(csv, 200_000, t.regions, t.indicators, salt);
		return csv;
	});
	// Imports run back to back; the backup is taken after the first has committed, mid-way
	// through a later one.
	const loop = importLoop(files, db, 'drill');
	await loop.first;
	await new Promise((r) => setTimeout(r, 700));
	const dest = path.join(WORK, 'drill-backup');
	const b0 = performance.now();
	const manifest = await backup({ database: db, evidenceDir: path.join(WORK, 'evidence'), dest });
	const backupMs = Math.round(performance.now() - b0);
	const { statuses } = await loop.stop();
	const env = { DATABASE_URL: db, EVIDENCE_DIR: path.join(WORK, 'evidence') };
	const refused = await run(['--import', 'tsx', 'scripts/restore.ts', dest], env);
	const shutdownCode = await stopServer(server);
	const walLeft = existsSync(`${db}-wal`);
	const r0 = performance.now();
	const restored = await run(['--import', 'tsx', 'scripts/restore.ts', dest, '--json'], env);
	const restoreMs = Math.round(performance.now() - r0);
	const sqlite = new Database(db, { readonly: true });
	const observations = count(sqlite, `SELECT count(*) AS n FROM observations`);
	const current = count(
		sqlite,
		`SELECT count(*) AS n FROM observations WHERE superseded_by IS NULL`
	);
	const imports = count(sqlite, `SELECT count(*) AS n FROM imports`);
	sqlite.close();
	server = await startServer(db, port);
	const health = (await (await fetch(`http://localhost:${port}/healthz`)).json()) as {
		observations: number;
	};
	const api = await fetch(`http://localhost:${port}/api/v1/observations?limit=1`);
	const apiTotal = Number(api.headers.get('x-total-count'));
	await stopServer(server);
	const ok =
		statuses.every((x) => x === 'imported') &&
		manifest.database.counts.imports >= 3 &&
		refused.code === 1 &&
		restored.code === 0 &&
		observations === manifest.database.counts.observations &&
		imports === manifest.database.counts.imports &&
		health.observations === current &&
		apiTotal === current;
	if (refused.code !== 1)
		notes.push(`restore while running exited ${refused.code}: ${refused.stderr.slice(0, 200)}`);
	results.push({
		part: 'restore',
		ok,
		command: 'npm run build && npm run test:reliability -- restore',
		figures: {
			backup_ms: backupMs,
			backup_mb: Math.round((manifest.database.bytes / 1048576) * 10) / 10,
			observations_in_backup: manifest.database.counts.observations,
			imports_of_200k_rows_around_backup: statuses.join(', '),
			imports_in_backup: manifest.database.counts.imports,
			restore_while_running: refused.code === 1 ? 'refused (exit 1)' : `exit ${refused.code}`,
			server_exit_after_sigterm: shutdownCode,
			wal_left_after_shutdown: walLeft,
			restore_ms: restoreMs,
			observations_after_restore: observations,
			imports_after_restore: imports,
			app_started: true,
			healthz_current_observations: health.observations,
			api_total_current: apiTotal
		},
		notes
	});
}

const PARTS: Record<string, () => Promise<void>> = {
	kill: partKill,
	disk: partDisk,
	concurrent: partConcurrent,
	load: partLoad,
	restore: partRestore
};

function table(figures: Record<string, unknown>): string {
	const rows = Object.entries(figures).map(
		([k, v]) => `| ${k} | ${typeof v === 'object' ? '`' + JSON.stringify(v) + '`' : String(v)} |`
	);
	return ['| figure | value |', '|---|---|', ...rows].join('\n');
}

async function writeReport(startedAt: Date) {
	const file = path.join(ROOT, 'docs/reliability.md');
	const header = readFileSync(path.join(ROOT, 'tests/reliability/report-header.md'), 'utf8');
	const body = results
		.map(
			(r) =>
				`## ${r.part}: ${r.ok ? 'passed' : 'FAILED'}\n\nCommand: \`${r.command}\`\n\n${table(r.figures)}\n${
					r.notes.length ? '\nNotes:\n' + r.notes.map((n) => `- ${n}`).join('\n') + '\n' : ''
				}`
		)
		.join('\n');
	const machine = `Run ${startedAt.toISOString()} on ${cpus().length} CPU(s) (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}.`;
	// Formatted like every other file, so `npm run lint` stays green after a run.
	const prettier = await import('prettier');
	const options = (await prettier.resolveConfig(file)) ?? {};
	const text = await prettier.format(`${header}\n${machine}\n\n${body}`, {
		...options,
		parser: 'markdown'
	});
	writeFileSync(file, text);
}

const chosen = process.argv.slice(2).filter((a) => a in PARTS);
const fromLog = process.argv.find((a) => a.startsWith('--report-from='));
if (fromLog) {
	// Rewrites docs/reliability.md from the JSON lines a full run printed (no tests run).
	const lines = readFileSync(fromLog.slice('--report-from='.length), 'utf8').split('\n');
	for (const l of lines.filter((x) => x.startsWith('{'))) results.push(JSON.parse(l));
	await writeReport(new Date(process.env.RELIABILITY_RUN_AT ?? Date.now()));
	process.exit(0);
}
const started = new Date();
try {
	for (const name of chosen.length ? chosen : Object.keys(PARTS)) {
		const t0 = performance.now();
		try {
			await PARTS[name]();
		} catch (e) {
			results.push({
				part: name,
				ok: false,
				command: `npm run test:reliability -- ${name}`,
				figures: {},
				notes: [(e as Error).stack ?? String(e)]
			});
		}
		const r = results.at(-1)!;
		console.log(JSON.stringify({ ...r, seconds: Math.round((performance.now() - t0) / 1000) }));
	}
	// Only a full run rewrites the report: a partial one would drop the other parts' figures.
	if (chosen.length === 0) await writeReport(started);
	else console.log('Partial run: docs/reliability.md left as it was.');
} finally {
	rmSync(WORK, { recursive: true, force: true });
}
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
