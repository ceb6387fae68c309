/**
 * The quick-wins page's words for the checks of `$lib/evaluation/quick-win-input`: each field's
 * label and each problem as a sentence naming the field, the text given and what to do.
 */
import type {
	CriterionKey,
	QuickWinField,
	QuickWinProblem,
	QuickWinProblemCode,
	RiskBand,
	RiskField
} from '$lib/evaluation/quick-win-input';
import { m } from '$lib/paraglide/messages';

export const CRITERIA: Record<CriterionKey, () => string> = {
	perumusan: m.qw_crit_perumusan,
	daya_tarik: m.qw_crit_daya_tarik,
	manfaat: m.qw_crit_manfaat,
	keunikan: m.qw_crit_keunikan,
	kemitraan: m.qw_crit_kemitraan,
	pengembangan: m.qw_crit_pengembangan,
	keberlangsungan: m.qw_crit_keberlangsungan,
	sumber_daya: m.qw_crit_sumber_daya
};

const FIELDS: Record<QuickWinField | RiskField, () => string> = {
	name: m.qw_field_name,
	opd: m.qw_field_opd,
	start_year: m.qw_field_start_year,
	rpjmd_problem: m.qw_field_rpjmd_problem,
	formulated_with: m.qw_field_formulated_with,
	...CRITERIA,
	year: m.qw_field_year,
	risk: m.qw_field_risk,
	cause: m.qw_field_cause,
	likelihood: m.qw_field_likelihood,
	impact: m.qw_field_impact,
	mitigation: m.qw_field_mitigation,
	owner: m.qw_field_owner
};

const PROBLEMS: Record<QuickWinProblemCode, (p: never) => string> = {
	required: m.qw_err_required,
	too_long: m.qw_err_too_long,
	not_year: m.qw_err_not_year,
	year_range: m.qw_err_year_range,
	off_scale: m.qw_err_off_scale
};

export const BANDS: Record<RiskBand, () => string> = {
	low: m.qw_band_low,
	medium: m.qw_band_medium,
	high: m.qw_band_high
};

/** A field's label: `fieldName('likelihood')` → "Kemungkinan (1–3)". */
export const fieldName = (field: QuickWinField | RiskField) => FIELDS[field]();

/** A problem as a sentence: "Kemungkinan (1–3): “4” bukan skala 1–3; pilih 1, 2 atau 3." */
export function problemText(p: QuickWinProblem): string {
	const params: Record<string, string> = { column: fieldName(p.field), value: p.value };
	for (const [k, v] of Object.entries(p.params)) params[k] = String(v);
	return (PROBLEMS[p.code] as (p: Record<string, string>) => string)(params);
}
