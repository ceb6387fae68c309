/**
 * Roles and what each may do, in one table. Pure: the CLI, the guards and the tests read it.
 */
import { ROLES, type Role } from '../db/schema';

export { ROLES, type Role };

/** Who may do what. A route names a capability; the guard checks the user's role against it. */
export const CAPABILITIES = {
	/** The staff home and other signed-in reading. */
	staff: ['admin', 'walidata', 'produsen', 'viewer'],
	/** Accounts, sessions of others, indicator → OPD assignment. */
	manageUsers: ['admin'],
	assignOpd: ['admin'],
	/** Browse and download the audit log. */
	readAudit: ['admin', 'walidata'],
	/** Targets: produsen only for their OPD's indicators (checked per indicator). */
	editTargets: ['admin', 'walidata', 'produsen'],
	/** Imports and undo (pages built elsewhere use the same table). */
	importData: ['admin', 'walidata', 'produsen'],
	undoImport: ['admin', 'walidata']
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof CAPABILITIES;

export interface SessionUser {
	id: number;
	username: string;
	role: Role;
	opd: string | null;
}

/** True when the role is one of `roles`: `hasRole({ role: 'viewer' }, ['admin']) === false`. */
export function hasRole(user: Pick<SessionUser, 'role'> | null, roles: readonly Role[]): boolean {
	return user !== null && roles.includes(user.role);
}

/**
 * Data-level check: may this user change data of an indicator produced by `opd`?
 * Admin and walidata: any; produsen: only their own OPD; viewer: none.
 * Example: `mayEditIndicator({ role: 'produsen', opd: 'BPS' }, 'DLH') === false`.
 */
export function mayEditIndicator(
	user: Pick<SessionUser, 'role' | 'opd'> | null,
	opd: string
): boolean {
	if (!user) return false;
	if (user.role === 'admin' || user.role === 'walidata') return true;
	return user.role === 'produsen' && user.opd !== null && user.opd === opd;
}

export function isRole(value: unknown): value is Role {
	return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
