/**
 * The Kominfo smart-city evaluation instrument as data (data/instrument/): its parts, items,
 * the evidence each item asks for, and the cohort-year weight sets. Item scores (0–4) give
 * part scores (mean of the part's scored items) and an index (Σ score × weight / Σ
 * weights over the parts the weight set uses: `evaluationIndex`, the same formula that
 * recomputes Kominfo's published results).
 *
 * The ministry's letters, and so the data files (kominfo-dimensions.csv, the items' `dimension`
 * column), call the parts "dimensi"; the code calls them parts, because "dimension" here means a
 * GM100SC dimension.
 * Pure module: no Svelte, no SvelteKit, no database.
 */
import Papa from 'papaparse';
import { evaluationIndex } from '../evaluation/kominfo';
import { roundAsShown } from '../rounding';

/** The parts of the evaluation form, in the form's order. */
export const INSTRUMENT_PARTS = [
	'baseline',
	'output',
	'outcome',
	'impact',
	'quickwin',
	'kolaborasi'
] as const;
export type InstrumentPartKey = (typeof INSTRUMENT_PARTS)[number];

export interface InstrumentPart {
	key: InstrumentPartKey;
	nameId: string;
	nameEn: string;
	askId: string;
	askEn: string;
	sortOrder: number;
}

export interface InstrumentItem {
	code: string;
	/** The part the item belongs to (the file's `dimension` column). */
	part: InstrumentPartKey;
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
	/** Percent per part; 0 = the part is not in this set. */
	weights: Record<InstrumentPartKey, number>;
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

const isPartKey = (v: string): v is InstrumentPartKey =>
	(INSTRUMENT_PARTS as readonly string[]).includes(v);

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

/** A cell that must be a part key; its error names the items file's `dimension` column (also for `key`). */
function partKey(v: string | undefined, file: string, line: number): InstrumentPartKey {
	const t = (v ?? '').trim();
	if (!isPartKey(t)) {
		throw new InstrumentDataError(
			`${file} row ${line}, column dimension: "${t}" is not one of ${INSTRUMENT_PARTS.join(', ')}.`
		);
	}
	return t;
}

/**
 * Parses kominfo-dimensions.csv, the list of the form's parts.
 * @example parseParts(text).map((p) => p.key) // ['baseline', 'output', 'outcome', 'impact', 'quickwin', 'kolaborasi']
 */
export function parseParts(text: string): InstrumentPart[] {
	// The file says "dimension", as the ministry's letters do; the code calls it a part.
	const file = 'kominfo-dimensions.csv';
	return rows(text, ['key', 'name_id', 'name_en', 'sort_order'], file)
		.map((r, i) => ({
			key: partKey(r.key, file, i + 2),
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
	// The `dimension` column, the letters' word, holds the item's part.
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
				part: partKey(r.dimension, file, line),
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
 * Parses kominfo-weights.csv: one weight set per row, weights in percent per part.
 * @example parseWeightSets(text).find((w) => w.code === 'kppn-ikn-2022')?.weights.quickwin // 30
 */
export function parseWeightSets(text: string): WeightSet[] {
	const file = 'kominfo-weights.csv';
	return rows(
		text,
		['code', 'name_id', 'name_en', 'cohort', 'year', ...INSTRUMENT_PARTS, 'source'],
		file
	).map((r, i) => {
		const line = i + 2;
		const weights = Object.fromEntries(
			INSTRUMENT_PARTS.map((p) => [p, num(r[p], file, line, p)])
		) as Record<InstrumentPartKey, number>;
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
 * The parts a weight set uses (weight > 0), in instrument order.
 * @example activeParts({ baseline: 10, output: 20, outcome: 30, impact: 10, quickwin: 30, kolaborasi: 0 }) // ['baseline', 'output', 'outcome', 'impact', 'quickwin']
 */
export function activeParts(
	weights: Readonly<Record<InstrumentPartKey, number>>
): InstrumentPartKey[] {
	return INSTRUMENT_PARTS.filter((p) => weights[p] > 0);
}

const isScore = (v: unknown): v is number =>
	typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 4;

export interface PartScore {
	key: InstrumentPartKey;
	/** Mean of the scored items; null when no item of the part has a score. */
	score: number | null;
	scored: number;
	items: number;
}

/**
 * Part scores: the mean of each part's scored items (scores outside 0–4 are ignored).
 * @example partScores(items, { 'baseline.b1': 3, 'baseline.b2': 2 })[0].score // 2.5
 */
export function partScores(
	items: readonly Pick<InstrumentItem, 'code' | 'part'>[],
	scores: Readonly<Record<string, number | null | undefined>>
): PartScore[] {
	return INSTRUMENT_PARTS.map((key) => {
		const own = items.filter((i) => i.part === key);
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
	/** The parts the weight set uses, with their weight. */
	parts: (PartScore & { weight: number })[];
	index: number | null;
	/** Two decimals half up, as Kominfo publishes it. */
	indexRounded: number | null;
}

/**
 * Item scores → part means → weighted index with a weight set (`evaluationIndex`), in one
 * call.
 * @example instrumentPreview(items, scores, set.weights).indexRounded // 2.87
 */
export function instrumentPreview(
	items: readonly Pick<InstrumentItem, 'code' | 'part'>[],
	scores: Readonly<Record<string, number | null | undefined>>,
	weights: Readonly<Record<InstrumentPartKey, number>>
): InstrumentPreview {
	const parts = partScores(items, scores);
	const index = evaluationIndex(Object.fromEntries(parts.map((p) => [p.key, p.score])), weights);
	return {
		parts: parts.filter((p) => weights[p.key] > 0).map((p) => ({ ...p, weight: weights[p.key] })),
		index,
		// Two decimals as the letters print an index, rounded as the page writes it.
		indexRounded: index === null ? null : roundAsShown(index, 2)
	};
}
