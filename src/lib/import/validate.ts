/**
 * The validator: decoded text in, typed rows and Frictionless-style errors out.
 *
 * One engine serves the whole-buffer `validateCsv` and the streaming `validateCsvStream`. The CSV
 * reading (pieces, quotes, line breaks, the dialect, title rows above the header) is
 * `csv-records.ts`; this engine is its sink and owns what the records mean: blank and footer rows
 * (skipped after they were counted), the width of each record, cells marked as having no value,
 * and a row's cells put together into typed rows (one per year of a wide row). The header's
 * columns are bound in `header.ts`, each cell is read in `cells.ts`, and a row is checked against
 * what is known (keys, references, ranges) in `rules.ts`.
 */
import { restoreFormulas } from '../csv/write';
import { ByteDecoder, ByteFeed, type TextSink } from './decode';
import {
	cellText,
	detached,
	INVALID,
	isMissingMark,
	mayStartMissingMark,
	readCell,
	readNumber,
	type Cell,
	type CellRules
} from './cells';
import { CsvRecords, type RecordSink } from './csv-records';
import { columnLetter } from './dialect';
import {
	bindHeader,
	fileFacts,
	isColumnLabel,
	type BoundColumn,
	type FileFacts,
	type HeaderBinding
} from './header';
import { msg } from './messages';
import { RowRules, type RuleErrors } from './rules';
import { kindSchemas, type KindSchema } from './schemas';
import type {
	Dialect,
	ErrorCode,
	ImportError,
	ImportKind,
	Locale,
	Message,
	RowOf,
	StreamReport,
	ValidateOptions,
	ValidationReport
} from './types';

export const DEFAULT_MAX_ERRORS = 100;
const MAX_VALUE_CHARS = 200;
const SLICE_CHARS = 1 << 20;

/** Options of the streaming validator; see `validateCsvStream`. */
export interface StreamOptions<K extends ImportKind> extends ValidateOptions<K> {
	onRow?: (row: RowOf<K>) => void;
	/** A file with more data records than this is refused with a `format-error`. */
	maxRows?: number;
}

/**
 * Reverses the CSV writer's formula guard (`restoreFormulas` of `$lib/csv/write`): a cell written
 * as `'=x` (or `''=x`) reads as `=x`, `x;'=1` as `x;=1`. Example: `unescapeFormula("'-5") === '-5'`.
 */
export function unescapeFormula(cell: string): string {
	return restoreFormulas(cell);
}

const clip = (s: string) => (s.length > MAX_VALUE_CHARS ? s.slice(0, MAX_VALUE_CHARS) + '…' : s);

export class ValidationEngine<K extends ImportKind> implements RecordSink, RuleErrors, TextSink {
	readonly kind: K;
	private readonly schema: KindSchema;
	private readonly opts: StreamOptions<K>;
	private readonly maxErrors: number;
	private readonly collect: boolean;
	readonly rows: RowOf<K>[] = [];
	errors: ImportError[] = [];
	errorCount = 0;
	rowCount = 0;
	valueCount = 0;
	encoding: Dialect['encoding'] = 'utf-8';

	private stopped = false;
	private readonly csv: CsvRecords;
	private readonly localeExplicit: boolean;
	/** The row of the column names: 1, or lower down when a title and blank rows come first. */
	private headerRow = 1;
	/** Footer rows below the data ("Sumber: BPS"), skipped. */
	private readonly skippedFooter: number[] = [];
	/** Value cells marked as having no value ("-", "NA"), skipped; each mark as first written. */
	private missingCount = 0;
	private readonly missingMarks = new Map<string, string>();
	/** The text of the first "Sumber: …" footer line, if any. */
	private footerSource: string | null = null;
	/** The row properties the file gives once (its source, its indicator), as [key, value]. */
	private readonly fileValues: readonly [string, string][];
	/** What the file decides for every cell; its locale is known once the header is read. */
	private cellRules: CellRules;
	/** What the header and the row rules check against besides the file's own rows. */
	private readonly facts: FileFacts;
	/**
	 * The header's columns and the checks of rows against what is known, made for them: null
	 * until `header()`, which `CsvRecords` calls before any record.
	 */
	private columns: HeaderBinding | null = null;
	private rules: RowRules | null = null;

	constructor(options: StreamOptions<K>, collectRows: boolean) {
		this.kind = options.kind;
		this.schema = kindSchemas[options.kind];
		this.opts = options;
		this.maxErrors = options.maxErrors ?? DEFAULT_MAX_ERRORS;
		this.collect = collectRows;
		this.localeExplicit = options.locale !== undefined;
		this.facts = fileFacts(options, this.schema);
		this.fileValues = this.facts.values;
		this.cellRules = {
			locale: options.locale ?? null,
			defaultRegion: options.defaultRegion,
			filled: this.facts.filled,
			allowIllustrative: options.allowIllustrative === true
		};
		this.csv = new CsvRecords(this, (label) => isColumnLabel(options.kind, label));
	}

