/**
 * The survey pages' words for the checks of `$lib/survey/response-input` and the service's
 * refusals: each as a sentence that names the statement (by its printed number) and the text
 * given, in the reader's language. Shared by the public form and the staff's paper-form entry.
 */
import { m } from '$lib/paraglide/messages';
import type { ResponseProblem, RowProblem } from '$lib/survey/response-input';
import type { SurveyStructure } from '$lib/survey/structure';

/** "Smart Governance 4.1.1" for a statement's code; the code itself for one not in the survey. */
export function statementLabel(structure: SurveyStructure, code: string): string {
	for (const p of structure.pillars)
		for (const d of p.subDimensions)
			for (const s of d.statements) if (s.code === code) return `${p.name} ${s.itemNo}`;
	return code;
}

/** One problem as a sentence; a CSV row's problem starts with its row. */
export function responseProblemText(
	p: ResponseProblem | RowProblem,
	structure: SurveyStructure
): string {
	const text = (() => {
		switch (p.code) {
			case 'off_scale':
				return m.sv_err_off_scale({
					statement: statementLabel(structure, p.statement),
					value: p.value
				});
			case 'unknown_statement':
				return m.sv_err_unknown_statement({ statement: p.statement });
			case 'bad_age_band':
				return m.sv_err_bad_age_band({ value: p.value });
			case 'no_answers':
				return m.sv_err_no_answers();
		}
	})();
	return 'row' in p ? m.svs_err_row({ row: String(p.row), text }) : text;
}

/** The service's refusals of a public response as a sentence. */
export function refusalText(code: string, retryMinutes: number): string | null {
	switch (code) {
		case 'closed':
			return m.sv_err_closed();
		case 'duplicate':
			return m.sv_err_duplicate();
		case 'rate_limited':
			return m.sv_err_rate_limited({ minutes: String(retryMinutes) });
		default:
			return null;
	}
}
