/**
 * A region's history of Kominfo evaluation results, on the ministry's 0–4 scale: the results the
 * ministry printed in the tables bundled with the data folder (data/official/) and the later ones
 * staff record from each new letter, merged into one list, newest first, each with its change on
 * the result before it.
 *
 * A letter that prints "Indeks Peningkatan" (this year's final minus last year's) also tells the
 * year before's final, though no letter we hold printed it: Pati 2023 2.84 with +0.17 gives 2022
 * 2.67. That value enters the history as a derived entry (`derived: true`), which every page and
 * the API label as computed from the printed improvement; it is never stored.
 *
 * When a printed table and a recorded row hold the same year of a region, the printed table wins
 * (the ministry's own document, transcribed and checked in data/official/); the recorded row is
 * returned apart as `shadowed` so the staff page can say so. The service refuses to record such a
 * row in the first place; this covers a data folder that gains the table later.
 *
 * Pure module: no Svelte, no SvelteKit, no database. Words are the pages' business.
 */
import { roundAsShown } from '../rounding';
import { INSTRUMENT_PARTS, type InstrumentPartKey } from '../submission/instrument';
import type { KominfoEvaluationRow } from './kominfo';

/** A cohort's name in both languages, as a table or a weight set gives it. */
export interface Cohort {
	id: string;
	en: string;
}

export type PartScores = Record<InstrumentPartKey, number | null>;

/** One result as its source gives it. */
interface SourcedResult {
	year: number;
	cohort: Cohort;
	/** The parts the result scores; a part it does not score is absent or null. */
	scores: Partial<Record<InstrumentPartKey, number | null>>;
	final: number;
	/** "Indeks Peningkatan" as printed, or null. */
	improvement: number | null;
	letter: string;
	/** `YYYY-MM-DD`, or null when the source does not give it. */
	letterDate: string | null;
	/** Where the letter (or a copy) can be read; '' when nowhere public. */
	sourceHref: string;
}

/** A region's row in a table bundled with the data folder. */
export interface PublishedResult extends SourcedResult {
	/** The table's code in data/official/tables.csv, e.g. "2023-reguler". */
	table: string;
}

/** A result staff recorded from a later letter (the `official_results` table). */
export interface RecordedResult extends SourcedResult {
	id: number;
	weightSet: string;
	note: string;
}

export type HistoryOrigin = 'published' | 'recorded' | 'derived';

export interface HistoryEntry {
	year: number;
	origin: HistoryOrigin;
	/** True for a final computed from the next year's printed improvement, never published. */
	derived: boolean;
	/** Null for a derived entry: no letter names the cohort of that year. */
	cohort: Cohort | null;
	/** Every part, null where the result does not score it (all null for a derived entry). */
	scores: PartScores;
	final: number;
	improvement: number | null;
	/** `final` minus the previous entry's final, to two decimals; null for the oldest entry. */
	change: number | null;
	/** The year `change` is measured from: year − 1, or earlier when years are missing. */
	changeFrom: number | null;
	/** The letter that published the result; for a derived entry, the letter that printed the improvement. */
	letter: string;
	letterDate: string | null;
	sourceHref: string;
	/** The bundled table's code (published entries), else null. */
	table: string | null;
	/** The recorded row's id (recorded entries), else null. */
	recordedId: number | null;
	/** The year whose printed improvement gives this entry's final (derived entries), else null. */
	derivedFrom: number | null;
}

export interface RegionHistory {
	/** Newest first. */
	entries: HistoryEntry[];
	/** Recorded rows for a year a bundled table already holds: left out, the table wins. */
	shadowed: RecordedResult[];
}

/** What a bundled table says of itself (a row of data/official/tables.csv). */
export interface TableFacts {
	code: string;
	year: number;
	cohortId: string;
	cohortEn: string;
	letter: string;
	copyHref: string;
}

