/**
 * Benchmark case `import`: a generated 1,000,000-row long CSV (≈ 64 MB, in os.tmpdir()) through
 * the whole pipeline (decode, parse, validate, commit) next to the floor measured in the same run.
 *
 * Cases, each in its own child process so peak RSS (the kernel's maxRSS) belongs to that case alone:
 * - floor: papaparse streaming the file (header, no dynamicTyping, `step`) into a bare prepared
 *   INSERT, one transaction, into a plain table without indexes;
 * - pipeline: `importFile()` (one pass: validate while writing, one BEGIN IMMEDIATE) into a seeded
 *   database, where observations carry their partial unique index, foreign keys, CHECKs and
 *   history columns;
 * - pipeline_two_pass: the same with `strategy: 'two-pass'` (validate first, then write);
 * - validate_only: decode, parse and validate the file, nothing written (the pipeline's part
 *   before SQL);
 * - reimport_unchanged and undo: the file imported again (every value unchanged), then the first
 *   import undone;
 * - check_in_list and check_or_list: a million single-row inserts into two scratch tables whose
 *   only difference is a CHECK written with `IN (…)` or with `OR` (why migration 0005 exists).
 * The floor and the pipeline run in three alternating rounds; the median round's pair is printed
 * (`round_ratios` lists every round). The other cases run once and are compared with that floor.
 * Goal: pipeline / floor ≥ 0.6 in rows per second; peak RSS under 250 MB.
 *
 * Runs on 2026-11-29 (2 cores, otherwise idle): floor 2.03–2.13 s; pipeline 2.98–3.09 s, ratio
 * 0.68–0.71, peak RSS 202–203 MB; two-pass 3.9–4.0 s (0.52–0.55); validate_only 0.92–0.97 s;
 * reimport_unchanged 3.8–4.0 s; undo 0.65 s; check_in_list 1.42–1.46 s against check_or_list
 * 0.64–0.65 s. Before multi-row inserts and migration 0005 the pipeline took 5.9 s (ratio 0.35;
 * `git checkout 717b624 && npm run bench -- import`).
 *
 * Runs on 2026-12-07 (2 cores, otherwise idle), three each: at 8fd29f6 one run gave pipeline
 * 4.09 s (0.70), the schema's two provenance columns and their CHECKs (migration 0006) and the
 * importer's later rules since cost about 1 s; before the nine-column batch (see
 * `ownColumnsEmpty` in src/lib/server/db/imports.ts) the pipeline ran at 0.65 / 0.62 / 0.62 of
 * its floor, with it at 0.70 / 0.66 / 0.65 (4.7–5.1 s, peak RSS 201–203 MB).
 *
 * Keys are unique: years 1990–2100 × indicators of the seed × regions. The seed's own regions give
 * too few combinations for a million rows, so synthetic regions (codes 99.01…, a province that
 * does not exist) are added through the importer first. Values are synthetic and flagged
 * illustrative; the database is temporary.
 */
import { spawnSync } from 'node:child_process';
import {
	closeSync,
	copyFileSync,
	mkdtempSync,
	openSync,
	rmSync,
	statSync,
	writeSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { possibleRange } from '../../src/lib/import/ranges';
import type { ValueType } from '../../src/lib/scoring/types';

const ROWS = 1_000_000;
const FIRST_YEAR = 1990;
const LAST_YEAR = 2100;
const SELF = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(SELF), '../..');

export interface IndicatorSpec {
	code: string;
	valueType: string;
	unit: string;
}

/**
 * A value the importer accepts for the indicator (its value type and its unit's possible range,
 * `possibleRange` of the import module), varied by `i`.
 */
function value(ind: IndicatorSpec, i: number): string {
	const range = possibleRange({ valueType: ind.valueType as ValueType, unit: ind.unit });
	if (ind.valueType === 'number' && Number.isFinite(range.min) && Number.isFinite(range.max))
		return (range.min + ((i % 1000) / 1000) * (range.max - range.min)).toFixed(1);
	if (ind.valueType === 'number' && range.min >= 0) return ((i % 2000) / 10).toFixed(1);
	switch (ind.valueType) {
		case 'level':
			return String(1 + (i % 5));
		case 'percent':
			return ((i % 1000) / 10).toFixed(1);
		case 'count':
			return String(i % 5000);
		default:
			return (((i % 2000) - 1000) / 10).toFixed(1);
	}
}

