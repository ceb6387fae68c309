/**
 * `npm run import -- <file>`: load a CSV file into DATABASE_URL, all rows or none.
 *
 * Exit codes: 0 imported, or nothing to change; 1 refused, nothing written (any validation error,
 * a file over the size or row limit, an undo that is not allowed); 2 bad arguments or a path that
 * cannot be read. `--json` prints exactly one JSON object on stdout (messages in English).
 *
 * The kind defaults to `observations`, or `targets` when the header has a `document_type`
 * (`jenis_dokumen`) column; `--kind` overrides. Migrations run first (a new path works); the
 * database is never seeded here: load reference data with the seed (`data/`) or `--kind`.
 */
import { statSync } from 'node:fs';
import { ConfigError, loadConfig } from '../src/lib/server/config';
import { openDatabase, type Connection } from '../src/lib/server/db';
import { runMigrations } from '../src/lib/server/db/migrate';
import { ImportReadError, ImportRefused } from '../src/lib/server/imports/errors';
import type { ImportReport } from '../src/lib/server/imports/file';
import { guessKind, readHeaderLine } from '../src/lib/server/imports/kind';
import { importLimits } from '../src/lib/server/imports/limits';
import { importFileAs, undoImport } from '../src/lib/server/imports/service';
import {
	IMPORT_KINDS,
	SOURCE_KINDS,
	type FileSource,
	type ImportError,
	type ImportKind,
	type Locale,
	type SourceKind
} from '../src/lib/import';
import { runScript, UsageError, type CommandLine } from './cli';

const USAGE = `Usage:
  npm run import -- <file> [--kind <kind>] [--dry-run] [--json] [--locale id|en]
                           [--region <code>] [--indicator <code>] [--source <text>
                           [--source-kind <kind>] [--reference-period <text>]] [--sheet <name|n>]
                           [--actor <name>]
  npm run import -- --undo <id> [--json] [--actor <name>]

  --kind      ${IMPORT_KINDS.join(' | ')} (default: observations, or targets when the
              header has a document_type / jenis_dokumen column)
  --dry-run   check the file and count what would change; write nothing
  --json      print one JSON report on stdout
  --locale    number format of the file: id (12,5; 1.234.567) or en (12.5; 1,234,567);
              default: from the delimiter (; → id, , → en)
  --region    region code for rows without one (Kemendagri code, e.g. 33.18)
  --indicator the indicator of the whole file (its code, e.g. hdi_ipm), for every row whose
              own indicator is blank, or a file without an indicator_code column (a BPS table)
  --source    the source of the whole file (a URL or a document and table), for every row whose
              own source is blank, or a file without a source column
  --source-kind       who published it: ${SOURCE_KINDS.join(' | ')}
  --reference-period  the period it measures, as the source writes it (e.g. Agustus 2023)
  --sheet     the sheet of an .xlsx workbook to read, by name or position (default: the first
              visible sheet)
  --actor     name recorded on the import (default: $USER or "cli")
  --undo <id> undo import <id>: its values go, the values it replaced come back

Writes to DATABASE_URL (default var/rapor-cerdas.db). Limits: IMPORT_MAX_BYTES (default 50 MB),
IMPORT_MAX_ROWS (default 2,000,000).
Exit codes: 0 imported or nothing to change, 1 refused (nothing written), 2 bad arguments or
unreadable path.`;

const ERROR_CAP = 20;
const PROGRESS_MIN_BYTES = 5 * 1024 * 1024;

interface Args {
	file: string | null;
	undo: number | null;
	kind: ImportKind | null;
	dryRun: boolean;
	json: boolean;
	locale: Locale | undefined;
	region: string | undefined;
	indicator: string | undefined;
	fileSource: FileSource | undefined;
	sheet: string | undefined;
	actor: string;
}

