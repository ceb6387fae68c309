/**
 * The region's quick wins and their risk registers (issue 21 item 2): staff record each quick win
 * with the criteria Kominfo's Quick Win items ask about, its risks per year, and carry the open
 * risks on when the quick win continues into the next year (last year's rows stay as they were).
 * Every write is one `BEGIN IMMEDIATE` transaction with its audit row; a refused right is recorded
 * as `auth.denied` before the 403. Only walidata and admin write (`manageQuickWins`): a quick win
 * is a region-wide commitment that Diskominfo keeps for the evaluation, not one OPD's data.
 * Framework-free: the staff page, the workspace and the integration tests call the same verbs.
 */
import { MAX_YEAR } from '../domain';
import {
	validateQuickWin,
	validateRisk,
	type CriterionKey,
	type QuickWinField,
	type QuickWinProblem,
	type RiskField
} from '../evaluation/quick-win-input';
import { FIRST_EVALUATION_YEAR } from '../evaluation/result-input';
import { actorOf, recordDenial, writeAudit } from './audit';
import { may, type SessionUser } from './auth/roles';
import type { Connection } from './db';
import * as quickWinsDb from './db/quick-wins';
import * as regionsDb from './db/regions';

/** Who acts, and from where (for the audit log). */
export interface QuickWinActor {
	user: Pick<SessionUser, 'id' | 'username' | 'role' | 'opd'>;
	address: string;
}

export type QuickWinErrorCode = 'forbidden' | 'not_found' | 'invalid' | 'year_limit' | 'carried';

/** A refused write: `status` is the HTTP status; the problems say what to change. */
export class QuickWinError extends Error {
	override name = 'QuickWinError';
	constructor(
		readonly status: 400 | 403 | 404 | 409,
		readonly code: QuickWinErrorCode,
		readonly problems: readonly QuickWinProblem<QuickWinField | RiskField>[] = []
	) {
		super(code);
	}
}

/** May this person record quick wins and their risks? */
export function mayManageQuickWins(user: Pick<SessionUser, 'role'> | null): boolean {
	return may(user, 'manageQuickWins');
}

function requireManager(conn: Connection, actor: QuickWinActor, op: string, entity: string) {
	if (mayManageQuickWins(actor.user)) return;
	recordDenial(conn, actor, 'quick_win', entity, op);
	throw new QuickWinError(403, 'forbidden');
}

function existing(conn: Connection, id: number) {
	const row = quickWinsDb.get(conn.db, id);
	if (!row) throw new QuickWinError(404, 'not_found');
	return row;
}

function checkedQuickWin(fields: Partial<Record<QuickWinField, string>>) {
	const result = validateQuickWin(fields);
	if (!result.ok) throw new QuickWinError(400, 'invalid', result.problems);
	return result.values;
}

/** Records a quick win of a region; returns its id. */
export function createQuickWin(
	conn: Connection,
	actor: QuickWinActor,
	regionCode: string,
	fields: Partial<Record<QuickWinField, string>>
): number {
	requireManager(conn, actor, 'create', 'new');
	return conn.sqlite
		.transaction(() => {
			if (!regionsDb.get(conn.db, regionCode)) throw new QuickWinError(404, 'not_found');
			const values = checkedQuickWin(fields);
			const id = quickWinsDb.insert(conn.db, regionCode, values, actor.user.username);
			writeAudit(conn.sqlite, actorOf(actor), {
				action: 'quick_win.create',
				entityType: 'quick_win',
				entityId: id,
				after: { region: regionCode, ...values }
			});
			return id;
		})
		.immediate();
}

/** Replaces a quick win's name, OPD, start year and criteria. */
export function updateQuickWin(
	conn: Connection,
	actor: QuickWinActor,
	id: number,
	fields: Partial<Record<QuickWinField, string>>
): void {
	requireManager(conn, actor, 'update', String(id));
	conn.sqlite
		.transaction(() => {
			const before = existing(conn, id);
			const values = checkedQuickWin(fields);
			const firstRisk = quickWinsDb.risksOf(conn.db, [id])[0];
			// A start after a year that already has risks would orphan them: say so on the field.
			if (firstRisk && values.startYear > firstRisk.year)
				throw new QuickWinError(400, 'invalid', [
					{
						field: 'start_year',
						code: 'year_range',
						value: String(values.startYear),
						params: { min: FIRST_EVALUATION_YEAR, max: firstRisk.year }
					}
				]);
			quickWinsDb.update(conn.db, id, values);
			writeAudit(conn.sqlite, actorOf(actor), {
				action: 'quick_win.update',
				entityType: 'quick_win',
				entityId: id,
				before,
				after: values
			});
		})
		.immediate();
}

/** Adds a risk to a quick win's register; returns its id. */
export function addRisk(
	conn: Connection,
	actor: QuickWinActor,
	quickWinId: number,
	fields: Partial<Record<RiskField, string>>
): number {
	requireManager(conn, actor, 'risk_add', String(quickWinId));
	return conn.sqlite
		.transaction(() => {
			const quickWin = existing(conn, quickWinId);
			const result = validateRisk(fields, quickWin.startYear);
			if (!result.ok) throw new QuickWinError(400, 'invalid', result.problems);
			const id = quickWinsDb.insertRisk(conn.db, quickWinId, result.values, actor.user.username);
			writeAudit(conn.sqlite, actorOf(actor), {
				action: 'quick_win.risk_add',
				entityType: 'quick_win',
				entityId: quickWinId,
				after: { riskId: id, ...result.values }
			});
			return id;
		})
		.immediate();
}

