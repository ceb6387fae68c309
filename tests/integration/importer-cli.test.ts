import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCommand } from '../../scripts/cli';
import { IMPORT_SCRIPT, main } from '../../scripts/import';
import { openDatabase } from '../../src/lib/server/db';
import { seedIfEmpty } from '../../src/lib/server/seed';
import { dumpAll } from './importer-fixtures';
import { tempDatabase } from './helpers';

let dir: string;
let dbFile: string;
let cleanup: () => void;

beforeAll(() => {
	const conn = tempDatabase();
	seedIfEmpty(conn, 'data');
	dir = conn.dir;
	dbFile = path.join(dir, 'test.db');
	conn.sqlite.close();
	cleanup = () => conn.close();
});
afterAll(() => cleanup?.());

/** The script as node runs it, in its own process: exit code and streams. */
function spawnCli(args: string[], env: Record<string, string> = {}) {
	const out = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import.ts', ...args], {
		encoding: 'utf8',
		env: { ...process.env, DATABASE_URL: dbFile, ...env }
	});
	return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

/**
 * The same command in this process (a second each saved over spawning tsx): the environment
 * stubbed, stdout and stderr captured. The spawned runs below show the two agree.
 */
async function cli(args: string[], env: Record<string, string> = {}) {
	let stdout = '';
	let stderr = '';
	const capture = (add: (text: string) => void) => (chunk: string | Uint8Array) => {
		add(typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk));
		return true;
	};
	const out = vi.spyOn(process.stdout, 'write').mockImplementation(capture((t) => (stdout += t)));
	const err = vi.spyOn(process.stderr, 'write').mockImplementation(capture((t) => (stderr += t)));
	vi.stubEnv('DATABASE_URL', dbFile);
	for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
	try {
		const code = await runCommand(IMPORT_SCRIPT, main, args);
		return { code, stdout, stderr };
	} finally {
		out.mockRestore();
		err.mockRestore();
		vi.unstubAllEnvs();
	}
}

const dump = () => {
	const conn = openDatabase(dbFile);
	try {
		return dumpAll(conn);
	} finally {
		conn.sqlite.close();
	}
};

const file = (name: string, text: string) => {
	const f = path.join(dir, name);
	writeFileSync(f, text);
	return f;
};

// Real seed codes (data/): Pati and an indicator measured in percent; the values are made up, for
// years (2099, 2100) no real figure can have, and the run's database is thrown away.
const GOOD = `region_code,indicator_code,year,value,source,source_kind,note
33.18,open_unemployment_rate_aug,2099,4.5,https://example.invalid/test,lainnya,test value
33.18,open_unemployment_rate_aug,2100,4.4,https://example.invalid/test,lainnya,test value
`;

