/**
 * Kominfo's published smart-city evaluation results (data/official/): parsing the CSV and
 * recomputing the final index from the part scores. These are the ministry's numbers, kept
 * apart from this project's computed scores; pages must label them as Kominfo's.
 *
 * The evaluation form has parts (Baseline, Output, Outcome, Impact, Quick Win, Kolaborasi). The
 * ministry's letters call them "dimensi"; the code calls them parts (`EvaluationPart`), because
 * "dimension" here means a GM100SC dimension.
 *
 * The weights are read from the column names (`baseline_w10` = part "baseline", weight 10),
 * because they differ between years and cohorts (see data/official/README.md).
 * Pure module: no Svelte, no SvelteKit, no database.
 */
import Papa from 'papaparse';
import { competitionRanks } from '../scoring/rank';

/** The letter that published the 2022 results of the KPPN/IKN cohort. */
export const KOMINFO_2022_SOURCE = {
	letter: 'B-1004/DJAI/AI.01.04/12/2022',
	issuer: 'Direktorat Jenderal Aplikasi Informatika, Kementerian Komunikasi dan Informatika',
	year: 2022,
	/** Where a copy of the letter is public (PDF in a public repository). */
	copyHref:
		'https://github.com/Maisho20/Smart-City-2/tree/6c587561db730bef502e14d8184eb5987d2b1eff/public/docs'
} as const;

/** One part of the evaluation form, with its weight, as a column of a published table names it. */
export interface EvaluationPart {
	/** Column name in the CSV, e.g. "quickwin_w30". */
	column: string;
	/** Part key, e.g. "quickwin". */
	key: string;
	weight: number;
}

export interface KominfoEvaluationRow {
	/** Published rank order number; null for regions listed with "-" (did not take part). */
	no: number | null;
	/** Name as published, e.g. "KAB. KUDUS". */
	region: string;
	/** Kemendagri code for the Jawa Tengah regions (from the CSV's region_code), else null. */
	regionCode: string | null;
	/** Part scores by key, as published (about 0–4). */
	scores: Record<string, number>;
	/** The published final index (Nilai Final / Indeks Pencapaian). */
	nilaiFinal: number;
	/**
	 * The letter's "Indeks Peningkatan" (this year's final minus last year's) as printed; null when
	 * the table has no `improvement` column or the cell is blank (a region new to the evaluation).
	 */
	improvement: number | null;
	note: string;
	/** False for the regions listed with "-" and all zeros. */
	tookPart: boolean;
}

export interface KominfoEvaluation {
	parts: EvaluationPart[];
	rows: KominfoEvaluationRow[];
}

/** A CSV that does not have the published table's shape; the message names row and column. */
export class EvaluationParseError extends Error {
	override name = 'EvaluationParseError';
}

const WEIGHT_COLUMN = /^([a-z][a-z0-9]*)_w(\d+(?:\.\d+)?)$/;
const DECIMAL = /^-?\d+(?:\.\d+)?$/;

/**
 * The part and weight a column name carries, or null for other columns.
 * @example partFromColumn('outcome_w30') // { column: 'outcome_w30', key: 'outcome', weight: 30 }
 */
export function partFromColumn(column: string): EvaluationPart | null {
	const m = WEIGHT_COLUMN.exec(column.trim());
	return m ? { column: column.trim(), key: m[1], weight: Number(m[2]) } : null;
}

/**
 * The evaluation's final index as the ministry's letters compute it, the one copy of the formula:
 * Σ score × weight / Σ weight over the parts with weight > 0, on the parts' 0–4 scale.
 * The letters' weights sum to 100 (B-1004/DJAI/AI.01.04/12/2022: 10/20/30/10/30), so this is their
 * Σ score × weight / 100; weights that sum to something else (1, or a set typed as fractions) give
 * the same index, because it divides by their sum. Used for the published tables (/official, our
 * check beside Kominfo's number) and for the submission workspace's preview (the instrument's
 * weight sets, `instrumentPreview`).
 *
 * - A part with weight 0 is not in the set: its score, present or not, is ignored, as
 *   are scores of parts the weights do not name.
 * - Null when a weighted part has no finite score: a partial index would not be Kominfo's.
 * - Null when a weight is not a finite number ≥ 0 (no letter has one, so the weights are wrong),
 *   or when no weight is above 0.
 * - Unrounded: the letters print the index to two decimals; a caller rounds for display
 *   (`instrumentPreview`'s `indexRounded`), never before comparing with a published number.
 * @example evaluationIndex({ baseline: 2.45, output: 2.07, outcome: 3.11, impact: 3.69, quickwin: 3.02 }, { baseline: 10, output: 20, outcome: 30, impact: 10, quickwin: 30 }) // 2.867
 * @example evaluationIndex({ a: 2, b: 4, c: null }, { a: 1, b: 1, c: 0 }) // 3
 */
export function evaluationIndex(
	scores: Readonly<Record<string, number | null | undefined>>,
	weights: Readonly<Record<string, number>>
): number | null {
	let sum = 0;
	let total = 0;
	for (const [key, w] of Object.entries(weights)) {
		if (!Number.isFinite(w) || w < 0) return null;
		if (w === 0) continue;
		const s = scores[key];
		if (typeof s !== 'number' || !Number.isFinite(s)) return null;
		sum += s * w;
		total += w;
	}
	return total > 0 ? sum / total : null;
}

