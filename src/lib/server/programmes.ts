/**
 * The programme register (issue 21 item 1): the masterplan's programmes and action plans per
 * GM100SC element, and what each achieved per year (planned, done, % realised, evidence). Staff of
 * the owning OPD enter their own OPD's (a produsen), walidata and admin any (`mayEditProgramme`);
 * a reviewer approves a programme-year's progress, which makes it public; changing it afterwards
 * makes it a draft again. Every write is one `BEGIN IMMEDIATE` transaction with its audit row; a
 * refused right is recorded as `auth.denied` before the 403. Framework-free: the staff page, the
 * public page, the workspace and the integration tests call the same verbs.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { may, mayEditProgramme, type SessionUser } from './auth/roles';
import { actorOf, cliActor, recordDenial, writeAudit } from './audit';
import { readCsvRows } from './data-files';
import type { Connection } from './db';
import * as frameworksDb from './db/frameworks';
import * as programmesDb from './db/programmes';
import * as regionsDb from './db/regions';
import {
	PROGRAMME_YEARS,
	validateProgramme,
	validateProgress,
	type BudgetSource,
	type ProgrammeField,
	type ProgrammeKind,
	type ProgrammeProblem,
	type ProgrammeProblemField,
	type ProgressField
} from '../evaluation/programme-input';

/** Who acts, and from where (for the audit log). */
export interface ProgrammeActor {
	user: Pick<SessionUser, 'id' | 'username' | 'role' | 'opd'>;
	address: string;
}

export type { ProgrammeProblemField };

export type ProgrammeErrorCode = 'forbidden' | 'not_found' | 'invalid' | 'in_use';

/** A refused write: `status` is the HTTP status; the problems say what to change. */
export class ProgrammeError extends Error {
	override name = 'ProgrammeError';
	constructor(
		readonly status: 400 | 403 | 404 | 409,
		readonly code: ProgrammeErrorCode,
		readonly problems: readonly ProgrammeProblem<ProgrammeProblemField>[] = []
	) {
		super(code);
	}
}

const ENTITY = 'programme';

function deny(conn: Connection, actor: ProgrammeActor, entity: string, op: string): never {
	recordDenial(conn, actor, ENTITY, entity, op);
	throw new ProgrammeError(403, 'forbidden');
}

/** The capability first: a viewer or planner is refused before anything is read. */
function requireRight(
	conn: Connection,
	actor: ProgrammeActor,
	capability: 'manageProgrammes' | 'approveProgrammes',
	entity: string,
	op: string
) {
	if (!may(actor.user, capability)) deny(conn, actor, entity, op);
}

/** A posted id that names no row: a 404 whose problem names the field. */
function unknown(field: 'programme' | 'progress', id: number): never {
	throw new ProgrammeError(404, 'not_found', [
		{ field, code: 'not_listed', value: String(id), params: {} }
	]);
}

function existing(conn: Connection, id: number) {
	return programmesDb.get(conn.db, id) ?? unknown('programme', id);
}

/** The elements of a framework with their dimension (pillar), in display order. */
export function pillarsOf(conn: Connection, frameworkCode: string) {
	const nodes = frameworksDb.nodeRows(conn, frameworkCode);
	const elements = frameworksDb.elements(conn, frameworkCode);
	return nodes
		.filter((n) => n.parentCode === null)
		.map((d) => ({
			code: d.code,
			nameId: d.nameId,
			nameEn: d.nameEn,
			elements: elements
				.filter((e) => e.parentCode === d.code)
				.map((e) => ({ code: e.code, nameId: e.nameId, nameEn: e.nameEn }))
		}))
		.filter((d) => d.elements.length > 0);
}

function checkedProgramme(
	conn: Connection,
	frameworkCode: string,
	fields: Partial<Record<ProgrammeField, string>>
) {
	const codes = frameworksDb.elements(conn, frameworkCode).map((e) => e.code);
	const result = validateProgramme(fields, codes);
	if (!result.ok) throw new ProgrammeError(400, 'invalid', result.problems);
	return result.values;
}

