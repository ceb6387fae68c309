/**
 * The validator: decoded text in, typed rows and Frictionless-style errors out.
 *
 * One engine serves the whole-buffer `validateCsv` and the streaming `validateCsvStream`. The CSV
 * reading (pieces, quotes, line breaks, the dialect, title rows above the header) is
 * `csv-records.ts`; this engine is its sink and owns what the records mean: blank and footer rows
 * (skipped after they were counted), the header's columns, each cell's type, keys and references.
 */
import { restoreFormulas } from '../csv/write';
import { ByteDecoder } from './decode';
import { INVALID, readCell, readNumber, type Cell, type CellColumn, type CellRules } from './cells';
import { CsvRecords, type RecordSink } from './csv-records';
import { columnLetter } from './dialect';
import { msg } from './messages';
import { outsideRange, possibleRange, type PossibleRange } from './ranges';
import { preferredKinds, RegionNameIndex } from './region-names';
import { findColumn, kindSchemas, type KindSchema } from './schemas';
import {
	MAX_YEAR,
	MIN_YEAR,
	type Dialect,
	type ErrorCode,
	type FileSource,
	type ImportError,
	type ImportKind,
	type IndicatorInfo,
	type Locale,
	type Message,
	type RowOf,
	type Shape,
	type StreamReport,
	type ValidateOptions,
	type ValidationReport
} from './types';

/**
 * A copy of a string that does not keep its source alive: V8 represents a slice of a large string
 * as a view into it, so a map key cut from a 1 MB chunk would pin the whole chunk in memory.
 */
export function detached(s: string): string {
	return JSON.parse(JSON.stringify(s)) as string;
}

export const DEFAULT_MAX_ERRORS = 100;
const MAX_VALUE_CHARS = 200;
const SLICE_CHARS = 1 << 20;
const WIDE_KINDS: ReadonlySet<ImportKind> = new Set(['observations', 'targets']);
const YEAR_LABEL = /^\d{4}$/;
/**
 * What a value cell holds when there is no value, as statistics tables write it: a dash, an
 * ellipsis, "NA" (compared trimmed and in lower case). Such a cell is skipped, never read as 0.
 */
const MISSING_MARKS: ReadonlySet<string> = new Set(['-', '–', '—', '…', '...', 'na', 'n/a']);

/** Whether a mark may start with this character: - . N n – — … */
const startsMark = (c: number) =>
	c === 45 || c === 46 || c === 78 || c === 110 || c === 0x2013 || c === 0x2014 || c === 0x2026;

/** A missing-value mark? The first character decides first, so a number costs no lower-casing. */
function isMissingMark(text: string): boolean {
	return (
		startsMark(text.charCodeAt(0)) && text.length <= 3 && MISSING_MARKS.has(text.toLowerCase())
	);
}

/** Distinct region names remembered per file: a real file has a few hundred; junk is forgotten. */
const MAX_REMEMBERED_NAMES = 10_000;

/** A header label bound to its column of the file. */
interface Bound extends CellColumn {
	index: number;
}

interface YearColumn {
	index: number;
	year: number;
	label: string;
}

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

/** Each indicator's possible range, worked out once per validation (a file names few indicators). */
const rangeCache = new WeakMap<IndicatorInfo, PossibleRange>();
function rangeOf(info: IndicatorInfo): PossibleRange {
	let range = rangeCache.get(info);
	if (!range) rangeCache.set(info, (range = possibleRange(info)));
	return range;
}

/** The message for a value outside its indicator's possible range. */
function rangeMessage(text: string, info: IndicatorInfo, indicator: string): Message {
	return info.valueType === 'number'
		? msg.valueRange(text, rangeOf(info), info.unit ?? '', indicator)
		: msg.valueType(text, info.valueType, indicator);
}

