/**
 * The import service: each way a person imports is one verb here, and each verb writes its audit
 * row in the transaction of its change, so the log reads the same whichever door an import came
 * through. The staff page previews an upload (`previewImport`: a dry run that keeps the file
 * under a token) and confirms it (`confirmImport`); `npm run import` imports a path
 * (`importFileAs`); both undo (`undoImport`). Callers parse their request, call one verb and
 * present what it answers; who may import which kind, and write which indicator, they say as
 * predicates (`mayImport`, `mayEdit`), since the role rules belong to auth, not here.
 */
import type Database from 'better-sqlite3';
import type { FileSource, ImportKind, Locale } from '../../import';
import { writeAudit, type Actor } from '../audit';
import type { Connection } from '../db';
import { listIndicatorOpds } from '../db/assignments';
import { undoImport as undoRows } from '../db/imports';
import { ImportForbidden } from './errors';
import { accessSync, constants, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importFile, refusedReport, type ImportOptions, type ImportReport } from './file';
import { guessKind, readHeaderLine } from './kind';
import type { ImportLimits } from './limits';
import { asImportableFile } from './workbook';
import {
	discard,
	discardData,
	readUpload,
	saveMeta,
	storeUpload,
	sweep,
	uploadsDir,
	type UploadOwner
} from './uploads';

/** Errors a report keeps (shown, and downloadable from the page); `errorCount` counts them all. */
export const MAX_ERRORS = 1000;
/** Typed rows a report of an upload keeps, for the page's preview table. */
export const PREVIEW_ROWS = 10;

/** What every verb that imports is told besides the file. */
export interface ImportSettings {
	limits: ImportLimits;
	/** Whether rows flagged illustrative are accepted: only in the demo instance. */
	allowIllustrative?: boolean;
	/** Defaults to MAX_ERRORS. */
	maxErrors?: number;
	/**
	 * Whether the actor may write data of this indicator (`opd`: its producing OPD, `''` when it
	 * has none), asked inside the transaction for each indicator the file names. Any no rolls
	 * everything back and throws `ImportForbidden` naming the indicators refused. Omitted: all.
	 */
	mayEdit?: (indicator: { code: string; opd: string }, kind: ImportKind) => boolean;
}

/** The settings of the upload verbs, which keep a file between preview and confirm. */
export interface UploadSettings extends ImportSettings {
	/** Who may confirm the upload or download its errors: the uploader, in the same session. */
	owner: UploadOwner;
	/** Whether the actor may import files of this kind; asked again on confirm (roles change). */
	mayImport: (kind: ImportKind) => boolean;
	/** Defaults to PREVIEW_ROWS. */
	previewRows?: number;
}

/** A file sent with a request. */
export interface Upload {
	/** The name recorded on the import and shown back, already cleaned of any folder. */
	name: string;
	/** The size the request declared, when known: an oversized file is refused unread. */
	size?: number;
	body: AsyncIterable<Uint8Array>;
}

export interface PreviewRequest extends UploadSettings {
	/** null: guessed from the file's header (`guessKind`), once it is spooled. */
	kind: ImportKind | null;
	locale: Locale | null;
	defaultRegion: string | null;
	/** The source for rows without their own (the page's Sumber field); null: none. */
	fileSource: FileSource | null;
	/** A workbook's sheet to read (name or position); null: the first. */
	sheet?: string | null;
	/** The indicator for rows without their own (the page's Indikator choice); null: none. */
	fileIndicator: string | null;
}

/**
 * `report` and `token`: the dry run; the token confirms it when the report says `valid`, keeps
 * the error list downloadable when it says `refused`, and is null when nothing would change.
 * `problem`: nothing was checked and nothing is kept (the file is over `maxBytes`, or the actor
 * may not import the kind it turned out to be).
 */
export type PreviewResult =
	| { report: ImportReport; token: string | null }
	| { problem: 'too-large' }
	| { problem: 'kind'; kind: ImportKind };

/**
 * `report`: the committed import, or a refusal because the data changed since the preview (then
 * `token` keeps its errors downloadable). `problem: 'expired'`: no confirmable upload of this
 * owner under the token (unknown, someone else's, expired, refused or already confirmed).
 * `problem: 'kind'`: the actor may no longer import this kind; the upload is kept.
 */
export type ConfirmResult =
	| { report: ImportReport; token: string | null }
	| { problem: 'expired' }
	| { problem: 'kind'; kind: ImportKind };

export interface FileRequest extends ImportSettings {
	kind: ImportKind;
	locale?: Locale;
	defaultRegion?: string;
	fileSource?: FileSource;
	/** A workbook's sheet to read (name or position); absent: the first. */
	sheet?: string;
	fileIndicator?: string;
	/** Validate and count what would change; write nothing. */
	dryRun?: boolean;
	/** Called after each chunk read. */
	onProgress?: ImportOptions['onProgress'];
}

/**
 * Checks an upload without writing: spools it under a new token, runs a dry run and keeps what a
 * confirm or the error download needs. Throws `ImportForbidden` (see `mayEdit`) and
 * `ImportRefused` (the database is busy); the upload is discarded then.
 * Example: `await previewImport(conn, { name: 'ipm.csv', body }, actor, { kind: null, … })`.
 */