/** Records a programme of a region under the register's framework; returns its id. */
export function createProgramme(
	conn: Connection,
	actor: ProgrammeActor,
	regionCode: string,
	frameworkCode: string,
	fields: Partial<Record<ProgrammeField, string>>
): number {
	requireRight(conn, actor, 'manageProgrammes', 'new', 'create');
	const values = checkedProgramme(conn, frameworkCode, fields);
	if (!mayEditProgramme(actor.user, values.opd)) deny(conn, actor, `new/${values.opd}`, 'create');
	return conn.sqlite
		.transaction(() => {
			if (!regionsDb.get(conn.db, regionCode)) throw new ProgrammeError(404, 'not_found');
			const id = programmesDb.insert(
				conn.db,
				{ regionCode, frameworkCode },
				values,
				actor.user.username
			);
			writeAudit(conn.sqlite, actorOf(actor), {
				action: 'programme.create',
				entityType: ENTITY,
				entityId: id,
				after: { region: regionCode, ...values }
			});
			return id;
		})
		.immediate();
}

/** Replaces a programme's fields; its OPD's staff (before and after the change) or walidata/admin. */
export function updateProgramme(
	conn: Connection,
	actor: ProgrammeActor,
	id: number,
	fields: Partial<Record<ProgrammeField, string>>
): void {
	requireRight(conn, actor, 'manageProgrammes', String(id), 'update');
	const before = existing(conn, id);
	if (!mayEditProgramme(actor.user, before.opd)) deny(conn, actor, String(id), 'update');
	const values = checkedProgramme(conn, before.frameworkCode, fields);
	if (!mayEditProgramme(actor.user, values.opd)) deny(conn, actor, String(id), 'update');
	conn.sqlite
		.transaction(() => {
			const first = programmesDb.progressOf(conn.db, [id])[0];
			// A start after a year that already has progress would orphan it: say so on the field.
			if (first && values.startYear > first.year)
				throw new ProgrammeError(400, 'invalid', [
					{
						field: 'start_year',
						code: 'year_range',
						value: String(values.startYear),
						params: { min: PROGRAMME_YEARS.min, max: first.year }
					}
				]);
			programmesDb.update(conn.db, id, values);
			writeAudit(conn.sqlite, actorOf(actor), {
				action: 'programme.update',
				entityType: ENTITY,
				entityId: id,
				before,
				after: values
			});
		})
		.immediate();
}

/**
 * Deletes a programme entered by mistake, with its draft progress; its OPD's staff or
 * walidata/admin. Refused (409) once a year's progress is approved, which made it public, or a
 * residents' survey names it: such a programme is kept, and its status set to stopped instead.
 */
export function deleteProgramme(conn: Connection, actor: ProgrammeActor, id: number): void {
	requireRight(conn, actor, 'manageProgrammes', String(id), 'delete');
	const before = existing(conn, id);
	if (!mayEditProgramme(actor.user, before.opd)) deny(conn, actor, String(id), 'delete');
	conn.sqlite
		.transaction(() => {
			const progress = programmesDb.progressOf(conn.db, [id]);
			if (progress.some((g) => g.status === 'approved') || programmesDb.inSurvey(conn.db, id))
				throw new ProgrammeError(409, 'in_use', [
					{ field: 'programme', code: 'in_use', value: before.name.slice(0, 40), params: {} }
				]);
			programmesDb.remove(conn.db, id);
			writeAudit(conn.sqlite, actorOf(actor), {
				action: 'programme.delete',
				entityType: ENTITY,
				entityId: id,
				before: { ...before, progress },
				after: null
			});
		})
		.immediate();
}

/**
 * Records a programme's progress in a year, or replaces that year's: the one row per programme
 * and year. A replaced row that was approved becomes a draft for the reviewer again. Returns the
 * row's id.
 */
export function saveProgress(
	conn: Connection,
	actor: ProgrammeActor,
	programmeId: number,
	fields: Partial<Record<ProgressField, string>>
): number {
	requireRight(conn, actor, 'manageProgrammes', String(programmeId), 'progress_save');
	const programme = existing(conn, programmeId);
	if (!mayEditProgramme(actor.user, programme.opd))
		deny(conn, actor, String(programmeId), 'progress_save');
	const result = validateProgress(fields, programme.startYear);
	if (!result.ok) throw new ProgrammeError(400, 'invalid', result.problems);
	const values = result.values;
	return conn.sqlite
		.transaction(() => {
			const before = programmesDb.progressInYear(conn.db, programmeId, values.year);
			const id = before
				? (programmesDb.replaceProgress(conn.db, before.id, values, actor.user.username), before.id)
				: programmesDb.insertProgress(conn.db, programmeId, values, actor.user.username);
			writeAudit(conn.sqlite, actorOf(actor), {
				action: 'programme.progress_save',
				entityType: ENTITY,
				entityId: programmeId,
				before: before ?? null,
				after: { progressId: id, ...values, status: 'draft' }
			});
			return id;
		})
		.immediate();
}

