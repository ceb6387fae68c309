/**
 * The header row to the file's columns: each label bound to its column declaration (`schemas.ts`)
 * by name or alias, the year columns of a wide file, and what is wrong with the labels (blank,
 * unknown, twice, a year out of range, a required column missing, a default region or file
 * indicator the context does not know). Apart from the validator because it runs once per file,
 * before any record, and decides how every record is read: the binding it returns is fixed from
 * then on, and the validator (`validate.ts`) and the row rules (`rules.ts`) only read it. The
 * values the options give the whole file (`fileFacts`) are here too: they decide which columns
 * the header must have. Pure: problems go to the error sink, with the header's row.
 */
import type { CellColumn, CellErrors } from './cells';
import { columnLetter } from './dialect';
import { msg } from './messages';
import { findColumn, type ColumnDecl, type KindSchema } from './schemas';
import {
	MAX_YEAR,
	MIN_YEAR,
	type ImportKind,
	type Message,
	type Shape,
	type ValidateOptions,
	type ValidationContext
} from './types';

/** The kinds a file may give in the wide shape: a column per year. */
const WIDE_KINDS: ReadonlySet<ImportKind> = new Set(['observations', 'targets']);
const YEAR_LABEL = /^\d{4}$/;

/** A header label bound to its column of the file. */
export interface BoundColumn extends CellColumn {
	index: number;
}

/** A wide file's column of one year. */
export interface YearColumn {
	index: number;
	year: number;
	label: string;
}

/** What the file is validated with besides its own cells. */
export interface FileFacts {
	context: ValidationContext;
	/** The region given for the whole file, if any: a region_code column is then not required. */
	defaultRegion: string | undefined;
	/** The indicator given for the whole file (trimmed), if any. */
	fileIndicator: string | null;
	/** The row properties the file gives once (its source, its indicator), as [key, value]. */
	values: readonly [string, string][];
	/** The keys of `values`: a blank cell takes that value, and the column is not required. */
	filled: ReadonlySet<string>;
}

/**
 * What the options give the whole file. The file-level source and indicator become the row
 * properties they fill; blank parts fill nothing, nor does an indicator in a kind whose rows have
 * none. Example: `fileFacts({ context, fileIndicator: ' ipm ' }, kindSchemas.observations).values`
 * is `[['indicatorCode', 'ipm']]`.
 */
export function fileFacts(
	options: Pick<ValidateOptions, 'context' | 'defaultRegion' | 'fileSource' | 'fileIndicator'>,
	schema: KindSchema
): FileFacts {
	const indicator = options.fileIndicator?.trim() || null;
	const source = options.fileSource;
	const values: [string, string][] = [];
	if (indicator !== null && schema.columns.some((c) => c.key === 'indicatorCode'))
		values.push(['indicatorCode', indicator]);
	if (source) {
		if (source.source.trim()) values.push(['source', source.source.trim()]);
		if (source.sourceKind) values.push(['sourceKind', source.sourceKind]);
		if (source.referencePeriod?.trim())
			values.push(['referencePeriod', source.referencePeriod.trim()]);
	}
	return {
		context: options.context,
		defaultRegion: options.defaultRegion,
		fileIndicator: indicator,
		values,
		filled: new Set(values.map(([key]) => key))
	};
}

/** The header's columns, as every record of the file is read by them. */
export interface HeaderBinding {
	shape: Shape;
	/** How many cells the header has: a record with more (filled) or fewer is refused. */
	width: number;
	/** The columns read into row properties, in file order; not those standing in for another. */
	bound: BoundColumn[];
	/** Every bound column by canonical name, those standing in for another (region_name) too. */
	byName: Map<string, BoundColumn>;
	yearColumns: YearColumn[];
	/** Row properties of the columns the header lacks: null in every typed row. */
	absentKeys: string[];
	/** False when a required column is missing: rows are then checked but never typed. */
	complete: boolean;
	/** The value column of a long observations or targets file, whose cell may be marked missing. */
	valueColumn: BoundColumn | null;
	/** The region names column, when it stands in for an absent region_code column. */
	nameColumn: BoundColumn | null;
	/** False when the context does not know the default region (reported once, here). */
	defaultRegionOk: boolean;
	/** False when the context does not know the file indicator (reported once, here). */
	fileIndicatorOk: boolean;
}

/**
 * Whether a header cell names a column of the kind (or a year, for a kind with a wide shape):
 * how the reader tells the header from a title above it and picks the delimiter.
 * Example: `isColumnLabel('observations', 'Kode Wilayah') === true`.
 */
export function isColumnLabel(kind: ImportKind, label: string): boolean {
	return findColumn(kind, label) !== undefined || (WIDE_KINDS.has(kind) && YEAR_LABEL.test(label));
}

/**
 * Binds the header's labels at `row` to the kind's columns, reporting what is wrong to `errors`.
 * Example: `bindHeader(['kode_wilayah', 'kode_indikator', '2021', 'sumber'], 1, kindSchemas.observations, facts, errors).shape === 'wide'`.
 */