	get done(): boolean {
		return this.stopped;
	}

	error(
		code: ErrorCode,
		row: number | null,
		column: string | null,
		value: string | null,
		message: Message
	): void {
		this.errorCount++;
		if (this.errors.length < this.maxErrors)
			this.errors.push({ code, row, column, value: value === null ? null : clip(value), message });
	}

	/** Whether another error would still be kept in `errors` (past `maxErrors` it is only counted). */
	get keepsErrors(): boolean {
		return this.errors.length < this.maxErrors;
	}

	fatal(code: ErrorCode, row: number | null, message: Message): void {
		this.error(code, row, null, null, message);
		this.stopped = true;
	}

	/** The number locale: the one given, else the one the header's delimiter suggests. */
	private get locale(): Locale | null {
		return this.opts.locale ?? this.csv.detectedLocale;
	}

	/** The next piece of the decoded file. */
	pushText(input: string): void {
		this.csv.push(input);
	}

	/** The end of the file. */
	finish(): void {
		this.csv.finish();
	}

	stop(): void {
		this.stopped = true;
	}

	report(fileName: string | null): StreamReport<K> {
		return {
			status: this.errorCount > 0 ? 'invalid' : 'valid',
			kind: this.kind,
			shape: this.columns?.shape ?? null,
			dialect: this.dialect(),
			fileName,
			rowCount: this.rowCount,
			valueCount: this.valueCount,
			errors: this.errors,
			errorCount: this.errorCount,
			notices: this.notices(),
			...(this.footerSource === null ? {} : { footerSource: this.footerSource })
		};
	}

	dialect(): Dialect | null {
		const { delimiter, bom, lineEnding } = this.csv;
		if (!delimiter) return null;
		return {
			delimiter,
			encoding: this.encoding,
			bom,
			lineEnding: lineEnding ?? 'lf',
			locale: this.locale,
			localeExplicit: this.localeExplicit
		};
	}

	/** What the report tells about skipped rows, or nothing. */
	notices(): Message[] {
		const out: Message[] = [];
		const { skippedTop } = this.csv;
		if (skippedTop.length > 0 && this.csv.headerFound) {
			const rows = rowRange(skippedTop.map((r) => r.row));
			out.push(
				skippedTop.every((r) => r.blank)
					? msg.skippedBlankTop(rows, this.headerRow)
					: msg.skippedTitleTop(rows, this.headerRow)
			);
		}
		if (this.skippedFooter.length > 0) out.push(msg.skippedFooter(rowRange(this.skippedFooter)));
		if (this.missingCount > 0)
			out.push(msg.skippedMissing(this.missingCount, [...this.missingMarks.values()]));
		return out;
	}

	/**
	 * A record below the header (the sink's side of `CsvRecords`): blank rows and a footer
	 * ("Sumber: BPS" or "Catatan: …" below the data, as a spreadsheet export has it) are skipped,
	 * every other row counts, and one whose quotes were wrong is counted but not checked.
	 */
	record(cells: string[], row: number, broken: boolean): void {
		if (isBlank(cells)) return;
		if (isFooter(cells)) {
			this.skippedFooter.push(row);
			this.footerSource ??= footerSourceOf(cells);
			return;
		}
		this.rowCount++;
		if (this.opts.maxRows !== undefined && this.rowCount > this.opts.maxRows) {
			this.fatal('format-error', row, msg.tooManyRows(this.opts.maxRows));
			return;
		}
		if (!broken) this.checkRecord(cells, row);
	}

	/** The column names, at their row: binds each to its column, and reports what is wrong. */
	header(cells: string[], row: number): void {
		this.headerRow = row;
		this.cellRules = { ...this.cellRules, locale: this.locale };
		const columns = bindHeader(cells, row, this.schema, this.facts, this);
		this.columns = columns;
		this.rules = new RowRules(this.kind, columns, this.facts, this);
	}