/** Approves a programme-year's progress (walidata, admin): it becomes public. */
export function approveProgress(conn: Connection, actor: ProgrammeActor, progressId: number): void {
	requireRight(conn, actor, 'approveProgrammes', `progress/${progressId}`, 'progress_approve');
	conn.sqlite
		.transaction(() => {
			const row = programmesDb.getProgress(conn.db, progressId) ?? unknown('progress', progressId);
			programmesDb.approveProgress(conn.db, progressId, actor.user.username);
			writeAudit(conn.sqlite, actorOf(actor), {
				action: 'programme.progress_approve',
				entityType: ENTITY,
				entityId: row.programmeId,
				before: { progressId, year: row.year, status: row.status },
				after: { progressId, year: row.year, status: 'approved' }
			});
		})
		.immediate();
}

export interface RegisterProgramme extends programmesDb.ProgrammeRow {
	/** The element's dimension (GM100SC pillar). */
	dimension: string;
	progress: programmesDb.ProgressRow[];
}

/** What the public page and the workspace may narrow the register by; every part optional. */
export interface RegisterFilter {
	dimension?: string | null;
	opd?: string | null;
	/** Programmes running that year (started then or before), with that year's progress only. */
	year?: number | null;
	kind?: ProgrammeKind | null;
	/** Only approved progress (the public page, the workspace's summaries). */
	approvedOnly?: boolean;
}

/** A region's register with each programme's progress, narrowed by `filter`. */
export function register(
	conn: Connection,
	regionCode: string,
	frameworkCode: string,
	filter: RegisterFilter = {}
): RegisterProgramme[] {
	const dimensionOf = new Map(
		frameworksDb.elements(conn, frameworkCode).map((e) => [e.code, e.parentCode ?? ''])
	);
	const rows = programmesDb
		.ofRegion(conn.db, regionCode, frameworkCode)
		.filter(
			(p) =>
				(!filter.dimension || dimensionOf.get(p.elementCode) === filter.dimension) &&
				(!filter.opd || p.opd === filter.opd) &&
				(!filter.kind || p.kind === filter.kind) &&
				(!filter.year || p.startYear <= filter.year)
		);
	const progress = programmesDb.progressOf(
		conn.db,
		rows.map((r) => r.id)
	);
	return rows.map((r) => ({
		...r,
		dimension: dimensionOf.get(r.elementCode) ?? '',
		progress: progress.filter(
			(g) =>
				g.programmeId === r.id &&
				(!filter.approvedOnly || g.status === 'approved') &&
				(!filter.year || g.year === filter.year)
		)
	}));
}

/** A stored programme as the form's fields, for editing; undefined when there is none. */
export function programmeFields(
	conn: Connection,
	id: number
): Partial<Record<ProgrammeField, string>> | undefined {
	const r = programmesDb.get(conn.db, id);
	if (!r) return undefined;
	return {
		element: r.elementCode,
		kind: r.kind,
		name: r.name,
		opd: r.opd,
		start_year: String(r.startYear),
		masterplan_title: r.masterplanTitle,
		masterplan_page: r.masterplanPage === null ? '' : String(r.masterplanPage),
		budget_source: r.budgetSource ?? '',
		budget: r.budget === null ? '' : String(r.budget).replace('.', ','),
		rpjmd_problem: r.rpjmdProblem,
		status: r.status,
		quick_win: r.quickWin ? 'on' : '',
		source: r.source
	};
}

/** A programme as the public page shows it: no staff names, only approved progress. */
export interface PublicProgramme {
	id: number;
	name: string;
	elementCode: string;
	dimension: string;
	kind: ProgrammeKind;
	opd: string;
	startYear: number;
	masterplanTitle: string;
	masterplanPage: number | null;
	budgetSource: BudgetSource | null;
	budget: number | null;
	quickWin: boolean;
	source: string;
	progress: { year: number; planned: string; done: string; percent: number; evidence: string }[];
}

/**
 * The public register (`/programmes`): the filter's programmes with their approved progress only,
 * and the choices the filter offers (every OPD and year of the whole public register).
 */
