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

/**
 * What an item's question asks for, read from its wording (the reports print no answer options):
 * `yesno` "Apakah …", `count` "Berapa jumlah …", `percent` a percentage or a statistic,
 * `extent` "Sejauh mana …" told in words, `external` another agency's verdict or index (BPK,
 * Kemendagri, KemenPANRB), `survey` the mean of a residents' survey statement, `text` an item the
 * report prints only as a label.
 */
export const ANSWER_KINDS = [
	'yesno',
	'count',
	'percent',
	'extent',
	'external',
	'survey',
	'text'
] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];

/** One question of a year's instrument, as the ministry's report prints it. */
export interface InstrumentItem {
	/** `<part>.<heading>.<number>`, unique within its year. */
	code: string;
	year: number;
	/** The part the item belongs to (the file's `dimension` column). */
	part: InstrumentPartKey;
	/** "Indikator | Subindikator" as printed. */
	element: string;
	/** The number as printed; it restarts per heading, so it is not unique on its own. */
	itemNo: string;
	/** The question, in the ministry's Indonesian (the reports have no English). */
	question: string;
	/** The form of answer as the file describes it. */
	answerType: string;
	answerKind: AnswerKind;
	/** The project's indicators that measure what the question asks: their value answers it. */
	indicators: string[];
	/** Indicators close to the question but not its measure: shown beside it, never as its answer. */
	relatedIndicators: string[];
	/** Kabupaten Malang's published score for the item: a worked example of the ministry's scale. */
	exampleScore: number | null;
	note: string;
	sortOrder: number;
}

export interface WeightSet {
	code: string;
	nameId: string;
	nameEn: string;
	cohort: string;
	year: number;
	/** The year of the instrument (kominfo-instrument-<year>.csv) the set scores. */
	instrumentYear: number;
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

const codes = (cell: string | undefined) => (cell ?? '').split(/\s+/).filter((c) => c !== '');

const isAnswerKind = (v: string): v is AnswerKind =>
	(ANSWER_KINDS as readonly string[]).includes(v);

/**
 * Parses one year's instrument, kominfo-instrument-<year>.csv: codes unique, every row of that
 * year, an example score either empty or on the 0–4 scale.
 * @example parseInstrument(text, 'kominfo-instrument-2023.csv').length // 117
 */
export function parseInstrument(text: string, file: string): InstrumentItem[] {
	const seen = new Set<string>();
	const required = [
		'code',
		'year',
		'dimension',
		'element',
		'item_no',
		'question_id',
		'answer_kind'
	];
	return rows(text, required, file).map((r, i) => {
		const line = i + 2;
		const code = (r.code ?? '').trim();
		if (!/^[a-z][a-z0-9_.-]*$/.test(code)) {
			throw new InstrumentDataError(`${file} row ${line}, column code: "${code}" is not a code.`);
		}
		if (seen.has(code))
			throw new InstrumentDataError(`${file} row ${line}: code "${code}" repeats.`);
		seen.add(code);
		const kind = (r.answer_kind ?? '').trim();
		if (!isAnswerKind(kind)) {
			throw new InstrumentDataError(
				`${file} row ${line}, column answer_kind: "${kind}" is not one of ${ANSWER_KINDS.join(', ')}.`
			);
		}
		const example = (r.malang_score ?? '').trim();
		const exampleScore = example === '' ? null : num(example, file, line, 'malang_score');
		if (exampleScore !== null && exampleScore > 4) {
			throw new InstrumentDataError(
				`${file} row ${line}, column malang_score: ${example} is above the scale's 4.`
			);
		}
		return {
			code,
			year: int(r.year, file, line, 'year'),
			part: partKey(r.dimension, file, line),
			element: r.element.trim(),
			itemNo: r.item_no.trim(),
			question: r.question_id.trim(),
			answerType: (r.answer_type ?? '').trim(),
			answerKind: kind,
			indicators: codes(r.indicators),
			relatedIndicators: codes(r.related_indicators),
			exampleScore,
			note: (r.note ?? '').trim(),
			sortOrder: line
		};
	});
}

/**
 * Parses kominfo-weights.csv: one weight set per row, weights in percent per part.
 * @example parseWeightSets(text).find((w) => w.code === 'kppn-ikn-2022')?.weights.quickwin // 30
 */
export function parseWeightSets(text: string): WeightSet[] {
	const file = 'kominfo-weights.csv';
	return rows(
		text,
		[
			'code',
			'name_id',
			'name_en',
			'cohort',
			'year',
			'instrument_year',
			...INSTRUMENT_PARTS,
			'source'
		],
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
			instrumentYear: int(r.instrument_year, file, line, 'instrument_year'),
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

/**
 * The weight set a region of a cohort is scored by in a year: the set of that year, else the
 * newest earlier one of the cohort (`exact: false`: the ministry has not published that year's
 * weights in anything the project holds); null when the cohort has no set up to that year.
 * @example weightSetFor(sets, 'REGULER', 2024) // { set: { code: 'reguler-2023', … }, exact: false }
 */
export function weightSetFor(
	sets: readonly WeightSet[],
	cohort: string,
	year: number
): { set: WeightSet; exact: boolean } | null {
	let best: WeightSet | null = null;
	for (const s of sets) {
		if (s.cohort === cohort && s.year <= year && (!best || s.year > best.year)) best = s;
	}
	return best ? { set: best, exact: best.year === year } : null;
}

/**
 * The score an item counts with in the expected index: the reviewer's expected assessor score
 * where there is one, else the preparer's self-score.
 * @example countedScore(3, 2.5) // 2.5
 */
export function countedScore(self: number | null, expected: number | null): number | null {
	return expected ?? self;
}

/** One row of "what raises the index most". */
export interface IndexRaise {
	code: string;
	part: InstrumentPartKey;
	/** The score counted now; null when the item has none. */
	score: number | null;
	/** Index points gained if the item reached 4: weight × room to grow ÷ items in the part ÷ Σ weights. */
	gain: number;
}

/**
 * The items of a weight set's parts ranked by what raising each to 4 would add to the index.
 * The index is Σ part weight × part mean ÷ Σ weights, and a part's mean is over all its items,
 * so an item moves the index by weight × (4 − score) ÷ items in its part ÷ Σ weights. An item
 * without a score counts from 0 here: the assessors score every item, and one without an answer
 * or evidence can drop to the bottom of the scale. Ties keep the instrument's order.
 * @example indexRaises(items, { 'outcome.program.3.1.1': 2 }, weights)[0] // { code: …, gain: 0.0545… }
 */
export function indexRaises(
	items: readonly Pick<InstrumentItem, 'code' | 'part'>[],
	scores: Readonly<Record<string, number | null | undefined>>,
	weights: Readonly<Record<InstrumentPartKey, number>>
): IndexRaise[] {
	const total = INSTRUMENT_PARTS.reduce((a, p) => a + weights[p], 0);
	const counts = new Map<InstrumentPartKey, number>();
	for (const i of items) counts.set(i.part, (counts.get(i.part) ?? 0) + 1);
	const out: (IndexRaise & { order: number })[] = [];
	items.forEach((i, order) => {
		if (!(weights[i.part] > 0)) return;
		const given = scores[i.code];
		const score = isScore(given) ? given : null;
		const gain = (weights[i.part] * (4 - (score ?? 0))) / counts.get(i.part)! / total;
		out.push({ code: i.code, part: i.part, score, gain, order });
	});
	return out
		.sort((a, b) => b.gain - a.gain || a.order - b.order)
		.map(({ code, part, score, gain }) => ({ code, part, score, gain }));
}
