/**
 * Indicator → OPD assignment: which producer agency's staff may change an indicator's data.
 * The same column is also set by an indicators CSV import (`opd`).
 */
import type { Connection } from './index';
import { writeAudit, type Actor } from '../audit';

export function listIndicatorOpds(conn: Connection) {
	return conn.sqlite
		.prepare(
			`SELECT code, framework_code AS frameworkCode, name_id AS nameId, name_en AS nameEn, opd
			 FROM indicators ORDER BY framework_code, sort_order, code`
		)
		.all() as {
		code: string;
		frameworkCode: string;
		nameId: string;
		nameEn: string;
		opd: string;
	}[];
}

export function indicatorOpd(conn: Connection, code: string): string | undefined {
	const row = conn.sqlite.prepare(`SELECT opd FROM indicators WHERE code = ?`).get(code) as
		{ opd: string } | undefined;
	return row?.opd;
}

/** Sets an indicator's OPD with its audit row, in one transaction. False when nothing changed. */
export function setIndicatorOpd(
	conn: Connection,
	code: string,
	opd: string,
	actor: Actor
): boolean {
	return conn.sqlite
		.transaction(() => {
			const before = indicatorOpd(conn, code);
			if (before === undefined || before === opd) return false;
			conn.sqlite.prepare(`UPDATE indicators SET opd = ? WHERE code = ?`).run(opd, code);
			writeAudit(conn.sqlite, actor, {
				action: 'indicator.set_opd',
				entityType: 'indicator',
				entityId: code,
				before: { opd: before },
				after: { opd }
			});
			return true;
		})
		.immediate();
}

/** The OPD codes that own at least one indicator, sorted: `['BAPPEDA', 'BPS', 'DINKES', …]`. */
export function knownOpds(conn: Connection): string[] {
	return (
		conn.sqlite
			.prepare(`SELECT DISTINCT opd FROM indicators WHERE opd <> '' ORDER BY opd`)
			.all() as { opd: string }[]
	).map((r) => r.opd);
}
