/**
 * The staff pages' codes in the reader's language: audit actions and what they name, import kinds,
 * statuses and file names the app writes itself. A code without a label is shown as it is (an
 * action another module added); the maps are typed by their lists, so a known code without a label
 * does not compile, and `staff-labels.test.ts` checks that no label is its code.
 */
import { m } from '$lib/paraglide/messages';
import type { AUDIT_ENTITY_TYPES, AuditAction } from './audit-actions';
import type { ErrorCode, ImportKind } from './import/types';
import { statusText as itemStatusText } from './submission/words';

const ACTIONS: Record<AuditAction, () => string> = {
	'auth.sign_in': m.label_action_auth_sign_in,
	'auth.sign_in_failed': m.label_action_auth_sign_in_failed,
	'auth.sign_in_throttled': m.label_action_auth_sign_in_throttled,
	'auth.second_factor_failed': m.label_action_auth_second_factor_failed,
	'auth.second_factor_throttled': m.label_action_auth_second_factor_throttled,
	'auth.recovery_code_used': m.label_action_auth_recovery_code_used,
	'auth.sign_out': m.label_action_auth_sign_out,
	'auth.denied': m.label_action_auth_denied,
	'user.create': m.label_action_user_create,
	'user.disable': m.label_action_user_disable,
	'user.enable': m.label_action_user_enable,
	'user.set_role': m.label_action_user_set_role,
	'user.reset_password': m.label_action_user_reset_password,
	'user.set_password': m.label_action_user_set_password,
	'user.change_password': m.label_action_user_change_password,
	'user.change_password_failed': m.label_action_user_change_password_failed,
	'user.unlock': m.label_action_user_unlock,
	'user.two_factor_enable': m.label_action_user_two_factor_enable,
	'user.two_factor_disable': m.label_action_user_two_factor_disable,
	'user.two_factor_reset': m.label_action_user_two_factor_reset,
	'user.recovery_codes_renew': m.label_action_user_recovery_codes_renew,
	'session.revoke_user': m.label_action_session_revoke_user,
	'session.revoke_all': m.label_action_session_revoke_all,
	'indicator.set_opd': m.label_action_indicator_set_opd,
	'target.save': m.label_action_target_save,
	'import.commit': m.label_action_import_commit,
	'import.undo': m.label_action_import_undo,
	'evidence.change': m.label_action_evidence_change,
	'evidence.add': m.label_action_evidence_add,
	'evidence.delete': m.label_action_evidence_delete,
	'evidence.rejected': m.label_action_evidence_rejected,
	'programme.add': m.label_action_programme_add,
	'programme.delete': m.label_action_programme_delete,
	'programme.create': m.label_action_programme_create,
	'programme.update': m.label_action_programme_update,
	'programme.progress_save': m.label_action_programme_progress_save,
	'programme.progress_approve': m.label_action_programme_progress_approve,
	'submission.create': m.label_action_submission_create,
	'submission.finalise': m.label_action_submission_finalise,
	'submission.reopen': m.label_action_submission_reopen,
	'submission.item.save': m.label_action_submission_item_save,
	'submission.item.submit': m.label_action_submission_item_submit,
	'submission.item.return': m.label_action_submission_item_return,
	'submission.item.accept': m.label_action_submission_item_accept,
	'submission.item.assign': m.label_action_submission_item_assign,
	'official_result.create': m.label_action_official_result_create,
	'official_result.update': m.label_action_official_result_update,
	'official_result.delete': m.label_action_official_result_delete,
	'official_result.import': m.label_action_official_result_import,
	'survey.create': m.label_action_survey_create,
	'survey.settings': m.label_action_survey_settings,
	'survey.open': m.label_action_survey_open,
	'survey.close': m.label_action_survey_close,
	'survey.paper_entry': m.label_action_survey_paper_entry,
	'survey.paper_import': m.label_action_survey_paper_import,
	'survey.response_withdrawn': m.label_action_survey_response_withdrawn,
	'quick_win.create': m.label_action_quick_win_create,
	'quick_win.update': m.label_action_quick_win_update,
	'quick_win.risk_add': m.label_action_quick_win_risk_add,
	'quick_win.risk_close': m.label_action_quick_win_risk_close,
	'quick_win.carry': m.label_action_quick_win_carry,
	'quick_win.risk_delete': m.label_action_quick_win_risk_delete
};

// Typed by the list, so a new entity type without a label does not compile.
const ENTITIES: Record<(typeof AUDIT_ENTITY_TYPES)[number], () => string> = {
	user: m.label_entity_user,
	import: m.label_entity_import,
	indicator: m.label_entity_indicator,
	programme: m.label_entity_programme,
	route: m.label_entity_route,
	session: m.label_entity_session,
	submission: m.label_entity_submission,
	submission_item: m.label_entity_submission_item,
	target: m.label_entity_target,
	evidence: m.label_entity_evidence,
	official_result: m.label_entity_official_result,
	survey: m.label_entity_survey,
	quick_win: m.label_entity_quick_win
};

