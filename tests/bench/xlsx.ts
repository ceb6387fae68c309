/**
 * Benchmark case `xlsx`: a generated 100,000-row workbook (one sheet, long shape, numbers stored
 * as numbers and text as shared strings, as Excel writes them; in os.tmpdir()) imported whole,
 * next to the floor measured in the same run.
 *
 * Cases, each in its own child process so peak RSS belongs to that case alone:
 * - xlsx_floor: exceljs's streaming reader alone reading the same file, every cell's value
 *   touched, with the options our reader uses (shared strings and styles cached: styles say which
 *   numbers are percentages);
 * - xlsx_pipeline: `asImportableFile()` (the sheet to CSV, merges read) then `importFile()` (one
 *   pass: validate while writing) into a seeded database, as `npm run import -- file.xlsx` does.
 * Goal: pipeline / floor ≥ 0.6 in rows per second; peak RSS under 300 MB.
 *
 * Values are synthetic and flagged illustrative; the database is temporary.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateLongCsv, prepareTemplate } from './import';

const ROWS = 100_000;
const YEARS = 2100 - 1990 + 1;
const SELF = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(SELF), '../..');

interface CaseResult {
	case: string;
	rows: number;
	ms: number;
	peak_rss_mb: number;
}

const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

/** The generated CSV as a workbook: year, value and the illustrative flag as numbers. */
async function writeWorkbook(csv: string, file: string): Promise<void> {
	const ExcelJS = (await import('exceljs')).default;
	const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
	const ws = wb.addWorksheet('Data');
	const lines = readFileSync(csv, 'utf8').split('\n');
	ws.addRow(lines[0].split(',')).commit();
	for (let i = 1; i < lines.length; i++) {
		if (lines[i] === '') continue;
		const [region, indicator, year, value, source, note, illustrative] = lines[i].split(',');
		ws.addRow([
			region,
			indicator,
			Number(year),
			Number(value),
			source,
			note || null,
			Number(illustrative)
		]).commit();
	}
	ws.commit();
	await wb.commit();
}

async function floorCase(file: string): Promise<CaseResult> {
	const ExcelJS = (await import('exceljs')).default;
	const started = performance.now();
	let rows = 0;
	let cells = 0;
	const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
		sharedStrings: 'cache',
		hyperlinks: 'ignore',
		styles: 'cache',
		worksheets: 'emit',
		entries: 'ignore'
	});
	for await (const ws of reader)
		for await (const row of ws as unknown as AsyncIterable<import('exceljs').Row>) {
			row.eachCell((c) => {
				if (c.value !== null) cells++;
			});
			rows++;
		}
	const ms = performance.now() - started;
	if (cells === 0) throw new Error('floor read no cells');
	// The header row is not a data row.
	return { case: 'xlsx_floor', rows: rows - 1, ms, peak_rss_mb: peakMb() };
}

async function pipelineCase(file: string, dbFile: string): Promise<CaseResult> {
	const { openDatabase } = await import('../../src/lib/server/db/index.ts');
	const { importFile } = await import('../../src/lib/server/imports/file.ts');
	const { asImportableFile } = await import('../../src/lib/server/imports/workbook.ts');
	const conn = openDatabase(dbFile);
	const limits = { maxBytes: 200 * 1024 * 1024, maxRows: 2_000_000 };
	const started = performance.now();
	const converted = await asImportableFile(file, `${dbFile}.sheet.csv`, {
		locale: 'id',
		maxBytes: limits.maxBytes
	});
	if (!('file' in converted)) throw new Error(`not converted: ${JSON.stringify(converted)}`);
	const report = importFile(conn, converted.file, {
		kind: 'observations',
		actor: 'bench',
		fileName: path.basename(file),
		workbook: converted.workbook,
		limits,
		// The generated rows are invented and say so (illustrative = 1), as demo data must.
		allowIllustrative: true
	});
	const ms = performance.now() - started;
	conn.sqlite.close();
	if (report.status !== 'imported')
		throw new Error(`pipeline did not import: ${JSON.stringify(report.errors.slice(0, 3))}`);
	return { case: 'xlsx_pipeline', rows: report.counts.inserted, ms, peak_rss_mb: peakMb() };
}

function child(caseName: string, file: string, dbFile: string): CaseResult {
	const out = spawnSync(
		process.execPath,
		['--import', 'tsx', SELF, '--child', caseName, file, dbFile],
		{ cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 20 }
	);
	if (out.status !== 0) throw new Error(`case ${caseName} failed: ${out.stderr}`);
	return JSON.parse(out.stdout.trim().split('\n').pop()!) as CaseResult;
}

export async function run(): Promise<void> {
	const dir = mkdtempSync(path.join(tmpdir(), 'rapor-bench-xlsx-'));
	try {
		const probe = await prepareTemplate(dir, 1);
		const regionsNeeded = Math.ceil(ROWS / (YEARS * probe.indicators.length));
		for (const f of [probe.file, probe.file + '-wal', probe.file + '-shm'])
			rmSync(f, { force: true });
		const template = await prepareTemplate(dir, regionsNeeded);
		const csv = path.join(dir, 'observations.csv');
		generateLongCsv(csv, ROWS, template.codes, template.indicators);
		const file = path.join(dir, 'observations-100k.xlsx');
		await writeWorkbook(csv, file);
		const mb = statSync(file).size / 1048576;
		const floor = child('xlsx_floor', file, '');
		const db = path.join(dir, 'pipeline.db');
		copyFileSync(template.file, db);
		const pipeline = child('xlsx_pipeline', file, db);
		const rate = (r: CaseResult) => r.rows / (r.ms / 1000);
		for (const r of [floor, pipeline])
			console.log(
				JSON.stringify({
					bench: 'xlsx',
					case: r.case,
					rows: r.rows,
					file_mb: Math.round(mb * 10) / 10,
					ms: Math.round(r.ms),
					rows_per_s: Math.round(rate(r)),
					ratio_to_xlsx_floor: Math.round((rate(r) / rate(floor)) * 100) / 100,
					peak_rss_mb: r.peak_rss_mb
				})
			);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

// Child mode: `node --import tsx tests/bench/xlsx.ts --child <case> <file> <db>`.
if (process.argv[2] === '--child' && path.resolve(process.argv[1] ?? '') === SELF) {
	const [, , , name, file, db] = process.argv;
	const result = name === 'xlsx_floor' ? await floorCase(file) : await pipelineCase(file, db);
	console.log(JSON.stringify(result));
}
