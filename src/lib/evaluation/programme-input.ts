/**
 * The programme register as staff type it on /staff/programmes, checked once where it enters: a
 * masterplan programme or action plan of a GM100SC element (name, OPD, the masterplan's title and
 * page, start year, APBD or non-APBD, the RPJMD problem it answers) and its progress in a year
 * (the target planned, what was done, % realised 0–100, the evidence). Every problem comes back
 * with its field, the text given and the bounds; the page words it. Also which of Kominfo's
 * Outcome items a register answers, and the summary shown beside them.
 *
 * Pure module: no Svelte, no SvelteKit, no database.
 */
import {
	ACTION_PLAN_KINDS,
	BUDGET_SOURCES,
	MAX_YEAR,
	normaliseOpd,
	OPD_PATTERN,
	PROGRAMME_KINDS,
	PROGRAMME_STATUSES,
	type ActionPlanKind,
	type BudgetSource,
	type ProgrammeKind,
	type ProgrammeStatus
} from '../domain';
import { parseNumber, isNumberError } from '../import/number';
import { FIRST_EVALUATION_YEAR, readDecimal } from './result-input';

export {
	ACTION_PLAN_KINDS,
	BUDGET_SOURCES,
	PROGRAMME_KINDS,
	PROGRAMME_STATUSES,
	type ActionPlanKind,
	type BudgetSource,
	type ProgrammeKind,
	type ProgrammeStatus
};

export const PROGRAMME_FIELDS = [
	'element',
	'kind',
	'name',
	'opd',
	'start_year',
	'masterplan_title',
	'masterplan_page',
	'budget_source',
	'budget',
	'rpjmd_problem',
	'status',
	'quick_win',
	'source'
] as const;
export type ProgrammeField = (typeof PROGRAMME_FIELDS)[number];

export const PROGRESS_FIELDS = ['year', 'planned', 'done', 'percent', 'evidence'] as const;
export type ProgressField = (typeof PROGRESS_FIELDS)[number];

/** What a refused write's problem may name: a form's field, or the programme or progress row posted. */
export type ProgrammeProblemField = ProgrammeField | ProgressField | 'programme' | 'progress';

export const MAX_NAME = 200;
export const MAX_TEXT = 2000;
/** The years a programme may start in and report on: the evaluation's first year to MAX_YEAR. */
export const PROGRAMME_YEARS = { min: FIRST_EVALUATION_YEAR, max: MAX_YEAR } as const;

export type ProgrammeProblemCode =
	| 'required'
	| 'too_long'
	| 'not_year'
	| 'year_range'
	| 'not_listed'
	| 'not_opd'
	| 'not_page'
	| 'not_amount'
	| 'not_percent'
	| 'percent_range'
	| 'in_use'
	| 'not_confirmed';

export interface ProgrammeProblem<F extends string = ProgrammeField | ProgressField> {
	field: F;
	code: ProgrammeProblemCode;
	/** The text given, trimmed (at most 40 characters of it). */
	value: string;
	params: Record<string, number>;
}

export interface ProgrammeValues {
	elementCode: string;
	kind: ProgrammeKind;
	name: string;
	opd: string;
	startYear: number;
	masterplanTitle: string;
	masterplanPage: number;
	budgetSource: BudgetSource;
	/** Rupiah; null when not given. */
	budget: number | null;
	rpjmdProblem: string;
	status: ProgrammeStatus;
	quickWin: boolean;
	source: string;
}

export interface ProgressValues {
	year: number;
	planned: string;
	done: string;
	percent: number;
	evidence: string;
}

type Checked<T, F extends string> =
	{ ok: true; values: T } | { ok: false; problems: ProgrammeProblem<F>[] };