	private checkRecord(cells: string[], row: number): void {
		const columns = this.columns as HeaderBinding;
		const width = columns.width;
		if (cells.length > width) {
			for (let j = width; j < cells.length; j++) {
				if (cells[j].trim() === '') continue;
				// Trailing empty cells (a spreadsheet's stray delimiters) carry nothing and are ignored.
				this.error(
					'extra-cell',
					row,
					columnLetter(j),
					cells[j].trim(),
					msg.extraCell(cells.length, width)
				);
				return;
			}
		} else if (cells.length < width) {
			const j = cells.length;
			// byName, not bound: it holds a column standing in for another (region_name) too.
			const b = [...columns.byName.values()].find((x) => x.index === j);
			this.error(
				'missing-cell',
				row,
				b?.label ?? columnLetter(j),
				null,
				msg.missingCell(cells.length, width)
			);
			return;
		}
		if (columns.shape === 'wide') this.wideRecord(cells, row, columns);
		else this.longRecord(cells, row, columns);
	}

	/** Parses the bound columns of a record into `out`; false when any cell is invalid. */
	private parseBound(
		cells: string[],
		row: number,
		out: Record<string, unknown>,
		columns: HeaderBinding
	): boolean {
		let ok = true;
		for (const b of columns.bound) {
			if (columns.shape === 'wide' && b.decl.wide === 'cell') continue;
			const v = this.parseCell(b, cellText(cells, b), row);
			if (v === INVALID) ok = false;
			else out[b.decl.key] = v;
		}
		for (const key of columns.absentKeys) out[key] = null;
		if (columns.nameColumn !== null && !(this.rules as RowRules).regionOfName(cells, row, out))
			ok = false;
		if (out.regionCode === null && this.opts.defaultRegion !== undefined)
			out.regionCode = this.opts.defaultRegion;
		// Indexed, not for…of: this runs for every row, and most files give no source of their own.
		for (let i = 0; i < this.fileValues.length; i++) {
			const [key, value] = this.fileValues[i];
			if (out[key] === null) out[key] = value;
		}
		return ok && columns.complete;
	}

	private parseCell(b: BoundColumn, text: string, row: number): Cell {
		return readCell(b, text, row, this.cellRules, this);
	}

	private number(text: string, row: number, label: string): number | typeof INVALID {
		return readNumber(text, row, label, this.cellRules.locale, this);
	}

	private emit(row: Record<string, unknown>): void {
		this.valueCount++;
		const typed = row as unknown as RowOf<K>;
		if (this.collect) this.rows.push(typed);
		if (this.opts.onRow) {
			try {
				this.opts.onRow(typed);
			} catch (e) {
				// The caller's own failure (a database error, say) is not a problem of the file.
				throw new CallbackError(e);
			}
		}
	}

	/** Counts a skipped missing-value mark, for the report's notice. */
	private skipMissing(text: string): void {
		this.missingCount++;
		const key = text.toLowerCase();
		if (!this.missingMarks.has(key)) this.missingMarks.set(key, detached(text));
	}

	private longRecord(cells: string[], row: number, columns: HeaderBinding): void {
		// A value marked missing ("-", "NA"): the row says there is no value, so it is skipped.
		const valueColumn = columns.valueColumn;
		if (valueColumn !== null) {
			// The raw cell's first character first: a number (most rows) is not trimmed twice.
			const c = cells[valueColumn.index].charCodeAt(0);
			if (mayStartMissingMark(c) || c === 32 || c === 9 || c === 39) {
				const text = cellText(cells, valueColumn);
				if (isMissingMark(text)) {
					this.skipMissing(text);
					return;
				}
			}
		}
		const out: Record<string, unknown> = {};
		let ok = this.parseBound(cells, row, out, columns);
		ok = (this.rules as RowRules).checkRow(out, row, cells) && ok;
		if (ok) {
			out.sourceRow = row;
			this.emit(out);
		}
	}

	private wideRecord(cells: string[], row: number, columns: HeaderBinding): void {
		const rules = this.rules as RowRules;
		const shared: Record<string, unknown> = {};
		let ok = this.parseBound(cells, row, shared, columns);
		const info = rules.checkRegionIndicator(shared, row);
		if (info === INVALID) ok = false;
		const values: Record<string, unknown>[] = [];
		for (const y of columns.yearColumns) {
			const text = cellText(cells, y);
			if (text === '') continue;
			if (isMissingMark(text)) {
				this.skipMissing(text);
				continue;
			}
			const v = this.number(text, row, y.label);
			if (v === INVALID) {
				ok = false;
				continue;
			}
			if (!rules.checkYearValue(shared, info, v, y, text, row)) {
				ok = false;
				continue;
			}
			values.push({ year: y.year, value: v });
		}
		if (!ok) return;
		for (const { year, value } of values) {
			const out: Record<string, unknown> = {};
			for (const decl of this.schema.columns) out[decl.key] = shared[decl.key];
			out.year = year;
			out.value = value;
			out.sourceRow = row;
			this.emit(out);
		}
	}
}

