/**
 * How validated rows (the import module's typed rows, empty optional cells as null) become the
 * database writer's inputs: defaults applied in one place for the seed, the CLI and the staff page.
 */
import type {
	FrameworkRow,
	ImportKind,
	IndicatorRow,
	NodeRow,
	ObservationRow,
	RegionRow,
	RowOf,
	TargetRow
} from '../../import';
import type {
	FrameworkInput,
	IndicatorInput,
	LoadBatch,
	NodeInput,
	ObservationInput,
	RegionInput,
	TargetInput
} from '../db/imports';

/** `regionInput({ code: '33.18', …, parentCode: null })` → the upsert input, unchanged. */
export function regionInput(r: RegionRow): RegionInput {
	return { code: r.code, name: r.name, kind: r.kind, parentCode: r.parentCode, bpsCode: r.bpsCode };
}

/** An empty source becomes `''` (the column's default). */
export function frameworkInput(f: FrameworkRow): FrameworkInput {
	return {
		code: f.code,
		version: f.version,
		nameId: f.nameId,
		nameEn: f.nameEn,
		yearFrom: f.yearFrom,
		yearTo: f.yearTo,
		source: f.source ?? ''
	};
}

/** `index` is the row's position in its file: the sort order when the file gives none. */
export function nodeInput(n: NodeRow, index: number): NodeInput {
	return {
		frameworkCode: n.frameworkCode,
		code: n.code,
		parentCode: n.parentCode,
		level: n.level,
		nameId: n.nameId,
		nameEn: n.nameEn,
		descriptionId: n.descriptionId ?? '',
		descriptionEn: n.descriptionEn ?? '',
		weight: n.weight ?? 1,
		sortOrder: n.sortOrder ?? index
	};
}

/** `index` is the row's position in its file: the sort order when the file gives none. */
export function indicatorInput(i: IndicatorRow, index: number): IndicatorInput {
	return {
		code: i.code,
		frameworkCode: i.frameworkCode,
		elementCode: i.elementCode,
		nameId: i.nameId,
		nameEn: i.nameEn,
		descriptionId: i.descriptionId ?? '',
		descriptionEn: i.descriptionEn ?? '',
		rationaleId: i.rationaleId ?? '',
		rationaleEn: i.rationaleEn ?? '',
		unit: i.unit,
		polarity: i.polarity,
		valueType: i.valueType,
		method: i.method,
		worst: i.worst,
		best: i.best,
		benchmark: i.benchmark,
		opd: i.opd ?? '',
		weight: i.weight ?? 1,
		definitionSource: i.definitionSource ?? '',
		yearFrom: i.yearFrom ?? null,
		decimals: i.decimals ?? null,
		breakYears: (i.breakYears ?? []).join(' '),
		breakNoteId: i.breakNoteId ?? '',
		breakNoteEn: i.breakNoteEn ?? '',
		sortOrder: i.sortOrder ?? index
	};
}

/**
 * An empty note, source kind or reference period becomes `''` (not stated), an empty illustrative
 * flag `false`. Written out as one literal, not spread from a shared part: this runs once per row,
 * and the spread's extra object cost a million-row import about 1.4 s (`npm run bench -- import`).
 */
export function observationInput(o: ObservationRow): ObservationInput {
	return {
		regionCode: o.regionCode,
		indicatorCode: o.indicatorCode,
		year: o.year,
		value: o.value,
		source: o.source,
		note: o.note ?? '',
		illustrative: o.illustrative ?? false,
		sourceRow: o.sourceRow,
		sourceKind: o.sourceKind ?? '',
		referencePeriod: o.referencePeriod ?? ''
	};
}

/**
 * The value, plus the planning document type and where in it the target is printed. One literal,
 * as `observationInput` and for the same reason.
 */
export function targetInput(t: TargetRow): TargetInput {
	return {
		regionCode: t.regionCode,
		indicatorCode: t.indicatorCode,
		year: t.year,
		value: t.value,
		source: t.source,
		note: t.note ?? '',
		illustrative: t.illustrative ?? false,
		sourceRow: t.sourceRow,
		documentType: t.documentType,
		documentRef: t.documentRef
	};
}

/** Every kind's rows of one load as a `LoadBatch` (kinds absent from `parts` stay undefined). */
export function toBatch(parts: Partial<{ [K in ImportKind]: RowOf<K>[] }>): LoadBatch {
	return {
		regions: parts.regions?.map(regionInput),
		frameworks: parts.frameworks?.map(frameworkInput),
		nodes: parts.nodes?.map(nodeInput),
		indicators: parts.indicators?.map(indicatorInput),
		observations: parts.observations?.map(observationInput),
		targets: parts.targets?.map(targetInput)
	};
}
