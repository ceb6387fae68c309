/**
 * Writes validated rows: one transaction per load (`BEGIN IMMEDIATE`), every row or none, with an
 * import record for provenance, history kept, and undo.
 *
 * Bulk rows go through prepared statements, not drizzle's `insert().values()`, which is about 8×
 * slower here (see STACK.md); reads for pages go through drizzle.
 */
import type Database from 'better-sqlite3';
import type { Connection } from './index';
import type { ImportRecord } from './schema';
import { REFUSALS, type RefusalCode, type RefusalParams } from '../../import/messages';
import type { Message, ValueChange } from '../../import/types';

export type { ValueChange };

/** What observations and targets share. */
export interface ValueInput {
	regionCode: string;
	indicatorCode: string;
	year: number;
	value: number;
	source: string;
	note: string;
	illustrative: boolean;
	/** The spreadsheet row it came from, named when the database refuses it. */
	sourceRow?: number;
}

/** An observation row as an import writes it (what the engine scores is `EngineObservation`). */
export interface ObservationInput extends ValueInput {
	/** One of SOURCE_KINDS, or `''` when the file did not say. */
	sourceKind: string;
	referencePeriod: string;
}

/** A target row as an import writes it (what the engine reads is `EngineTarget`). */
export interface TargetInput extends ValueInput {
	documentType: string;
	/** Page, table or chapter of the document. */
	documentRef: string;
}

export interface RegionInput {
	code: string;
	name: string;
	kind: string;
	parentCode: string | null;
	bpsCode: string | null;
}

/** A frameworks row as an import writes it (what the engine scores is `EngineFramework`). */
export interface FrameworkInput {
	code: string;
	version: string;
	nameId: string;
	nameEn: string;
	yearFrom: number;
	yearTo: number | null;
	source: string;
}

export interface NodeInput {
	frameworkCode: string;
	code: string;
	parentCode: string | null;
	level: string;
	nameId: string;
	nameEn: string;
	descriptionId: string;
	descriptionEn: string;
	weight: number;
	sortOrder: number;
}

/** An indicators row as an import writes it (what the engine scores is `EngineIndicator`). */
export interface IndicatorInput {
	code: string;
	frameworkCode: string;
	elementCode: string;
	nameId: string;
	nameEn: string;
	descriptionId: string;
	descriptionEn: string;
	rationaleId: string;
	rationaleEn: string;
	unit: string;
	polarity: string;
	valueType: string;
	method: string;
	worst: number | null;
	best: number | null;
	benchmark: number | null;
	opd: string;
	weight: number;
	definitionSource: string;
	yearFrom: number | null;
	decimals: number | null;
	/** Space-separated years from which the series is on a new basis; `''` for none. */
	breakYears: string;
	breakNoteId: string;
	breakNoteEn: string;
	sortOrder: number;
}

export interface ProfileInput {
	code: string;
	frameworkCode: string;
	version: string;
	nameId: string;
	nameEn: string;
	yearFrom: number;
	yearTo: number | null;
	isDefault: boolean;
	settings: string;
}

/** What one load brings; any part may be empty. Reference data is applied before values. */
export interface LoadBatch {
	regions?: RegionInput[];
	frameworks?: FrameworkInput[];
	nodes?: NodeInput[];
	indicators?: IndicatorInput[];
	profiles?: ProfileInput[];
	observations?: ObservationInput[];
	targets?: TargetInput[];
}

export interface ImportMeta {
	kind: ImportRecord['kind'];
	fileName: string;
	sha256: string;
	shape?: string;
	dialect?: Record<string, unknown>;
	actor: string;
}

export interface Counts {
	rows: number;
	inserted: number;
	updated: number;
	unchanged: number;
}

/** Changes a writer keeps, in file order; `counts.updated` counts all of them. */
export const MAX_CHANGES = 200;

export interface CommitResult {
	/** `unchanged`: the load matched what is current; nothing was written, no import recorded. */
	status: 'committed' | 'unchanged';
	importId: number | null;
	counts: Counts;
}

