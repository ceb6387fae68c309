/**
 * An XLSX workbook into the CSV text the validator reads: one sheet, row by row, through exceljs's
 * streaming reader, so a 100,000-row sheet never sits in memory as a workbook. Every sheet row is
 * one CSV line (blank rows too), so the row numbers in error messages are the ones Excel shows,
 * and cells start at column A, so column letters match as well. What the cells become is
 * `import/sheet-cells.ts`; validation and writing are the CSV path's, unchanged (`file.ts`).
 *
 * Why convert rather than validate cells directly: the import runs synchronously inside one
 * transaction (see `file.ts`), and exceljs reads asynchronously; converting first keeps the
 * transaction free of awaits, and one validator serves both formats.
 *
 * exceljs's streaming reader skips `<mergeCells>`, so the merges of the chosen sheet are read here
 * first, by inflating that one entry with unzipper (exceljs's own ZIP reader: zlib, in a stream)
 * and scanning what follows `</sheetData>`.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync, statSync, writeSync } from 'node:fs';
import ExcelJS from 'exceljs';
import unzipper from 'unzipper';
import { sniff, type Locale, type Message } from '../../import';
import { msg } from '../../import/messages';
import {
	BodyMerges,
	cellText,
	csvLine,
	layOutMerges,
	parseRange,
	type MergedRange,
	type SheetValue
} from '../../import/sheet-cells';
import type { WorkbookFacts } from './file';

/**
 * Rows held back until the merges are laid out: up to ten title and blank rows above the header
 * (the validator skips that many), a two-row header, and one to spare.
 */
const HEAD_ROWS = 13;
/** The two small parts that list the sheets, read in full only up to this declared size. */
const MAX_PART_BYTES = 4 << 20;
/** CSV text written per system call. */
const WRITE_BYTES = 1 << 16;

export interface SheetChoice {
	/** A sheet's name (any case) or its position from 1; absent: the first visible sheet. */
	sheet?: string;
	/** The number locale the CSV is written in, and the validator reads it in. */
	locale: Locale;
	/** A sheet whose XML unpacks to more than this is refused before it is read (a ZIP bomb). */
	maxUnpackedBytes: number;
}

export type WorkbookResult =
	{ ok: true; sheet: string; sheets: string[]; sha256: string } | { ok: false; message: Message };

interface SheetEntry {
	name: string;
	path: string;
	hidden: boolean;
}

const attr = (tag: string, name: string) =>
	new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? null;
const xmlText = (s: string) =>
	s
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&amp;/g, '&');

/** The sheets in tab order with their part names, or why the ZIP is not a workbook. */
async function listSheets(
	zip: unzipper.CentralDirectory
): Promise<{ sheets: SheetEntry[]; sizes: Map<string, number> } | { message: Message }> {
	const sizes = new Map(zip.files.map((f) => [f.path, f.uncompressedSize]));
	const part = async (name: string) => {
		const entry = zip.files.find((f) => f.path === name);
		return entry && entry.uncompressedSize <= MAX_PART_BYTES
			? (await entry.buffer()).toString('utf8')
			: null;
	};
	const workbook = await part('xl/workbook.xml');
	if (workbook === null) {
		if (sizes.has('mimetype') && sizes.has('content.xml')) return { message: msg.odsWorkbook() };
		return { message: msg.notWorkbook() };
	}
	const targets = new Map<string, string>();
	for (const tag of (await part('xl/_rels/workbook.xml.rels'))?.match(/<Relationship\b[^>]*>/g) ??
		[]) {
		const id = attr(tag, 'Id');
		const target = attr(tag, 'Target');
		if (id && target) targets.set(id, target);
	}
	const sheets: SheetEntry[] = [];
	for (const tag of workbook.match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []) {
		const name = attr(tag, 'name');
		const target = targets.get(attr(tag, 'r:id') ?? '');
		if (name === null || !target) continue;
		const path = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
		sheets.push({
			name: xmlText(name),
			path,
			hidden: (attr(tag, 'state') ?? 'visible') !== 'visible'
		});
	}
	if (sheets.length === 0) return { message: msg.notWorkbook() };
	return { sheets, sizes };
}

/** The sheet asked for, by name (any case, trimmed) or position; else the first visible one. */
function chooseSheet(sheets: SheetEntry[], wanted: string | undefined): SheetEntry | null {
	if (wanted === undefined || wanted.trim() === '')
		return sheets.find((s) => !s.hidden) ?? sheets[0];
	const key = wanted.trim().toLowerCase();
	const byName = sheets.find((s) => s.name.trim().toLowerCase() === key);
	if (byName) return byName;
	if (/^\d+$/.test(key)) return sheets[Number(key) - 1] ?? null;
	return null;
}