const OPTIONS = {
	kind: { type: 'string' },
	'dry-run': { type: 'boolean', default: false },
	json: { type: 'boolean', default: false },
	locale: { type: 'string' },
	region: { type: 'string' },
	indicator: { type: 'string' },
	source: { type: 'string' },
	'source-kind': { type: 'string' },
	'reference-period': { type: 'string' },
	sheet: { type: 'string' },
	actor: { type: 'string' },
	undo: { type: 'string' }
} as const;

/** The checked arguments; throws UsageError naming the first wrong one. */
function parse({ values, positionals }: CommandLine<typeof OPTIONS>): Args {
	const kind = values.kind;
	if (kind !== undefined && !(IMPORT_KINDS as readonly string[]).includes(kind))
		throw new UsageError(`--kind must be one of ${IMPORT_KINDS.join(', ')} (got "${kind}").`);
	const locale = values.locale;
	if (locale !== undefined && locale !== 'id' && locale !== 'en')
		throw new UsageError(`--locale must be id or en (got "${locale}").`);
	if (values.region !== undefined && values.region.trim() === '')
		throw new UsageError('--region needs a region code such as 33.18.');
	if (values.indicator !== undefined && values.indicator.trim() === '')
		throw new UsageError('--indicator needs an indicator code such as hdi_ipm.');
	const source = values.source?.trim();
	if (values.source !== undefined && !source)
		throw new UsageError('--source needs a text: a URL, or a document and its table.');
	const sourceKind = values['source-kind'];
	if (sourceKind !== undefined && !(SOURCE_KINDS as readonly string[]).includes(sourceKind))
		throw new UsageError(
			`--source-kind must be one of ${SOURCE_KINDS.join(', ')} (got "${sourceKind}").`
		);
	if (
		source === undefined &&
		(sourceKind !== undefined || values['reference-period'] !== undefined)
	)
		throw new UsageError('--source-kind and --reference-period go with --source.');
	if (values.sheet !== undefined && values.sheet.trim() === '')
		throw new UsageError('--sheet needs a sheet name or its position (1 is the first).');
	const actor = (values.actor ?? process.env.USER ?? 'cli').trim();
	if (actor === '') throw new UsageError('--actor needs a name.');
	let undoId: number | null = null;
	if (values.undo !== undefined) {
		if (!/^[1-9][0-9]*$/.test(values.undo))
			throw new UsageError(`--undo needs an import id, a whole number (got "${values.undo}").`);
		undoId = Number(values.undo);
		if (positionals.length > 0) throw new UsageError('--undo takes no file.');
	} else if (positionals.length !== 1) {
		throw new UsageError(
			positionals.length === 0 ? 'Give one file to import.' : 'Give only one file.'
		);
	}
	return {
		file: undoId === null ? positionals[0] : null,
		undo: undoId,
		kind: (kind as ImportKind | undefined) ?? null,
		dryRun: values['dry-run'],
		json: values.json,
		locale: locale as Locale | undefined,
		region: values.region?.trim(),
		indicator: values.indicator?.trim(),
		fileSource:
			source === undefined
				? undefined
				: {
						source,
						sourceKind: sourceKind as SourceKind | undefined,
						referencePeriod: values['reference-period']?.trim() || undefined
					},
		sheet: values.sheet?.trim(),
		actor
	};
}

function open(): Connection {
	const cfg = loadConfig();
	const conn = openDatabase(cfg.databaseUrl, { mayCreateParent: cfg.databaseUrlIsDefault });
	runMigrations(conn, cfg.migrationsDir);
	return conn;
}

const cliActor = (name: string) => ({ id: null, username: name, address: 'cli' });

function jsonReport(r: ImportReport) {
	return {
		status: r.status,
		kind: r.kind,
		shape: r.shape,
		dialect: r.dialect,
		counts: r.counts,
		errors: r.errors.map((e) => ({
			code: e.code,
			row: e.row,
			column: e.column,
			value: e.value,
			message: e.message.en
		})),
		error_count: r.errorCount,
		import_id: r.importId,
		file_name: r.fileName,
		sheet: r.sheet ?? null,
		changes: r.changes,
		sha256: r.sha256,
		dry_run: r.dryRun
	};
}

