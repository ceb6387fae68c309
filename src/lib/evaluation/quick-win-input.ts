/**
 * A quick win and its risks as staff type them on /staff/quick-wins, checked once where they
 * enter: the criteria Kominfo's Quick Win items ask about (how and with whom it was formulated,
 * the RPJMD problem, appeal, benefit, uniqueness, partnership, development potential,
 * sustainability, resources) and a risk register scored on the instrument's 1–3 scale. Every
 * problem comes back with its field, the text given and the bounds; the page words it.
 *
 * Pure module: no Svelte, no SvelteKit, no database.
 */
import { MAX_YEAR, RISK_SCALE } from '../domain';
import { FIRST_EVALUATION_YEAR } from './result-input';

/**
 * The criteria, one text each, in the order of the instrument's Quick Win headings
 * (data/instrument/kominfo-instrument-2023.csv, part `quickwin`). `heading` is the instrument's
 * own code segment, so an item `quickwin.daya-tarik-inovasi.5.1.1` finds `daya_tarik`.
 */
export const QUICK_WIN_CRITERIA = [
	{ key: 'perumusan', heading: 'perumusan-inovasi' },
	{ key: 'daya_tarik', heading: 'daya-tarik-inovasi' },
	{ key: 'manfaat', heading: 'manfaat-inovasi' },
	{ key: 'keunikan', heading: 'keunikan-inovasi' },
	{ key: 'kemitraan', heading: 'peluang-kemitraan' },
	{ key: 'pengembangan', heading: 'potensi-pengembangan' },
	{ key: 'keberlangsungan', heading: 'keberlangsungan' },
	{ key: 'sumber_daya', heading: 'sumber-daya' }
] as const;
export type CriterionKey = (typeof QUICK_WIN_CRITERIA)[number]['key'];
export const CRITERION_KEYS = QUICK_WIN_CRITERIA.map((c) => c.key) as CriterionKey[];

export const QUICK_WIN_FIELDS = [
	'name',
	'opd',
	'start_year',
	'rpjmd_problem',
	'formulated_with',
	...CRITERION_KEYS
] as const;
export type QuickWinField = (typeof QUICK_WIN_FIELDS)[number];

export const RISK_FIELDS = [
	'year',
	'risk',
	'cause',
	'likelihood',
	'impact',
	'mitigation',
	'owner'
] as const;
export type RiskField = (typeof RISK_FIELDS)[number];

export { RISK_SCALE, RISK_STATUSES, type RiskStatus } from '../domain';
export const MAX_NAME = 200;
export const MAX_TEXT = 2000;

export type QuickWinProblemCode = 'required' | 'too_long' | 'not_year' | 'year_range' | 'off_scale';

export interface QuickWinProblem<F extends string = QuickWinField | RiskField> {
	field: F;
	code: QuickWinProblemCode;
	/** The text given, trimmed. */
	value: string;
	params: Record<string, number>;
}

export interface QuickWinValues {
	name: string;
	opd: string;
	startYear: number;
	rpjmdProblem: string;
	formulatedWith: string;
	criteria: Record<CriterionKey, string>;
}

export interface RiskValues {
	year: number;
	risk: string;
	cause: string;
	likelihood: number;
	impact: number;
	mitigation: string;
	owner: string;
}

type Checked<T, F extends string> =
	{ ok: true; values: T } | { ok: false; problems: QuickWinProblem<F>[] };

const YEARS = { min: FIRST_EVALUATION_YEAR, max: MAX_YEAR };

function reader<F extends string>(
	fields: Partial<Record<F, string>>,
	problems: QuickWinProblem<F>[]
) {
	const get = (f: F) => (fields[f] ?? '').trim();
	return {
		text(f: F, required: boolean, max = MAX_TEXT): string {
			const v = get(f);
			if (required && v === '') problems.push({ field: f, code: 'required', value: v, params: {} });
			else if (v.length > max)
				problems.push({ field: f, code: 'too_long', value: v.slice(0, 40), params: { max } });
			return v;
		},
		year(f: F): number {
			const v = get(f);
			if (v === '') problems.push({ field: f, code: 'required', value: v, params: {} });
			else if (!/^\d{4}$/.test(v))
				problems.push({ field: f, code: 'not_year', value: v, params: {} });
			else if (Number(v) < YEARS.min || Number(v) > YEARS.max)
				problems.push({ field: f, code: 'year_range', value: v, params: { ...YEARS } });
			return Number(v);
		},
		scale(f: F): number {
			const v = get(f);
			if (v === '') problems.push({ field: f, code: 'required', value: v, params: {} });
			else if (!/^[1-3]$/.test(v))
				problems.push({ field: f, code: 'off_scale', value: v, params: { ...RISK_SCALE } });
			return Number(v);
		}
	};
}