/** A write refused for a reason a person can act on (undo of an undone import, …). */
export class ImportRefused<C extends RefusalCode = RefusalCode> extends Error {
	override name = 'ImportRefused';
	/** The reason in both languages, for the page and the CLI (`message` is the English). */
	readonly reason: Message;
	/**
	 * `code` says why (`REFUSALS` of `lib/import/messages.ts` has the texts), `params` what it
	 * names. Example: `new ImportRefused('already_undone', { importId: 7 })`.
	 */
	constructor(
		readonly code: C,
		readonly params: RefusalParams<C>
	) {
		const reason = (REFUSALS[code] as (p: RefusalParams<C>) => Message)(params);
		super(reason.en);
		this.reason = reason;
	}
}

/**
 * The database refused one value row (a CHECK or foreign key the validator should have caught):
 * the message is SQLite's own, `row` is the input it refused.
 */
export class RowRejected extends Error {
	override name = 'RowRejected';
	constructor(
		readonly row: ValueInput,
		readonly cause: Error & { code?: string }
	) {
		super(cause.message);
	}
}

const emptyCounts = (): Counts => ({ rows: 0, inserted: 0, updated: 0, unchanged: 0 });

function statements(sqlite: Database.Database) {
	return {
		insertImport: sqlite.prepare(
			`INSERT INTO imports (kind, file_name, sha256, shape, dialect, actor) VALUES (?, ?, ?, ?, ?, ?)`
		),
		finishImport: sqlite.prepare(
			`UPDATE imports SET row_count = ?, inserted = ?, updated = ?, unchanged = ? WHERE id = ?`
		),
		upsertRegion: sqlite.prepare(
			`INSERT INTO regions (code, name, kind, parent_code, bps_code) VALUES (?, ?, ?, ?, ?)
			 ON CONFLICT (code) DO UPDATE SET name = excluded.name, kind = excluded.kind,
			   parent_code = excluded.parent_code, bps_code = excluded.bps_code
			 WHERE (name, kind, parent_code, bps_code) IS NOT (excluded.name, excluded.kind, excluded.parent_code, excluded.bps_code)`
		),
		upsertFramework: sqlite.prepare(
			`INSERT INTO frameworks (code, version, name_id, name_en, year_from, year_to, source) VALUES (?, ?, ?, ?, ?, ?, ?)
			 ON CONFLICT (code) DO UPDATE SET version = excluded.version, name_id = excluded.name_id,
			   name_en = excluded.name_en, year_from = excluded.year_from, year_to = excluded.year_to, source = excluded.source
			 WHERE (version, name_id, name_en, year_from, year_to, source) IS NOT
			   (excluded.version, excluded.name_id, excluded.name_en, excluded.year_from, excluded.year_to, excluded.source)`
		),
		upsertNode: sqlite.prepare(
			`INSERT INTO framework_nodes (framework_code, code, parent_code, level, name_id, name_en, description_id, description_en, weight, sort_order)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			 ON CONFLICT (framework_code, code) DO UPDATE SET parent_code = excluded.parent_code, level = excluded.level,
			   name_id = excluded.name_id, name_en = excluded.name_en, description_id = excluded.description_id,
			   description_en = excluded.description_en, weight = excluded.weight, sort_order = excluded.sort_order
			 WHERE (parent_code, level, name_id, name_en, description_id, description_en, weight, sort_order) IS NOT
			   (excluded.parent_code, excluded.level, excluded.name_id, excluded.name_en, excluded.description_id,
			    excluded.description_en, excluded.weight, excluded.sort_order)`
		),
		upsertIndicator: sqlite.prepare(
			`INSERT INTO indicators (code, framework_code, element_code, name_id, name_en, description_id, description_en,
			   rationale_id, rationale_en, unit, polarity, value_type, method, worst, best, benchmark, opd, weight,
			   definition_source, year_from, decimals, break_years, break_note_id, break_note_en, sort_order)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			 ON CONFLICT (code) DO UPDATE SET framework_code = excluded.framework_code, element_code = excluded.element_code,
			   name_id = excluded.name_id, name_en = excluded.name_en, description_id = excluded.description_id,
			   description_en = excluded.description_en, rationale_id = excluded.rationale_id, rationale_en = excluded.rationale_en,
			   unit = excluded.unit, polarity = excluded.polarity, value_type = excluded.value_type, method = excluded.method,
			   worst = excluded.worst, best = excluded.best, benchmark = excluded.benchmark, opd = excluded.opd,
			   weight = excluded.weight, definition_source = excluded.definition_source, year_from = excluded.year_from,
			   decimals = excluded.decimals, break_years = excluded.break_years,
			   break_note_id = excluded.break_note_id, break_note_en = excluded.break_note_en,
			   sort_order = excluded.sort_order
			 WHERE (framework_code, element_code, name_id, name_en, description_id, description_en, rationale_id, rationale_en,
			   unit, polarity, value_type, method, worst, best, benchmark, opd, weight, definition_source, year_from, decimals,
			   break_years, break_note_id, break_note_en, sort_order) IS NOT
			   (excluded.framework_code, excluded.element_code, excluded.name_id, excluded.name_en, excluded.description_id,
			   excluded.description_en, excluded.rationale_id, excluded.rationale_en, excluded.unit, excluded.polarity,
			   excluded.value_type, excluded.method, excluded.worst, excluded.best, excluded.benchmark, excluded.opd,
			   excluded.weight, excluded.definition_source, excluded.year_from, excluded.decimals, excluded.break_years,
			   excluded.break_note_id, excluded.break_note_en, excluded.sort_order)`
		),
		upsertProfile: sqlite.prepare(
			`INSERT INTO scoring_profiles (code, framework_code, version, name_id, name_en, year_from, year_to, is_default, settings)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
			 ON CONFLICT (code) DO UPDATE SET framework_code = excluded.framework_code, version = excluded.version,
			   name_id = excluded.name_id, name_en = excluded.name_en, year_from = excluded.year_from,
			   year_to = excluded.year_to, is_default = excluded.is_default, settings = excluded.settings
			 WHERE (framework_code, version, name_id, name_en, year_from, year_to, is_default, settings) IS NOT
			   (excluded.framework_code, excluded.version, excluded.name_id, excluded.name_en, excluded.year_from,
			    excluded.year_to, excluded.is_default, excluded.settings)`
		),
		regionExists: sqlite.prepare(`SELECT 1 FROM regions WHERE code = ?`),
		frameworkExists: sqlite.prepare(`SELECT 1 FROM frameworks WHERE code = ?`),
		nodeExists: sqlite.prepare(
			`SELECT 1 FROM framework_nodes WHERE framework_code = ? AND code = ?`
		),
		indicatorExists: sqlite.prepare(`SELECT 1 FROM indicators WHERE code = ?`),
		indicatorValueType: sqlite.prepare(`SELECT value_type FROM indicators WHERE code = ?`),
		profileExists: sqlite.prepare(`SELECT 1 FROM scoring_profiles WHERE code = ?`),
		observations: valueStatements(sqlite, 'observations', OBSERVATION_COLUMNS),
		targets: valueStatements(sqlite, 'targets', TARGET_COLUMNS)
	};
}