export function publicRegister(
	conn: Connection,
	regionCode: string,
	frameworkCode: string,
	filter: Omit<RegisterFilter, 'approvedOnly'>
) {
	const all = register(conn, regionCode, frameworkCode, { approvedOnly: true });
	const shown = register(conn, regionCode, frameworkCode, { ...filter, approvedOnly: true });
	return {
		opds: [...new Set(all.map((p) => p.opd))].sort(),
		years: [...new Set(all.flatMap((p) => [p.startYear, ...p.progress.map((g) => g.year)]))].sort(
			(a, b) => b - a
		),
		programmes: shown.map((p): PublicProgramme => ({
			id: p.id,
			name: p.name,
			elementCode: p.elementCode,
			dimension: p.dimension,
			kind: p.kind,
			opd: p.opd,
			startYear: p.startYear,
			masterplanTitle: p.masterplanTitle,
			masterplanPage: p.masterplanPage,
			budgetSource: p.budgetSource,
			budget: p.budget,
			quickWin: p.quickWin,
			source: p.source,
			progress: p.progress.map((g) => ({
				year: g.year,
				planned: g.planned,
				done: g.done,
				percent: g.percent,
				evidence: g.evidence
			}))
		}))
	};
}

/** The demo's invented programmes (`demo/programmes.csv`) and their progress (`demo/programme-progress.csv`). */
export const DEMO_PROGRAMME_FILES = {
	programmes: 'demo/programmes.csv',
	progress: 'demo/programme-progress.csv'
} as const;

/**
 * Loads the demo's invented programmes and progress into the default region, once, when the
 * demo database is first seeded: every row through the same checks as the staff form, all in one
 * transaction with an audit row per programme (actor `system`); a bad row stops it, naming the
 * file, row and field. The default instance never calls this: its register starts empty.
 * @example seedDemoProgrammes(conn, 'data', '33.18', 'gm100sc-2018') // 12
 */
export function seedDemoProgrammes(
	conn: Connection,
	dataDir: string,
	regionCode: string,
	frameworkCode: string
): number {
	const file = (f: string) => path.join(dataDir, f);
	if (!existsSync(file(DEMO_PROGRAMME_FILES.programmes))) return 0;
	const codes = frameworksDb.elements(conn, frameworkCode).map((e) => e.code);
	const refuse = (f: string, row: number, problems: readonly ProgrammeProblem<string>[]) => {
		const p = problems[0];
		throw new Error(`${f}, row ${row + 2}, column ${p.field}: ${p.code} (value "${p.value}").`);
	};
	const programmes = readCsvRows(file(DEMO_PROGRAMME_FILES.programmes)).map((r, i) => {
		const checked = validateProgramme(r, codes);
		if (!checked.ok) return refuse(DEMO_PROGRAMME_FILES.programmes, i, checked.problems);
		return { key: r.key, values: checked.values };
	});
	const progress = existsSync(file(DEMO_PROGRAMME_FILES.progress))
		? readCsvRows(file(DEMO_PROGRAMME_FILES.progress)).map((r, i) => {
				const owner = programmes.find((p) => p.key === r.programme);
				if (!owner)
					return refuse(DEMO_PROGRAMME_FILES.progress, i, [
						{ field: 'programme', code: 'not_listed', value: r.programme ?? '', params: {} }
					]);
				const checked = validateProgress(r, owner.values.startYear);
				if (!checked.ok) return refuse(DEMO_PROGRAMME_FILES.progress, i, checked.problems);
				return { key: r.programme, approved: r.approved === 'yes', values: checked.values };
			})
		: [];
	const actor = cliActor();
	return conn.sqlite
		.transaction(() => {
			for (const p of programmes) {
				const id = programmesDb.insert(conn.db, { regionCode, frameworkCode }, p.values, 'system');
				for (const g of progress.filter((x) => x.key === p.key)) {
					const progressId = programmesDb.insertProgress(conn.db, id, g.values, 'system');
					if (g.approved) programmesDb.approveProgress(conn.db, progressId, 'system');
				}
				writeAudit(conn.sqlite, actor, {
					action: 'programme.create',
					entityType: ENTITY,
					entityId: id,
					after: { region: regionCode, demo: true, ...p.values }
				});
			}
			return programmes.length;
		})
		.immediate();
}