/**
 * The merged ranges of one sheet part. They follow `</sheetData>`, so the part is inflated as a
 * stream (zlib, off the main thread) and only what follows that marker is decoded and scanned.
 */
async function readMerges(zip: unzipper.CentralDirectory, part: string): Promise<MergedRange[]> {
	const entry = zip.files.find((f) => f.path === part);
	if (!entry) return [];
	const merges: MergedRange[] = [];
	const end = Buffer.from('</sheetData>');
	let tail: string | null = null;
	// The marker may straddle two chunks: the last bytes of one are kept for the next.
	let carry: Buffer = Buffer.alloc(0);
	for await (const chunk of entry.stream() as AsyncIterable<Buffer>) {
		if (tail === null) {
			const joined = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
			const at = joined.indexOf(end);
			if (at === -1) {
				carry = joined.subarray(Math.max(0, joined.length - end.length + 1));
				continue;
			}
			tail = joined.subarray(at).toString('utf8');
		} else tail += chunk.toString('utf8');
	}
	const found = /<(?:\w+:)?mergeCell\b[^>]*\sref="([^"]+)"/g;
	for (let m = found.exec(tail ?? ''); m !== null; m = found.exec(tail ?? '')) {
		const range = parseRange(m[1]);
		if (range) merges.push(range);
	}
	return merges;
}

/** Buffered writes of CSV lines to a file descriptor. */
class LineWriter {
	private pending: string[] = [];
	private size = 0;
	constructor(private readonly fd: number) {}
	line(text: string): void {
		this.pending.push(text, '\n');
		this.size += text.length + 1;
		if (this.size >= WRITE_BYTES) this.flush();
	}
	flush(): void {
		if (this.pending.length === 0) return;
		writeSync(this.fd, this.pending.join(''));
		this.pending = [];
		this.size = 0;
	}
}

/** A row's cells as text, from column A to its last filled cell. */
function rowCells(row: ExcelJS.Row, locale: Locale): string[] {
	const cells: string[] = [];
	row.eachCell((cell, col) => {
		const text = cellText(cell.value as SheetValue, cell.numFmt, locale);
		if (text === '') return;
		while (cells.length < col - 1) cells.push('');
		cells[col - 1] = text;
	});
	return cells;
}

/**
 * Writes the chosen sheet of workbook `file` to `out` as CSV (`;` and decimal commas for
 * `locale: 'id'`, `,` and points for `en`). A file that is not a workbook, a sheet that does not
 * exist or is empty, and a sheet too large to unpack come back as `ok: false` with a message.
 * Example: `await workbookToCsv('ipm.xlsx', '/tmp/ipm.csv', { locale: 'id', maxUnpackedBytes })`.
 */