function reader<F extends string>(
	fields: Partial<Record<F, string>>,
	problems: ProgrammeProblem<F>[]
) {
	const get = (f: F) => (fields[f] ?? '').trim();
	const push = (field: F, code: ProgrammeProblemCode, value: string, params = {}) =>
		problems.push({ field, code, value: value.slice(0, 40), params });
	return {
		push,
		text(f: F, required: boolean, max = MAX_TEXT): string {
			const v = get(f);
			if (required && v === '') push(f, 'required', v);
			else if (v.length > max) push(f, 'too_long', v, { max });
			return v;
		},
		year(f: F, min: number = PROGRAMME_YEARS.min): number {
			const v = get(f);
			if (v === '') push(f, 'required', v);
			else if (!/^\d{4}$/.test(v)) push(f, 'not_year', v);
			else if (Number(v) < min || Number(v) > PROGRAMME_YEARS.max)
				push(f, 'year_range', v, { min, max: PROGRAMME_YEARS.max });
			return Number(v);
		},
		/** One of `list`; a forged or unknown code is `not_listed`. */
		listed<T extends string>(f: F, list: readonly T[]): T {
			const v = get(f);
			if (v === '') push(f, 'required', v);
			else if (!list.includes(v as T)) push(f, 'not_listed', v);
			return v as T;
		}
	};
}

/**
 * Checks a programme's fields against the framework's `elements` (codes). Required: element,
 * kind, name, OPD (an OPD code), start year, masterplan title and page, budget source, the RPJMD
 * problem and the status; the amount and the source note are optional.
 * @example validateProgramme({ element: 'x.y', … }, ['governance.service']).ok // false: not_listed
 */
export function validateProgramme(
	fields: Partial<Record<ProgrammeField, string>>,
	elements: readonly string[]
): Checked<ProgrammeValues, ProgrammeField> {
	const problems: ProgrammeProblem<ProgrammeField>[] = [];
	const r = reader(fields, problems);
	const elementCode = r.listed('element', elements);
	const kind = r.listed('kind', PROGRAMME_KINDS);
	const name = r.text('name', true, MAX_NAME);
	const opdText = (fields.opd ?? '').trim();
	const opd = normaliseOpd(opdText);
	if (opd === '') r.push('opd', 'required', opdText);
	else if (!OPD_PATTERN.test(opd)) r.push('opd', 'not_opd', opdText);
	const startYear = r.year('start_year');
	const masterplanTitle = r.text('masterplan_title', true, MAX_NAME);
	const pageText = (fields.masterplan_page ?? '').trim();
	if (pageText === '') r.push('masterplan_page', 'required', pageText);
	else if (!/^[1-9]\d{0,4}$/.test(pageText)) r.push('masterplan_page', 'not_page', pageText);
	const budgetSource = r.listed('budget_source', BUDGET_SOURCES);
	const budgetText = (fields.budget ?? '').trim();
	let budget: number | null = null;
	if (budgetText !== '') {
		const n = parseNumber(budgetText.replace(/^Rp\.?\s*/i, ''), 'id');
		if (isNumberError(n) || n < 0) r.push('budget', 'not_amount', budgetText);
		else budget = n;
	}
	const rpjmdProblem = r.text('rpjmd_problem', true);
	const status = r.listed('status', PROGRAMME_STATUSES);
	const quickWin = ['on', '1', 'true'].includes((fields.quick_win ?? '').trim());
	const source = r.text('source', false, MAX_NAME);
	if (problems.length) return { ok: false, problems };
	return {
		ok: true,
		values: {
			elementCode,
			kind,
			name,
			opd,
			startYear,
			masterplanTitle,
			masterplanPage: Number(pageText),
			budgetSource,
			budget,
			rpjmdProblem,
			status,
			quickWin,
			source
		}
	};
}

/**
 * Checks a programme's progress in a year: the year no earlier than the programme's start, the
 * target planned, what was done and the evidence given, % realised a number from 0 to 100
 * (`72,5` or `72.5`), as the OPD reports it.
 * @example validateProgress({ year: '2024', percent: '101', … }, 2023).ok // false: percent_range
 */
