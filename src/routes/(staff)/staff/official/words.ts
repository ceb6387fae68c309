/**
 * The official-results page's words for the checks of `$lib/evaluation/result-input`: each
 * problem as a sentence that names the field, the text given and what to do, in the reader's
 * language, with numbers written the reader's way (2,93).
 */
import type {
	ProblemCode,
	ResultColumn,
	ResultFileProblem,
	ResultProblem
} from '$lib/evaluation/result-input';
import { formatNumber, type Locale } from '$lib/format';
import { m } from '$lib/paraglide/messages';

const FIELDS: Record<ResultColumn, () => string> = {
	year: m.ofr_field_year,
	region_code: m.ofr_field_region_code,
	weight_set: m.ofr_field_weight_set,
	baseline: m.off_dim_baseline,
	output: m.off_dim_output,
	outcome: m.off_dim_outcome,
	impact: m.off_dim_impact,
	quickwin: m.off_dim_quickwin,
	kolaborasi: m.off_dim_kolaborasi,
	final: m.ofr_field_final,
	improvement: m.ofr_field_improvement,
	letter: m.ofr_field_letter,
	letter_date: m.ofr_field_letter_date,
	source_href: m.ofr_field_source_href,
	note: m.ofr_field_note
};

type Params = Record<string, string>;
// Each message names its own inputs; `problemText` gives every one the problem's params.
const PROBLEMS: Record<ProblemCode, (p: never) => string> = {
	required: m.ofr_err_required,
	not_number: m.ofr_err_not_number,
	too_many_decimals: m.ofr_err_too_many_decimals,
	out_of_range: m.ofr_err_out_of_range,
	not_year: m.ofr_err_not_year,
	year_range: m.ofr_err_year_range,
	not_date: m.ofr_err_not_date,
	date_before_year: m.ofr_err_date_before_year,
	date_future: m.ofr_err_date_future,
	unknown_region: m.ofr_err_unknown_region,
	not_kabupaten_kota: m.ofr_err_not_kabupaten_kota,
	unknown_weight_set: m.ofr_err_unknown_weight_set,
	not_weighted: m.ofr_err_not_weighted,
	final_mismatch: m.ofr_err_final_mismatch,
	too_long: m.ofr_err_too_long,
	not_url: m.ofr_err_not_url,
	published: m.ofr_err_published,
	exists: m.ofr_err_exists,
	duplicate: m.ofr_err_duplicate
};

/** A field's label: `fieldName('letter_date')` → "Tanggal surat". */
export const fieldName = (column: ResultColumn) => FIELDS[column]();

// Years, ids and row numbers stay as written; other numbers take the reader's decimal mark.
const AS_WRITTEN = new Set(['year', 'id', 'first', 'min', 'max']);

/** A problem as a sentence: "Nilai final: nilai final 2,95 tidak cocok dengan 2,935, …". */
export function problemText(p: ResultProblem, locale: Locale): string {
	const params: Params = { column: fieldName(p.column), value: p.value };
	for (const [k, v] of Object.entries(p.params)) {
		// As many decimals as the check gave (2.935, 0.015, 0.02): a rounded gap would hide the reason.
		const decimals = Math.min(3, String(v).split('.')[1]?.length ?? 0);
		params[k] =
			typeof v === 'number' && !AS_WRITTEN.has(k)
				? formatNumber(v, locale, { decimals })
				: String(v);
	}
	return (PROBLEMS[p.code] as (p: Params) => string)(params);
}

/** A file the import could not read, as a sentence. */
export function fileProblemText(p: ResultFileProblem, locale: Locale): string {
	switch (p.code) {
		case 'unreadable':
			return p.message[locale];
		case 'missing_columns':
			return m.ofr_file_missing_columns({ columns: p.columns.join(', ') });
		case 'unknown_columns':
			return m.ofr_file_unknown_columns({ columns: p.columns.join(', ') });
		case 'no_rows':
			return m.ofr_file_no_rows();
		case 'too_many_rows':
			return m.ofr_file_too_many_rows({ max: String(p.max) });
		case 'cell_count':
			return m.ofr_file_cell_count({
				row: String(p.row),
				expected: String(p.expected),
				found: String(p.found)
			});
		case 'malformed':
			return m.ofr_file_malformed({ row: String(p.row), detail: p.detail });
	}
}
