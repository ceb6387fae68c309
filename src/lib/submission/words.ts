/**
 * Texts the submission pages share: status names, what an item lacks, the refusal codes of the
 * service, the evidence rejection reasons. One place, so pages and the print view agree.
 */
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

export const statusText = (s: string): string =>
	({
		empty: m.sub_status_empty(),
		draft: m.sub_status_draft(),
		submitted: m.sub_status_submitted(),
		returned: m.sub_status_returned(),
		accepted: m.sub_status_accepted()
	})[s] ?? s;

export const reasonText = (r: string): string =>
	({
		answer: m.sub_missing_answer(),
		score: m.sub_missing_score(),
		justification: m.sub_missing_justification(),
		evidence: m.sub_missing_evidence(),
		not_submitted: m.sub_missing_not_submitted(),
		returned: m.sub_missing_returned(),
		awaiting_review: m.sub_missing_awaiting_review()
	})[r] ?? r;

/** How a detected evidence type is named in a refusal: its format, or "text (TXT/CSV)". */
const typeText = (type: unknown): string =>
	type === 'text'
		? m.sub_type_text()
		: (({ webp: 'WebP' } as Record<string, string>)[String(type)] ?? String(type).toUpperCase());

/** Extensions as a list the reader's language joins: ".jpg atau .jpeg", ".jpg or .jpeg". */
const extensionList = (exts: unknown): string =>
	new Intl.ListFormat(getLocale(), { type: 'disjunction' }).format(
		Array.isArray(exts) ? exts.map(String) : []
	);

/** The evidence refusals of `EvidenceRejected` (src/lib/server/evidence.ts), each its own text. */
const REJECTED: Record<string, (d: Record<string, unknown>) => string> = {
	too_large: () => m.sub_reject_too_large(),
	empty: () => m.sub_reject_empty(),
	executable: () => m.sub_reject_executable(),
	legacy_office: () => m.sub_reject_legacy_office(),
	macro: () => m.sub_reject_macro(),
	not_office: () => m.sub_reject_not_office(),
	markup: () => m.sub_reject_markup(),
	unknown: () => m.sub_reject_unknown(),
	no_extension: (d) =>
		m.sub_reject_no_extension({
			detected: typeText(d.detected),
			expected: extensionList(d.expected)
		}),
	extension_mismatch: (d) =>
		m.sub_reject_extension_mismatch({
			detected: typeText(d.detected),
			got: String(d.got ?? ''),
			expected: extensionList(d.expected)
		}),
	double_extension: (d) =>
		m.sub_reject_double_extension({ got: String(d.got ?? ''), suggest: String(d.suggest ?? '') })
};

/** An evidence refusal, after the file's name when the refusal names it. */
function rejectedText(detail: Record<string, unknown>): string {
	const text = (REJECTED[String(detail.reason)] ?? REJECTED.unknown)(detail);
	return typeof detail.name === 'string' && detail.name ? `${detail.name}: ${text}` : text;
}

/** Why an answer or a score was refused (`AnswerProblem` of $lib/submission/answer). */
const ANSWER_PROBLEM: Record<string, () => string> = {
	not_a_level: () => m.sub_error_not_a_level(),
	not_a_score: () => m.sub_error_not_a_score(),
	not_yes_no: () => m.sub_error_not_yes_no(),
	not_a_count: () => m.sub_error_not_a_count(),
	not_a_number: () => m.sub_error_not_a_number(),
	not_a_survey_mean: () => m.sub_error_not_a_survey_mean(),
	too_long: () => m.sub_error_too_long()
};

/** The message of a refused form, from the service's code and detail. */
export function failureText(
	code: string | undefined,
	detail: Record<string, unknown> | undefined
): string {
	switch (code) {
		case 'evidence_rejected':
			return rejectedText(detail ?? {});
		case 'not_ready':
			return m.sub_error_not_ready();
		case 'incomplete':
			return m.sub_error_incomplete();
		case 'comment_required':
			return m.sub_error_comment_required();
		case 'locked':
			return m.sub_error_locked();
		case 'invalid_state':
			return m.sub_error_invalid_state();
		case 'invalid_answer':
			return (ANSWER_PROBLEM[String(detail?.reason)] ?? m.sub_error_invalid_answer)();
		case 'exists':
			return m.sub_error_exists();
		case 'no_framework':
			return m.sub_error_no_framework();
		default:
			return m.sub_error_invalid_input({
				fields: Array.isArray(detail?.fields)
					? (detail.fields as string[]).join(', ')
					: String(detail?.field ?? '')
			});
	}
}

export const kindText = (k: string) => (k === 'spbe' ? m.sub_kind_spbe() : m.sub_kind_gm100sc());