/** Wraps what `onRow` or the chunk source throws, so it is re-thrown rather than reported as a file error. */
class CallbackError extends Error {
	constructor(readonly original: unknown) {
		super('onRow failed');
	}
}

/** `rowRange([1, 2, 3])` → "1–3"; `rowRange([4, 7])` → "4, 7". */
function rowRange(rows: number[]): string {
	const contiguous = rows.every((r, i) => i === 0 || r === rows[i - 1] + 1);
	if (rows.length > 1 && contiguous) return `${rows[0]}–${rows[rows.length - 1]}`;
	return rows.join(', ');
}

/** A footer line: its first filled cell starts with Sumber/Catatan/Keterangan/Source/Note or a footnote mark, and no other cell is filled. */
const FOOTER = /^(sumber|catatan|keterangan|source|sources|note|notes)\b|^[*¹²³†]/i;
function isFooter(cells: string[]): boolean {
	const filled = cells.filter((c) => c.trim() !== '');
	return filled.length === 1 && FOOTER.test(filled[0].trim());
}

const SOURCE_LINE = /^(?:sumber|source)\s*:\s*(\S.*)$/i;
/** `Sumber: BPS Kabupaten Pati` → `'BPS Kabupaten Pati'`; null for another footer line. */
function footerSourceOf(cells: string[]): string | null {
	const filled = cells.find((c) => c.trim() !== '') ?? '';
	const m = SOURCE_LINE.exec(filled.trim());
	// A copy, not a slice that would keep the whole chunk alive; at most a source's length.
	return m ? detached(m[1].trim().slice(0, 500)) : null;
}

function isBlank(cells: string[]): boolean {
	for (const c of cells) if (c.trim() !== '') return false;
	return true;
}

/**
 * Validates a whole CSV file held in memory; never throws. Example:
 * `validateCsv(bytes, { kind: 'observations', context }).status === 'valid'`.
 */
export function validateCsv<K extends ImportKind>(
	bytes: Uint8Array,
	options: ValidateOptions<K> & { maxRows?: number }
): ValidationReport<K> {
	const engine = new ValidationEngine<K>(options, true);
	try {
		const decoder = new ByteDecoder();
		const text = decoder.push(bytes) + decoder.end();
		engine.encoding = decoder.encoding;
		if (decoder.problem) {
			const p = decoder.problem;
			engine.fatal(p.code, null, p.message);
		} else {
			// Slices keep papaparse's working set small; records are cut at line breaks anyway.
			for (let i = 0; i < text.length && !engine.done; i += SLICE_CHARS)
				engine.pushText(text.slice(i, i + SLICE_CHARS));
			engine.finish();
		}
	} catch (e) {
		engine.fatal('format-error', null, internalError(e));
	}
	return { ...engine.report(options.fileName ?? null), rows: engine.rows };
}

/**
 * Validates a CSV file chunk by chunk without holding it (or its rows) in memory; never rejects.
 * Re-throws only what `onRow` or the chunk source throws. Rows go to `onRow` in file order as soon as they are checked, so a row may be passed before a
 * later row makes the file invalid: either validate first and commit in a second pass, or write
 * rows inside an open transaction and roll back unless `status` is `valid`.
 * Example: `await validateCsvStream(fs.createReadStream(path), { kind: 'observations', context, onRow })`.
 */
export async function validateCsvStream<K extends ImportKind>(
	chunks: AsyncIterable<Uint8Array>,
	options: StreamOptions<K>
): Promise<StreamReport<K>> {
	const engine = new ValidationEngine<K>(options, false);
	const feed = new ByteFeed(engine);
	const iterator = chunks[Symbol.asyncIterator]();
	let exhausted = false;
	try {
		for (;;) {
			let next: IteratorResult<Uint8Array>;
			try {
				next = await iterator.next();
			} catch (e) {
				// A source that cannot be read (a disk error) is the caller's problem, not the file's.
				throw new CallbackError(e);
			}
			if (next.done) {
				exhausted = true;
				break;
			}
			if (!feed.push(next.value)) break;
		}
		feed.end();
	} catch (e) {
		if (e instanceof CallbackError) throw e.original;
		engine.fatal('format-error', null, internalError(e));
	} finally {
		// Stopped early: let the source close its file.
		if (!exhausted) await Promise.resolve(iterator.return?.()).catch(() => undefined);
	}
	return engine.report(options.fileName ?? null);
}

function internalError(e: unknown): Message {
	const detail = e instanceof Error ? e.message : String(e);
	return {
		id: `Berkas tidak dapat dibaca (${detail}).`,
		en: `The file could not be read (${detail}).`
	};
}
