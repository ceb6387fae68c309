/**
 * Types of the CSV import module: kinds, dialects, errors, typed rows and reports.
 *
 * Pure module: no SvelteKit, no database. Its lists (kinds, region kinds, target documents, the
 * year range, the scoring engine's value types, polarities and methods) are `$lib/domain`'s, the
 * ones the database schema's CHECKs are built from, so a file the validator accepts is one the
 * database accepts.
 */

// The lists a file is checked against are the domain's (`$lib/domain`, the one copy, which the
// database's CHECKs use too); the import module's API names them as well.
export {
	IMPORT_KINDS,
	isYearInRange,
	MAX_YEAR,
	METHODS,
	MIN_YEAR,
	POLARITIES,
	REGION_KINDS,
	SOURCE_KINDS,
	TARGET_DOCUMENTS,
	VALUE_TYPES,
	type ImportKind,
	type Method,
	type Polarity,
	type RegionKind,
	type SourceKind,
	type TargetDocument,
	type ValueType
} from '../domain';
import type {
	ImportKind,
	Method,
	Polarity,
	RegionKind,
	SourceKind,
	TargetDocument,
	ValueType
} from '../domain';

export type Shape = 'long' | 'wide';
export type Locale = 'id' | 'en';
export type Delimiter = ',' | ';' | '\t';
export type Encoding = 'utf-8' | 'windows-1252';
export type LineEnding = 'crlf' | 'lf' | 'cr';

/**
 * How a file was written. `locale` is the number format: given by the caller (`localeExplicit`),
 * or inferred from the delimiter (`;` → id, `,` → en); null for a tab file with no locale given,
 * where only numbers that read the same way in both locales are accepted.
 */
export interface Dialect {
	delimiter: Delimiter;
	encoding: Encoding;
	bom: boolean;
	lineEnding: LineEnding;
	locale: Locale | null;
	localeExplicit: boolean;
}

