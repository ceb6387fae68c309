/**
 * Staff roles and what each may do: the one table. Pure (no SvelteKit, database or Svelte), so the
 * database schema, the guards, the submission workflow, the pages, the CLI and the tests all read
 * the same rows. The README and the staff guide print this table; change them together.
 *
 * The roles follow Satu Data Indonesia's split (Perpres 39/2019): the walidata (data custodian,
 * usually Diskominfo) reviews and manages all data; a produsen (data producer) works on the
 * indicators of one OPD; the perencana (planner, Bappeda) sets the plan targets of every OPD's
 * indicators; a viewer reads.
 */
import type { ImportKind } from './domain';

export const ROLES = ['admin', 'walidata', 'perencana', 'produsen', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Who may do what. A route names a capability; the guard checks the user's role against it. */
export const CAPABILITIES = {
	/** The staff home and other signed-in reading. */
	staff: ['admin', 'walidata', 'perencana', 'produsen', 'viewer'],
	/** Accounts, sessions of others. */
	manageUsers: ['admin'],
	/** Which OPD produces which indicator. */
	assignOpd: ['admin'],
	/** Browse and download the audit log. */
	readAudit: ['admin', 'walidata'],
	/** Targets with their planning documents; an OPD-scoped role only for its OPD's indicators. */
	editTargets: ['admin', 'walidata', 'perencana', 'produsen'],
	/** Importing files: which kinds, per role, in IMPORTS_BY_ROLE below. */
	importData: ['admin', 'walidata', 'perencana', 'produsen'],
	/** Taking a whole import back. */
	undoImport: ['admin', 'walidata'],
	/** The assessment submissions (SPBE, GM100SC): read, fill items, review and finalise. */
	readSubmissions: ['admin', 'walidata', 'produsen', 'viewer'],
	editSubmissions: ['admin', 'walidata', 'produsen'],
	reviewSubmissions: ['admin', 'walidata'],
	/** Kominfo's results from each new letter (/staff/official): the custodian of the region's record. */
	recordOfficialResults: ['admin', 'walidata'],
	/** The residents' survey (/staff/survey): set up, open, close, enter paper forms. */
	manageSurveys: ['admin', 'walidata'],
	/**
	 * The quick wins and their risk registers (/staff/quick-wins): a region-wide commitment that
	 * the custodian keeps for the evaluation, so not OPD-scoped (a produsen reads it in the workspace).
	 */
	manageQuickWins: ['admin', 'walidata'],
	/**
	 * The programme register (/staff/programmes): its programmes, action plans and their yearly
	 * progress; a produsen only their own OPD's (`mayEditProgramme`).
	 */
	manageProgrammes: ['admin', 'walidata', 'produsen'],
	/** Approving a programme-year's progress, which makes it public. */
	approveProgrammes: ['admin', 'walidata']
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof CAPABILITIES;

/** Kinds each role may import. Framework files carry the indicator → OPD assignment: admin only. */
export const IMPORTS_BY_ROLE: Readonly<Record<Role, readonly ImportKind[]>> = {
	admin: ['observations', 'targets', 'indicators', 'nodes', 'frameworks', 'regions'],
	walidata: ['observations', 'targets'],
	perencana: ['targets'],
	produsen: ['observations', 'targets'],
	viewer: []
};

/** Roles whose rights over data stop at the indicators and items of their own OPD. */
export const OPD_SCOPED: readonly Role[] = ['produsen'];

/** Who is asking, as far as the table cares. */
export interface RoleHolder {
	role: Role;
	/** The OPD of an OPD-scoped role; null for the others. */
	opd: string | null;
}

export function isRole(value: unknown): value is Role {
	return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** True when the role is one of `roles`: `hasRole({ role: 'viewer' }, ['admin']) === false`. */
export function hasRole(user: Pick<RoleHolder, 'role'> | null, roles: readonly Role[]): boolean {
	return user !== null && roles.includes(user.role);
}

/** `may(user, 'undoImport')`: the capability row, for a signed-in user or nobody. */
export function may(user: Pick<RoleHolder, 'role'> | null, capability: Capability): boolean {
	return hasRole(user, CAPABILITIES[capability]);
}

/** `importKindsFor('perencana')` → `['targets']`; an unknown role may import nothing. */
export function importKindsFor(role: string): readonly ImportKind[] {
	return isRole(role) ? IMPORTS_BY_ROLE[role] : [];
}

/** Within the user's scope: any OPD, or their own OPD for an OPD-scoped role. */
function inScope(user: RoleHolder, opd: string): boolean {
	if (!OPD_SCOPED.includes(user.role)) return true;
	return user.opd !== null && user.opd !== '' && user.opd === opd;
}

/**
 * May this user change the values (observations) of an indicator produced by `opd`?
 * `mayEditValues({ role: 'produsen', opd: 'BPS' }, 'DLH') === false`;
 * `mayEditValues({ role: 'perencana', opd: null }, 'DLH') === false` (targets only).
 */
export function mayEditValues(user: RoleHolder | null, opd: string): boolean {
	return user !== null && importKindsFor(user.role).includes('observations') && inScope(user, opd);
}

/**
 * May this user set the targets of an indicator produced by `opd`?
 * `mayEditTargets({ role: 'perencana', opd: null }, 'DLH') === true`;
 * `mayEditTargets({ role: 'produsen', opd: 'BPS' }, 'DLH') === false`.
 */
export function mayEditTargets(user: RoleHolder | null, opd: string): boolean {
	return user !== null && may(user, 'editTargets') && inScope(user, opd);
}

/**
 * May this user change the content of a submission item owned by `itemOpd`?
 * `mayEditItem({ role: 'produsen', opd: 'BPS' }, 'DLH') === false`.
 */
export function mayEditItem(user: RoleHolder | null, itemOpd: string): boolean {
	return user !== null && may(user, 'editSubmissions') && inScope(user, itemOpd);
}

/**
 * May this user create or change a register programme of `opd`, and its progress?
 * `mayEditProgramme({ role: 'produsen', opd: 'DLH' }, 'DLH') === true`;
 * `mayEditProgramme({ role: 'produsen', opd: 'BPS' }, 'DLH') === false`.
 */
export function mayEditProgramme(user: RoleHolder | null, opd: string): boolean {
	return user !== null && may(user, 'manageProgrammes') && inScope(user, opd);
}

/** May this user review (return or accept) items and finalise? `mayReview({ role: 'produsen', opd: 'BPS' }) === false`. */
export function mayReview(user: Pick<RoleHolder, 'role'> | null): boolean {
	return may(user, 'reviewSubmissions');
}