export class ValidationEngine<K extends ImportKind> implements RecordSink {
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
	private readonly fileValues: [string, string][];
	/** What the file decides for every cell; its locale is known once the header is read. */
	private cellRules: CellRules;
	private shape: Shape | null = null;
	private width = 0;
	private bound: Bound[] = [];
	private byName = new Map<string, Bound>();
	private yearColumns: YearColumn[] = [];
	/** Row properties of the columns the header lacks: null in every typed row. */
	private absentKeys: string[] = [];
	/** False when a required column is missing: rows are then checked but never typed. */
	private complete = true;
	private defaultRegionOk = true;
	/** The indicator given for the whole file, if any, and whether the context knows it. */
	private readonly fileIndicator: string | null;
	private fileIndicatorOk = true;
	/** The value column of a long observations or targets file, whose cell may be marked missing. */
	private valueColumn: Bound | null = null;
	/** The region names column, when it stands in for an absent region_code column. */
	private nameColumn: Bound | null = null;
	private regionIndex: RegionNameIndex | null = null;
	/** Each distinct name's region code, or the error it gets: a name is looked up once. */
	private readonly regionOfText = new Map<string, string | Message>();

	private readonly keys = new Map<string, number>();
	/** region → indicator → first row per year (0 = not seen): compact for a million keys. */
	private readonly yearKeys = new Map<string, Map<string, Int32Array>>();
	private readonly fileRegions = new Set<string>();
	private readonly fileNodes = new Set<string>();
	/** The last known region and indicator, and the years seen for that pair (files come sorted). */
	private lastRegion: string | null = null;
	private lastIndicator: { code: string; info: IndicatorInfo } | null = null;
	private lastYears: { region: string; indicator: string; years: Int32Array } | null = null;

