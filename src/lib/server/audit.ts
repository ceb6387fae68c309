/**
 * The audit log writer. `writeAudit` is synchronous and takes the raw connection so that callers
 * run it inside the same `BEGIN IMMEDIATE` transaction as the change it records: the change and
 * its record commit together or not at all.
 */
import type Database from 'better-sqlite3';
import { AUDIT_ACTIONS, type AuditAction } from '../audit-actions';
import type { Connection } from './db';
import * as auditLog from './db/audit';

/** Who acted: a signed-in user, an anonymous request (`-`), or the command line (`system`). */
export interface Actor {
	id: number | null;
	username: string;
	address: string;
}

export const ANONYMOUS = '-';

// Every action the app records (the audit page offers them as a filter): one list, shared with the
// pages that label them.
export { AUDIT_ACTIONS, type AuditAction };

export interface AuditInput {
	/** One of AUDIT_ACTIONS; other modules may add their own dotted names. */
	action: AuditAction | (string & {});
	entityType: string;
	entityId?: string | number | null;
	/** Small JSON-able summaries of the state before and after; never secrets. */
	before?: unknown;
	after?: unknown;
}

const MAX_FIELD = 200;
const clip = (s: string) => (s.length > MAX_FIELD ? s.slice(0, MAX_FIELD) + '…' : s);
const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

/**
 * Writes one audit row on this connection, in whatever transaction is open. Returns its id.
 * Example: `writeAudit(conn.sqlite, actor, { action: 'user.disable', entityType: 'user', entityId: 7 })`.
 */
export function writeAudit(sqlite: Database.Database, actor: Actor, entry: AuditInput): number {
	return auditLog.insert(sqlite, {
		actorId: actor.id,
		actor: clip(actor.username),
		action: entry.action,
		entityType: entry.entityType,
		entityId: clip(String(entry.entityId ?? '')),
		before: json(entry.before),
		after: json(entry.after),
		address: clip(actor.address)
	});
}

/** Records an event that changes nothing else (a denial, a failed sign-in) in its own transaction. */
export function recordAudit(conn: Connection, actor: Actor, entry: AuditInput): number {
	return conn.sqlite.transaction(() => writeAudit(conn.sqlite, actor, entry)).immediate();
}

/** Someone signed in, acting from an address: what the staff services are given. */
export interface SignedInActor {
	user: { id: number; username: string; role: string; opd: string | null };
	address: string;
}

/** The audit log's actor for a signed-in user. */
export const actorOf = (a: SignedInActor): Actor => ({
	id: a.user.id,
	username: a.user.username,
	address: a.address
});

/**
 * Records, in its own transaction, that `actor` was refused `op` on an entity (`auth.denied`, with
 * their role and OPD); the caller then throws its own 403.
 */
export function recordDenial(
	conn: Connection,
	actor: SignedInActor,
	entityType: string,
	entityId: string,
	op: string
): void {
	recordAudit(conn, actorOf(actor), {
		action: 'auth.denied',
		entityType,
		entityId,
		after: { role: actor.user.role, opd: actor.user.opd, op }
	});
}

/** The actor of the command-line tools. */
export function cliActor(): Actor {
	return { id: null, username: 'system', address: 'cli' };
}