export async function previewImport(
	conn: Connection,
	upload: Upload,
	actor: Actor,
	request: PreviewRequest
): Promise<PreviewResult> {
	const dir = uploadsDir(conn.path);
	sweep(dir);
	const stored = await storeUpload(dir, upload.body, request.limits.maxBytes, upload.size);
	if ('tooLarge' in stored) return { problem: 'too-large' };
	let converted: Awaited<ReturnType<typeof asImportableFile>>;
	try {
		converted = await asImportableFile(stored.file, `${stored.file}.sheet`, {
			sheet: request.sheet ?? undefined,
			locale: request.locale ?? 'id',
			maxBytes: request.limits.maxBytes
		});
	} catch (e) {
		discard(dir, stored.token);
		throw e;
	}
	// The workbook's CSV takes its place: confirm and the error download read it like any upload.
	if ('file' in converted) renameSync(converted.file, stored.file);
	const workbook = 'file' in converted ? converted.workbook : undefined;
	const kind = request.kind ?? guessKind(readHeaderLine(stored.file));
	if (!request.mayImport(kind)) {
		discard(dir, stored.token);
		return { problem: 'kind', kind };
	}
	const meta = {
		owner: request.owner,
		createdAt: Date.now(),
		kind,
		locale: request.locale,
		defaultRegion: request.defaultRegion,
		fileSource: request.fileSource,
		fileIndicator: request.fileIndicator,
		fileName: upload.name,
		bytes: stored.bytes,
		sha256: stored.sha256,
		...(workbook ? { workbook } : {})
	};
	let report: ImportReport;
	if ('refused' in converted) {
		rmSync(`${stored.file}.sheet`, { force: true });
		report = refusedReport(
			{ kind, actor: actor.username, fileName: upload.name, dryRun: true },
			converted.bytes,
			converted.refused
		);
		saveMeta(dir, stored.token, {
			...meta,
			confirmable: false,
			errors: report.errors,
			errorCount: 1
		});
		discardData(dir, stored.token);
		return { report, token: stored.token };
	}
	try {
		report = importAs(conn, stored.file, actor, request, {
			workbook,
			kind,
			locale: meta.locale ?? undefined,
			defaultRegion: meta.defaultRegion ?? undefined,
			fileSource: meta.fileSource ?? undefined,
			fileIndicator: meta.fileIndicator ?? undefined,
			fileName: meta.fileName,
			dryRun: true,
			previewRows: request.previewRows ?? PREVIEW_ROWS
		});
	} catch (e) {
		discard(dir, stored.token);
		throw e;
	}
	if (report.status === 'unchanged') {
		discard(dir, stored.token);
		return { report, token: null };
	}
	const confirmable = report.status === 'valid';
	saveMeta(dir, stored.token, {
		...meta,
		confirmable,
		errors: report.errors,
		errorCount: report.errorCount
	});
	// Of a refused file only the error list stays, for its CSV download.
	if (!confirmable) discardData(dir, stored.token);
	return { report, token: stored.token };
}

/**
 * Imports the upload a preview kept under `token`, all rows or none, with the audit row of the
 * commit. Confirmed or unchanged, the upload is gone (a second confirm finds it `expired`).
 * Throws `ImportForbidden` (the upload is discarded) and `ImportRefused` (the database is busy;
 * the upload stays, to confirm again).
 */
export function confirmImport(
	conn: Connection,
	token: string,
	actor: Actor,
	settings: UploadSettings
): ConfirmResult {
	const dir = uploadsDir(conn.path);
	const upload = readUpload(dir, token, settings.owner);
	if (!upload || !upload.meta.confirmable || upload.file === null) return { problem: 'expired' };
	const { meta, file } = upload;
	// The role may have changed since the preview: ask again.
	if (!settings.mayImport(meta.kind)) return { problem: 'kind', kind: meta.kind };
	let report: ImportReport;
	try {
		report = importAs(conn, file, actor, settings, {
			workbook: meta.workbook,
			kind: meta.kind,
			locale: meta.locale ?? undefined,
			defaultRegion: meta.defaultRegion ?? undefined,
			fileSource: meta.fileSource ?? undefined,
			fileIndicator: meta.fileIndicator ?? undefined,
			fileName: meta.fileName,
			dryRun: false,
			previewRows: settings.previewRows ?? PREVIEW_ROWS
		});
	} catch (e) {
		if (e instanceof ImportForbidden) discard(dir, token);
		throw e;
	}
	if (report.status === 'refused') {
		// The data changed since the preview (another import): keep the errors, drop the file.
		saveMeta(dir, token, {
			...meta,
			confirmable: false,
			errors: report.errors,
			errorCount: report.errorCount
		});
		discardData(dir, token);
		return { report, token };
	}
	discard(dir, token);
	return { report, token: null };
}

