/**
 * The Kominfo smart-city evaluation instrument as data (data/instrument/): its dimensions, items,
 * the evidence each item asks for, and the cohort-year weight sets. Item scores (0–4) give
 * dimension scores (mean of the dimension's scored items) and an index (Σ score × weight / Σ
 * weights over the dimensions the weight set uses: `evaluationIndex`, the same formula that
 * recomputes Kominfo's published results).
 * Pure module: no Svelte, no SvelteKit, no database.
 */
import Papa from 'papaparse';
import { evaluationIndex } from '../evaluation/kominfo';

export const INSTRUMENT_DIMENSIONS = [
	'baseline',
	'output',
	'outcome',
	'impact',
	'quickwin',
	'kolaborasi'
] as const;
export type InstrumentDimensionKey = (typeof INSTRUMENT_DIMENSIONS)[number];

export interface InstrumentDimension {
	key: InstrumentDimensionKey;
	nameId: string;
	nameEn: string;
	askId: string;
	askEn: string;
	sortOrder: number;
}

export interface InstrumentItem {
	code: string;
	dimension: InstrumentDimensionKey;
	nameId: string;
	nameEn: string;
	evidenceId: string;
	evidenceEn: string;
	evidenceRequired: boolean;
	sortOrder: number;
}

export interface WeightSet {
	code: string;
	nameId: string;
	nameEn: string;
	cohort: string;
	year: number;
	/** Percent per dimension; 0 = the dimension is not part of this set. */
	weights: Record<InstrumentDimensionKey, number>;
	source: string;
}

/** A data file that does not have the expected shape; the message names the row and column. */
export class InstrumentDataError extends Error {
	override name = 'InstrumentDataError';
}

type Row = Record<string, string>;

function rows(text: string, required: readonly string[], file: string): Row[] {
	const parsed = Papa.parse<Row>(text.replace(/^\uFEFF/, ''), {
		header: true,
		delimiter: ',',
		dynamicTyping: false,
		skipEmptyLines: 'greedy'
	});
	if (parsed.errors.length > 0) {
		const e = parsed.errors[0];
		throw new InstrumentDataError(`${file} row ${(e.row ?? 0) + 2}: ${e.message}.`);
	}
	const fields = parsed.meta.fields ?? [];
	for (const column of required) {
		if (!fields.includes(column)) {
			throw new InstrumentDataError(`${file}: the header has no "${column}" column.`);
		}
	}
	return parsed.data;
}

const isDimension = (v: string): v is InstrumentDimensionKey =>
	(INSTRUMENT_DIMENSIONS as readonly string[]).includes(v);

function int(v: string | undefined, file: string, line: number, column: string): number {
	const t = (v ?? '').trim();
	if (!/^-?\d+$/.test(t)) {
		throw new InstrumentDataError(
			`${file} row ${line}, column ${column}: "${t}" is not a whole number.`
		);
	}
	return Number(t);
}

function num(v: string | undefined, file: string, line: number, column: string): number {
	const t = (v ?? '').trim();
	if (!/^\d+(?:\.\d+)?$/.test(t)) {
		throw new InstrumentDataError(
			`${file} row ${line}, column ${column}: "${t}" is not a number ≥ 0.`
		);
	}
	return Number(t);
}

function dim(v: string | undefined, file: string, line: number): InstrumentDimensionKey {
	const t = (v ?? '').trim();
	if (!isDimension(t)) {
		throw new InstrumentDataError(
			`${file} row ${line}, column dimension: "${t}" is not one of ${INSTRUMENT_DIMENSIONS.join(', ')}.`
		);
	}
	return t;
}

/**
 * Parses kominfo-dimensions.csv.
 * @example parseDimensions(text).map((d) => d.key) // ['baseline', 'output', 'outcome', 'impact', 'quickwin', 'kolaborasi']
 */
export function parseDimensions(text: string): InstrumentDimension[] {
	const file = 'kominfo-dimensions.csv';
	return rows(text, ['key', 'name_id', 'name_en', 'sort_order'], file)
		.map((r, i) => ({
			key: dim(r.key, file, i + 2),
			nameId: r.name_id.trim(),
			nameEn: r.name_en.trim(),
			askId: (r.what_items_ask_id ?? '').trim(),
			askEn: (r.what_items_ask_en ?? '').trim(),
			sortOrder: int(r.sort_order, file, i + 2, 'sort_order')
		}))
		.sort((a, b) => a.sortOrder - b.sortOrder);
}

/**
 * Parses kominfo-items.csv; item codes must be unique.
 * @example parseItems(text)[0].code // 'baseline.b1'
 */