const cell = (s: string | number | null, width: number) => {
	const text = s === null ? '' : String(s);
	return text.length > width ? text.slice(0, width - 1) + '…' : text.padEnd(width);
};

function errorTable(errors: ImportError[], total: number): string {
	const lines = [
		`${cell('kode / code', 18)} ${cell('baris/row', 9)} ${cell('kolom/column', 16)} ${cell('nilai/value', 16)} pesan / message`
	];
	for (const e of errors.slice(0, ERROR_CAP)) {
		lines.push(
			`${cell(e.code, 18)} ${cell(e.row, 9)} ${cell(e.column, 16)} ${cell(e.value, 16)} ${e.message.id}`
		);
		lines.push(`${' '.repeat(63)} ${e.message.en}`);
	}
	const shown = Math.min(errors.length, ERROR_CAP);
	if (total > shown)
		lines.push(`… dan ${total - shown} kesalahan lain / and ${total - shown} more errors`);
	return lines.join('\n');
}

function humanReport(r: ImportReport): string {
	const d = r.dialect;
	const c = r.counts;
	const head = [
		`Berkas / file: ${r.fileName} (${r.kind}${r.shape ? `, ${r.shape}` : ''}${
			d
				? `, delimiter ${JSON.stringify(d.delimiter)}, ${d.encoding}, locale ${d.locale ?? '-'}`
				: ''
		})`
	];
	if (r.sheet !== undefined) head.push(`Lembar / sheet: "${r.sheet}"`);
	switch (r.status) {
		case 'imported':
			head.push(
				`Diimpor sebagai impor #${r.importId} / imported as import #${r.importId}: ${c.rows} rows — ${c.inserted} new, ${c.updated} updated, ${c.unchanged} unchanged.`,
				`Batalkan / undo: npm run import -- --undo ${r.importId}`
			);
			break;
		case 'unchanged':
			head.push(
				`Tidak ada yang berubah / nothing to change: all ${c.rows} values are already current.`
			);
			break;
		case 'valid':
			head.push(
				`Uji coba, tidak ada yang ditulis / dry run, nothing written: would import ${c.rows} rows — ${c.inserted} new, ${c.updated} updated, ${c.unchanged} unchanged.`
			);
			break;
		case 'refused':
			head.push(
				`Ditolak, tidak ada yang ditulis / refused, nothing written: ${r.errorCount} error(s).`,
				errorTable(r.errors, r.errorCount)
			);
			break;
	}
	if ((r.status === 'valid' || r.status === 'imported') && r.changes.length > 0)
		head.push(changeTable(r));
	return head.join('\n');
}

/** The values replaced, old → new, as the upload page's preview lists them. */
function changeTable(r: ImportReport): string {
	const lines = ['Nilai yang diganti / values replaced (lama → baru / old → new):'];
	for (const ch of r.changes.slice(0, ERROR_CAP)) {
		const source =
			ch.sourceBefore === ch.sourceAfter ? '' : `  (${ch.sourceBefore} → ${ch.sourceAfter})`;
		lines.push(
			`  ${ch.regionCode} ${ch.indicatorCode}${ch.table === 'targets' ? ' (target)' : ''} ${ch.year}: ${ch.before} → ${ch.after}${source}`
		);
	}
	const shown = Math.min(r.changes.length, ERROR_CAP);
	if (r.counts.updated > shown)
		lines.push(
			`  … dan ${r.counts.updated - shown} lainnya / and ${r.counts.updated - shown} more`
		);
	return lines.join('\n');
}

