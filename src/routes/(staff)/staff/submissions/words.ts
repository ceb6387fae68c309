/**
 * Texts the submission pages share: status names, what an item lacks, the refusal codes of the
 * service, the evidence rejection reasons. One place, so pages and the print view agree.
 */
import { m } from '$lib/paraglide/messages';

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
		justification: m.sub_missing_justification(),
		evidence: m.sub_missing_evidence(),
		not_submitted: m.sub_missing_not_submitted(),
		returned: m.sub_missing_returned(),
		awaiting_review: m.sub_missing_awaiting_review()
	})[r] ?? r;

const REJECTED: Record<string, () => string> = {
	too_large: () => m.sub_reject_too_large(),
	empty: () => m.sub_reject_empty(),
	executable: () => m.sub_reject_executable(),
	not_office: () => m.sub_reject_not_office(),
	unknown: () => m.sub_reject_unknown()
};

/** The message of a refused form, from the service's code and detail. */
export function failureText(
	code: string | undefined,
	detail: Record<string, unknown> | undefined
): string {
	switch (code) {
		case 'evidence_rejected':
			return (REJECTED[String(detail?.reason)] ?? REJECTED.unknown)();
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
			return m.sub_error_invalid_answer();
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
