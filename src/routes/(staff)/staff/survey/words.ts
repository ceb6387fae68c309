/**
 * The staff survey pages' words: statuses, the service's refusals and the CSV import's file
 * problems as sentences in the reader's language.
 */
import { m } from '$lib/paraglide/messages';
import type { PaperFileProblem } from '$lib/survey/response-input';

const STATUS = { draft: m.svs_status_draft, open: m.svs_status_open, closed: m.svs_status_closed };

/** `statusLabel('open')` → "Dibuka". */
export const statusLabel = (status: keyof typeof STATUS) => STATUS[status]();

/** A refusal of a staff action as a sentence; `field` names the programme slot when it is one. */
export function staffRefusalText(code: string, field: string): string {
	switch (code) {
		case 'no_statements':
			return m.svs_err_no_statements();
		case 'exists':
			return m.svs_err_exists();
		case 'bad_date':
			return m.svs_err_bad_date();
		case 'closed':
			return m.svs_err_closed();
		case 'unknown_programme':
			return m.svs_err_unknown_programme({ field });
		case 'bad_programme_name':
			return m.svs_err_bad_programme_name({ field });
		case 'no_file':
			return m.svs_err_no_file();
		case 'no_reason':
			return m.svs_err_no_reason();
		case 'response_not_found':
			return m.svs_err_response_not_found();
		case 'withdraw_closed':
			return m.svs_err_withdraw_closed();
		default:
			return code;
	}
}

/** A CSV the import could not read, as a sentence. */
export function paperFileProblemText(p: PaperFileProblem, locale: 'id' | 'en'): string {
	switch (p.code) {
		case 'unreadable':
			return p.message[locale];
		case 'unknown_columns':
			return m.svs_file_unknown_columns({ columns: p.columns.join(', ') });
		case 'no_statement_columns':
			return m.svs_file_no_statement_columns();
		case 'no_rows':
			return m.svs_file_no_rows();
		case 'too_many_rows':
			return m.svs_file_too_many_rows({ max: String(p.max) });
		case 'cell_count':
			return m.svs_file_cell_count({
				row: String(p.row),
				expected: String(p.expected),
				found: String(p.found)
			});
		case 'malformed':
			return m.svs_file_malformed({ row: String(p.row), detail: p.detail });
	}
}