	constructor(options: StreamOptions<K>, collectRows: boolean) {
		this.kind = options.kind;
		this.schema = kindSchemas[options.kind];
		this.opts = options;
		this.maxErrors = options.maxErrors ?? DEFAULT_MAX_ERRORS;
		this.collect = collectRows;
		this.localeExplicit = options.locale !== undefined;
		this.fileIndicator = options.fileIndicator?.trim() || null;
		this.fileValues = fileValues(options.fileSource, this.fileIndicator, this.schema);
		this.cellRules = {
			locale: options.locale ?? null,
			defaultRegion: options.defaultRegion,
			filled: new Set(this.fileValues.map(([key]) => key)),
			allowIllustrative: options.allowIllustrative === true
		};
		const wide = WIDE_KINDS.has(options.kind);
		this.csv = new CsvRecords(
			this,
			(label) => findColumn(options.kind, label) !== undefined || (wide && YEAR_LABEL.test(label))
		);
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
			shape: this.shape,
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
		const wideKind = WIDE_KINDS.has(this.kind);
		const seen = new Map<string, string>();
		const years = new Map<number, string>();
		this.width = cells.length;
		for (let j = 0; j < cells.length; j++) {
			const label = cells[j].trim();
			if (label === '') {
				this.error(
					'blank-header',
					this.headerRow,
					columnLetter(j),
					null,
					msg.blankLabel(columnLetter(j))
				);
				continue;
			}
			if (wideKind && YEAR_LABEL.test(label)) {
				const year = Number(label);
				if (year < MIN_YEAR || year > MAX_YEAR)
					this.error('constraint-error', this.headerRow, label, label, msg.yearLabelRange(label));
				else if (years.has(year))
					this.error(
						'duplicate-label',
						this.headerRow,
						label,
						label,
						msg.duplicateLabel(label, years.get(year) as string)
					);
				else {
					years.set(year, label);
					this.yearColumns.push({ index: j, year, label });
				}
				continue;
			}
			const decl = findColumn(this.kind, label);
			if (!decl) {
				this.error(
					'extra-label',
					this.headerRow,
					label,
					label,
					msg.extraLabel(label, this.allowedLabels())
				);
				continue;
			}
			const first = seen.get(decl.name);
			if (first !== undefined) {
				this.error(
					'duplicate-label',
					this.headerRow,
					label,
					label,
					msg.duplicateLabel(label, first)
				);
				continue;
			}
			seen.set(decl.name, label);
			const b: Bound = { decl, index: j, label };
			if (decl.enum) b.enumMap = new Map(decl.enum.map((v) => [v.toLowerCase(), v]));
			this.bound.push(b);
		}
		this.shape = this.yearColumns.length > 0 ? 'wide' : 'long';
		if (this.shape === 'wide') {
			this.bound = this.bound.filter((b) => {
				if (b.decl.wide !== 'cell') return true;
				this.error('extra-label', this.headerRow, b.label, b.label, msg.cellColumnInWide(b.label));
				return false;
			});
		}
		for (const b of this.bound) this.byName.set(b.decl.name, b);
		// A column standing in for another is read apart from the row properties, and only when
		// the other is absent: beside a region_code column, a name column is for the reader.
		this.bound = this.bound.filter((b) => b.decl.insteadOf === undefined);
		if (this.shape === 'long' && wideKind) this.valueColumn = this.byName.get('value') ?? null;
		const names = this.byName.get('region_name');
		if (names && !this.byName.has('region_code')) {
			this.nameColumn = names;
			this.regionIndex = new RegionNameIndex(
				this.opts.context.regionNames ?? new Map(),
				preferredKinds(names.label)
			);
		}
		this.absentKeys = this.schema.columns
			.filter((c) => !this.byName.has(c.name) && !(this.shape === 'wide' && c.wide === 'cell'))
			.map((c) => c.key);
		const defaultRegion = this.opts.defaultRegion;
		for (const decl of this.schema.columns) {
			if (!decl.required || this.byName.has(decl.name)) continue;
			if (this.shape === 'wide' && decl.wide === 'cell') continue;
			if (decl.name === 'region_code' && (defaultRegion !== undefined || this.nameColumn)) continue;
			if (this.cellRules.filled.has(decl.key)) continue;
			this.complete = false;
			this.error(
				'missing-label',
				this.headerRow,
				decl.name,
				null,
				decl.name === 'region_code'
					? msg.missingRegion()
					: decl.key === 'source'
						? msg.missingSource()
						: decl.key === 'indicatorCode'
							? msg.missingIndicator()
							: msg.missingLabel(decl)
			);
		}
		if (defaultRegion !== undefined && this.schema.columns[0].name === 'region_code') {
			if (!this.opts.context.regions.has(defaultRegion)) {
				this.defaultRegionOk = false;
				this.error(
					'foreign-key-error',
					null,
					'region_code',
					defaultRegion,
					msg.unknownRegion(defaultRegion)
				);
			}
		}
		// Like the default region: an unknown file indicator is one error here, not one per row.
		const indicator = this.fileIndicator;
		if (indicator !== null && this.cellRules.filled.has('indicatorCode')) {
			if (!this.opts.context.indicators.has(indicator)) {
				this.fileIndicatorOk = false;
				this.error(
					'foreign-key-error',
					null,
					'indicator_code',
					indicator,
					msg.unknownIndicator(indicator)
				);
			}
		}
	}

	private allowedLabels(): string[] {
		const names = this.schema.columns.map((c) => c.name);
		return WIDE_KINDS.has(this.kind) ? [...names, '2019, 2020, …'] : names;
	}

	private checkRecord(cells: string[], row: number): void {
		if (cells.length > this.width) {
			for (let j = this.width; j < cells.length; j++) {
				if (cells[j].trim() === '') continue;
				// Trailing empty cells (a spreadsheet's stray delimiters) carry nothing and are ignored.
				this.error(
					'extra-cell',
					row,
					columnLetter(j),
					cells[j].trim(),
					msg.extraCell(cells.length, this.width)
				);
				return;
			}
		} else if (cells.length < this.width) {
			const j = cells.length;
			// byName, not bound: it holds a column standing in for another (region_name) too.
			const b = [...this.byName.values()].find((x) => x.index === j);
			this.error(
				'missing-cell',
				row,
				b?.label ?? columnLetter(j),
				null,
				msg.missingCell(cells.length, this.width)
			);
			return;
		}
		if (this.shape === 'wide') this.wideRecord(cells, row);
		else this.longRecord(cells, row);
	}

