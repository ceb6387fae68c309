/**
 * One CSV file into the database: build the validation context, validate while writing inside one
 * `BEGIN IMMEDIATE` transaction, and commit only when the whole file is valid (otherwise roll
 * back: nothing written). The service (`service.ts`) runs it for a person; benchmarks and the
 * reliability runs call it directly.
 *
 * Why one pass: the file is decoded, parsed and checked once, and every row is written as soon as
 * it is checked; an invalid file costs a rollback. Measured against a validate-first, write-second
 * pass in tests/bench/import.ts (see the figures there). The pass is synchronous on purpose: the
 * connection is shared by the whole server, and an `await` inside an open transaction would let
 * other requests' statements into it. A web upload is first spooled to a file (`uploads.ts`),
 * then imported from there.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import {
	ByteFeed,
	ValidationEngine,
	detached,
	type Dialect,
	type ImportError,
	type ImportKind,
	type FileSource,
	type Locale,
	type Message,
	type RowOf,
	type Shape,
	type TypedRow,
	type ValidationContext
} from '../../import';
import type { Connection } from '../db';
import {
	beginImport,
	completeImport,
	RowRejected,
	type Counts,
	type ImportWriter,
	type NodeInput,
	type ValueChange
} from '../db/imports';
import { contextFromDb } from './context';
import { ImportForbidden, ImportReadError, ImportRefused } from './errors';
import type { ImportLimits } from './limits';
import {
	frameworkInput,
	indicatorInput,
	nodeInput,
	observationInput,
	regionInput,
	targetInput
} from './records';
import { msg } from '../../import/messages';
import type Database from 'better-sqlite3';

/**
 * Bytes read per step. Small enough that a chunk's parsed records die young: with 1 MB chunks
 * they outlived the young generation and a million-row import peaked at 248 MB RSS, with 64 KB at
 * 202 MB, in the same time (`npm run bench -- import` with this constant at 1 MB and 64 KB).
 */
const CHUNK_BYTES = 1 << 16;

/**
 * `imported`: committed. `unchanged`: the file matches what is current, nothing written.
 * `refused`: the file has errors (or breaks a limit), nothing written. `valid`: a dry run of a file
 * that would import (counts say what it would do); nothing written.
 */
export type ImportStatus = 'imported' | 'unchanged' | 'refused' | 'valid';

export interface ImportReport {
	status: ImportStatus;
	dryRun: boolean;
	kind: ImportKind;
	shape: Shape | null;
	dialect: Dialect | null;
	fileName: string;
	sha256: string;
	bytes: number;
	/** Data records in the file. */
	rowCount: number;
	/** Values written or compared: rows = typed rows (a wide file has one per year cell). */
	counts: Counts;
	/** The first `maxErrors` errors; `errorCount` counts all of them. */
	errors: ImportError[];
	errorCount: number;
	/** Rows the validator skipped and why (a table title above the header, notes below the data). */
	notices: Message[];
	/** A "Sumber: …" line below the table, offered as the file's source (`StreamReport`). */
	footerSource?: string;
	/** The sheet read, when the file was a workbook. */
	sheet?: string;
	importId: number | null;
	/** Indicator codes the file touches (observations, targets, indicators), for OPD checks. */
	indicators: string[];
	/** The first `previewRows` typed rows, for the staff page's preview. */
	preview: TypedRow[];
	/** The values the file replaces (or would, in a dry run), old and new: at most MAX_CHANGES. */
	changes: ValueChange[];
}

/** The workbook a CSV was made from. */
export interface WorkbookFacts {
	sheet: string;
	/** Every sheet of the workbook, in tab order. */
	sheets: string[];
	sha256: string;
	bytes: number;
}