/**
 * Value rows per multi-row INSERT. Starting a statement and binding it costs about as much as
 * writing the row: a million-row import took 4.1 s one row per statement and 2.9–3.1 s at 64 or
 * 256 rows (the pipeline case of `npm run bench -- import` with this constant changed,
 * 2026-11-29). 256 × 11 columns stays far below SQLite's limit of 32,766 bound parameters.
 */
export const VALUE_BATCH_ROWS = 256;

/** The columns every value row binds, in this order; then each table's own two. */
const VALUE_COLUMNS = [
	'region_code',
	'indicator_code',
	'value_type',
	'year',
	'value',
	'source',
	'note',
	'illustrative',
	'import_id'
] as const;
const OWN_COLUMNS = {
	observations: ['source_kind', 'reference_period'],
	targets: ['document_type', 'document_ref']
} as const;
/**
 * Most observation files say neither who published a value nor the period it measures, and both
 * columns default to ''. A batch whose rows all leave them empty binds the nine shared columns
 * only: two fewer bound values per row cost about 0.3 s less per million rows (a scratch run of the
 * bare statement, 11 against 9 columns, on the bench's database).
 */
const ownColumnsEmpty = (o: ObservationInput) => o.sourceKind === '' && o.referencePeriod === '';
const OBSERVATION_COLUMNS = [...VALUE_COLUMNS, ...OWN_COLUMNS.observations] as const;
const TARGET_COLUMNS = [...VALUE_COLUMNS, ...OWN_COLUMNS.targets] as const;

