/**
 * Kill -9 test: a child process runs `scripts/import.ts` on a large generated file and is killed
 * with SIGKILL at a random moment, again and again. After each kill the database must pass
 * `PRAGMA integrity_check` and `foreign_key_check`, and the import must be wholly present (its
 * record says committed and exactly its rows carry its id) or wholly absent (no record, no rows,
 * the seeded observations untouched).
 *
 * `npx tsx tests/reliability/kill.ts [rows] [kills]` (default 200,000 rows, 24 kills). Not part of
 * `npm test`: on a busy 2-core machine one round takes 1–2 minutes (each child starts tsx).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { openDatabase } from '../../src/lib/server/db/index.ts';
import { runMigrations } from '../../src/lib/server/db/migrate.ts';
import { seedIfEmpty } from '../../src/lib/server/seed.ts';
import { generateLongCsv, syntheticRegions, type IndicatorSpec } from '../bench/import.ts';
import { importFile } from '../../src/lib/server/imports/file.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface KillOutcome {
	kills: number;
	present: number;
	absent: number;
	/** Problems found; empty when every kill left the database consistent. */
	failures: string[];
	/** Wall time of one uninterrupted import, in ms. */
	fullRunMs: number;
}

function runChild(
	csv: string,
	db: string,
	killAfterMs: number | null
): Promise<{ ms: number; code: number | null; signal: string | null }> {
	return new Promise((resolve) => {
		const started = performance.now();
		const child = spawn(
			process.execPath,
			[
				'--import',
				'tsx',
				path.join(ROOT, 'scripts/import.ts'),
				csv,
				'--json',
				'--actor',
				'kill-test'
			],
			{
				cwd: ROOT,
				// DEMO=1: the generated rows are invented and marked illustrative, as only the demo admits.
				env: { ...process.env, DATABASE_URL: db, DEMO: '1' },
				stdio: ['ignore', 'ignore', 'ignore']
			}
		);
		const timer =
			killAfterMs === null ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
		child.on('exit', (code, signal) => {
			if (timer) clearTimeout(timer);
			resolve({ ms: performance.now() - started, code, signal });
		});
	});
}

function check(db: string, rows: number, baseline: number): 'present' | 'absent' | string {
	const sqlite = new Database(db);
	try {
		const integrity = sqlite.pragma('integrity_check', { simple: true });
		if (integrity !== 'ok') return `integrity_check: ${String(integrity)}`;
		const fk = sqlite.pragma('foreign_key_check') as unknown[];
		if (fk.length > 0) return `foreign_key_check: ${fk.length} violations`;
		const records = sqlite
			.prepare(`SELECT id, status, row_count, inserted FROM imports WHERE actor = 'kill-test'`)
			.all() as { id: number; status: string; row_count: number; inserted: number }[];
		const total = (sqlite.prepare(`SELECT count(*) AS n FROM observations`).get() as { n: number })
			.n;
		if (records.length === 0) {
			return total === baseline ? 'absent' : `no import record but ${total - baseline} extra rows`;
		}
		if (records.length > 1) return `${records.length} import records`;
		const r = records[0];
		const own = (
			sqlite.prepare(`SELECT count(*) AS n FROM observations WHERE import_id = ?`).get(r.id) as {
				n: number;
			}
		).n;
		if (r.status !== 'committed' || r.row_count !== rows || r.inserted !== rows || own !== rows)
			return `partial import: record ${JSON.stringify(r)}, ${own} rows`;
		if (total !== baseline + rows)
			return `present, but ${total} rows in all (expected ${baseline + rows})`;
		return 'present';
	} finally {
		sqlite.close();
	}
}

/** Runs the test; `random` picks kill moments (seedable for repeatability). */
export async function killTest(
	rows = 200_000,
	kills = 24,
	random = Math.random
): Promise<KillOutcome> {
	const dir = mkdtempSync(path.join(tmpdir(), 'rapor-kill-'));
	try {
		const template = path.join(dir, 'template.db');
		const conn = openDatabase(template);
		runMigrations(conn, path.join(ROOT, 'drizzle'));
		seedIfEmpty(conn, path.join(ROOT, 'data'));
		const indicators = conn.sqlite
			.prepare(`SELECT code, value_type AS valueType, unit FROM indicators ORDER BY code`)
			.all() as IndicatorSpec[];
		// The seed's regions give too few unique keys: synthetic ones (province 99) are added.
		const synthetic = syntheticRegions(Math.ceil(rows / (111 * indicators.length)));
		writeFileSync(path.join(dir, 'regions.csv'), synthetic.csv);
		const added = importFile(conn, path.join(dir, 'regions.csv'), {
			kind: 'regions',
			actor: 'setup'
		});
		if (added.status !== 'imported') throw new Error(`regions: ${JSON.stringify(added.errors)}`);
		const regions = synthetic.codes;
		const baseline = (
			conn.sqlite.prepare(`SELECT count(*) AS n FROM observations`).get() as { n: number }
		).n;
		conn.sqlite.pragma('wal_checkpoint(TRUNCATE)');
		conn.sqlite.close();
		// Years 1990–2100 over the seed's regions and indicators; the seed holds few values there,
		// and any row equal to a seed value would count as unchanged, so values carry a salt.
		const csv = path.join(dir, 'big.csv');
		generateLongCsv(csv, rows, regions, indicators, 7);

		const fresh = () => {
			const db = path.join(dir, 'run.db');
			for (const f of [db, db + '-wal', db + '-shm']) rmSync(f, { force: true });
			copyFileSync(template, db);
			return db;
		};
		// One full run: how long an import takes here, and proof that it completes.
		const db0 = fresh();
		const full = await runChild(csv, db0, null);
		const failures: string[] = [];
		const fullState = check(db0, rows, baseline);
		if (full.code !== 0 || fullState !== 'present')
			failures.push(`uninterrupted run: exit ${full.code}, ${fullState}`);

		const outcome: KillOutcome = {
			kills,
			present: 0,
			absent: 0,
			failures,
			fullRunMs: Math.round(full.ms)
		};
		for (let k = 0; k < kills; k++) {
			const db = fresh();
			// From process start-up to a little past the usual end: most kills land mid-import.
			const at = Math.round(full.ms * (0.15 + random() * 1.25));
			await runChild(csv, db, at);
			const state = check(db, rows, baseline);
			if (state === 'present') outcome.present++;
			else if (state === 'absent') outcome.absent++;
			else failures.push(`kill ${k + 1} at ${at} ms: ${state}`);
		}
		return outcome;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
	const rows = Number(process.argv[2] ?? 200_000);
	const kills = Number(process.argv[3] ?? 24);
	const started = performance.now();
	const outcome = await killTest(rows, kills);
	console.log(
		JSON.stringify({ test: 'kill', rows, ...outcome, ms: Math.round(performance.now() - started) })
	);
	process.exitCode = outcome.failures.length === 0 ? 0 : 1;
}