// Every kind an import record can hold (db/schema's RECORDED_IMPORT_KINDS): a seed run or a file kind.
const KINDS: Record<'seed' | ImportKind, () => string> = {
	seed: m.label_import_kind_seed,
	observations: m.imp_kind_observations,
	targets: m.imp_kind_targets,
	indicators: m.imp_kind_indicators,
	nodes: m.imp_kind_nodes,
	regions: m.imp_kind_regions,
	frameworks: m.imp_kind_frameworks
};

const STATUSES: Record<string, () => string> = {
	committed: m.label_import_status_committed,
	undone: m.label_import_status_undone
};

/** `auditActionText('auth.sign_in')` → "Masuk" on an Indonesian page. */
export function auditActionText(action: string): string {
	return (ACTIONS as Record<string, () => string>)[action]?.() ?? action;
}

/** `entityText('user', '2')` → "pengguna 2"; an empty id gives the type alone. */
export function entityText(type: string, id: string | number | null | undefined): string {
	const name = (ENTITIES as Record<string, () => string>)[type]?.() ?? type;
	return id === null || id === undefined || id === '' ? name : `${name} ${id}`;
}

export function entityTypeText(type: string): string {
	return (ENTITIES as Record<string, () => string>)[type]?.() ?? type;
}

/** `importKindText('seed')` → "data bawaan (seed)". */
export function importKindText(kind: string): string {
	return (KINDS as Record<string, () => string>)[kind]?.() ?? kind;
}

/** `importStatusText('committed')` → "tersimpan". */
export function importStatusText(status: string): string {
	return STATUSES[status]?.() ?? status;
}

/** A submission's own state, as the audit log records it: `final` or `open`. */
const submissionStatusText = (s: string) =>
	s === 'final' ? m.sub_final() : s === 'open' ? m.sub_open() : s;

/** How the `status` of an audit row's before/after reads, by the family of its action. */
function statusOf(action: string): (status: string) => string {
	if (action.startsWith('import.')) return importStatusText;
	if (action.startsWith('submission.item.')) return itemStatusText;
	if (action.startsWith('submission.')) return submissionStatusText;
	return (s) => s;
}

/**
 * An audit row's before or after (stored as JSON) as pairs to show: the keys as the code names
 * them (the record is forensic, and the CSV keeps the JSON), the values that are codes (a status,
 * an import kind, a file name the app wrote) in the reader's language. A value that is not a JSON
 * object comes back as one pair with an empty key. Example (Indonesian):
 * `auditChange('import.undo', '{"status":"undone","removed":3}')` → `[['status', 'dibatalkan'], ['removed', '3']]`.
 */
export function auditChange(action: string, json: string | null): [string, string][] {
	if (json === null || json === '') return [];
	let value: unknown;
	try {
		value = JSON.parse(json);
	} catch {
		return [['', json]];
	}
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return [['', json]];
	const status = statusOf(action);
	return Object.entries(value as Record<string, unknown>).map(([key, v]) => {
		const text = typeof v === 'string' ? v : JSON.stringify(v);
		if (typeof v !== 'string') return [key, text];
		if (key === 'status') return [key, status(v)];
		if (key === 'kind' && action.startsWith('import.')) return [key, importKindText(v)];
		if (key === 'fileName') return [key, importFileText(v)];
		return [key, text];
	});
}

/**
 * The name of an import the app made itself: the target form ("staff form: hdi_ipm 2029") and the
 * bundled data ("seed …"); a user's file name is theirs and shown as it is.
 */
export function importFileText(fileName: string): string {
	const form = /^staff form: (.*)$/.exec(fileName);
	if (form) return m.label_file_target_form({ detail: form[1] });
	return fileName;
}

const ERRORS: Record<ErrorCode, () => string> = {
	'blank-header': m.label_error_blank_header,
	'missing-label': m.label_error_missing_label,
	'duplicate-label': m.label_error_duplicate_label,
	'extra-label': m.label_error_extra_label,
	'extra-cell': m.label_error_extra_cell,
	'missing-cell': m.label_error_missing_cell,
	'type-error': m.label_error_type_error,
	'constraint-error': m.label_error_constraint_error,
	'unique-error': m.label_error_unique_error,
	'foreign-key-error': m.label_error_foreign_key_error,
	'encoding-error': m.label_error_encoding_error,
	'format-error': m.label_error_format_error
};

/** `importErrorText('type-error')` → "isian bukan jenis yang diminta"; the code stays in the CSV. */
export function importErrorText(code: string): string {
	return (ERRORS as Record<string, () => string>)[code]?.() ?? code;
}