function progressBar() {
	let last = -1;
	return (done: number, total: number) => {
		const pct = total > 0 ? Math.floor((done / total) * 100) : 100;
		if (pct === last) return;
		last = pct;
		const width = 30;
		const filled = Math.round((pct / 100) * width);
		process.stderr.write(
			`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(pct).padStart(3)}% ${(done / 1048576).toFixed(1)} MB`
		);
		if (pct === 100) process.stderr.write('\n');
	};
}

/** The import command; exported so tests run it in their own process (`runCommand`). */
export async function main(commandLine: CommandLine<typeof OPTIONS>): Promise<number> {
	const a = parse(commandLine);
	let conn: Connection;
	let limits;
	try {
		limits = importLimits();
		conn = open();
	} catch (e) {
		if (e instanceof ConfigError) {
			process.stderr.write(`import: ${e.message}\n`);
			return 2;
		}
		throw e;
	}
	try {
		if (a.undo !== null) {
			try {
				const r = undoImport(conn, a.undo, cliActor(a.actor));
				if (a.json)
					process.stdout.write(
						JSON.stringify({
							status: 'undone',
							import_id: a.undo,
							removed: r.removed,
							restored: r.restored
						}) + '\n'
					);
				else
					process.stdout.write(
						`Impor #${a.undo} dibatalkan: ${r.removed} nilai dihapus, ${r.restored} nilai sebelumnya berlaku lagi.\n` +
							`Import #${a.undo} undone: ${r.removed} value(s) removed, ${r.restored} earlier value(s) current again.\n`
					);
				return 0;
			} catch (e) {
				if (!(e instanceof ImportRefused)) throw e;
				if (a.json)
					process.stdout.write(
						JSON.stringify({
							status: 'refused',
							import_id: a.undo,
							message: e.reason.en,
							message_id: e.reason.id
						}) + '\n'
					);
				else process.stderr.write(`import: ${e.reason.id}\n        ${e.reason.en}\n`);
				return 1;
			}
		}
		const file = a.file!;
		// The kind is an argument with a default read from the file; the refusal below names it.
		const kind = a.kind ?? guessKind(readHeaderLine(file));
		let report: ImportReport;
		try {
			let size = 0;
			try {
				size = statSync(file).size;
			} catch {
				// Unreadable: the import reports it.
			}
			const showProgress = process.stderr.isTTY === true && size > PROGRESS_MIN_BYTES;
			report = await importFileAs(conn, file, cliActor(a.actor), {
				kind,
				sheet: a.sheet,
				locale: a.locale,
				defaultRegion: a.region,
				fileIndicator: a.indicator,
				fileSource: a.fileSource,
				dryRun: a.dryRun,
				limits,
				// Read afresh, not the server's cached config(): each run sees its own DEMO.
				allowIllustrative: loadConfig().demo,
				onProgress: showProgress ? progressBar() : undefined
			});
		} catch (e) {
			if (e instanceof ImportReadError) {
				process.stderr.write(`import: ${e.message}\n`);
				return 2;
			}
			if (e instanceof ImportRefused) {
				if (a.json)
					process.stdout.write(
						JSON.stringify({
							status: 'refused',
							kind,
							shape: null,
							dialect: null,
							counts: { rows: 0, inserted: 0, updated: 0, unchanged: 0 },
							errors: [
								{ code: 'format-error', row: null, column: null, value: null, message: e.message }
							],
							import_id: null
						}) + '\n'
					);
				else process.stderr.write(`import: ${e.message}\n`);
				return 1;
			}
			throw e;
		}
		if (a.json) process.stdout.write(JSON.stringify(jsonReport(report)) + '\n');
		else process.stdout.write(humanReport(report) + '\n');
		return report.status === 'refused' ? 1 : 0;
	} finally {
		conn.sqlite.close();
	}
}

export const IMPORT_SCRIPT = { name: 'import', usage: USAGE, options: OPTIONS };

runScript(import.meta.url, IMPORT_SCRIPT, main);