describe('npm run import (scripts/import.ts)', () => {
	it('imports with --json: exit 0 and exactly one JSON object; again: unchanged, exit 0; --undo', async () => {
		const f = file('good.csv', GOOD);
		// The script as node runs it; the runs after it in this process.
		const first = spawnCli([f, '--json', '--actor', 'tester']);
		expect(first.stderr).toBe('');
		expect(first.code).toBe(0);
		const report = JSON.parse(first.stdout);
		expect(Object.keys(report)).toEqual(
			expect.arrayContaining([
				'status',
				'kind',
				'shape',
				'dialect',
				'counts',
				'errors',
				'import_id'
			])
		);
		expect(report).toMatchObject({
			status: 'imported',
			kind: 'observations',
			shape: 'long',
			dialect: { delimiter: ',', encoding: 'utf-8', locale: 'en' },
			counts: { rows: 2, inserted: 2, updated: 0, unchanged: 0 },
			errors: []
		});
		expect(typeof report.import_id).toBe('number');

		const again = await cli([f, '--json']);
		expect(again.code).toBe(0);
		expect(JSON.parse(again.stdout)).toMatchObject({
			status: 'unchanged',
			import_id: null,
			counts: { rows: 2, inserted: 0, updated: 0, unchanged: 2 }
		});

		const undone = await cli(['--undo', String(report.import_id)]);
		expect(undone.code).toBe(0);
		const id = report.import_id;
		expect(undone.stdout).toBe(
			`Impor #${id} dibatalkan: 2 nilai dihapus, 0 nilai sebelumnya berlaku lagi.\n` +
				`Import #${id} undone: 2 value(s) removed, 0 earlier value(s) current again.\n`
		);
		// The second undo is refused in both languages, as the first one answered.
		const twice = await cli(['--undo', String(id)]);
		expect(twice.code).toBe(1);
		expect(twice.stderr).toBe(
			`import: Impor ${id} sudah dibatalkan sebelumnya.\n        Import ${id} was already undone.\n`
		);
		// The audit rows have the shape the upload page writes (the verbs of imports/service.ts).
		const conn = openDatabase(dbFile);
		try {
			const rows = conn.sqlite
				.prepare(
					`SELECT action, actor, entity_id AS entityId, before, after FROM audit_log WHERE entity_type = 'import' AND entity_id = ? ORDER BY id`
				)
				.all(String(id)) as {
				action: string;
				actor: string;
				before: string | null;
				after: string;
			}[];
			expect(
				rows.map((r) => ({
					...r,
					before: r.before && JSON.parse(r.before),
					after: JSON.parse(r.after)
				}))
			).toEqual([
				{
					action: 'import.commit',
					actor: 'tester',
					entityId: String(id),
					before: null,
					after: {
						kind: 'observations',
						fileName: 'good.csv',
						sha256: report.sha256,
						rows: 2,
						inserted: 2,
						updated: 0,
						unchanged: 0
					}
				},
				{
					action: 'import.undo',
					actor: expect.any(String),
					entityId: String(id),
					before: { status: 'committed' },
					after: { status: 'undone', removed: 2, restored: 0 }
				}
			]);
		} finally {
			conn.sqlite.close();
		}
	}, 60_000);

	it('refuses an invalid file with exit 1, errors in the JSON, and changes no row', async () => {
		const before = dump();
		const bad = await cli([
			file('bad.csv', GOOD + '33.18,unknown_indicator,2020,1,https://x.invalid,,\n'),
			'--json'
		]);
		expect(bad.code).toBe(1);
		const report = JSON.parse(bad.stdout);
		expect(report.status).toBe('refused');
		expect(report.errors).toEqual([
			{
				code: 'foreign-key-error',
				row: 4,
				column: 'indicator_code',
				value: 'unknown_indicator',
				message: expect.stringContaining('not registered')
			}
		]);
		const binary = await cli([path.resolve('tests/fixtures/csv/renamed-xlsx.csv'), '--json']);
		expect(binary.code).toBe(1);
		expect(JSON.parse(binary.stdout).errors[0].code).toBe('format-error');
		const encoding = await cli([path.resolve('tests/fixtures/csv/utf16.csv')]);
		expect(encoding.code).toBe(1);
		expect(encoding.stdout).toMatch(/encoding-error/);
		expect(encoding.stdout).toMatch(/Ditolak/);
		expect(dump()).toEqual(before);
	}, 60_000);

	it('refuses an illustrative row in the default instance, names the cell, writes nothing; DEMO=1 takes it', async () => {
		const before = dump();
		const text = `region_code,indicator_code,year,value,source,note,illustrative
33.18,open_unemployment_rate_aug,2098,4.6,https://example.invalid/test,practice,true
`;
		const real = await cli([file('illustrative.csv', text), '--json'], { DEMO: '' });
		expect(real.code).toBe(1);
		expect(JSON.parse(real.stdout).errors).toEqual([
			{
				code: 'constraint-error',
				row: 2,
				column: 'illustrative',
				value: 'true',
				message:
					'This instance holds real data only: illustrative values cannot be imported. Leave this cell empty or write false; practice data belongs in the demo mode (npm run demo; the import command with DEMO=1).'
			}
		]);
		expect(dump()).toEqual(before);
		const demo = await cli([file('illustrative.csv', text), '--json'], { DEMO: '1' });
		expect(demo.code).toBe(0);
		const report = JSON.parse(demo.stdout);
		expect(report.counts).toMatchObject({ rows: 1, inserted: 1 });
		expect((await cli(['--undo', String(report.import_id), '--json'])).code).toBe(0);
	}, 60_000);

	it('--source gives a wide file without a source column its source; without it the file is refused', async () => {
		// An Excel-Indonesia wide file as BPS tables are laid out: years across, no source column.
		const wide = file(
			'wide.csv',
			'kode_wilayah;kode_indikator;2097;2098\n33.18;open_unemployment_rate_aug;4,7;4,6\n'
		);
		const before = dump();
		const refused = await cli([wide, '--json']);
		expect(refused.code).toBe(1);
		expect(JSON.parse(refused.stdout).errors.map((e: { code: string }) => e.code)).toEqual([
			'missing-label'
		]);
		expect(JSON.parse(refused.stdout).errors[0].message).toContain('--source');
		expect(dump()).toEqual(before);

		const ok = await cli([
			wide,
			'--json',
			'--source',
			'BPS Kabupaten Pati, Tabel 4.2',
			'--source-kind',
			'bps',
			'--reference-period',
			'Agustus'
		]);
		expect(ok.code).toBe(0);
		const report = JSON.parse(ok.stdout);
		expect(report.counts).toMatchObject({ rows: 2, inserted: 2 });
		const conn = openDatabase(dbFile);
		try {
			expect(
				conn.sqlite
					.prepare(
						`SELECT year, value, source, source_kind, reference_period FROM observations
						 WHERE indicator_code = 'open_unemployment_rate_aug' AND year IN (2097, 2098) ORDER BY year`
					)
					.all()
			).toEqual([
				{
					year: 2097,
					value: 4.7,
					source: 'BPS Kabupaten Pati, Tabel 4.2',
					source_kind: 'bps',
					reference_period: 'Agustus'
				},
				{
					year: 2098,
					value: 4.6,
					source: 'BPS Kabupaten Pati, Tabel 4.2',
					source_kind: 'bps',
					reference_period: 'Agustus'
				}
			]);
		} finally {
			conn.sqlite.close();
		}
		expect((await cli(['--undo', String(report.import_id)])).code).toBe(0);
		for (const args of [
			[wide, '--source', ' '],
			[wide, '--source', 'x', '--source-kind', 'koran'],
			[wide, '--source-kind', 'bps']
		]) {
			const r = await cli(args);
			expect(r.code, args.join(' ')).toBe(2);
		}
	}, 60_000);

	it('imports the sheet --sheet names from an .xlsx workbook; a missing sheet is refused naming the sheets', async () => {
		const wb = new ExcelJS.Workbook();
		wb.addWorksheet('Catatan').getCell('A1').value = 'Lihat lembar TPT.';
		const ws = wb.addWorksheet('TPT');
		ws.getCell('A1').value = 'Tingkat Pengangguran Terbuka (persen)';
		ws.addRow([]);
		// As BPS publishes it: the region by name, years across, "-" for no value, no codes.
		ws.addRow(['Kabupaten/Kota', 2094, 2095, 2096]);
		ws.addRow(['Kab. Pati', '-', 4.25, '4,1']);
		ws.addRow(['Sumber: BPS Kabupaten Pati']);
		const indicator = ['--indicator', 'open_unemployment_rate_aug'];
		const xlsx = path.join(dir, 'tpt.xlsx');
		await wb.xlsx.writeFile(xlsx);
		const before = dump();
		const missing = await cli([
			xlsx,
			'--sheet',
			'Data',
			'--source',
			'BPS Kabupaten Pati',
			...indicator
		]);
		expect(missing.code).toBe(1);
		expect(missing.stdout).toContain(
			'Lembar "Data" tidak ada di buku kerja ini. Lembar yang ada: "Catatan", "TPT".'
		);
		expect(dump()).toEqual(before);

		const ok = await cli([
			xlsx,
			'--sheet',
			'tpt',
			'--source',
			'BPS Kabupaten Pati',
			...indicator,
			'--json'
		]);
		expect(ok.code).toBe(0);
		const report = JSON.parse(ok.stdout);
		expect(report).toMatchObject({
			status: 'imported',
			sheet: 'TPT',
			file_name: 'tpt.xlsx',
			counts: { rows: 2, inserted: 2 }
		});
		const conn = openDatabase(dbFile);
		try {
			expect(
				conn.sqlite
					.prepare(
						`SELECT region_code AS region, year, value, source FROM observations
						 WHERE indicator_code = 'open_unemployment_rate_aug' AND year IN (2094, 2095, 2096) ORDER BY year`
					)
					.all()
			).toEqual([
				{ region: '33.18', year: 2095, value: 4.25, source: 'BPS Kabupaten Pati' },
				{ region: '33.18', year: 2096, value: 4.1, source: 'BPS Kabupaten Pati' }
			]);
		} finally {
			conn.sqlite.close();
		}
		const human = await cli([xlsx, '--sheet', '2', '--source', 'BPS Kabupaten Pati', ...indicator]);
		expect(human.stdout).toContain('Lembar / sheet: "TPT"');
		expect(human.stdout).toContain('nothing to change');
		expect((await cli(['--undo', String(report.import_id)])).code).toBe(0);
		expect((await cli([xlsx, '--sheet', ' '])).code).toBe(2);
	}, 60_000);

	it('--indicator gives a BPS table naming its regions its indicator; unknown, it is one error', async () => {
		// As BPS publishes a table of one indicator: a title, region names down, years across, a
		// "Sumber" line below; no code anywhere. Years no real figure can have (2095, 2096).
		const table = file(
			'bps-ipm.csv',
			'Indeks Pembangunan Manusia Menurut Kabupaten/Kota;;\n' +
				'Kabupaten/Kota;2095;2096\n' +
				'Kab. Pati;71,35;72,80\n' +
				'KOTA SEMARANG;83,05;83,55\n' +
				'Sumber: BPS Provinsi Jawa Tengah;;\n'
		);
		const source = ['--source', 'BPS Provinsi Jawa Tengah, Tabel IPM'];
		const before = dump();
		const refused = await cli([table, '--json', ...source]);
		expect(refused.code).toBe(1);
		const errors = JSON.parse(refused.stdout).errors;
		expect(errors.map((e: { code: string; column: string }) => [e.code, e.column])).toEqual([
			['missing-label', 'indicator_code']
		]);
		expect(errors[0].message).toContain('--indicator');

		const unknown = await cli([table, '--json', ...source, '--indicator', 'hdi_ipn']);
		expect(unknown.code).toBe(1);
		expect(JSON.parse(unknown.stdout)).toMatchObject({
			status: 'refused',
			error_count: 1,
			errors: [
				{
					code: 'foreign-key-error',
					row: null,
					column: 'indicator_code',
					value: 'hdi_ipn',
					message:
						'Indicator "hdi_ipn" is not registered. Check the code or import the indicator first.'
				}
			]
		});
		expect(dump()).toEqual(before);

		const ok = await cli([table, '--json', ...source, '--indicator', 'hdi_ipm']);
		expect(ok.stderr).toBe('');
		expect(ok.code).toBe(0);
		const report = JSON.parse(ok.stdout);
		expect(report).toMatchObject({
			status: 'imported',
			shape: 'wide',
			counts: { rows: 4, inserted: 4 }
		});
		const conn = openDatabase(dbFile);
		try {
			expect(
				conn.sqlite
					.prepare(
						`SELECT region_code AS region, indicator_code AS indicator, year, value, source FROM observations
						 WHERE year IN (2095, 2096) ORDER BY region_code, year`
					)
					.all()
			).toEqual([
				{ region: '33.18', indicator: 'hdi_ipm', year: 2095, value: 71.35, source: source[1] },
				{ region: '33.18', indicator: 'hdi_ipm', year: 2096, value: 72.8, source: source[1] },
				{ region: '33.74', indicator: 'hdi_ipm', year: 2095, value: 83.05, source: source[1] },
				{ region: '33.74', indicator: 'hdi_ipm', year: 2096, value: 83.55, source: source[1] }
			]);
		} finally {
			conn.sqlite.close();
		}
		expect((await cli(['--undo', String(report.import_id)])).code).toBe(0);
		const blank = await cli([table, '--indicator', ' ']);
		expect(blank.code).toBe(2);
		expect(blank.stderr).toMatch(/^import: --indicator needs an indicator code/);
	}, 60_000);

	it('--dry-run writes nothing and says what it would do', async () => {
		const before = dump();
		const dry = await cli([file('dry.csv', GOOD), '--dry-run', '--json']);
		expect(dry.code).toBe(0);
		expect(JSON.parse(dry.stdout)).toMatchObject({
			status: 'valid',
			counts: { rows: 2, inserted: 2 },
			import_id: null
		});
		expect(dump()).toEqual(before);
	}, 60_000);

	it('--dry-run lists the values a file would replace, old → new, and writes nothing', async () => {
		const first = await cli([file('first.csv', GOOD), '--json']);
		expect(first.code).toBe(0);
		const changed = GOOD.replace(
			',4.4,https://example.invalid/test,',
			',4.3,https://example.invalid/v2,'
		);
		const before = dump();
		const dry = await cli([file('changed.csv', changed), '--dry-run']);
		expect(dry.code).toBe(0);
		expect(dry.stdout).toContain(
			'would import 2 rows — 0 new, 1 updated, 1 unchanged.\n' +
				'Nilai yang diganti / values replaced (lama → baru / old → new):\n' +
				'  33.18 open_unemployment_rate_aug 2100: 4.4 → 4.3  (https://example.invalid/test → https://example.invalid/v2)\n'
		);
		const json = JSON.parse(
			(await cli([file('changed.csv', changed), '--dry-run', '--json'])).stdout
		);
		expect(json.changes).toEqual([
			{
				table: 'observations',
				regionCode: '33.18',
				indicatorCode: 'open_unemployment_rate_aug',
				year: 2100,
				before: 4.4,
				after: 4.3,
				sourceBefore: 'https://example.invalid/test',
				sourceAfter: 'https://example.invalid/v2'
			}
		]);
		expect(dump()).toEqual(before);
		expect((await cli(['--undo', String(JSON.parse(first.stdout).import_id)])).code).toBe(0);
	}, 60_000);

	it('a file over IMPORT_MAX_BYTES is refused with exit 1', async () => {
		const r = await cli([file('big.csv', GOOD), '--json'], { IMPORT_MAX_BYTES: '50' });
		expect(r.code).toBe(1);
		expect(JSON.parse(r.stdout).errors[0].message).toMatch(/limit is/);
	}, 60_000);

	it('exit 2 for bad arguments and unreadable paths; --help exits 0', async () => {
		for (const args of [
			[],
			['--kind', 'nonsense', 'x.csv'],
			['a.csv', 'b.csv'],
			['--undo', 'x'],
			['--bogus']
		]) {
			const r = await cli(args);
			expect(r.code, args.join(' ')).toBe(2);
			expect(r.stdout).toBe('');
		}
		const missing = await cli([path.join(dir, 'missing.csv'), '--json']);
		expect(missing.code).toBe(2);
		expect(missing.stderr).toMatch(/Cannot read/);
		const help = await cli(['--help']);
		expect(help.code).toBe(0);
		expect(help.stdout).toMatch(/Exit codes/);
		// And node's exit code is the one the command returned.
		const spawned = spawnCli(['--bogus']);
		expect(spawned.code).toBe(2);
		expect(spawned.stderr).toMatch(/^import: Unknown option '--bogus'/);
	}, 60_000);
});