/**
 * Writes a long CSV of `rows` unique (region, indicator, year) rows; `salt` shifts the values so two
 * files with the same keys differ. Returns the bytes written.
 */
export function generateLongCsv(
	file: string,
	rows: number,
	regions: readonly string[],
	indicators: readonly IndicatorSpec[],
	salt = 0
): number {
	const years = LAST_YEAR - FIRST_YEAR + 1;
	if (rows > years * regions.length * indicators.length)
		throw new Error(`only ${years * regions.length * indicators.length} unique keys available`);
	const fd = openSync(file, 'w');
	let bytes = 0;
	let buf = 'region_code,indicator_code,year,value,source,note,illustrative\n';
	try {
		let i = 0;
		outer: for (const region of regions)
			for (const ind of indicators)
				for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) {
					if (i === rows) break outer;
					buf += `${region},${ind.code},${y},${value(ind, i + salt)},https://bench.invalid/synthetic,,1\n`;
					i++;
					if (buf.length > 1 << 20) {
						bytes += writeSync(fd, buf);
						buf = '';
					}
				}
		bytes += writeSync(fd, buf);
	} finally {
		closeSync(fd);
	}
	return bytes;
}

/** Codes of `n` synthetic regions under province 99, and the regions CSV that registers them. */
export function syntheticRegions(n: number): { codes: string[]; csv: string } {
	const codes = Array.from({ length: n }, (_, k) => `99.${String(k + 1).padStart(2, '0')}`);
	const csv =
		'code,name,kind,parent_code,bps_code\n99,Provinsi Sintetis (benchmark),provinsi,,\n' +
		codes.map((c) => `${c},Kabupaten Sintetis ${c},kabupaten,99,`).join('\n') +
		'\n';
	return { codes, csv };
}

interface CaseResult {
	case: string;
	rows: number;
	ms: number;
	peak_rss_mb: number;
}

const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function floorCase(csv: string, dbFile: string): Promise<CaseResult> {
	const Papa = (await import('papaparse')).default;
	const { createReadStream } = await import('node:fs');
	const { openDatabase } = await import('../../src/lib/server/db/index.ts');
	const conn = openDatabase(dbFile);
	conn.sqlite.exec(
		`CREATE TABLE floor (region_code TEXT, indicator_code TEXT, year INTEGER, value REAL, source TEXT, note TEXT, illustrative INTEGER)`
	);
	const insert = conn.sqlite.prepare(`INSERT INTO floor VALUES (?, ?, ?, ?, ?, ?, ?)`);
	const started = performance.now();
	let rows = 0;
	conn.sqlite.exec('BEGIN IMMEDIATE');
	await new Promise<void>((resolve, reject) => {
		Papa.parse<Record<string, string>>(createReadStream(csv, { encoding: 'utf8' }), {
			header: true,
			dynamicTyping: false,
			skipEmptyLines: 'greedy',
			step: (r) => {
				const d = r.data;
				insert.run(
					d.region_code,
					d.indicator_code,
					Number(d.year),
					Number(d.value),
					d.source,
					d.note,
					Number(d.illustrative)
				);
				rows++;
			},
			complete: () => resolve(),
			error: (e: Error) => reject(e)
		});
	});
	conn.sqlite.exec('COMMIT');
	const ms = performance.now() - started;
	conn.sqlite.close();
	return { case: 'floor', rows, ms, peak_rss_mb: peakMb() };
}

