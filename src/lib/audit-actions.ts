/**
 * Every action the audit log records. Pure, so the staff pages can label them (`staff-labels.ts`)
 * without importing server code; `$lib/server/audit` re-exports it.
 */
export const AUDIT_ACTIONS = [
	'auth.sign_in',
	'auth.sign_in_failed',
	'auth.sign_in_throttled',
	'auth.second_factor_failed',
	'auth.second_factor_throttled',
	'auth.recovery_code_used',
	'auth.sign_out',
	'auth.denied',
	'user.create',
	'user.disable',
	'user.enable',
	'user.set_role',
	'user.reset_password',
	'user.set_password',
	'user.change_password',
	'user.change_password_failed',
	'user.unlock',
	'user.two_factor_enable',
	'user.two_factor_disable',
	'user.two_factor_reset',
	'user.recovery_codes_renew',
	'session.revoke_user',
	'session.revoke_all',
	'indicator.set_opd',
	'target.save',
	'import.commit',
	'import.undo',
	'evidence.change',
	'evidence.add',
	'evidence.delete',
	'evidence.rejected',
	'programme.add',
	'programme.delete',
	'submission.create',
	'submission.finalise',
	'submission.reopen',
	'submission.item.save',
	'submission.item.submit',
	'submission.item.return',
	'submission.item.accept',
	'submission.item.assign',
	'official_result.create',
	'official_result.update',
	'official_result.delete',
	'official_result.import'
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What an audit row names, by type. */
export const AUDIT_ENTITY_TYPES = [
	'user',
	'import',
	'indicator',
	'programme',
	'route',
	'session',
	'submission',
	'submission_item',
	'target',
	'evidence',
	'official_result'
] as const;