/** Closes a risk: it stays in its year's register and is not carried on. */
export function closeRisk(conn: Connection, actor: QuickWinActor, riskId: number): void {
	requireManager(conn, actor, 'risk_close', String(riskId));
	conn.sqlite
		.transaction(() => {
			const risk = quickWinsDb.getRisk(conn.db, riskId);
			if (!risk) throw new QuickWinError(404, 'not_found');
			quickWinsDb.closeRisk(conn.db, riskId);
			writeAudit(conn.sqlite, actorOf(actor), {
				action: 'quick_win.risk_close',
				entityType: 'quick_win',
				entityId: risk.quickWinId,
				before: { riskId, status: risk.status },
				after: { riskId, status: 'closed' }
			});
		})
		.immediate();
}

/**
 * Deletes a risk entered by mistake, with one audit row keeping it. Refused (409) once it was
 * carried into the next year: the later row names it, so it is closed instead.
 */
export function deleteRisk(conn: Connection, actor: QuickWinActor, riskId: number): void {
	requireManager(conn, actor, 'risk_delete', String(riskId));
	conn.sqlite
		.transaction(() => {
			const risk = quickWinsDb.getRisk(conn.db, riskId);
			if (!risk) throw new QuickWinError(404, 'not_found');
			if (quickWinsDb.carriedOn(conn.db, riskId)) throw new QuickWinError(409, 'carried');
			quickWinsDb.deleteRisk(conn.db, riskId);
			writeAudit(conn.sqlite, actorOf(actor), {
				action: 'quick_win.risk_delete',
				entityType: 'quick_win',
				entityId: risk.quickWinId,
				before: risk,
				after: null
			});
		})
		.immediate();
}

/**
 * Continues a quick win from `fromYear` into the next: its open risks of `fromYear` not carried
 * yet are copied into the next year (each naming the row it came from), and the quick win counts
 * as continued to that year. Carrying twice copies nothing new. Returns the new risks' ids.
 * @example carryRisks(conn, actor, 1, 2024) // [7, 8]: two open 2024 risks now in 2025 too
 */
export function carryRisks(
	conn: Connection,
	actor: QuickWinActor,
	quickWinId: number,
	fromYear: number
): number[] {
	requireManager(conn, actor, 'carry', String(quickWinId));
	return conn.sqlite
		.transaction(() => {
			const quickWin = existing(conn, quickWinId);
			const to = fromYear + 1;
			if (!Number.isInteger(fromYear) || fromYear < quickWin.startYear || to > MAX_YEAR)
				throw new QuickWinError(400, 'year_limit');
			const open = quickWinsDb.openUncarried(conn.db, quickWinId, fromYear);
			const ids = open.map((r) =>
				quickWinsDb.insertRisk(
					conn.db,
					quickWinId,
					{
						year: to,
						risk: r.risk,
						cause: r.cause,
						likelihood: r.likelihood,
						impact: r.impact,
						mitigation: r.mitigation,
						owner: r.owner
					},
					actor.user.username,
					r.id
				)
			);
			const continuedTo = Math.max(quickWin.continuedTo ?? quickWin.startYear, to);
			quickWinsDb.setContinuedTo(conn.db, quickWinId, continuedTo);
			writeAudit(conn.sqlite, actorOf(actor), {
				action: 'quick_win.carry',
				entityType: 'quick_win',
				entityId: quickWinId,
				before: { continuedTo: quickWin.continuedTo },
				after: { continuedTo, from: fromYear, to, risks: ids, carriedFrom: open.map((r) => r.id) }
			});
			return ids;
		})
		.immediate();
}

/** A stored quick win's criteria by the form's keys. */
function criteriaOf(r: quickWinsDb.QuickWinRow): Record<CriterionKey, string> {
	return {
		perumusan: r.perumusan,
		daya_tarik: r.dayaTarik,
		manfaat: r.manfaat,
		keunikan: r.keunikan,
		kemitraan: r.kemitraan,
		pengembangan: r.pengembangan,
		keberlangsungan: r.keberlangsungan,
		sumber_daya: r.sumberDaya
	};
}

export interface QuickWinWithRisks extends quickWinsDb.QuickWinRow {
	criteria: Record<CriterionKey, string>;
	/** Every year it ran, start year first. */
	years: number[];
	risks: quickWinsDb.RiskRow[];
}

/** A region's quick wins with their risk registers, for the staff page and the workspace. */
export function regionQuickWins(conn: Connection, regionCode: string): QuickWinWithRisks[] {
	const rows = quickWinsDb.ofRegion(conn.db, regionCode);
	const risks = quickWinsDb.risksOf(
		conn.db,
		rows.map((r) => r.id)
	);
	return rows.map((r) => {
		const last = r.continuedTo ?? r.startYear;
		return {
			...r,
			criteria: criteriaOf(r),
			years: Array.from({ length: last - r.startYear + 1 }, (_, i) => r.startYear + i),
			risks: risks.filter((k) => k.quickWinId === r.id)
		};
	});
}

/** A stored quick win as the form's fields, for editing; undefined when there is none. */
export function quickWinFields(
	conn: Connection,
	id: number
): Partial<Record<QuickWinField, string>> | undefined {
	const r = quickWinsDb.get(conn.db, id);
	if (!r) return undefined;
	return {
		name: r.name,
		opd: r.opd,
		start_year: String(r.startYear),
		rpjmd_problem: r.rpjmdProblem,
		formulated_with: r.formulatedWith,
		...criteriaOf(r)
	};
}
