/**
 * Published evaluation results (DATA_DIR/official/), read once: Kominfo's smart-city evaluation
 * tables, one per year and cohort (2022 KPPN/IKN; 2023 REGULER and KPPN & IKN), listed in
 * `official/tables.csv` with the letter that published each. These are the ministry's numbers, on
 * its 0–4 scale and from its assessors, never mixed into this project's index; pages label them as
 * Kominfo's and name the letter. Adding a year or a cohort is adding a file and a row, no code.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
	parseKominfoEvaluation,
	rankEvaluation,
	weightsOf,
	type KominfoEvaluation
} from '../evaluation/kominfo';
import { config } from './config';
import { readCsvRows } from './data-files';

export const TABLES_FILE = path.join('official', 'tables.csv');

/** One published table: a year and cohort of the evaluation, with the letter that published it. */
export interface OfficialTable {
	code: string;
	year: number;
	cohortId: string;
	cohortEn: string;
	letter: string;
	issuer: string;
	/** Where a copy of the letter is public. */
	copyHref: string;
	participantsNote: string;
	evaluation: KominfoEvaluation;
	/** The regions that took part, best first, with their rank (ranked once, when read). */
	ranked: ReturnType<typeof rankEvaluation>;
}

/** A region's row in a published table, for showing beside (never inside) our index. */
export interface OfficialResult {
	table: string;
	year: number;
	cohortId: string;
	cohortEn: string;
	letter: string;
	copyHref: string;
	final: number;
	/** Rank among the regions of this table that took part (1 = highest), and how many there were. */
	rank: number;
	ranked: number;
	scores: Record<string, number>;
	weights: Record<string, number>;
}

const cache = new Map<string, OfficialTable[]>();

/** Every published table of the data folder, newest year first; [] when it has none. */
export function officialTables(dataDir = config().dataDir): OfficialTable[] {
	const hit = cache.get(dataDir);
	if (hit) return hit;
	const list = path.join(dataDir, TABLES_FILE);
	const tables: OfficialTable[] = [];
	if (existsSync(list)) {
		for (const r of readCsvRows(list)) {
			const evaluation = parseKominfoEvaluation(
				readFileSync(path.join(dataDir, 'official', r.file), 'utf8')
			);
			tables.push({
				code: r.code,
				year: Number(r.year),
				cohortId: r.cohort_id,
				cohortEn: r.cohort_en,
				letter: r.letter,
				issuer: r.issuer,
				copyHref: r.copy_href,
				participantsNote: r.participants_note,
				evaluation,
				ranked: rankEvaluation(evaluation.rows)
			});
		}
	}
	tables.sort((a, b) => b.year - a.year || a.code.localeCompare(b.code));
	cache.set(dataDir, tables);
	return tables;
}

/** One table by code, or undefined. */
export function officialTable(code: string, dataDir?: string): OfficialTable | undefined {
	return officialTables(dataDir).find((t) => t.code === code);
}

/**
 * A region's published results, newest first: only tables where the region took part (a listed
 * non-participant has placeholders, not scores).
 * @example officialResults('33.18')[0] // { year: 2023, final: 2.84, rank: 46, ranked: 72, … }
 */
export function officialResults(region: string, dataDir?: string): OfficialResult[] {
	const out: OfficialResult[] = [];
	for (const t of officialTables(dataDir)) {
		const hit = t.ranked.find((r) => r.row.regionCode === region);
		if (!hit) continue;
		out.push({
			table: t.code,
			year: t.year,
			cohortId: t.cohortId,
			cohortEn: t.cohortEn,
			letter: t.letter,
			copyHref: t.copyHref,
			final: hit.row.nilaiFinal,
			rank: hit.rank,
			ranked: t.ranked.length,
			scores: hit.row.scores,
			weights: weightsOf(t.evaluation.parts)
		});
	}
	return out;
}
