/**
 * The programme register's words for the checks of `$lib/evaluation/programme-input`: each
 * field's label, each kind, budget source and status, and each problem as a sentence naming the
 * field, the text given and what to do. The public page and the workspace use them too.
 */
import type {
	BudgetSource,
	ProgrammeKind,
	ProgrammeProblem,
	ProgrammeProblemCode,
	ProgrammeProblemField,
	ProgrammeStatus
} from '$lib/evaluation/programme-input';
import { m } from '$lib/paraglide/messages';

const FIELDS: Record<ProgrammeProblemField, () => string> = {
	element: m.pg_field_element,
	kind: m.pg_field_kind,
	name: m.pg_field_name,
	opd: m.pg_field_opd,
	start_year: m.pg_field_start_year,
	masterplan_title: m.pg_field_masterplan_title,
	masterplan_page: m.pg_field_masterplan_page,
	budget_source: m.pg_field_budget_source,
	budget: m.pg_field_budget,
	rpjmd_problem: m.pg_field_rpjmd_problem,
	status: m.pg_field_status,
	quick_win: m.pg_field_quick_win,
	source: m.pg_field_source,
	year: m.pg_field_year,
	planned: m.pg_field_planned,
	done: m.pg_field_done,
	percent: m.pg_field_percent,
	evidence: m.pg_field_evidence,
	programme: m.pg_field_programme,
	progress: m.pg_field_progress
};

const PROBLEMS: Record<ProgrammeProblemCode, (p: never) => string> = {
	required: m.qw_err_required,
	too_long: m.qw_err_too_long,
	not_year: m.qw_err_not_year,
	year_range: m.qw_err_year_range,
	not_listed: m.pg_err_not_listed,
	not_opd: m.pg_err_not_opd,
	not_page: m.pg_err_not_page,
	not_amount: m.pg_err_not_amount,
	not_percent: m.pg_err_not_percent,
	percent_range: m.pg_err_percent_range,
	in_use: m.pg_err_in_use,
	not_confirmed: m.pg_err_not_confirmed
};

export const KINDS: Record<ProgrammeKind, () => string> = {
	programme: m.pg_kind_programme,
	sdm: m.pg_kind_sdm,
	infrastruktur: m.pg_kind_infrastruktur,
	aplikasi: m.pg_kind_aplikasi,
	literasi: m.pg_kind_literasi
};

export const BUDGET_SOURCES: Record<BudgetSource, () => string> = {
	apbd: m.pg_budget_apbd,
	non_apbd: m.pg_budget_non_apbd
};

export const STATUSES: Record<ProgrammeStatus, () => string> = {
	planned: m.sub_programme_planned,
	running: m.sub_programme_running,
	done: m.sub_programme_done,
	stopped: m.sub_programme_stopped
};

/** A progress row's state: `progressStatus('approved')` → "disetujui". */
export const progressStatus = (s: string) =>
	s === 'approved' ? m.pg_progress_approved() : m.pg_progress_draft();

/** A field's label: `fieldName('percent')` → "% terealisasi (0–100)". */
export const fieldName = (field: ProgrammeProblemField) => FIELDS[field]();

/** A problem as a sentence: "% terealisasi (0–100): 101 di luar 0–100; tulis angka dari 0 sampai 100." */
export function problemText(p: ProgrammeProblem<ProgrammeProblemField>): string {
	const params: Record<string, string> = { column: fieldName(p.field), value: p.value };
	for (const [k, v] of Object.entries(p.params)) params[k] = String(v);
	return (PROBLEMS[p.code] as (p: Record<string, string>) => string)(params);
}