export async function workbookToCsv(
	file: string,
	out: string,
	choice: SheetChoice
): Promise<WorkbookResult> {
	const bytes = readFileSync(file);
	let zip: unzipper.CentralDirectory;
	let listed: Awaited<ReturnType<typeof listSheets>>;
	try {
		zip = await unzipper.Open.buffer(bytes);
		listed = await listSheets(zip);
	} catch (e) {
		return { ok: false, message: msg.brokenWorkbook((e as Error).message) };
	}
	if ('message' in listed) return { ok: false, message: listed.message };
	const names = listed.sheets.map((s) => s.name);
	const sheet = chooseSheet(listed.sheets, choice.sheet);
	if (!sheet) return { ok: false, message: msg.sheetNotFound(choice.sheet ?? '', names) };
	const unpacked = listed.sizes.get(sheet.path) ?? 0;
	if (unpacked > choice.maxUnpackedBytes) {
		const mb = (n: number) => Math.ceil(n / 1048576);
		return {
			ok: false,
			message: msg.sheetTooLarge(sheet.name, mb(unpacked), mb(choice.maxUnpackedBytes))
		};
	}
	// The merges are read while exceljs reads the rows (inflating runs in zlib's threads), and
	// first needed once the head is complete: a 100,000-row sheet's scan took 0.1–0.2 s when it
	// ran before the rows (`npm run bench -- xlsx`).
	const mergesRead = readMerges(zip, sheet.path).then(
		(list) => ({ list }),
		(e: Error) => ({ error: e })
	);
	/** The merges once read, with the body's share of them; null until then. */
	let merged: { all: MergedRange[]; body: BodyMerges } | null = null;
	/** Waits for the merges; the refusal when the sheet part could not be read, else null. */
	const loadMerges = async (): Promise<Message | null> => {
		if (merged !== null) return null;
		const read = await mergesRead;
		if ('error' in read) return msg.brokenWorkbook(read.error.message);
		merged = { all: read.list, body: new BodyMerges(read.list, HEAD_ROWS) };
		return null;
	};
	// Both run only after loadMerges: the head is flushed, and body rows written, past HEAD_ROWS.
	const mergedNow = () => merged as NonNullable<typeof merged>;
	const delimiter = choice.locale === 'id' ? ';' : ',';
	const fd = openSync(out, 'w');
	const writer = new LineWriter(fd);
	const head: string[][] = [];
	let nextRow = 1;
	let filled = false;
	// A sheet row ends at its last filled cell; a CSV row has every column. Rows are padded to the
	// widest of the first rows (the header's width), as "Save as CSV" would write them.
	let width = 0;
	const pad = (cells: string[]) => {
		while (cells.length < width) cells.push('');
		return cells;
	};
	const flushHead = () => {
		layOutMerges(head, mergedNow().all);
		width = Math.max(0, ...head.map((cells) => cells.length));
		for (const cells of head)
			writer.line(csvLine(cells.length > 0 ? pad(cells) : cells, delimiter));
		head.length = 0;
	};
	/** Row `n` (blank rows between filled ones as `[]`), held back while in the head. */
	const emit = (n: number, cells: string[]) => {
		if (n <= HEAD_ROWS) {
			head.push(cells);
			return;
		}
		if (head.length > 0) flushHead();
		if (cells.length > 0) mergedNow().body.apply(n, cells);
		writer.line(csvLine(cells.length > 0 ? pad(cells) : cells, delimiter));
	};
	try {
		const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
			sharedStrings: 'cache',
			hyperlinks: 'ignore',
			styles: 'cache',
			worksheets: 'emit',
			entries: 'ignore'
		});
		for await (const worksheet of reader) {
			const rows = worksheet as unknown as AsyncIterable<ExcelJS.Row>;
			if ((worksheet as unknown as { name: string }).name !== sheet.name) {
				// Read to its end, not skipped: when a sheet precedes the shared strings in the ZIP,
				// exceljs parks it in a temporary file and deletes that file right after yielding
				// it, so a skipped sheet's stream opens a deleted file, an uncaught ENOENT.
				for await (const _row of rows) void _row;
				continue;
			}
			for await (const row of rows) {
				const cells = rowCells(row, choice.locale);
				if (cells.length === 0) continue;
				filled = true;
				// Checked here, not only inside loadMerges: an await per row would cost a tick per row.
				if (row.number > HEAD_ROWS && merged === null) {
					const refused = await loadMerges();
					if (refused) return { ok: false, message: refused };
				}
				for (; nextRow < row.number; nextRow++) emit(nextRow, []);
				emit(row.number, cells);
				nextRow = row.number + 1;
			}
		}
		const refused = await loadMerges();
		if (refused) return { ok: false, message: refused };
		if (head.length > 0) flushHead();
		writer.flush();
	} catch (e) {
		return { ok: false, message: msg.brokenWorkbook((e as Error).message) };
	} finally {
		closeSync(fd);
	}
	if (!filled) return { ok: false, message: msg.emptySheet(sheet.name, names) };
	const sha256 = createHash('sha256').update(bytes).digest('hex');
	return { ok: true, sheet: sheet.name, sheets: names, sha256 };
}

/**
 * A file as the CSV import reads it. A workbook (a ZIP, by its first bytes) within `maxBytes` is
 * converted to `out` and comes back with its facts; anything else, a workbook over the limit
 * included, is left to the CSV path, which reads it or refuses it with its own message.
 */
export async function asImportableFile(
	file: string,
	out: string,
	choice: Omit<SheetChoice, 'maxUnpackedBytes'> & { maxBytes: number }
): Promise<
	| { workbook: null }
	| { workbook: WorkbookFacts; file: string }
	| { refused: Message; bytes: number }
> {
	const head = Buffer.alloc(8);
	const fd = openSync(file, 'r');
	try {
		readSync(fd, head, 0, head.length, 0);
	} finally {
		closeSync(fd);
	}
	const bytes = statSync(file).size;
	if (sniff(head)?.reason !== 'zip' || bytes > choice.maxBytes) return { workbook: null };
	// An XLSX sheet's XML is some 5–10 times the size of its zipped form; far beyond that is a bomb.
	const result = await workbookToCsv(file, out, {
		...choice,
		maxUnpackedBytes: 40 * choice.maxBytes
	});
	if (!result.ok) return { refused: result.message, bytes };
	const { sheet, sheets, sha256 } = result;
	return { workbook: { sheet, sheets, sha256, bytes }, file: out };
}