/**
 * The weights of a parsed table by part key.
 * @example weightsOf(parsed.parts) // { baseline: 10, output: 20, outcome: 30, impact: 10, quickwin: 30 }
 */
export function weightsOf(parts: readonly EvaluationPart[]): Record<string, number> {
	return Object.fromEntries(parts.map((p) => [p.key, p.weight]));
}

/**
 * Parses the published table (CSV text with a header: no, region, <key>_w<weight>…, nilai_final,
 * optional improvement, note, optional region_code). Every number is checked; nothing is guessed.
 * @example parseKominfoEvaluation(readFileSync('data/official/kominfo-evaluation-2022.csv', 'utf8')).rows.length === 42
 */
export function parseKominfoEvaluation(text: string): KominfoEvaluation {
	const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
		header: true,
		delimiter: ',',
		dynamicTyping: false,
		skipEmptyLines: 'greedy'
	});
	const fields = parsed.meta.fields ?? [];
	const renamed = (parsed.meta as { renamedHeaders?: Record<string, string> }).renamedHeaders;
	if (renamed && Object.keys(renamed).length > 0) {
		throw new EvaluationParseError(
			`The header repeats a column (${Object.values(renamed).join(', ')}): each column once.`
		);
	}
	for (const required of ['no', 'region', 'nilai_final']) {
		if (!fields.includes(required)) {
			throw new EvaluationParseError(
				`The header has no "${required}" column (found: ${fields.join(', ')}).`
			);
		}
	}
	// The letters, and so the message, say "dimension" for a part; the code calls it a part.
	const parts = fields.map(partFromColumn).filter((p): p is EvaluationPart => !!p);
	if (parts.length === 0) {
		throw new EvaluationParseError(
			'The header has no dimension columns named like "baseline_w10".'
		);
	}
	if (parsed.errors.length > 0) {
		const e = parsed.errors[0];
		throw new EvaluationParseError(`Row ${(e.row ?? 0) + 2}: ${e.message}.`);
	}

	const rows = parsed.data.map((raw, i): KominfoEvaluationRow => {
		const line = i + 2;
		const tookPart = (raw.no ?? '').trim() !== '-';
		const num = (column: string): number => {
			const v = (raw[column] ?? '').trim();
			// A region that did not take part is printed with zeros, some cells left blank: placeholders.
			if (!tookPart && v === '') return 0;
			if (!DECIMAL.test(v)) {
				throw new EvaluationParseError(`Row ${line}, column ${column}: "${v}" is not a number.`);
			}
			return Number(v);
		};
		const noText = (raw.no ?? '').trim();
		if (noText !== '-' && !/^\d+$/.test(noText)) {
			throw new EvaluationParseError(
				`Row ${line}, column no: "${noText}" is neither a number nor "-".`
			);
		}
		const region = (raw.region ?? '').trim();
		if (!region) throw new EvaluationParseError(`Row ${line}, column region: the region is empty.`);
		const code = (raw.region_code ?? '').trim();
		const improvement = (raw.improvement ?? '').trim();
		if (improvement !== '' && !DECIMAL.test(improvement)) {
			throw new EvaluationParseError(
				`Row ${line}, column improvement: "${improvement}" is not a number.`
			);
		}
		return {
			no: noText === '-' ? null : Number(noText),
			region,
			regionCode: code === '' ? null : code,
			scores: Object.fromEntries(parts.map((p) => [p.key, num(p.column)])),
			nilaiFinal: num('nilai_final'),
			improvement: tookPart && improvement !== '' ? Number(improvement) : null,
			note: (raw.note ?? '').trim(),
			tookPart: noText !== '-'
		};
	});
	return { parts, rows };
}

/**
 * A published name in reading case: "KAB. KUDUS" → "Kabupaten Kudus", "KOTA BAU BAU" → "Kota Bau Bau"
 * (the Kemendagri spelling of the Jawa Tengah names in data/geo/).
 * @example displayRegionName('KAB. SEMARANG') === 'Kabupaten Semarang'
 */
export function displayRegionName(published: string): string {
	const words = published
		.trim()
		.replace(/^KAB\.?\s+/i, 'KABUPATEN ')
		.split(/\s+/)
		.filter(Boolean);
	return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()).join(' ');
}

/**
 * The regions that took part, highest final index first (equal ones by name), with their
 * competition rank by the published final index (`competitionRanks`: equal indices share a rank).
 * @example rankEvaluation(rows)[0] // { rank: 1, row: { region: 'KOTA SURABAYA', nilaiFinal: 3.41, ... } }
 */
export function rankEvaluation(
	rows: readonly KominfoEvaluationRow[]
): { rank: number; row: KominfoEvaluationRow }[] {
	const sorted = rows
		.filter((r) => r.tookPart)
		.sort((a, b) => b.nilaiFinal - a.nilaiFinal || a.region.localeCompare(b.region));
	const ranks = competitionRanks(sorted.map((r) => r.nilaiFinal));
	return sorted.map((row, i) => ({ rank: ranks[i], row }));
}