export function bindHeader(
	labels: string[],
	row: number,
	schema: KindSchema,
	facts: FileFacts,
	errors: CellErrors
): HeaderBinding {
	const kind = schema.kind;
	const wideKind = WIDE_KINDS.has(kind);
	const seen = new Map<string, string>();
	const years = new Map<number, string>();
	const yearColumns: YearColumn[] = [];
	let bound: BoundColumn[] = [];
	for (let j = 0; j < labels.length; j++) {
		const label = labels[j].trim();
		if (label === '') {
			errors.error('blank-header', row, columnLetter(j), null, msg.blankLabel(columnLetter(j)));
			continue;
		}
		if (wideKind && YEAR_LABEL.test(label)) {
			const year = Number(label);
			if (year < MIN_YEAR || year > MAX_YEAR)
				errors.error('constraint-error', row, label, label, msg.yearLabelRange(label));
			else if (years.has(year))
				errors.error(
					'duplicate-label',
					row,
					label,
					label,
					msg.duplicateLabel(label, years.get(year) as string)
				);
			else {
				years.set(year, label);
				yearColumns.push({ index: j, year, label });
			}
			continue;
		}
		const decl = findColumn(kind, label);
		if (!decl) {
			errors.error('extra-label', row, label, label, msg.extraLabel(label, allowedLabels(schema)));
			continue;
		}
		const first = seen.get(decl.name);
		if (first !== undefined) {
			errors.error('duplicate-label', row, label, label, msg.duplicateLabel(label, first));
			continue;
		}
		seen.set(decl.name, label);
		const b: BoundColumn = { decl, index: j, label };
		if (decl.enum) b.enumMap = new Map(decl.enum.map((v) => [v.toLowerCase(), v]));
		bound.push(b);
	}
	const shape: Shape = yearColumns.length > 0 ? 'wide' : 'long';
	if (shape === 'wide') {
		bound = bound.filter((b) => {
			if (b.decl.wide !== 'cell') return true;
			errors.error('extra-label', row, b.label, b.label, msg.cellColumnInWide(b.label));
			return false;
		});
	}
	const byName = new Map<string, BoundColumn>();
	for (const b of bound) byName.set(b.decl.name, b);
	// A column standing in for another is read apart from the row properties, and only when
	// the other is absent: beside a region_code column, a name column is for the reader.
	bound = bound.filter((b) => b.decl.insteadOf === undefined);
	const valueColumn = shape === 'long' && wideKind ? (byName.get('value') ?? null) : null;
	const names = byName.get('region_name');
	const nameColumn = names && !byName.has('region_code') ? names : null;
	const absentKeys = schema.columns
		.filter((c) => !byName.has(c.name) && !(shape === 'wide' && c.wide === 'cell'))
		.map((c) => c.key);
	const { context, defaultRegion, fileIndicator, filled } = facts;
	let complete = true;
	for (const decl of schema.columns) {
		if (!decl.required || byName.has(decl.name)) continue;
		if (shape === 'wide' && decl.wide === 'cell') continue;
		if (decl.name === 'region_code' && (defaultRegion !== undefined || nameColumn)) continue;
		if (filled.has(decl.key)) continue;
		complete = false;
		errors.error('missing-label', row, decl.name, null, missingLabel(decl));
	}
	let defaultRegionOk = true;
	if (defaultRegion !== undefined && schema.columns[0].name === 'region_code') {
		if (!context.regions.has(defaultRegion)) {
			defaultRegionOk = false;
			errors.error(
				'foreign-key-error',
				null,
				'region_code',
				defaultRegion,
				msg.unknownRegion(defaultRegion)
			);
		}
	}
	// Like the default region: an unknown file indicator is one error here, not one per row.
	let fileIndicatorOk = true;
	if (fileIndicator !== null && filled.has('indicatorCode')) {
		if (!context.indicators.has(fileIndicator)) {
			fileIndicatorOk = false;
			errors.error(
				'foreign-key-error',
				null,
				'indicator_code',
				fileIndicator,
				msg.unknownIndicator(fileIndicator)
			);
		}
	}
	return {
		shape,
		width: labels.length,
		bound,
		byName,
		yearColumns,
		absentKeys,
		complete,
		valueColumn,
		nameColumn,
		defaultRegionOk,
		fileIndicatorOk
	};
}

/** A missing required column's message: region, source and indicator name their other fixes. */
function missingLabel(decl: ColumnDecl): Message {
	if (decl.name === 'region_code') return msg.missingRegion();
	if (decl.key === 'source') return msg.missingSource();
	if (decl.key === 'indicatorCode') return msg.missingIndicator();
	return msg.missingLabel(decl);
}

/** The labels an unknown label's message offers: the kind's columns, and years if it has a wide shape. */
function allowedLabels(schema: KindSchema): string[] {
	const names = schema.columns.map((c) => c.name);
	return WIDE_KINDS.has(schema.kind) ? [...names, '2019, 2020, …'] : names;
}