/** Error codes after Frictionless (https://specs.frictionlessdata.io/). */
export const ERROR_CODES = [
	'blank-header',
	'missing-label',
	'duplicate-label',
	'extra-label',
	'extra-cell',
	'missing-cell',
	'type-error',
	'constraint-error',
	'unique-error',
	'foreign-key-error',
	'encoding-error',
	'format-error'
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface Message {
	id: string;
	en: string;
}

/**
 * One problem in a file. `row` is the row number a spreadsheet shows (header = 1, blank lines
 * count, a record with a quoted newline is one row); null for whole-file problems. `column` is
 * the header label as written, the canonical column name when the label is missing, or the
 * spreadsheet column letter when the cell has no label.
 */
export interface ImportError {
	code: ErrorCode;
	row: number | null;
	column: string | null;
	value: string | null;
	message: Message;
}

export interface IndicatorInfo {
	valueType: ValueType;
	/** The unit as the indicator list writes it; "index (0-100)" also bounds the value (ranges.ts). */
	unit?: string | null;
	method: Method;
	worst: number | null;
	best: number | null;
	frameworkCode: string;
}

/** A region as a file may name it instead of giving its code (`region_name`, `region-names.ts`). */
export interface RegionInfo {
	name: string;
	kind: RegionKind;
	bpsCode?: string | null;
}

/** What the database already holds (or earlier files of the same load): the foreign-key targets. */
export interface ValidationContext {
	regions: Set<string>;
	/**
	 * code → name, kind and BPS code, for files that name their regions (`Kab. Pati`) rather than
	 * give their codes. Absent (a context built by hand): no name matches, codes still do.
	 */
	regionNames?: Map<string, RegionInfo>;
	frameworks: Set<string>;
	/** framework code → node codes */
	nodes: Map<string, Set<string>>;
	indicators: Map<string, IndicatorInfo>;
}

interface Sourced {
	/** The spreadsheet row the value came from (header = 1). */
	sourceRow: number;
}

export interface RegionRow extends Sourced {
	code: string;
	name: string;
	kind: RegionKind;
	parentCode: string | null;
	bpsCode: string | null;
}

export interface FrameworkRow extends Sourced {
	code: string;
	version: string;
	nameId: string;
	nameEn: string;
	yearFrom: number;
	yearTo: number | null;
	source: string | null;
}

export interface NodeRow extends Sourced {
	frameworkCode: string;
	code: string;
	parentCode: string | null;
	level: string;
	nameId: string;
	nameEn: string;
	descriptionId: string | null;
	descriptionEn: string | null;
	weight: number | null;
	sortOrder: number | null;
}

export interface IndicatorRow extends Sourced {
	code: string;
	frameworkCode: string;
	elementCode: string;
	nameId: string;
	nameEn: string;
	descriptionId: string | null;
	descriptionEn: string | null;
	rationaleId: string | null;
	rationaleEn: string | null;
	unit: string;
	polarity: Polarity;
	valueType: ValueType;
	method: Method;
	worst: number | null;
	best: number | null;
	benchmark: number | null;
	opd: string | null;
	weight: number | null;
	definitionSource: string | null;
	yearFrom: number | null;
	decimals: number | null;
	/** Years from which the series is on a new basis (`2024` for BPS's new life-expectancy basis). */
	breakYears: number[] | null;
	breakNoteId: string | null;
	breakNoteEn: string | null;
	sortOrder: number | null;
}

/** What observations and targets share: one number for a region, indicator and year, with its source. */
export interface ValueRow extends Sourced {
	regionCode: string;
	indicatorCode: string;
	year: number;
	value: number;
	source: string;
	note: string | null;
	illustrative: boolean | null;
}

export interface ObservationRow extends ValueRow {
	sourceKind: SourceKind | null;
	/** The period the figure refers to, as printed: `Maret 2023`, `Agustus 2022`, `SSGI 2022`. */
	referencePeriod: string | null;
}

export interface TargetRow extends ValueRow {
	documentType: TargetDocument;
	/** Where in the document the target is printed: page, table or chapter. */
	documentRef: string;
}

export interface RowByKind {
	regions: RegionRow;
	frameworks: FrameworkRow;
	nodes: NodeRow;
	indicators: IndicatorRow;
	observations: ObservationRow;
	targets: TargetRow;
}
export type RowOf<K extends ImportKind> = RowByKind[K];
export type TypedRow = RowByKind[ImportKind];

/** A source given once for a whole file. Example: `{ source: 'BPS Kabupaten Pati, Tabel 4.1.2', sourceKind: 'bps' }`. */
export interface FileSource {
	source: string;
	sourceKind?: SourceKind;
	referencePeriod?: string;
}

export interface ValidateOptions<K extends ImportKind = ImportKind> {
	kind: K;
	context: ValidationContext;
	/** Number locale; when given, it is explicit and a value that reads two ways is read this way. */
	locale?: Locale;
	/** Region code used when the file has no region_code column or the cell is empty. */
	defaultRegion?: string;
	/**
	 * The source of the whole file (`--source`, the upload page's "Sumber"): fills every row whose
	 * own source is blank or whose file has no source column; kind and period likewise.
	 */
	fileSource?: FileSource;
	/**
	 * The indicator of the whole file (`--indicator`, the upload page's "Indikator"), for a
	 * BPS table of one indicator: fills every row whose indicator code is blank or whose file has
	 * no indicator_code column. An unknown code is one error at the header, not one per row.
	 */
	fileIndicator?: string;
	fileName?: string;
	/** Errors kept in the report (default 100); `errorCount` still counts all of them. */
	maxErrors?: number;
	/**
	 * Whether rows may be flagged illustrative. Only the opt-in demo instance allows them: a real
	 * instance refuses such a row, so an invented number can never be published as data.
	 */
	allowIllustrative?: boolean;
}

export interface StreamReport<K extends ImportKind = ImportKind> {
	status: 'valid' | 'invalid';
	kind: K;
	/** null when the file could not be read far enough to know. */
	shape: Shape | null;
	dialect: Dialect | null;
	fileName: string | null;
	/** Data records in the file (blank lines not counted). */
	rowCount: number;
	/**
	 * Typed rows produced: one per row in long shape, one per year cell with a value in wide
	 * (blank cells and cells marked "-" or "NA" have none).
	 */
	valueCount: number;
	errors: ImportError[];
	/** All errors found, including those left out of `errors` by `maxErrors`. */
	errorCount: number;
	/**
	 * What was skipped and why, e.g. "Baris 1–2 dilewati: judul tabel …" (title and footer rows),
	 * "3 sel bertanda "-" dilewati …" (value cells marked as having no value).
	 */
	notices: Message[];
	/**
	 * What a "Sumber: …" line below the table names (the first one), offered as the file's source
	 * when it has no source column. Absent when there is none.
	 */
	footerSource?: string;
}

export interface ValidationReport<K extends ImportKind = ImportKind> extends StreamReport<K> {
	/** Typed rows free of errors, in file order (for a wide file: row by row, year by year). */
	rows: RowOf<K>[];
}

/** A value an import replaces: what a preview shows as old → new before anything is written. */
export interface ValueChange {
	table: 'observations' | 'targets';
	regionCode: string;
	indicatorCode: string;
	year: number;
	before: number;
	after: number;
	/** The sources, shown when they differ (a value may stay and its source change). */
	sourceBefore: string;
	sourceAfter: string;
}