export interface ImportOptions {
	kind: ImportKind;
	/** Who imports: a user name, or the CLI's `--actor`. */
	actor: string;
	/** Name recorded on the import (defaults to the file's base name). */
	fileName?: string;
	locale?: Locale;
	defaultRegion?: string;
	/** The source of the whole file, for rows without their own (`ValidateOptions.fileSource`). */
	fileSource?: FileSource;
	/**
	 * The file is the CSV made from a workbook's sheet (`workbook.ts`): the report and the import
	 * record name the sheet and carry the workbook's own size and sha256, and the size limit was
	 * the workbook's to meet.
	 */
	workbook?: WorkbookFacts;
	/** The indicator of the whole file, for rows without their own (`ValidateOptions.fileIndicator`). */
	fileIndicator?: string;
	/** Validate and count what would change, then roll back. */
	dryRun?: boolean;
	maxErrors?: number;
	limits?: ImportLimits;
	previewRows?: number;
	/** Called after each chunk read. */
	onProgress?: (bytesRead: number, totalBytes: number) => void;
	/**
	 * Asked inside the transaction, before commit, with the indicator codes the file touches;
	 * returning false rolls back and throws `ImportForbidden` (a produsen's file naming another
	 * OPD's indicator).
	 */
	mayWrite?: (indicators: ReadonlySet<string>) => boolean;
	/** Runs inside the transaction after a successful write: the audit row commits with it. */
	audit?: (sqlite: Database.Database, report: ImportReport) => void;
	/** `one-pass` (default): validate while writing. `two-pass`: validate, then write. */
	strategy?: 'one-pass' | 'two-pass';
	/** Whether rows flagged illustrative are accepted: only in the demo instance (`config().demo`). */
	allowIllustrative?: boolean;
}

const tooLarge = (bytes: number, max: number): Message => {
	const mb = (n: number) => (n / 1048576).toFixed(1);
	return {
		id: `Berkas berukuran ${mb(bytes).replace('.', ',')} MB; batasnya ${mb(max).replace('.', ',')} MB. Pecah berkas menjadi beberapa bagian lalu impor satu per satu.`,
		en: `The file is ${mb(bytes)} MB; the limit is ${mb(max)} MB. Split it into smaller files and import them one by one.`
	};
};

const diskFull: Message = {
	id: 'Basis data atau disknya penuh; tidak ada yang disimpan. Kosongkan ruang disk lalu impor lagi.',
	en: 'The database or its disk is full; nothing was saved. Free some space and import again.'
};

const refusedByDatabase = (detail: string): Message => ({
	id: `Basis data menolak baris ini (${detail}). Periksa nilainya; tidak ada yang disimpan.`,
	en: `The database refused this row (${detail}). Check its values; nothing was saved.`
});

/** Rolls a transaction back without treating it as a failure. */
class Rollback extends Error {}

interface Pass {
	report: ReturnType<ValidationEngine<ImportKind>['report']>;
	sha256: string;
	bytes: number;
	preview: TypedRow[];
	indicators: Set<string>;
}

/**
 * Reads the file synchronously chunk by chunk through the decoder and the validator; `onRow`
 * receives each valid typed row. What `onRow` throws is re-thrown (not reported as a file error).
 */
function scan(
	fd: number,
	total: number,
	options: ImportOptions,
	context: ValidationContext,
	onRow: ((row: TypedRow) => void) | undefined
): Pass {
	const hash = createHash('sha256');
	const preview: TypedRow[] = [];
	const previewRows = options.previewRows ?? 0;
	const indicators = new Set<string>();
	let thrown: { error: unknown } | null = null;
	const engine = new ValidationEngine<ImportKind>(
		{
			kind: options.kind,
			context,
			locale: options.locale,
			defaultRegion: options.defaultRegion,
			fileSource: options.fileSource,
			fileIndicator: options.fileIndicator,
			maxErrors: options.maxErrors,
			maxRows: options.limits?.maxRows,
			allowIllustrative: options.allowIllustrative ?? false,
			onRow: (row) => {
				if (preview.length < previewRows) preview.push(row);
				const code =
					(row as { indicatorCode?: string }).indicatorCode ??
					(options.kind === 'indicators' ? (row as RowOf<'indicators'>).code : undefined);
				// A parsed cell may be a slice of a whole 1 MB chunk; a kept copy must not pin it.
				if (code !== undefined && !indicators.has(code)) indicators.add(detached(code));
				if (onRow) {
					try {
						onRow(row);
					} catch (e) {
						thrown = { error: e };
						throw e;
					}
				}
			}
		},
		false
	);
	const feed = new ByteFeed(engine);
	let bytes = 0;
	try {
		for (;;) {
			// A fresh buffer each time: the decoder may keep a reference to a short first chunk.
			const buf = Buffer.allocUnsafe(CHUNK_BYTES);
			let n: number;
			try {
				n = readSync(fd, buf, 0, CHUNK_BYTES, bytes);
			} catch (e) {
				throw new ImportReadError(`The file could not be read: ${(e as Error).message}`);
			}
			if (n === 0) break;
			bytes += n;
			const chunk = buf.subarray(0, n);
			hash.update(chunk);
			options.onProgress?.(bytes, total);
			// Once the file needs no more bytes, keep reading only for the sha256 of the whole file.
			feed.push(chunk);
		}
		feed.end();
	} catch (e) {
		if (thrown) throw (thrown as { error: unknown }).error;
		if (e instanceof ImportReadError) throw e;
		const detail = e instanceof Error ? e.message : String(e);
		engine.fatal('format-error', null, {
			id: `Berkas tidak dapat dibaca (${detail}).`,
			en: `The file could not be read (${detail}).`
		});
	}
	return {
		report: engine.report(options.fileName ?? null),
		sha256: hash.digest('hex'),
		bytes,
		preview,
		indicators
	};
}