async function pipelineCase(
	csv: string,
	dbFile: string,
	strategy: 'one-pass' | 'two-pass'
): Promise<CaseResult> {
	const { openDatabase } = await import('../../src/lib/server/db/index.ts');
	const { importFile } = await import('../../src/lib/server/imports/file.ts');
	const conn = openDatabase(dbFile);
	const started = performance.now();
	const report = importFile(conn, csv, {
		kind: 'observations',
		actor: 'bench',
		strategy,
		limits: { maxBytes: 200 * 1024 * 1024, maxRows: 2_000_000 },
		// The generated rows are invented and say so (illustrative = 1), as demo data must.
		allowIllustrative: true
	});
	const ms = performance.now() - started;
	conn.sqlite.close();
	if (report.status !== 'imported')
		throw new Error(`pipeline did not import: ${JSON.stringify(report.errors.slice(0, 3))}`);
	return {
		case: strategy === 'one-pass' ? 'pipeline' : 'pipeline_two_pass',
		rows: report.counts.inserted,
		ms,
		peak_rss_mb: peakMb()
	};
}

/** The validator alone (decode, parse, check), nothing written: the part of the pipeline before SQL. */
async function validateCase(csv: string, dbFile: string): Promise<CaseResult[]> {
	const { openSync, readSync, closeSync: close } = await import('node:fs');
	const { openDatabase } = await import('../../src/lib/server/db/index.ts');
	const { contextFromDb } = await import('../../src/lib/server/imports/context.ts');
	const { ByteFeed, ValidationEngine } = await import('../../src/lib/import/index.ts');
	const conn = openDatabase(dbFile);
	const context = contextFromDb(conn);
	conn.sqlite.close();
	const started = performance.now();
	let rows = 0;
	const engine = new ValidationEngine(
		{
			kind: 'observations',
			context,
			maxRows: 2_000_000,
			// Invented rows, marked illustrative (see pipelineCase).
			allowIllustrative: true,
			onRow: () => rows++
		},
		false
	);
	const feed = new ByteFeed(engine);
	const fd = openSync(csv, 'r');
	try {
		let at = 0;
		for (;;) {
			const buf = Buffer.allocUnsafe(1 << 16);
			const n = readSync(fd, buf, 0, buf.length, at);
			if (n === 0) break;
			at += n;
			feed.push(buf.subarray(0, n));
		}
		feed.end();
	} finally {
		close(fd);
	}
	const ms = performance.now() - started;
	if (engine.report(null).status !== 'valid') throw new Error('validate_only: file not valid');
	return [{ case: 'validate_only', rows, ms, peak_rss_mb: peakMb() }];
}

/**
 * The same file imported twice and then undone: the second import finds every value unchanged
 * (each batch meets existing keys and compares row by row); undo scans the table for the import.
 */
async function againCase(csv: string, dbFile: string): Promise<CaseResult[]> {
	const { openDatabase } = await import('../../src/lib/server/db/index.ts');
	const { importFile } = await import('../../src/lib/server/imports/file.ts');
	const { undoImport } = await import('../../src/lib/server/imports/service.ts');
	const conn = openDatabase(dbFile);
	const options = {
		kind: 'observations' as const,
		actor: 'bench',
		limits: { maxBytes: 200 * 1024 * 1024, maxRows: 2_000_000 },
		allowIllustrative: true
	};
	const first = importFile(conn, csv, options);
	if (first.status !== 'imported') throw new Error('again: first import failed');
	let started = performance.now();
	const again = importFile(conn, csv, options);
	const againMs = performance.now() - started;
	if (again.status !== 'unchanged') throw new Error(`again: second import was ${again.status}`);
	started = performance.now();
	const undone = undoImport(conn, first.importId!, {
		id: null,
		username: 'bench',
		address: 'bench'
	});
	const undoMs = performance.now() - started;
	conn.sqlite.close();
	return [
		{
			case: 'reimport_unchanged',
			rows: again.counts.unchanged,
			ms: againMs,
			peak_rss_mb: peakMb()
		},
		{ case: 'undo', rows: undone.removed, ms: undoMs, peak_rss_mb: peakMb() }
	];
}

/**
 * Why the value tables' CHECKs avoid `IN (…)` (migration 0005): the same million single-row
 * inserts into two scratch tables whose only difference is a CHECK written as `IN (…)` or as
 * `= … OR …`. SQLite builds an ephemeral index for the IN list every time the statement runs.
 */