/**
 * Checks a quick win's fields; the name, OPD, start year, RPJMD problem and with whom it was
 * formulated are required, the criteria may be filled in over time.
 * @example validateQuickWin({ name: 'Lapor Bupati', start_year: '2016', … }).ok // false: year_range
 */
export function validateQuickWin(
	fields: Partial<Record<QuickWinField, string>>
): Checked<QuickWinValues, QuickWinField> {
	const problems: QuickWinProblem<QuickWinField>[] = [];
	const r = reader(fields, problems);
	const values: QuickWinValues = {
		name: r.text('name', true, MAX_NAME),
		opd: r.text('opd', true, MAX_NAME),
		startYear: r.year('start_year'),
		rpjmdProblem: r.text('rpjmd_problem', true),
		formulatedWith: r.text('formulated_with', true),
		criteria: Object.fromEntries(CRITERION_KEYS.map((k) => [k, r.text(k, false)])) as Record<
			CriterionKey,
			string
		>
	};
	return problems.length ? { ok: false, problems } : { ok: true, values };
}

/**
 * Checks one risk of the register: every field is required, likelihood and impact on 1–3, the
 * year no earlier than the quick win's start.
 * @example validateRisk({ likelihood: '4', … }, 2018).ok // false: off_scale
 */
export function validateRisk(
	fields: Partial<Record<RiskField, string>>,
	startYear: number
): Checked<RiskValues, RiskField> {
	const problems: QuickWinProblem<RiskField>[] = [];
	const r = reader(fields, problems);
	const year = r.year('year');
	if (problems.length === 0 && year < startYear)
		problems.push({
			field: 'year',
			code: 'year_range',
			value: String(year),
			params: { min: startYear, max: YEARS.max }
		});
	const values: RiskValues = {
		year,
		risk: r.text('risk', true),
		cause: r.text('cause', true),
		likelihood: r.scale('likelihood'),
		impact: r.scale('impact'),
		mitigation: r.text('mitigation', true),
		owner: r.text('owner', true, MAX_NAME)
	};
	return problems.length ? { ok: false, problems } : { ok: true, values };
}

export type RiskBand = 'low' | 'medium' | 'high';

/**
 * A risk's level, likelihood × impact (1–9), and its band.
 * @example riskLevel(2, 3) // { level: 6, band: 'high' }
 */
export function riskLevel(likelihood: number, impact: number): { level: number; band: RiskBand } {
	const level = likelihood * impact;
	return { level, band: level >= 6 ? 'high' : level >= 3 ? 'medium' : 'low' };
}

/**
 * The Keberlanjutan items, by item number (the same in the 2022 and 2023 instruments): 5.1.1 asks
 * how far last year's quick wins still run this year, 5.1.2 how many are new this year.
 */
const CONTINUITY_ITEMS: Readonly<Record<string, 'continued' | 'new'>> = {
	'5.1.1': 'continued',
	'5.1.2': 'new'
};

/**
 * What an instrument item of part `quickwin` asks about, by its code: a criterion of each quick
 * win; `'risk'` for the risk-management items; `'continued'` and `'new'` for the two Keberlanjutan
 * items; null for any other item.
 * @example criterionOfItem('quickwin.daya-tarik-inovasi.5.1.1') // 'daya_tarik'
 */
export function criterionOfItem(code: string): CriterionKey | 'risk' | 'continued' | 'new' | null {
	const [part, heading, ...number] = code.split('.');
	if (part !== 'quickwin') return null;
	if (heading === 'manajemen-risiko') return 'risk';
	if (heading === 'keberlanjutan') return CONTINUITY_ITEMS[number.join('.')] ?? null;
	return QUICK_WIN_CRITERIA.find((c) => c.heading === heading)?.key ?? null;
}

/** A quick win as the continuity count needs it: when it started and every year it ran. */
export interface QuickWinYears {
	name: string;
	startYear: number;
	years: readonly number[];
}

/**
 * Which quick wins of the year before `year` still run in `year` (`continued`) and which did not
 * (`stopped`), and which started in `year` (`started`): the register's answer to Keberlanjutan.
 * @example continuity([{ name: 'A', startYear: 2023, years: [2023, 2024] }], 2024) // { continued: ['A'], stopped: [], started: [] }
 */
export function continuity(
	register: readonly QuickWinYears[],
	year: number
): { continued: string[]; stopped: string[]; started: string[] } {
	const lastYear = register.filter((q) => q.years.includes(year - 1));
	return {
		continued: lastYear.filter((q) => q.years.includes(year)).map((q) => q.name),
		stopped: lastYear.filter((q) => !q.years.includes(year)).map((q) => q.name),
		started: register.filter((q) => q.startYear === year).map((q) => q.name)
	};
}