export function validateProgress(
	fields: Partial<Record<ProgressField, string>>,
	startYear: number
): Checked<ProgressValues, ProgressField> {
	const problems: ProgrammeProblem<ProgressField>[] = [];
	const r = reader(fields, problems);
	const year = r.year('year', Math.max(startYear, PROGRAMME_YEARS.min));
	const planned = r.text('planned', true);
	const done = r.text('done', true);
	const percentText = (fields.percent ?? '').trim();
	const decimal = readDecimal(percentText);
	if (percentText === '') r.push('percent', 'required', percentText);
	else if (decimal === null) r.push('percent', 'not_percent', percentText);
	else if (decimal.value < 0 || decimal.value > 100)
		r.push('percent', 'percent_range', percentText, { min: 0, max: 100 });
	const evidence = r.text('evidence', true);
	if (problems.length) return { ok: false, problems };
	return {
		ok: true,
		values: { year, planned, done, percent: decimal!.value === 0 ? 0 : decimal!.value, evidence }
	};
}

/** What an Outcome item of the instrument asks about: a pillar's programmes, or one kind of action plan. */
export type OutcomeScope =
	{ kind: 'programme'; dimension: string } | { kind: ActionPlanKind; dimension: null };

const ACTION_PLAN_WORDS: Record<ActionPlanKind, RegExp> = {
	sdm: /\bSDM\b/i,
	infrastruktur: /\binfrastruktur\b/i,
	aplikasi: /\baplikasi\b/i,
	literasi: /\bliterasi\b/i
};

/**
 * The register an Outcome item asks about, from its code and its printed text (the numbers of the
 * items shift from year to year, the words do not): "Sejauh mana program smart governance sudah
 * berjalan di tahun ini?" asks about the governance pillar's programmes; a `rencana-aksi` item
 * about one kind of action plan. Null for the other Outcome items (the external indicators).
 * @example outcomeScope({ code: 'outcome.rencana-aksi.3.3.1', element: 'Rencana Aksi | 3.3 … Aplikasi …', question: '…' }) // { kind: 'aplikasi', dimension: null }
 */
export function outcomeScope(item: {
	code: string;
	element: string;
	question: string;
}): OutcomeScope | null {
	const [part, heading] = item.code.split('.');
	if (part !== 'outcome') return null;
	if (heading === 'program') {
		const m = /\bprogram smart (\w+) sudah berjalan/i.exec(item.question);
		return m ? { kind: 'programme', dimension: m[1].toLowerCase() } : null;
	}
	if (heading === 'rencana-aksi') {
		const text = `${item.element} ${item.question}`;
		const kind = ACTION_PLAN_KINDS.find((k) => ACTION_PLAN_WORDS[k].test(text));
		return kind ? { kind, dimension: null } : null;
	}
	return null;
}

export interface ProgressSummary {
	/** Programmes in scope running in the year (started that year or before). */
	programmes: number;
	/** Of those, how many have approved progress for the year. */
	withProgress: number;
	/** Mean % realised of that approved progress (n = withProgress); null when there is none. */
	meanPercent: number | null;
}

/**
 * The register's summary for a year, read beside an Outcome item: only approved progress counts;
 * nothing here is stored.
 * @example progressSummary([{ startYear: 2023, progress: [{ year: 2024, percent: 50, status: 'approved' }] }], 2024) // { programmes: 1, withProgress: 1, meanPercent: 50 }
 */
export function progressSummary(
	programmes: readonly {
		startYear: number;
		progress: readonly { year: number; percent: number; status: string }[];
	}[],
	year: number
): ProgressSummary {
	const running = programmes.filter((p) => p.startYear <= year);
	const percents = running.flatMap((p) =>
		p.progress.filter((g) => g.year === year && g.status === 'approved').map((g) => g.percent)
	);
	return {
		programmes: running.length,
		withProgress: percents.length,
		meanPercent: percents.length ? percents.reduce((a, b) => a + b, 0) / percents.length : null
	};
}

/**
 * The address to link evidence to, when the evidence is one http(s) link; null for a reference
 * in words (a document and page), which pages show as text.
 * @example evidenceLink('https://patikab.go.id/lkpj-2024.pdf') // 'https://patikab.go.id/lkpj-2024.pdf'
 */
export function evidenceLink(evidence: string): string | null {
	const t = evidence.trim();
	if (!/^https?:\/\/\S+$/i.test(t)) return null;
	try {
		return new URL(t).href === t || new URL(t).href === `${t}/` ? t : null;
	} catch {
		return null;
	}
}