async function checkListCase(dbFile: string): Promise<CaseResult[]> {
	const { openDatabase } = await import('../../src/lib/server/db/index.ts');
	const conn = openDatabase(dbFile);
	const types = ['number', 'percent', 'count', 'level'];
	const results: CaseResult[] = [];
	for (const [name, check] of [
		['check_in_list', `value_type IN ('number', 'percent', 'count', 'level')`],
		['check_or_list', types.map((t) => `value_type = '${t}'`).join(' OR ')]
	]) {
		conn.sqlite.exec(
			`CREATE TABLE ${name} (value_type TEXT NOT NULL, value REAL NOT NULL, CHECK (${check}))`
		);
		const insert = conn.sqlite.prepare(`INSERT INTO ${name} VALUES (?, ?)`);
		const started = performance.now();
		conn.sqlite.exec('BEGIN IMMEDIATE');
		for (let i = 0; i < ROWS; i++) insert.run(types[i % 4], i);
		conn.sqlite.exec('COMMIT');
		results.push({
			case: name,
			rows: ROWS,
			ms: performance.now() - started,
			peak_rss_mb: peakMb()
		});
	}
	conn.sqlite.close();
	return results;
}

/** Seeds a template database and registers the synthetic regions; returns the file. */
export async function prepareTemplate(dir: string, regionsNeeded: number) {
	const { openDatabase } = await import('../../src/lib/server/db/index.ts');
	const { runMigrations } = await import('../../src/lib/server/db/migrate.ts');
	const { seedIfEmpty } = await import('../../src/lib/server/seed.ts');
	const { importFile } = await import('../../src/lib/server/imports/file.ts');
	const { writeFileSync } = await import('node:fs');
	const file = path.join(dir, 'template.db');
	const conn = openDatabase(file);
	runMigrations(conn, path.join(ROOT, 'drizzle'));
	seedIfEmpty(conn, path.join(ROOT, 'data'));
	const { codes, csv } = syntheticRegions(regionsNeeded);
	const regionsFile = path.join(dir, 'regions.csv');
	writeFileSync(regionsFile, csv);
	const r = importFile(conn, regionsFile, { kind: 'regions', actor: 'bench' });
	if (r.status !== 'imported') throw new Error(`regions: ${JSON.stringify(r.errors)}`);
	const indicators = conn.sqlite
		.prepare(`SELECT code, value_type AS valueType, unit FROM indicators ORDER BY code`)
		.all() as IndicatorSpec[];
	conn.sqlite.pragma('wal_checkpoint(TRUNCATE)');
	conn.sqlite.close();
	return { file, codes, indicators };
}

function child(caseName: string, csv: string, dbFile: string): CaseResult[] {
	const out = spawnSync(
		process.execPath,
		['--import', 'tsx', SELF, '--child', caseName, csv, dbFile],
		{ cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 20 }
	);
	if (out.status !== 0) throw new Error(`case ${caseName} failed: ${out.stderr}`);
	return JSON.parse(out.stdout.trim().split('\n').pop()!) as CaseResult[];
}

/** The cases that read the whole file once, compared with the floor. */
const FILE_CASES = new Set(['floor', 'pipeline', 'pipeline_two_pass', 'validate_only']);

/**
 * The floor and the pipeline run in this many alternating rounds (floor, then pipeline) and the
 * median round's pair is the figure: a machine that slows down or speeds up mid-run moves both
 * sides of a round alike, where one floor measured once could land in a quiet or a busy moment.
 */
const ROUNDS = 3;

/** Child cases in run order after the rounds; `fresh`: an empty database, not the template. */
const CHILDREN: { name: string; fresh: boolean }[] = [
	{ name: 'pipeline_two_pass', fresh: false },
	{ name: 'validate_only', fresh: false },
	{ name: 'again', fresh: false },
	{ name: 'check_lists', fresh: true }
];