export function parseItems(text: string): InstrumentItem[] {
	const file = 'kominfo-items.csv';
	const seen = new Set<string>();
	return rows(text, ['dimension', 'code', 'item_id', 'item_en', 'evidence_id', 'evidence_en'], file)
		.map((r, i) => {
			const line = i + 2;
			const code = (r.code ?? '').trim();
			if (!/^[a-z][a-z0-9_.-]*$/.test(code)) {
				throw new InstrumentDataError(`${file} row ${line}, column code: "${code}" is not a code.`);
			}
			if (seen.has(code))
				throw new InstrumentDataError(`${file} row ${line}: code "${code}" repeats.`);
			seen.add(code);
			const required = (r.evidence_required ?? '1').trim();
			return {
				code,
				dimension: dim(r.dimension, file, line),
				nameId: r.item_id.trim(),
				nameEn: r.item_en.trim(),
				evidenceId: r.evidence_id.trim(),
				evidenceEn: r.evidence_en.trim(),
				evidenceRequired: required !== '0',
				sortOrder: r.sort_order ? int(r.sort_order, file, line, 'sort_order') : line
			};
		})
		.sort((a, b) => a.sortOrder - b.sortOrder);
}

/**
 * Parses kominfo-weights.csv: one weight set per row, weights in percent per dimension.
 * @example parseWeightSets(text).find((w) => w.code === 'kppn-ikn-2022')?.weights.quickwin // 30
 */
export function parseWeightSets(text: string): WeightSet[] {
	const file = 'kominfo-weights.csv';
	return rows(
		text,
		['code', 'name_id', 'name_en', 'cohort', 'year', ...INSTRUMENT_DIMENSIONS, 'source'],
		file
	).map((r, i) => {
		const line = i + 2;
		const weights = Object.fromEntries(
			INSTRUMENT_DIMENSIONS.map((d) => [d, num(r[d], file, line, d)])
		) as Record<InstrumentDimensionKey, number>;
		if (!(Object.values(weights).reduce((a, w) => a + w, 0) > 0)) {
			throw new InstrumentDataError(`${file} row ${line}: the weights sum to 0.`);
		}
		return {
			code: r.code.trim(),
			nameId: r.name_id.trim(),
			nameEn: r.name_en.trim(),
			cohort: r.cohort.trim(),
			year: int(r.year, file, line, 'year'),
			weights,
			source: r.source.trim()
		};
	});
}

/**
 * The dimensions a weight set uses (weight > 0), in instrument order.
 * @example activeDimensions({ baseline: 10, output: 20, outcome: 30, impact: 10, quickwin: 30, kolaborasi: 0 }) // ['baseline', 'output', 'outcome', 'impact', 'quickwin']
 */
export function activeDimensions(
	weights: Readonly<Record<InstrumentDimensionKey, number>>
): InstrumentDimensionKey[] {
	return INSTRUMENT_DIMENSIONS.filter((d) => weights[d] > 0);
}

const isScore = (v: unknown): v is number =>
	typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 4;

export interface DimensionScore {
	key: InstrumentDimensionKey;
	/** Mean of the scored items; null when no item of the dimension has a score. */
	score: number | null;
	scored: number;
	items: number;
}

/**
 * Dimension scores: the mean of each dimension's scored items (scores outside 0–4 are ignored).
 * @example dimensionScores(items, { 'baseline.b1': 3, 'baseline.b2': 2 })[0].score // 2.5
 */
export function dimensionScores(
	items: readonly Pick<InstrumentItem, 'code' | 'dimension'>[],
	scores: Readonly<Record<string, number | null | undefined>>
): DimensionScore[] {
	return INSTRUMENT_DIMENSIONS.map((key) => {
		const own = items.filter((i) => i.dimension === key);
		const values = own.map((i) => scores[i.code]).filter(isScore);
		return {
			key,
			score: values.length === 0 ? null : values.reduce((a, v) => a + v, 0) / values.length,
			scored: values.length,
			items: own.length
		};
	});
}

export interface InstrumentPreview {
	dimensions: (DimensionScore & { weight: number })[];
	index: number | null;
	/** Two decimals half up, as Kominfo publishes it. */
	indexRounded: number | null;
}

/**
 * Item scores → dimension means → weighted index with a weight set (`evaluationIndex`), in one
 * call.
 * @example instrumentPreview(items, scores, set.weights).indexRounded // 2.87
 */
export function instrumentPreview(
	items: readonly Pick<InstrumentItem, 'code' | 'dimension'>[],
	scores: Readonly<Record<string, number | null | undefined>>,
	weights: Readonly<Record<InstrumentDimensionKey, number>>
): InstrumentPreview {
	const dims = dimensionScores(items, scores);
	const index = evaluationIndex(Object.fromEntries(dims.map((d) => [d.key, d.score])), weights);
	return {
		dimensions: dims
			.filter((d) => weights[d.key] > 0)
			.map((d) => ({ ...d, weight: weights[d.key] })),
		index,
		indexRounded: index === null ? null : Math.round(index * 100 + 1e-7) / 100
	};
}