function valueStatements(
	sqlite: Database.Database,
	table: 'observations' | 'targets',
	columns: readonly string[]
) {
	const tuple = `(${columns.map(() => '?').join(', ')})`;
	const insert = (rows: number) =>
		`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array(rows).fill(tuple).join(', ')}`;
	// New rows only: a key that already has a current row is left for the compare-and-supersede path.
	const ifAbsent = ` ON CONFLICT (region_code, indicator_code, year) WHERE superseded_by IS NULL DO NOTHING`;
	return {
		insertNewBatch: sqlite.prepare(insert(VALUE_BATCH_ROWS) + ifAbsent),
		// The same without the table's own two columns, which then take their default ('').
		insertNewBatchShared: sqlite.prepare(
			`INSERT INTO ${table} (${VALUE_COLUMNS.join(', ')}) VALUES ${Array(VALUE_BATCH_ROWS)
				.fill(`(${VALUE_COLUMNS.map(() => '?').join(', ')})`)
				.join(', ')}` + ifAbsent
		),
		insertNew: sqlite.prepare(insert(1) + ifAbsent),
		insert: sqlite.prepare(insert(1)),
		current: sqlite.prepare(
			`SELECT id, value, source, note, illustrative, ${OWN_COLUMNS[table].join(', ')} FROM ${table}
			 WHERE region_code = ? AND indicator_code = ? AND year = ? AND superseded_by IS NULL`
		),
		supersede: sqlite.prepare(`UPDATE ${table} SET superseded_by = ? WHERE id = ?`),
		lastId: sqlite.prepare(`SELECT coalesce(max(id), 0) FROM ${table}`).pluck()
	};
}

type Statements = ReturnType<typeof statements>;
const cache = new WeakMap<Database.Database, Statements>();
function prepared(sqlite: Database.Database): Statements {
	let s = cache.get(sqlite);
	if (!s) {
		s = statements(sqlite);
		cache.set(sqlite, s);
	}
	return s;
}

/** Upsert result: `changes` is 0 when the row was already identical (the WHERE … IS NOT clause). */
function tallyUpsert(counts: Counts, info: Database.RunResult, existed: boolean) {
	counts.rows++;
	if (info.changes === 0) counts.unchanged++;
	else if (existed) counts.updated++;
	else counts.inserted++;
}

interface CurrentRow {
	id: number;
	value: number;
	source: string;
	note: string;
	illustrative: number;
	source_kind?: string;
	reference_period?: string;
	document_type?: string;
	document_ref?: string;
}

function sameValue(current: CurrentRow, row: ObservationInput | TargetInput) {
	return (
		current.value === row.value &&
		current.source === row.source &&
		current.note === row.note &&
		Boolean(current.illustrative) === row.illustrative &&
		('documentType' in row
			? current.document_type === row.documentType && current.document_ref === row.documentRef
			: current.source_kind === row.sourceKind && current.reference_period === row.referencePeriod)
	);
}

/**
 * An open import inside a transaction the caller holds: rows go in one at a time (a streaming
 * import writes them as they are validated), `finish()` records the counts. Reference rows are
 * upserted; values supersede the current row only when they differ from it.
 */
export interface ImportWriter {
	importId: number;
	counts: Counts;
	/** The first MAX_CHANGES values this import replaces, old and new. */
	changes: ValueChange[];
	region(r: RegionInput): void;
	framework(f: FrameworkInput): void;
	/** Nodes as one list, so parents can be written before their children. */
	nodes(list: NodeInput[]): void;
	indicator(i: IndicatorInput): void;
	profile(p: ProfileInput): void;
	observation(o: ObservationInput): void;
	target(t: TargetInput): void;
	/** Writes the value rows still held for a multi-row statement (`finish` does it too). */
	flush(): void;
	/** Records the counts; `unchanged` when nothing differed (the caller should roll back). */
	finish(): CommitResult;
}