	private cellText(cells: string[], b: Bound): string {
		return unescapeFormula(cells[b.index].trim());
	}

	/** Parses the bound columns of a record into `out`; false when any cell is invalid. */
	private parseBound(cells: string[], row: number, out: Record<string, unknown>): boolean {
		let ok = true;
		for (const b of this.bound) {
			if (this.shape === 'wide' && b.decl.wide === 'cell') continue;
			const v = this.parseCell(b, this.cellText(cells, b), row);
			if (v === INVALID) ok = false;
			else out[b.decl.key] = v;
		}
		for (const key of this.absentKeys) out[key] = null;
		if (this.nameColumn !== null && !this.regionOfName(cells, row, out)) ok = false;
		if (out.regionCode === null && this.opts.defaultRegion !== undefined)
			out.regionCode = this.opts.defaultRegion;
		// Indexed, not for…of: this runs for every row, and most files give no source of their own.
		for (let i = 0; i < this.fileValues.length; i++) {
			const [key, value] = this.fileValues[i];
			if (out[key] === null) out[key] = value;
		}
		return ok && this.complete;
	}

	/**
	 * The region a row names (`region_name`) as its code in `out`; false with the problem
	 * reported. A blank name takes the default region, if one was given.
	 */
	private regionOfName(cells: string[], row: number, out: Record<string, unknown>): boolean {
		const b = this.nameColumn as Bound;
		const text = this.cellText(cells, b);
		if (text === '') {
			if (this.opts.defaultRegion !== undefined) return true;
			this.error('constraint-error', row, b.label, '', msg.required(b.label));
			return false;
		}
		let region = this.regionOfText.get(text);
		if (region === undefined) {
			// A copy, for the key and the message both: a slice would pin its whole chunk.
			const name = detached(text);
			region = this.lookUpName(name);
			if (this.regionOfText.size >= MAX_REMEMBERED_NAMES) this.regionOfText.clear();
			this.regionOfText.set(name, region);
		}
		if (typeof region === 'string') {
			out.regionCode = region;
			return true;
		}
		this.error('foreign-key-error', row, b.label, text, region);
		return false;
	}

	/** A name's region code, or the message of its error (with the nearest names, while errors are kept). */
	private lookUpName(text: string): string | Message {
		const index = this.regionIndex as RegionNameIndex;
		const match = index.match(text);
		if (match.status === 'found') return match.code;
		if (match.status === 'ambiguous') return msg.ambiguousRegionName(text, match.candidates);
		// Past maxErrors the message is never shown: spare the comparison with every region.
		const kept = this.errors.length < this.maxErrors;
		return msg.unknownRegionName(text, kept ? index.suggest(text) : []);
	}

	private parseCell(b: Bound, text: string, row: number): Cell {
		return readCell(b, text, row, this.cellRules, this);
	}

	private number(text: string, row: number, label: string): number | typeof INVALID {
		return readNumber(text, row, label, this.cellRules.locale, this);
	}