/** Writes typed rows of any kind through the writer; nodes are held until `flush` (parents first). */
function rowWriter(kind: ImportKind, writerRef: () => ImportWriter) {
	let index = 0;
	const nodes: NodeInput[] = [];
	let current: TypedRow | null = null;
	const write = (row: TypedRow) => {
		current = row;
		const w = writerRef();
		switch (kind) {
			case 'observations':
				w.observation(observationInput(row as RowOf<'observations'>));
				break;
			case 'targets':
				w.target(targetInput(row as RowOf<'targets'>));
				break;
			case 'regions':
				w.region(regionInput(row as RowOf<'regions'>));
				break;
			case 'frameworks':
				w.framework(frameworkInput(row as RowOf<'frameworks'>));
				break;
			case 'indicators':
				w.indicator(indicatorInput(row as RowOf<'indicators'>, index));
				break;
			case 'nodes':
				nodes.push(nodeInput(row as RowOf<'nodes'>, index));
				break;
		}
		index++;
	};
	return {
		write,
		flush: () => {
			current = null;
			if (nodes.length > 0) writerRef().nodes(nodes);
			writerRef().flush();
		},
		get current() {
			return current;
		}
	};
}

function isSqliteError(e: unknown): e is Error & { code: string } {
	return e instanceof Error && e.name === 'SqliteError';
}

/**
 * Imports one CSV file: validate, and (unless `dryRun`) commit every row or none. Never leaves a
 * partial import. Throws `ImportReadError` when the path cannot be read, `ImportForbidden` when
 * `mayWrite` says no; every problem of the file itself comes back as `status: 'refused'`.
 * Example: `importFile(conn, 'ipm.csv', { kind: 'observations', actor: 'walidata' }).status`.
 */
export function importFile(conn: Connection, file: string, options: ImportOptions): ImportReport {
	let fd: number;
	try {
		fd = openSync(file, 'r');
	} catch (e) {
		throw new ImportReadError(
			`Cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`
		);
	}
	try {
		const stat = fstatSync(fd);
		if (!stat.isFile()) throw new ImportReadError(`${file} is not a file.`);
		const opts: ImportOptions = { ...options, fileName: options.fileName ?? path.basename(file) };
		const limits = options.limits;
		if (limits && !options.workbook && stat.size > limits.maxBytes) {
			return refusedReport(opts, stat.size, tooLarge(stat.size, limits.maxBytes));
		}
		return run(conn, fd, stat.size, opts);
	} finally {
		closeSync(fd);
	}
}

/**
 * The report of a file refused as a whole before it was read (too large; a workbook that cannot be
 * read): one file-level error, nothing written.
 */
export function refusedReport(
	options: ImportOptions,
	bytes: number,
	message: Message
): ImportReport {
	return {
		status: 'refused',
		dryRun: options.dryRun ?? false,
		kind: options.kind,
		shape: null,
		dialect: null,
		fileName: options.fileName ?? '',
		sha256: '',
		bytes,
		rowCount: 0,
		counts: { rows: 0, inserted: 0, updated: 0, unchanged: 0 },
		errors: [{ code: 'format-error', row: null, column: null, value: null, message }],
		errorCount: 1,
		notices: [],
		importId: null,
		indicators: [],
		preview: [],
		changes: []
	};
}