/**
 * A region's row of a bundled table as a history source; null for a region listed as not taking
 * part (its zeros are placeholders, not scores). The tables print no letter date.
 * @example publishedResult(reguler2023, patiRow) // { table: '2023-reguler', year: 2023, final: 2.84, improvement: 0.17, … }
 */
export function publishedResult(
	table: TableFacts,
	row: KominfoEvaluationRow
): PublishedResult | null {
	if (!row.tookPart) return null;
	return {
		table: table.code,
		year: table.year,
		cohort: { id: table.cohortId, en: table.cohortEn },
		scores: row.scores,
		final: row.nilaiFinal,
		improvement: row.improvement,
		letter: table.letter,
		letterDate: null,
		sourceHref: table.copyHref
	};
}

/**
 * The difference of two results as the letters print it: both have two decimals, so the change
 * has two (2.84 − 2.67 is 0.17, not 0.16999999999999993).
 */
const cents = (value: number) => roundAsShown(value, 2);

function allParts(scores: SourcedResult['scores']): PartScores {
	return Object.fromEntries(
		INSTRUMENT_PARTS.map((p) => {
			const v = scores[p];
			return [p, typeof v === 'number' && Number.isFinite(v) ? v : null];
		})
	) as PartScores;
}

function entryOf(
	result: SourcedResult,
	origin: 'published' | 'recorded',
	table: string | null,
	recordedId: number | null
): HistoryEntry {
	return {
		year: result.year,
		origin,
		derived: false,
		cohort: result.cohort,
		scores: allParts(result.scores),
		final: result.final,
		improvement: result.improvement,
		change: null,
		changeFrom: null,
		letter: result.letter,
		letterDate: result.letterDate,
		sourceHref: result.sourceHref,
		table,
		recordedId,
		derivedFrom: null
	};
}

/**
 * One region's history, newest first: printed results, recorded ones for the years no printed
 * table holds, and a derived entry for the year before any result whose letter prints an
 * improvement when no result of that year is held. Throws on two results of one year from the
 * same kind of source (a data error the caller must fix, not something to choose between).
 * @example regionHistory([pati2023], []).entries.map((e) => [e.year, e.final, e.change, e.derived]) // [[2023, 2.84, 0.17, false], [2022, 2.67, null, true]]
 */
export function regionHistory(
	published: readonly PublishedResult[],
	recorded: readonly RecordedResult[]
): RegionHistory {
	const byYear = new Map<number, HistoryEntry>();
	for (const r of published) {
		if (byYear.has(r.year)) {
			throw new RangeError(
				`Two printed results for ${r.year} (tables ${byYear.get(r.year)!.table} and ${r.table}).`
			);
		}
		byYear.set(r.year, entryOf(r, 'published', r.table, null));
	}
	const shadowed: RecordedResult[] = [];
	const recordedYears = new Set<number>();
	for (const r of recorded) {
		if (recordedYears.has(r.year)) throw new RangeError(`Two recorded results for ${r.year}.`);
		recordedYears.add(r.year);
		if (byYear.has(r.year)) shadowed.push(r);
		else byYear.set(r.year, entryOf(r, 'recorded', null, r.id));
	}
	for (const e of [...byYear.values()]) {
		if (e.improvement === null || byYear.has(e.year - 1)) continue;
		byYear.set(e.year - 1, {
			year: e.year - 1,
			origin: 'derived',
			derived: true,
			cohort: null,
			scores: allParts({}),
			final: cents(e.final - e.improvement),
			improvement: null,
			change: null,
			changeFrom: null,
			letter: e.letter,
			letterDate: e.letterDate,
			sourceHref: e.sourceHref,
			table: e.table,
			recordedId: null,
			derivedFrom: e.year
		});
	}
	const entries = [...byYear.values()].sort((a, b) => b.year - a.year);
	for (let i = 0; i < entries.length - 1; i++) {
		const before = entries[i + 1];
		entries[i].change = cents(entries[i].final - before.final);
		entries[i].changeFrom = before.year;
	}
	return { entries, shadowed };
}
