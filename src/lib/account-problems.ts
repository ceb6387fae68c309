/** Translations of the account problem codes of `$lib/server/auth/accounts` and `two-factor`. */
import { m } from '$lib/paraglide/messages';

const TEXT: Record<string, () => string> = {
	'too-short': m.auth_problem_too_short,
	'too-long': m.auth_problem_too_long,
	common: m.auth_problem_common,
	'contains-username': m.auth_problem_contains_username,
	'username-invalid': m.auth_problem_username_invalid,
	'username-taken': m.auth_problem_username_taken,
	'role-invalid': m.auth_problem_role_invalid,
	'opd-required': m.auth_problem_opd_required,
	'opd-invalid': m.auth_problem_opd_invalid,
	'opd-unknown': m.auth_problem_opd_unknown,
	'user-not-found': m.auth_problem_user_not_found,
	'self-lockout': m.auth_problem_self_lockout,
	'last-admin': m.auth_problem_last_admin,
	'link-invalid': m.auth_problem_link_invalid,
	'password-wrong': m.auth_problem_password_wrong,
	throttled: m.auth_problem_throttled,
	mismatch: m.auth_problem_mismatch,
	'no-enrolment': m.account_2fa_problem_no_enrolment,
	'code-wrong': m.account_2fa_problem_code_wrong,
	'required-for-role': m.account_2fa_problem_required,
	'not-enabled': m.account_2fa_problem_not_enabled
};

export function problemText(code: string): string {
	return TEXT[code]?.() ?? code;
}

const ROLE_TEXT: Record<string, () => string> = {
	admin: m.auth_role_admin,
	walidata: m.auth_role_walidata,
	perencana: m.auth_role_perencana,
	produsen: m.auth_role_produsen,
	viewer: m.auth_role_viewer
};

export function roleText(role: string): string {
	return ROLE_TEXT[role]?.() ?? role;
}