function run(conn: Connection, fd: number, total: number, options: ImportOptions): ImportReport {
	const context = contextFromDb(conn);
	const strategy = options.strategy ?? 'one-pass';
	let pass: Pass | undefined;
	let result: ImportReport | undefined;
	let forbidden: string[] | null = null;
	const workbook = options.workbook;

	let changes: ValueChange[] = [];
	const finishReport = (p: Pass, status: ImportStatus, counts: Counts, importId: number | null) => {
		const r = p.report;
		return {
			status,
			dryRun: options.dryRun ?? false,
			kind: options.kind,
			shape: r.shape,
			dialect: r.dialect,
			fileName: options.fileName ?? '',
			sha256: workbook?.sha256 ?? p.sha256,
			bytes: workbook?.bytes ?? p.bytes,
			rowCount: r.rowCount,
			counts,
			// A workbook's errors name the sheet too; the row and column are the sheet's own.
			errors: workbook
				? r.errors.map((e) => ({ ...e, message: msg.inSheet(workbook.sheet, e.message) }))
				: r.errors,
			errorCount: r.errorCount,
			notices: workbook
				? [msg.sheetRead(workbook.sheet, workbook.sheets), ...r.notices]
				: r.notices,
			...(r.footerSource === undefined ? {} : { footerSource: r.footerSource }),
			...(workbook ? { sheet: workbook.sheet } : {}),
			importId,
			indicators: [...p.indicators].sort(),
			preview: p.preview,
			changes
		} satisfies ImportReport;
	};

	if (strategy === 'two-pass') {
		const first = scan(fd, total, options, context, undefined);
		if (first.report.status !== 'valid') {
			return finishReport(
				first,
				'refused',
				{ rows: 0, inserted: 0, updated: 0, unchanged: 0 },
				null
			);
		}
	}

	const tx = conn.sqlite.transaction(() => {
		let writer: ImportWriter | null = null;
		const rows = rowWriter(options.kind, () => writer!);
		// The import record needs the sha256, shape and dialect, known only at the end of the pass:
		// it is inserted first with placeholders and completed below.
		writer = beginImport(conn, {
			kind: options.kind as never,
			fileName: options.fileName ?? '',
			sha256: '',
			actor: options.actor
		});
		let p: Pass;
		try {
			p = scan(fd, total, options, context, rows.write);
			rows.flush();
		} catch (e) {
			if (!isSqliteError(e) && !(e instanceof RowRejected)) throw e;
			// The validator mirrors the schema; this is the backstop if they ever differ.
			const row =
				e instanceof RowRejected ? e.row : (rows.current as { sourceRow?: number } | null);
			const full = isSqliteError(e) && e.code === 'SQLITE_FULL';
			pass = {
				report: {
					status: 'invalid',
					kind: options.kind,
					shape: null,
					dialect: null,
					fileName: options.fileName ?? null,
					rowCount: 0,
					valueCount: 0,
					errors: [
						{
							code: 'constraint-error',
							row: row?.sourceRow ?? null,
							column: null,
							value: null,
							message: full ? diskFull : refusedByDatabase(e.message)
						}
					],
					errorCount: 1,
					notices: []
				},
				sha256: '',
				bytes: total,
				preview: [],
				indicators: new Set()
			};
			throw new Rollback();
		}
		pass = p;
		if (p.report.status !== 'valid') throw new Rollback();
		if (options.mayWrite && !options.mayWrite(p.indicators)) {
			forbidden = [...p.indicators].sort();
			throw new Rollback();
		}
		const committed = writer.finish();
		changes = writer.changes;
		if (committed.status === 'unchanged') {
			result = finishReport(p, 'unchanged', committed.counts, null);
			throw new Rollback();
		}
		if (options.dryRun) {
			result = finishReport(p, 'valid', committed.counts, null);
			throw new Rollback();
		}
		completeImport(conn, committed.importId!, {
			sha256: workbook?.sha256 ?? p.sha256,
			shape: p.report.shape ?? 'long',
			// A workbook's CSV has the dialect this module wrote; what the record should say is the sheet.
			dialect: workbook
				? { format: 'xlsx', sheet: workbook.sheet, locale: p.report.dialect?.locale ?? null }
				: (p.report.dialect ?? {})
		});
		result = finishReport(p, 'imported', committed.counts, committed.importId);
		options.audit?.(conn.sqlite, result);
	});
	try {
		tx.immediate();
	} catch (e) {
		// Another process held the write lock past busy_timeout: refuse clearly, nothing was written.
		if (isSqliteError(e) && e.code.startsWith('SQLITE_BUSY')) {
			throw new ImportRefused('busy', {});
		}
		if (!(e instanceof Rollback)) throw e;
	}
	if (forbidden) throw new ImportForbidden(forbidden, options.kind, options.fileName ?? '');
	if (result) return result;
	return finishReport(pass!, 'refused', { rows: 0, inserted: 0, updated: 0, unchanged: 0 }, null);
}
