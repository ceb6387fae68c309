/**
 * CSV text to records: the one part of the validator that knows it reads CSV. Text is pushed in
 * pieces, cut at the last line break outside quotes, and each piece goes through papaparse
 * (delimiter given, `dynamicTyping` off). Line breaks are normalised to LF first, so a file mixing
 * CRLF and LF still parses; quoted newlines inside cells become LF too.
 *
 * Row numbers are the rows a spreadsheet shows: the header is row 1 (or lower, below a title),
 * every record is one row (a record with quoted newlines is still one row) and blank lines count
 * as rows. That is why papaparse runs with `skipEmptyLines: false`: the sink gets every record
 * with its row and decides what a blank or footer row means.
 *
 * What the records mean (columns, types, references) is the sink's business: `validate.ts`.
 */
import Papa from 'papaparse';
import { detectDialect, detectLineEnding, splitHeader } from './dialect';
import { msg } from './messages';
import type { Delimiter, ErrorCode, LineEnding, Locale, Message } from './types';

/** At most this many title and blank rows above the header are skipped. */
const MAX_PREAMBLE = 10;

/** Where the records go, and how the reader learns that it should stop. */
export interface RecordSink {
	/** True once nothing more is wanted (a fatal error, too many rows). */
	readonly done: boolean;
	error(
		code: ErrorCode,
		row: number | null,
		column: string | null,
		value: string | null,
		message: Message
	): void;
	/** An error after which the file is not read further. */
	fatal(code: ErrorCode, row: number | null, message: Message): void;
	/** The column names, at their row. */
	header(cells: string[], row: number): void;
	/** A record below the header; `broken` when its quotes were wrong (already reported). */
	record(cells: string[], row: number, broken: boolean): void;
	/** Stop reading without another error: the rest of the file cannot be cut into records. */
	stop(): void;
}

export class CsvRecords {
	private started = false;
	/** The file began with a byte-order mark. */
	bom = false;
	lineEnding: LineEnding | null = null;
	delimiter: Delimiter | null = null;
	/** The number locale the header's delimiter suggests (`;` Indonesian, `,` English). */
	detectedLocale: Locale | null = null;
	/** The row of the column names: 1, or lower down when a title and blank rows come first. */
	headerRow = 1;
	/** Rows above the header that were skipped (a sheet's title, blank rows). */
	readonly skippedTop: { row: number; blank: boolean }[] = [];
	private carry = '';
	/** Text after the last parsed record, kept as parts so long records are never re-copied. */
	private parts: string[] = [];
	private inQuotes = false;
	private headerDone = false;
	private expectHeader = false;
	private nextRow = 1;

	/** `isColumnLabel(label)`: a name the file kind knows, so its line is a header, not a title. */
	constructor(
		private readonly sink: RecordSink,
		private readonly isColumnLabel: (label: string) => boolean
	) {}

	/** True once the header line was found and its dialect detected. */
	get headerFound(): boolean {
		return this.headerDone;
	}

	push(input: string): void {
		if (this.sink.done || input.length === 0) return;
		let text = input;
		if (!this.started) {
			this.started = true;
			if (text.charCodeAt(0) === 0xfeff) this.bom = true;
		}
		// A BOM inside the text (two exports concatenated) is invisible junk; papaparse would drop it
		// only at the start of a piece, so drop it everywhere for the same result however text is cut.
		if (text.includes('\uFEFF')) text = text.replace(/\uFEFF/g, '');
		text = this.carry + text;
		this.carry = '';
		// A CR at the end may be the first half of a CRLF split across chunks.
		if (text.endsWith('\r')) {
			this.carry = '\r';
			text = text.slice(0, -1);
		}
		if (this.lineEnding === null && /[\r\n]/.test(text)) this.lineEnding = detectLineEnding(text);
		if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
		if (text.length === 0) return;
		if (this.headerDone) this.take(text);
		else this.takeHeader(text);
	}

	/** The end of the text: the last record, or the error of a file without a header. */
	finish(): void {
		if (this.sink.done) return;
		if (this.carry) {
			if (this.lineEnding === null) this.lineEnding = 'cr';
			this.carry = '';
			this.push('\n');
			if (this.sink.done) return;
		}
		const rest = this.parts.join('');
		this.parts = [];
		if (!this.headerDone) {
			if (rest.trim() === '') {
				// Title lines and no header (a notes sheet, a table's caption saved alone) is not empty.
				const titles = this.skippedTop.filter((r) => !r.blank).length;
				this.sink.fatal('format-error', null, titles > 0 ? msg.noHeader(titles) : msg.emptyFile());
				return;
			}
			// A header without a line break and nothing after it.
			this.headerRow = this.nextRow = this.skippedTop.length + 1;
			if (!this.detect(rest)) return;
		}
		if (rest.length > 0) this.parsePiece(rest);
	}