/** What an import's foreign keys may point at (small tables: read whole). */
export interface ReferenceKeys {
	regions: { code: string; name: string; kind: string; bps_code: string | null }[];
	frameworks: { code: string }[];
	nodes: { f: string; code: string }[];
	indicators: {
		code: string;
		value_type: string;
		unit: string | null;
		method: string;
		worst: number | null;
		best: number | null;
		framework_code: string;
	}[];
}

export function referenceKeys(conn: Connection): ReferenceKeys {
	const q = (sql: string) => conn.sqlite.prepare(sql).all();
	return {
		regions: q(`SELECT code, name, kind, bps_code FROM regions`) as ReferenceKeys['regions'],
		frameworks: q(`SELECT code FROM frameworks`) as ReferenceKeys['frameworks'],
		nodes: q(`SELECT framework_code AS f, code FROM framework_nodes`) as ReferenceKeys['nodes'],
		indicators: q(
			`SELECT code, value_type, unit, method, worst, best, framework_code FROM indicators`
		) as ReferenceKeys['indicators']
	};
}

/** Starts an import record in the caller's open transaction and returns its writer. */
export function beginImport(conn: Connection, meta: ImportMeta): ImportWriter {
	if (!conn.sqlite.inTransaction) throw new Error('beginImport() needs an open transaction');
	const s = prepared(conn.sqlite);
	const counts = emptyCounts();
	// Each value row carries its indicator's value type (see the schema); looked up once per
	// indicator. An unknown indicator gets a placeholder so the foreign key reports it.
	const valueTypes = new Map<string, string>();
	const valueTypeOf = (code: string): string => {
		let type = valueTypes.get(code);
		if (type === undefined) {
			const row = s.indicatorValueType.get(code) as { value_type: string } | undefined;
			type = row?.value_type ?? 'number';
			if (row) valueTypes.set(code, type);
		}
		return type;
	};
	const importId = Number(
		s.insertImport.run(
			meta.kind,
			meta.fileName,
			meta.sha256,
			meta.shape ?? 'long',
			JSON.stringify(meta.dialect ?? {}),
			meta.actor
		).lastInsertRowid
	);
	// Argument order follows VALUE_COLUMNS, then the table's OWN_COLUMNS.
	const bindValue = (v: ValueInput, out: unknown[], at: number) => {
		out[at] = v.regionCode;
		out[at + 1] = v.indicatorCode;
		out[at + 2] = valueTypeOf(v.indicatorCode);
		out[at + 3] = v.year;
		out[at + 4] = v.value;
		out[at + 5] = v.source;
		out[at + 6] = v.note;
		out[at + 7] = v.illustrative ? 1 : 0;
		out[at + 8] = importId;
	};
	const changes: ValueChange[] = [];
	const observations = valueBatcher(
		s.observations,
		'observations',
		counts,
		changes,
		importId,
		(o: ObservationInput, out, at) => {
			bindValue(o, out, at);
			out[at + 9] = o.sourceKind;
			out[at + 10] = o.referencePeriod;
		},
		OBSERVATION_COLUMNS.length,
		{ bind: bindValue, empty: ownColumnsEmpty }
	);
	const targets = valueBatcher(
		s.targets,
		'targets',
		counts,
		changes,
		importId,
		(t: TargetInput, out, at) => {
			bindValue(t, out, at);
			out[at + 9] = t.documentType;
			out[at + 10] = t.documentRef;
		},
		TARGET_COLUMNS.length
	);
	const flush = () => {
		observations.flush();
		targets.flush();
	};
	return {
		importId,
		counts,
		changes,
		region(r) {
			const existed = s.regionExists.get(r.code) !== undefined;
			tallyUpsert(
				counts,
				s.upsertRegion.run(r.code, r.name, r.kind, r.parentCode, r.bpsCode),
				existed
			);
		},
		framework(f) {
			const existed = s.frameworkExists.get(f.code) !== undefined;
			tallyUpsert(
				counts,
				s.upsertFramework.run(
					f.code,
					f.version,
					f.nameId,
					f.nameEn,
					f.yearFrom,
					f.yearTo,
					f.source
				),
				existed
			);
		},
		nodes(list) {
			// Parents before children, so the self-referencing foreign key holds row by row.
			for (const n of sortParentsFirst(list)) {
				const existed = s.nodeExists.get(n.frameworkCode, n.code) !== undefined;
				tallyUpsert(
					counts,
					s.upsertNode.run(
						n.frameworkCode,
						n.code,
						n.parentCode,
						n.level,
						n.nameId,
						n.nameEn,
						n.descriptionId,
						n.descriptionEn,
						n.weight,
						n.sortOrder
					),
					existed
				);
			}
		},
		indicator(i) {
			const existed = s.indicatorExists.get(i.code) !== undefined;
			tallyUpsert(
				counts,
				s.upsertIndicator.run(
					i.code,
					i.frameworkCode,
					i.elementCode,
					i.nameId,
					i.nameEn,
					i.descriptionId,
					i.descriptionEn,
					i.rationaleId,
					i.rationaleEn,
					i.unit,
					i.polarity,
					i.valueType,
					i.method,
					i.worst,
					i.best,
					i.benchmark,
					i.opd,
					i.weight,
					i.definitionSource,
					i.yearFrom,
					i.decimals,
					i.breakYears,
					i.breakNoteId,
					i.breakNoteEn,
					i.sortOrder
				),
				existed
			);
		},
		profile(p) {
			const existed = s.profileExists.get(p.code) !== undefined;
			tallyUpsert(
				counts,
				s.upsertProfile.run(
					p.code,
					p.frameworkCode,
					p.version,
					p.nameId,
					p.nameEn,
					p.yearFrom,
					p.yearTo,
					p.isDefault ? 1 : 0,
					p.settings
				),
				existed
			);
		},
		observation(o) {
			observations.add(o);
		},
		target(t) {
			targets.add(t);
		},
		flush,
		finish() {
			flush();
			if (counts.inserted + counts.updated === 0)
				return { status: 'unchanged', importId: null, counts: { ...counts } };
			s.finishImport.run(counts.rows, counts.inserted, counts.updated, counts.unchanged, importId);
			return { status: 'committed', importId, counts: { ...counts } };
		}
	};
}