/**
 * Imports a file by its path, as `npm run import` does: all rows or none (or, with `dryRun`,
 * none), with the audit row of the commit. A workbook is read from its first sheet or
 * `request.sheet`, through a CSV in a temporary folder removed afterwards. Throws
 * `ImportReadError` for a path that cannot be read, `ImportRefused` when the database is busy,
 * `ImportForbidden` (see `mayEdit`).
 * Example: `(await importFileAs(conn, 'ipm.xlsx', actor, { kind: 'observations', limits })).status`.
 */
export async function importFileAs(
	conn: Connection,
	file: string,
	actor: Actor,
	request: FileRequest
): Promise<ImportReport> {
	const options: FileOptions = {
		kind: request.kind,
		locale: request.locale,
		defaultRegion: request.defaultRegion,
		fileSource: request.fileSource,
		fileName: path.basename(file),
		fileIndicator: request.fileIndicator,
		dryRun: request.dryRun ?? false,
		onProgress: request.onProgress
	};
	if (!isReadableFile(file)) return importAs(conn, file, actor, request, options);
	const temp = mkdtempSync(path.join(tmpdir(), 'rapor-sheet-'));
	try {
		const converted = await asImportableFile(file, path.join(temp, 'sheet.csv'), {
			sheet: request.sheet,
			locale: request.locale ?? 'id',
			maxBytes: request.limits.maxBytes
		});
		if ('refused' in converted)
			return refusedReport(
				{ ...options, actor: actor.username },
				converted.bytes,
				converted.refused
			);
		if (converted.workbook === null) return importAs(conn, file, actor, request, options);
		return importAs(conn, converted.file, actor, request, {
			...options,
			workbook: converted.workbook
		});
	} finally {
		rmSync(temp, { recursive: true, force: true });
	}
}

/** A regular file that can be opened: anything else is left to `importFile`'s own errors. */
function isReadableFile(file: string): boolean {
	try {
		return statSync(file).isFile() && (accessSync(file, constants.R_OK), true);
	} catch {
		return false;
	}
}

/**
 * Undoes import `id`: its values go, the values it replaced are current again, and the audit row
 * commits with it. Throws `ImportRefused` with the reason when it cannot be undone.
 * Example: `undoImport(conn, 7, actor)` → `{ removed: 12, restored: 3 }`.
 */
export function undoImport(
	conn: Connection,
	id: number,
	actor: Actor
): { removed: number; restored: number } {
	return undoRows(conn, id, actor.username, { audit: auditUndo(actor) });
}

type FileOptions = Pick<
	ImportOptions,
	| 'kind'
	| 'locale'
	| 'defaultRegion'
	| 'fileSource'
	| 'fileIndicator'
	| 'fileName'
	| 'dryRun'
	| 'previewRows'
	| 'onProgress'
	| 'workbook'
>;

/** `importFile` as `actor`, with the settings' checks and the commit's audit row. */
function importAs(
	conn: Connection,
	file: string,
	actor: Actor,
	settings: ImportSettings,
	options: FileOptions
): ImportReport {
	const { mayEdit } = settings;
	let refused: string[] = [];
	let mayWrite: ImportOptions['mayWrite'];
	if (mayEdit) {
		// Read before the transaction, as the OPDs stood when the file came: inside it, an
		// indicators file would be judged by the OPDs it is itself writing.
		const opdOf = new Map(listIndicatorOpds(conn).map((r) => [r.code, r.opd]));
		mayWrite = (indicators) => {
			refused = [...indicators].filter(
				(code) => !mayEdit({ code, opd: opdOf.get(code) ?? '' }, options.kind)
			);
			return refused.length === 0;
		};
	}
	try {
		return importFile(conn, file, {
			...options,
			actor: actor.username,
			maxErrors: settings.maxErrors ?? MAX_ERRORS,
			limits: settings.limits,
			allowIllustrative: settings.allowIllustrative,
			mayWrite,
			audit: auditImport(actor)
		});
	} catch (e) {
		// importFile names every indicator of the file; the actor is told the ones refused.
		if (e instanceof ImportForbidden) throw new ImportForbidden(refused.sort(), e.kind, e.fileName);
		throw e;
	}
}

/** The audit row of a committed import: one shape for the upload page and the CLI alike. */
function auditImport(actor: Actor): NonNullable<ImportOptions['audit']> {
	return (sqlite, r) =>
		writeAudit(sqlite, actor, {
			action: 'import.commit',
			entityType: 'import',
			entityId: r.importId,
			after: {
				kind: r.kind,
				fileName: r.fileName,
				sha256: r.sha256,
				rows: r.counts.rows,
				inserted: r.counts.inserted,
				updated: r.counts.updated,
				unchanged: r.counts.unchanged
			}
		});
}

/** The audit row of an undo: one shape for the page and the CLI. */
function auditUndo(actor: Actor) {
	return (sqlite: Database.Database, r: { importId: number; removed: number; restored: number }) =>
		writeAudit(sqlite, actor, {
			action: 'import.undo',
			entityType: 'import',
			entityId: r.importId,
			before: { status: 'committed' },
			after: { status: 'undone', removed: r.removed, restored: r.restored }
		});
}
