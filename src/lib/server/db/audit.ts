/**
 * The audit log table: reading it (filtered, newest first, paged) and the one INSERT. What a row
 * holds (clipped names, JSON summaries) and when it is written are `$lib/server/audit`'s rules.
 */
import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import type { Db } from './index';
import { auditLog } from './schema';

export interface AuditFilter {
	actor?: string;
	action?: string;
	entityType?: string;
	entityId?: string;
	/** Inclusive start date, `YYYY-MM-DD` (UTC). */
	from?: string;
	/** Inclusive end date, `YYYY-MM-DD` (UTC). */
	to?: string;
}

function nextDay(date: string): string {
	const d = new Date(`${date}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + 1);
	return d.toISOString().slice(0, 10);
}

function where(filter: AuditFilter): SQL | undefined {
	const parts: SQL[] = [];
	if (filter.actor) parts.push(eq(auditLog.actor, filter.actor));
	if (filter.action) parts.push(eq(auditLog.action, filter.action));
	if (filter.entityType) parts.push(eq(auditLog.entityType, filter.entityType));
	if (filter.entityId) parts.push(eq(auditLog.entityId, filter.entityId));
	if (filter.from) parts.push(gte(auditLog.at, filter.from));
	if (filter.to) parts.push(lt(auditLog.at, nextDay(filter.to)));
	return parts.length ? and(...parts) : undefined;
}

export function list(db: Db, filter: AuditFilter, page: { limit: number; offset: number }) {
	return db
		.select()
		.from(auditLog)
		.where(where(filter))
		.orderBy(desc(auditLog.id))
		.limit(page.limit)
		.offset(page.offset)
		.all();
}

export function total(db: Db, filter: AuditFilter): number {
	return db.select({ n: count() }).from(auditLog).where(where(filter)).get()?.n ?? 0;
}

/** Every matching row, newest first, for the CSV download (capped: a download is not a backup). */
export function all(db: Db, filter: AuditFilter, cap = 100_000) {
	return db
		.select()
		.from(auditLog)
		.where(where(filter))
		.orderBy(desc(auditLog.id))
		.limit(cap)
		.all();
}

/** Distinct values of a column for filter menus. */
export function distinctActors(db: Db): string[] {
	return db
		.selectDistinct({ v: auditLog.actor })
		.from(auditLog)
		.orderBy(auditLog.actor)
		.all()
		.map((r) => r.v);
}

export function distinctEntityTypes(db: Db): string[] {
	return db
		.selectDistinct({ v: auditLog.entityType })
		.from(auditLog)
		.orderBy(auditLog.entityType)
		.all()
		.map((r) => r.v);
}

export interface FailedSignIns {
	count: number;
	lastAt: string | null;
	lastAddress: string | null;
}

/**
 * Failed sign-ins with this user name since the user's last successful one (all of them when there
 * was none): what the owner is told when they next sign in.
 */
export function failedSignInsSinceLastSignIn(
	sqlite: Database.Database,
	userId: number,
	username: string
): FailedSignIns {
	const row = sqlite
		.prepare(
			`WITH last AS (
			   SELECT coalesce(max(id), 0) AS id FROM audit_log WHERE action = 'auth.sign_in' AND actor_id = ?
			 )
			 SELECT count(*) AS count, max(at) AS lastAt,
			        (SELECT address FROM audit_log a, last WHERE a.action = 'auth.sign_in_failed'
			          AND a.entity_id = ? AND a.id > last.id ORDER BY a.id DESC LIMIT 1) AS lastAddress
			 FROM audit_log a, last
			 WHERE a.action = 'auth.sign_in_failed' AND a.entity_id = ? AND a.id > last.id`
		)
		.get(userId, username, username) as FailedSignIns;
	return row;
}

/** An audit row as written: every field already clipped and serialised by the caller. */
export interface AuditRow {
	actorId: number | null;
	actor: string;
	action: string;
	entityType: string;
	entityId: string;
	before: string | null;
	after: string | null;
	address: string;
}

const inserts = new WeakMap<Database.Database, Database.Statement>();

/**
 * Inserts one audit row in whatever transaction is open on this connection; returns its id. The
 * statement is prepared once per connection: nearly every write records one.
 */
export function insert(sqlite: Database.Database, row: AuditRow): number {
	let statement = inserts.get(sqlite);
	if (!statement) {
		statement = sqlite.prepare(
			`INSERT INTO audit_log (actor_id, actor, action, entity_type, entity_id, before, after, address)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
		);
		inserts.set(sqlite, statement);
	}
	return Number(
		statement.run(
			row.actorId,
			row.actor,
			row.action,
			row.entityType,
			row.entityId,
			row.before,
			row.after,
			row.address
		).lastInsertRowid
	);
}