/**
 * Completes the import record of a streaming import, whose hash, shape and dialect are known only
 * once the whole file has been read (`beginImport` wrote placeholders).
 */
export function completeImport(
	conn: Connection,
	importId: number,
	file: { sha256: string; shape: string; dialect: object }
) {
	conn.sqlite
		.prepare(`UPDATE imports SET sha256 = ?, shape = ?, dialect = ? WHERE id = ?`)
		.run(file.sha256, file.shape, JSON.stringify(file.dialect), importId);
}

/**
 * Collects value rows and writes them `VALUE_BATCH_ROWS` at a time with one insert-if-absent
 * statement. When the whole batch went in (the usual case for new data) that is all. Otherwise
 * each row of the batch is resolved in file order, with the same outcome and counts as writing it
 * alone: a row whose current value this batch inserted was new; any other row is compared with
 * its current value, which is superseded only when the value differs.
 */
function valueBatcher<R extends ObservationInput | TargetInput>(
	table: Statements['observations'],
	tableName: ValueChange['table'],
	counts: Counts,
	changes: ValueChange[],
	importId: number,
	bind: (row: R, out: unknown[], at: number) => void,
	width: number,
	/** Binds a row's shared columns only, for a batch whose own columns are all default. */
	shared?: { bind: (row: R, out: unknown[], at: number) => void; empty: (row: R) => boolean }
) {
	const pending: R[] = [];
	const args: unknown[] = new Array(VALUE_BATCH_ROWS * width);
	const sharedWidth = VALUE_COLUMNS.length;
	const sharedArgs: unknown[] = shared ? new Array(VALUE_BATCH_ROWS * sharedWidth) : [];
	const one: unknown[] = new Array(width);

	/** Compares with the current row: unchanged, or superseded by a new row. */
	const compareAndSupersede = (row: R, cur: CurrentRow) => {
		if (sameValue(cur, row)) {
			counts.unchanged++;
			return;
		}
		table.supersede.run(importId, cur.id);
		bind(row, one, 0);
		table.insert.run(one);
		counts.updated++;
		if (changes.length < MAX_CHANGES)
			changes.push({
				table: tableName,
				regionCode: row.regionCode,
				indicatorCode: row.indicatorCode,
				year: row.year,
				before: cur.value,
				after: row.value,
				sourceBefore: cur.source,
				sourceAfter: row.source
			});
	};
	/** One row on its own: insert if absent, else compare. */
	const writeOne = (row: R) => {
		counts.rows++;
		try {
			bind(row, one, 0);
			if (table.insertNew.run(one).changes === 1) {
				counts.inserted++;
				return;
			}
			compareAndSupersede(row, currentOf(row));
		} catch (e) {
			throw rejectedAs(row, e);
		}
	};
	const currentOf = (row: R) =>
		table.current.get(row.regionCode, row.indicatorCode, row.year) as CurrentRow;

	const sharedOnly = () => {
		if (!shared) return false;
		for (let i = 0; i < pending.length; i++) if (!shared.empty(pending[i])) return false;
		return true;
	};
	const writeBatch = () => {
		const bare = sharedOnly();
		if (bare)
			for (let i = 0; i < pending.length; i++)
				shared!.bind(pending[i], sharedArgs, i * sharedWidth);
		else for (let i = 0; i < pending.length; i++) bind(pending[i], args, i * width);
		const before = table.lastId.get() as number;
		let result: Database.RunResult;
		try {
			result = bare ? table.insertNewBatchShared.run(sharedArgs) : table.insertNewBatch.run(args);
		} catch (e) {
			// Anything but a refused row ends the whole transaction (the caller rolls it back).
			if (!(e instanceof Error && isConstraint(e))) throw e;
			// SQLite undid the statement; writing row by row names the row it refuses.
			for (const row of pending) writeOne(row);
			return;
		}
		const inserted = result.changes;
		counts.rows += pending.length;
		counts.inserted += inserted;
		if (inserted === pending.length) return;
		// Some keys already had a current row. The rows this statement inserted have ids above
		// `before` and up to its last insert (ids are not consecutive: a skipped row still used
		// one up); the first row of a key in the batch is the one inserted, and a later row of the
		// same key compares with it, as it would have row by row.
		const last = Number(result.lastInsertRowid);
		const claimed = new Set<number>();
		for (const row of pending) {
			const cur = currentOf(row);
			if (inserted > 0 && cur.id > before && cur.id <= last && !claimed.has(cur.id)) {
				claimed.add(cur.id);
				continue;
			}
			try {
				compareAndSupersede(row, cur);
			} catch (e) {
				throw rejectedAs(row, e);
			}
		}
	};
	return {
		add(row: R) {
			pending.push(row);
			if (pending.length === VALUE_BATCH_ROWS) {
				writeBatch();
				pending.length = 0;
			}
		},
		/** Writes what is left (fewer rows than a batch) one by one. */
		flush() {
			for (const row of pending) writeOne(row);
			pending.length = 0;
		}
	};
}

