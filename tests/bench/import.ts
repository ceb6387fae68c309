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
 * - pipeline_two_pass: the same with `strategy: 'two-pass'` (validate first, then write).
 * Goal: pipeline / floor ≥ 0.6 in rows per second; peak RSS under 250 MB.
 *
 * Runs on 2026-11-29 (2 cores, otherwise idle): floor 2.05–2.13 s; pipeline 2.98–3.08 s, ratio
 * 0.67–0.70, peak RSS 198–203 MB; two-pass 3.9–4.0 s, ratio 0.51–0.53. Before multi-row inserts
 * and the CHECKs without IN (…) (migration 0005) the pipeline took 5.9 s (ratio 0.35).
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

const ROWS = 1_000_000;
const FIRST_YEAR = 1990;
const LAST_YEAR = 2100;
const SELF = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(SELF), '../..');

export interface IndicatorSpec {
	code: string;
	valueType: string;
}

/** A value that fits the indicator's value type, varied by `i`. */
function value(type: string, i: number): string {
	switch (type) {
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
					buf += `${region},${ind.code},${y},${value(ind.valueType, i + salt)},https://bench.invalid/synthetic,,1\n`;
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
	const { importFile } = await import('../../src/lib/server/importer.ts');
	const conn = openDatabase(dbFile);
	const started = performance.now();
	const report = importFile(conn, csv, {
		kind: 'observations',
		actor: 'bench',
		strategy,
		limits: { maxBytes: 200 * 1024 * 1024, maxRows: 2_000_000 }
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

/** Seeds a template database and registers the synthetic regions; returns the file. */
async function prepareTemplate(dir: string, regionsNeeded: number) {
	const { openDatabase } = await import('../../src/lib/server/db/index.ts');
	const { runMigrations } = await import('../../src/lib/server/db/migrate.ts');
	const { seedIfEmpty } = await import('../../src/lib/server/seed.ts');
	const { importFile } = await import('../../src/lib/server/importer.ts');
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
		.prepare(`SELECT code, value_type AS valueType FROM indicators ORDER BY code`)
		.all() as IndicatorSpec[];
	conn.sqlite.pragma('wal_checkpoint(TRUNCATE)');
	conn.sqlite.close();
	return { file, codes, indicators };
}

function child(caseName: string, csv: string, dbFile: string): CaseResult {
	const out = spawnSync(
		process.execPath,
		['--import', 'tsx', SELF, '--child', caseName, csv, dbFile],
		{ cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 20 }
	);
	if (out.status !== 0) throw new Error(`case ${caseName} failed: ${out.stderr}`);
	return JSON.parse(out.stdout.trim().split('\n').pop()!) as CaseResult;
}

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
		const results: CaseResult[] = [];
		for (const name of ['floor', 'pipeline', 'pipeline_two_pass']) {
			const db = path.join(dir, `${name}.db`);
			if (name === 'floor') rmSync(db, { force: true });
			else copyFileSync(template.file, db);
			results.push(child(name, csv, db));
			for (const f of [db, db + '-wal', db + '-shm']) rmSync(f, { force: true });
		}
		const floor = results[0];
		const floorRate = floor.rows / (floor.ms / 1000);
		for (const r of results) {
			const rate = r.rows / (r.ms / 1000);
			console.log(
				JSON.stringify({
					bench: 'import',
					case: r.case,
					rows: r.rows,
					file_mb: Math.round(mb * 10) / 10,
					ms: Math.round(r.ms),
					rows_per_s: Math.round(rate),
					ratio_to_floor: Math.round((rate / floorRate) * 100) / 100,
					peak_rss_mb: r.peak_rss_mb
				})
			);
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

// Child mode: `node --import tsx tests/bench/import.ts --child <case> <csv> <db>`.
if (process.argv[2] === '--child') {
	const [, , , name, csv, db] = process.argv;
	const result =
		name === 'floor'
			? await floorCase(csv, db)
			: await pipelineCase(csv, db, name === 'pipeline' ? 'one-pass' : 'two-pass');
	console.log(JSON.stringify(result));
}