	private label(name: string): string {
		return this.byName.get(name)?.label ?? name;
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

	/** Records a key; false (and a `unique-error`) when it was seen before. */
	private unique(key: string, shown: string, row: number, column: string, value: string): boolean {
		const first = this.keys.get(key);
		if (first !== undefined) {
			this.error('unique-error', row, column, value, msg.unique(shown, first));
			return false;
		}
		this.keys.set(key, row);
		return true;
	}

	private uniqueYear(
		region: string,
		indicator: string,
		year: number,
		row: number,
		column: string,
		/** What the cell holds: the year itself in a long file, the value under the year in a wide one. */
		cell: string = String(year)
	): boolean {
		let years: Int32Array;
		const last = this.lastYears;
		if (last !== null && last.region === region && last.indicator === indicator) years = last.years;
		else {
			let byIndicator = this.yearKeys.get(region);
			if (!byIndicator) this.yearKeys.set(detached(region), (byIndicator = new Map()));
			let found = byIndicator.get(indicator);
			if (!found) {
				found = new Int32Array(MAX_YEAR - MIN_YEAR + 1);
				byIndicator.set(detached(indicator), found);
			}
			years = found;
			this.lastYears = { region, indicator, years };
		}
		const first = years[year - MIN_YEAR];
		if (first !== 0) {
			this.error(
				'unique-error',
				row,
				column,
				cell,
				msg.unique(`${region} / ${indicator} / ${year}`, first)
			);
			return false;
		}
		years[year - MIN_YEAR] = row;
		return true;
	}

	/** Counts a skipped missing-value mark, for the report's notice. */
	private skipMissing(text: string): void {
		this.missingCount++;
		const key = text.toLowerCase();
		if (!this.missingMarks.has(key)) this.missingMarks.set(key, detached(text));
	}

	private longRecord(cells: string[], row: number): void {
		// A value marked missing ("-", "NA"): the row says there is no value, so it is skipped.
		const valueColumn = this.valueColumn;
		if (valueColumn !== null) {
			// The raw cell's first character first: a number (most rows) is not trimmed twice.
			const c = cells[valueColumn.index].charCodeAt(0);
			if (startsMark(c) || c === 32 || c === 9 || c === 39) {
				const text = this.cellText(cells, valueColumn);
				if (isMissingMark(text)) {
					this.skipMissing(text);
					return;
				}
			}
		}
		const out: Record<string, unknown> = {};
		let ok = this.parseBound(cells, row, out);
		switch (this.kind) {
			case 'regions':
				ok = this.checkRegion(out, row) && ok;
				break;
			case 'frameworks':
				ok = this.checkFramework(out, row) && ok;
				break;
			case 'nodes':
				ok = this.checkNode(out, row) && ok;
				break;
			case 'indicators':
				ok = this.checkIndicator(out, row) && ok;
				break;
			default: {
				const info = this.checkRegionIndicator(out, row);
				ok = info !== INVALID && ok;
				if (typeof out.value === 'number' && info && info !== INVALID) {
					const valueLabel = this.label('value');
					if (outsideRange(out.value, rangeOf(info))) {
						const text = this.cellText(cells, this.byName.get('value') as Bound);
						this.error(
							'constraint-error',
							row,
							valueLabel,
							text,
							rangeMessage(text, info, out.indicatorCode as string)
						);
						ok = false;
					}
				}
				if (
					typeof out.year === 'number' &&
					typeof out.regionCode === 'string' &&
					typeof out.indicatorCode === 'string' &&
					!this.uniqueYear(out.regionCode, out.indicatorCode, out.year, row, this.label('year'))
				)
					ok = false;
			}
		}
		if (ok) {
			out.sourceRow = row;
			this.emit(out);
		}
	}

	private wideRecord(cells: string[], row: number): void {
		const shared: Record<string, unknown> = {};
		let ok = this.parseBound(cells, row, shared);
		const info = this.checkRegionIndicator(shared, row);
		if (info === INVALID) ok = false;
		const values: Record<string, unknown>[] = [];
		for (const y of this.yearColumns) {
			const text = unescapeFormula(cells[y.index].trim());
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
			if (info && info !== INVALID && outsideRange(v, rangeOf(info))) {
				this.error(
					'constraint-error',
					row,
					y.label,
					text,
					rangeMessage(text, info, shared.indicatorCode as string)
				);
				ok = false;
				continue;
			}
			if (
				typeof shared.regionCode === 'string' &&
				typeof shared.indicatorCode === 'string' &&
				!this.uniqueYear(shared.regionCode, shared.indicatorCode, y.year, row, y.label, text)
			) {
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

	/**
	 * Foreign keys of an observation or target: the indicator's info when known, null when the
	 * indicator cell was already invalid, INVALID when a key is unknown.
	 */
	private checkRegionIndicator(
		out: Record<string, unknown>,
		row: number
	): IndicatorInfo | null | typeof INVALID {
		const ctx = this.opts.context;
		let bad = false;
		const region = out.regionCode;
		if (typeof region === 'string' && region !== this.lastRegion) {
			if (region === this.opts.defaultRegion && !this.defaultRegionOk) bad = true;
			else if (ctx.regions.has(region)) this.lastRegion = region;
			else {
				this.error(
					'foreign-key-error',
					row,
					this.nameColumn?.label ?? this.label('region_code'),
					region,
					msg.unknownRegion(region)
				);
				bad = true;
			}
		}
		const indicator = out.indicatorCode;
		let info: IndicatorInfo | null = null;
		if (typeof indicator === 'string' && indicator === this.lastIndicator?.code) {
			info = this.lastIndicator.info;
		} else if (indicator === this.fileIndicator && !this.fileIndicatorOk) {
			// Reported once, at the header.
			bad = true;
		} else if (typeof indicator === 'string') {
			info = ctx.indicators.get(indicator) ?? null;
			if (info) this.lastIndicator = { code: indicator, info };
			else {
				this.error(
					'foreign-key-error',
					row,
					this.label('indicator_code'),
					indicator,
					msg.unknownIndicator(indicator)
				);
				bad = true;
			}
		}
		return bad ? INVALID : info;
	}

	private checkRegion(out: Record<string, unknown>, row: number): boolean {
		let ok = true;
		const code = out.code;
		if (typeof code === 'string') {
			ok = this.unique(code, code, row, this.label('code'), code);
			this.fileRegions.add(code);
		}
		const parent = out.parentCode;
		if (
			typeof parent === 'string' &&
			!this.opts.context.regions.has(parent) &&
			!(this.fileRegions.has(parent) && parent !== code)
		) {
			this.error(
				'foreign-key-error',
				row,
				this.label('parent_code'),
				parent,
				msg.unknownParentRegion(parent)
			);
			ok = false;
		}
		return ok;
	}

	private checkFramework(out: Record<string, unknown>, row: number): boolean {
		let ok = true;
		if (typeof out.code === 'string')
			ok = this.unique(out.code, out.code, row, this.label('code'), out.code);
		if (
			typeof out.yearFrom === 'number' &&
			typeof out.yearTo === 'number' &&
			out.yearTo < out.yearFrom
		) {
			this.error(
				'constraint-error',
				row,
				this.label('year_to'),
				String(out.yearTo),
				msg.yearOrder()
			);
			ok = false;
		}
		return ok;
	}

	private checkFrameworkCode(framework: unknown, row: number): boolean {
		if (typeof framework !== 'string' || this.opts.context.frameworks.has(framework)) return true;
		this.error(
			'foreign-key-error',
			row,
			this.label('framework_code'),
			framework,
			msg.unknownFramework(framework)
		);
		return false;
	}

	private checkNode(out: Record<string, unknown>, row: number): boolean {
		let ok = this.checkFrameworkCode(out.frameworkCode, row);
		const fw = out.frameworkCode;
		if (typeof fw !== 'string') return ok;
		if (typeof out.code === 'string') {
			const key = fw + '\u0000' + out.code;
			ok = this.unique(key, `${fw} / ${out.code}`, row, this.label('code'), out.code) && ok;
			this.fileNodes.add(key);
		}
		const parent = out.parentCode;
		if (
			typeof parent === 'string' &&
			(parent === out.code ||
				!(
					this.opts.context.nodes.get(fw)?.has(parent) || this.fileNodes.has(fw + '\u0000' + parent)
				))
		) {
			this.error(
				'foreign-key-error',
				row,
				this.label('parent_code'),
				parent,
				msg.unknownNode(parent, fw)
			);
			ok = false;
		}
		return ok;
	}

	private checkIndicator(out: Record<string, unknown>, row: number): boolean {
		let ok = true;
		if (typeof out.code === 'string')
			ok = this.unique(out.code, out.code, row, this.label('code'), out.code);
		ok = this.checkFrameworkCode(out.frameworkCode, row) && ok;
		const fw = out.frameworkCode;
		const element = out.elementCode;
		if (
			typeof fw === 'string' &&
			typeof element === 'string' &&
			this.opts.context.frameworks.has(fw) &&
			!this.opts.context.nodes.get(fw)?.has(element)
		) {
			this.error(
				'foreign-key-error',
				row,
				this.label('element_code'),
				element,
				msg.unknownNode(element, fw)
			);
			ok = false;
		}
		const { method, polarity, valueType, worst, best, benchmark } = out;
		const num = (v: unknown) => (typeof v === 'number' ? String(v) : null);
		if (method === 'minmax' && (worst === null || best === null || worst === best)) {
			const column = worst === null ? 'worst' : 'best';
			this.error('constraint-error', row, this.label(column), num(out[column]), msg.minmaxBounds());
			ok = false;
		} else if (
			typeof worst === 'number' &&
			typeof best === 'number' &&
			typeof polarity === 'string' &&
			(polarity === 'higher' ? best <= worst : best >= worst)
		) {
			this.error(
				'constraint-error',
				row,
				this.label('best'),
				String(best),
				msg.polarityBounds(polarity)
			);
			ok = false;
		}
		if (method === 'bands' && benchmark === null) {
			this.error('constraint-error', row, this.label('benchmark'), null, msg.bandsBenchmark());
			ok = false;
		}
		if (method === 'level' && typeof valueType === 'string' && valueType !== 'level') {
			this.error('constraint-error', row, this.label('method'), 'level', msg.levelMethod());
			ok = false;
		}
		return ok;
	}
}

/** Wraps what `onRow` or the chunk source throws, so it is re-thrown rather than reported as a file error. */
class CallbackError extends Error {
	constructor(readonly original: unknown) {
		super('onRow failed');
	}
}

/**
 * The file-level source and indicator as the row properties they fill; blank parts fill nothing,
 * nor does an indicator in a kind whose rows have none.
 */
function fileValues(
	source: FileSource | undefined,
	indicator: string | null,
	schema: KindSchema
): [string, string][] {
	const out: [string, string][] = [];
	if (indicator !== null && schema.columns.some((c) => c.key === 'indicatorCode'))
		out.push(['indicatorCode', indicator]);
	if (!source) return out;
	if (source.source.trim()) out.push(['source', source.source.trim()]);
	if (source.sourceKind) out.push(['sourceKind', source.sourceKind]);
	if (source.referencePeriod?.trim()) out.push(['referencePeriod', source.referencePeriod.trim()]);
	return out;
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
 * Bytes to the engine through the decoder, chunk by chunk: the one way the streaming entry points
 * feed a file. A decoding problem (binary data, a broken encoding) becomes the file's error.
 */
export class ByteFeed<K extends ImportKind> {
	private readonly decoder = new ByteDecoder();
	constructor(private readonly engine: ValidationEngine<K>) {}

	/** False once the file needs no more bytes: a decoding problem, or the engine stopped. */
	get wanted(): boolean {
		return this.decoder.problem === null && !this.engine.done;
	}

	/** Decodes and validates one chunk; returns `wanted`. */
	push(chunk: Uint8Array): boolean {
		if (!this.wanted) return false;
		const text = this.decoder.push(chunk);
		this.engine.encoding = this.decoder.encoding;
		if (this.decoder.problem === null) this.engine.pushText(text);
		return this.wanted;
	}

	/** The end of the file: the decoder's last bytes and the last record, or the decoding problem. */
	end(): void {
		if (this.wanted) {
			const text = this.decoder.end();
			this.engine.encoding = this.decoder.encoding;
			if (this.decoder.problem === null) {
				this.engine.pushText(text);
				this.engine.finish();
			}
		}
		const problem = this.decoder.problem;
		if (problem) this.engine.fatal(problem.code, null, problem.message);
	}
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