function isConstraint(e: Error): boolean {
	return String((e as { code?: unknown }).code).startsWith('SQLITE_CONSTRAINT');
}

/** A constraint failure becomes `RowRejected` naming the row; anything else passes unchanged. */
function rejectedAs(row: ValueInput, e: unknown): unknown {
	return e instanceof Error && e.name === 'SqliteError' && isConstraint(e)
		? new RowRejected(row, e)
		: e;
}

/**
 * Optional hooks run inside the write's own transaction, after the change: the audit row is
 * written there, so the change and its record commit together (`$lib/server/audit`).
 */
export interface WriteHooks<T> {
	audit?: (sqlite: Database.Database, result: T) => void;
}

/**
 * Applies a batch in one `BEGIN IMMEDIATE` transaction. When nothing differs from what is current,
 * the transaction is rolled back and the result says `unchanged` (no empty import record is kept).
 */
export function commitBatch(
	conn: Connection,
	meta: ImportMeta,
	batch: LoadBatch,
	hooks: WriteHooks<CommitResult> = {}
): CommitResult {
	class NothingChanged extends Error {}
	let result: CommitResult | undefined;
	const run = conn.sqlite.transaction(() => {
		const w = beginImport(conn, meta);
		for (const r of batch.regions ?? []) w.region(r);
		for (const f of batch.frameworks ?? []) w.framework(f);
		w.nodes(batch.nodes ?? []);
		for (const i of batch.indicators ?? []) w.indicator(i);
		for (const p of batch.profiles ?? []) w.profile(p);
		for (const o of batch.observations ?? []) w.observation(o);
		for (const t of batch.targets ?? []) w.target(t);
		result = w.finish();
		if (result.status === 'unchanged') throw new NothingChanged();
		hooks.audit?.(conn.sqlite, result);
	});
	try {
		run.immediate();
	} catch (e) {
		if (!(e instanceof NothingChanged)) throw e;
	}
	return result!;
}