export async function run(): Promise<void> {
	const dir = mkdtempSync(path.join(tmpdir(), 'rapor-bench-import-'));
	try {
		const years = LAST_YEAR - FIRST_YEAR + 1;
		// Indicators are read from the seed; 115 at the time of writing → 79 synthetic regions.
		const probe = await prepareTemplate(dir, 1);
		const regionsNeeded = Math.ceil(ROWS / (years * probe.indicators.length));
		rmSync(probe.file);
		rmSync(probe.file + '-wal', { force: true });
		rmSync(probe.file + '-shm', { force: true });
		const template = await prepareTemplate(dir, regionsNeeded);
		const csv = path.join(dir, 'observations-1m.csv');
		generateLongCsv(csv, ROWS, template.codes, template.indicators);
		const mb = statSync(csv).size / 1048576;
		const runChild = (name: string, fresh: boolean) => {
			const db = path.join(dir, `${name}.db`);
			if (fresh) rmSync(db, { force: true });
			else copyFileSync(template.file, db);
			const out = child(name, csv, db);
			for (const f of [db, db + '-wal', db + '-shm']) rmSync(f, { force: true });
			return out;
		};
		const perSecond = (r: CaseResult) => r.rows / (r.ms / 1000);
		const rounds: { floor: CaseResult; pipeline: CaseResult; ratio: number }[] = [];
		for (let i = 0; i < ROUNDS; i++) {
			const [floor] = runChild('floor', true);
			const [pipeline] = runChild('pipeline', false);
			rounds.push({ floor, pipeline, ratio: perSecond(pipeline) / perSecond(floor) });
		}
		const roundRatios = rounds.map((r) => Math.round(r.ratio * 100) / 100);
		const median = rounds.toSorted((a, b) => a.ratio - b.ratio)[Math.floor(ROUNDS / 2)];
		const results: CaseResult[] = [median.floor, median.pipeline];
		for (const { name, fresh } of CHILDREN) results.push(...runChild(name, fresh));
		const rateOf = (c: string) => {
			const r = results.find((x) => x.case === c)!;
			return r.rows / (r.ms / 1000);
		};
		// What each case is compared with: the file cases with the floor, the IN-list CHECK with
		// the same CHECK written with OR.
		const baselineOf = (c: string) =>
			c.startsWith('check_') ? 'check_or_list' : FILE_CASES.has(c) ? 'floor' : null;
		for (const r of results) {
			const rate = r.rows / (r.ms / 1000);
			const base = baselineOf(r.case);
			console.log(
				JSON.stringify({
					bench: 'import',
					case: r.case,
					rows: r.rows,
					...(FILE_CASES.has(r.case) ? { file_mb: Math.round(mb * 10) / 10 } : {}),
					ms: Math.round(r.ms),
					rows_per_s: Math.round(rate),
					...(base ? { [`ratio_to_${base}`]: Math.round((rate / rateOf(base)) * 100) / 100 } : {}),
					peak_rss_mb: r.peak_rss_mb,
					// Issues 18 and 20: the one-pass pipeline at ≥ 0.6 of the floor, under 250 MB.
					...(r.case === 'pipeline'
						? {
								round_ratios: roundRatios,
								budget_ok: rate / rateOf('floor') >= 0.6 && r.peak_rss_mb < 250
							}
						: {})
				})
			);
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

// Child mode: `node --import tsx tests/bench/import.ts --child <case> <csv> <db>` (this file run
// itself, not imported by another bench's child).
if (process.argv[2] === '--child' && path.resolve(process.argv[1] ?? '') === SELF) {
	const [, , , name, csv, db] = process.argv;
	const cases: Record<string, () => Promise<CaseResult[]>> = {
		floor: async () => [await floorCase(csv, db)],
		pipeline: async () => [await pipelineCase(csv, db, 'one-pass')],
		pipeline_two_pass: async () => [await pipelineCase(csv, db, 'two-pass')],
		validate_only: () => validateCase(csv, db),
		again: () => againCase(csv, db),
		check_lists: () => checkListCase(db)
	};
	console.log(JSON.stringify(await cases[name]()));
}