	/**
	 * Collects text line by line until the header: blank rows and a sheet's title rows above it
	 * (a line with at most one filled cell and no known column name, as a spreadsheet's "Save as
	 * CSV" writes `Tabel 2.1 IPM Kabupaten Pati;;;`) are skipped, at most MAX_PREAMBLE of them, and
	 * the report says which. Then the header line's dialect is detected.
	 */
	private takeHeader(text: string): void {
		// Only the new text is scanned for the line end (quote state carried over): linear however
		// long the first line runs across chunks.
		let end = -1;
		for (let i = 0; i < text.length; i++) {
			const c = text.charCodeAt(i);
			if (c === 34) this.inQuotes = !this.inQuotes;
			else if (c === 10 && !this.inQuotes) {
				end = i;
				break;
			}
		}
		this.parts.push(text);
		if (end === -1) return;
		const all = this.parts.join('');
		this.parts = [];
		this.inQuotes = false;
		const lineEnd = all.length - text.length + end;
		const line = all.slice(0, lineEnd);
		const blank = line.replace(/[,;\t]/g, '').trim() === '';
		if (this.skippedTop.length < MAX_PREAMBLE && (blank || this.isTitleLine(line))) {
			this.skippedTop.push({ row: this.skippedTop.length + 1, blank });
			const rest = all.slice(lineEnd + 1);
			if (rest.length > 0) this.takeHeader(rest);
			return;
		}
		this.headerRow = this.nextRow = this.skippedTop.length + 1;
		if (this.detect(line)) this.take(all);
	}

	/** A title row: no known column name, and at most one filled cell however it is split. */
	private isTitleLine(line: string): boolean {
		const splits = ([',', ';', '\t'] as const).map((d) => splitHeader(line, d));
		if (splits.some((cells) => cells.some(this.isColumnLabel))) return false;
		return splits.some((cells) => cells.filter((c) => c !== '').length <= 1);
	}

	/** Sets the delimiter and locale from the header line; false (and a fatal error) when it cannot. */
	private detect(line: string): boolean {
		const detected = detectDialect(line, this.isColumnLabel);
		if ('error' in detected) {
			const code = detected.error.reason === 'blank' ? 'blank-header' : 'format-error';
			this.sink.fatal(code, this.headerRow, detected.error.message);
			return false;
		}
		this.delimiter = detected.delimiter;
		this.detectedLocale = detected.locale;
		this.headerDone = true;
		this.expectHeader = true;
		return true;
	}

	/**
	 * Scans only the new text (quote state carried over) for its last line break outside quotes,
	 * and parses everything up to it: linear however long a record runs across chunks.
	 */
	private take(text: string): void {
		let pos = 0;
		let boundary = -1;
		for (;;) {
			const quote = text.indexOf('"', pos);
			if (!this.inQuotes) {
				const end = quote === -1 ? text.length : quote;
				if (end > pos) {
					const nl = text.lastIndexOf('\n', end - 1);
					if (nl >= pos) boundary = nl;
				}
			}
			if (quote === -1) break;
			this.inQuotes = !this.inQuotes;
			pos = quote + 1;
		}
		if (boundary === -1) {
			this.parts.push(text);
			return;
		}
		this.parts.push(text.slice(0, boundary + 1));
		const piece = this.parts.join('');
		this.parts = boundary + 1 < text.length ? [text.slice(boundary + 1)] : [];
		this.parsePiece(piece);
	}

	private parsePiece(piece: string): void {
		const result = Papa.parse<string[]>(piece, {
			delimiter: this.delimiter as string,
			newline: '\n',
			quoteChar: '"',
			escapeChar: '"',
			header: false,
			dynamicTyping: false,
			skipEmptyLines: false
		});
		const records = result.data;
		// papaparse reports a final empty record after a trailing line break; it is not a row.
		if (piece.endsWith('\n')) {
			const last = records[records.length - 1];
			if (last && last.length === 1 && last[0] === '') records.pop();
		}
		// Quote errors are reported with their record, so errors stay in row order however the
		// text was cut into pieces.
		let quoteErrors: Map<number, Message[]> | null = null;
		let stopAt = Infinity;
		for (const e of result.errors) {
			if (e.type !== 'Quotes' || e.row === undefined) continue;
			if (e.code === 'MissingQuotes' && e.row < stopAt) stopAt = e.row;
			quoteErrors ??= new Map();
			const list = quoteErrors.get(e.row) ?? [];
			list.push(e.code === 'MissingQuotes' ? msg.unterminatedQuote() : msg.invalidQuote());
			quoteErrors.set(e.row, list);
		}
		for (let i = 0; i < records.length && i <= stopAt; i++) {
			const row = this.nextRow++;
			const quoted = quoteErrors?.get(i);
			if (quoted) for (const m of quoted) this.sink.error('format-error', row, null, null, m);
			if (i === stopAt) break;
			if (this.expectHeader) {
				this.expectHeader = false;
				this.sink.header(records[i], row);
			} else {
				this.sink.record(records[i], row, quoted !== undefined);
				if (this.sink.done) return;
			}
		}
		if (stopAt !== Infinity) this.sink.stop();
	}
}