function sortParentsFirst(nodes: NodeInput[]): NodeInput[] {
	const depth = new Map<string, number>();
	const byKey = new Map(nodes.map((n) => [`${n.frameworkCode}\u0000${n.code}`, n]));
	const depthOf = (n: NodeInput, seen = new Set<string>()): number => {
		const key = `${n.frameworkCode}\u0000${n.code}`;
		const known = depth.get(key);
		if (known !== undefined) return known;
		if (seen.has(key)) return 0; // a cycle: the foreign key check will reject it with a message
		seen.add(key);
		const parent = n.parentCode ? byKey.get(`${n.frameworkCode}\u0000${n.parentCode}`) : undefined;
		const d = parent ? depthOf(parent, seen) + 1 : 0;
		depth.set(key, d);
		return d;
	};
	return [...nodes].sort((a, b) => depthOf(a) - depthOf(b));
}

/**
 * Undoes an import: its rows go, the rows it replaced become current again. Refused when the
 * import was already undone, brought reference data (not reversible), or a later import replaced
 * one of its rows (undo that one first).
 */
export function undoImport(
	conn: Connection,
	importId: number,
	actor: string,
	hooks: WriteHooks<{ importId: number; removed: number; restored: number }> = {}
): { removed: number; restored: number } {
	const counts = { removed: 0, restored: 0 };
	conn.sqlite
		.transaction(() => {
			const record = conn.sqlite.prepare(`SELECT * FROM imports WHERE id = ?`).get(importId) as
				{ kind: string; status: string } | undefined;
			if (!record) throw new ImportRefused('not_found', { importId });
			if (record.status === 'undone') throw new ImportRefused('already_undone', { importId });
			if (record.kind !== 'observations' && record.kind !== 'targets') {
				throw new ImportRefused('not_undoable', { importId, kind: record.kind });
			}
			for (const table of ['observations', 'targets']) {
				const later = conn.sqlite
					.prepare(
						`SELECT DISTINCT superseded_by AS id FROM ${table} WHERE import_id = ? AND superseded_by IS NOT NULL ORDER BY 1`
					)
					.all(importId) as { id: number }[];
				if (later.length > 0) {
					throw new ImportRefused('superseded', { importId, later: later.map((l) => l.id) });
				}
			}
			for (const table of ['observations', 'targets']) {
				counts.removed += conn.sqlite
					.prepare(`DELETE FROM ${table} WHERE import_id = ?`)
					.run(importId).changes;
				counts.restored += conn.sqlite
					.prepare(`UPDATE ${table} SET superseded_by = NULL WHERE superseded_by = ?`)
					.run(importId).changes;
			}
			conn.sqlite
				.prepare(
					`UPDATE imports SET status = 'undone', undone_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), undone_by = ? WHERE id = ?`
				)
				.run(actor, importId);
			hooks.audit?.(conn.sqlite, { importId, ...counts });
		})
		.immediate();
	return counts;
}
