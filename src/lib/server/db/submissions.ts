/**
 * The submission workspace's tables (submissions, their items, evidence, snapshots and
 * the files snapshots keep): plain verbs run on the caller's connection and in the caller's
 * transaction. No rules here: they live in `$lib/server/submissions/service.ts`.
 */
import type { Connection } from './index';
import type { SnapshotEvidence } from '../../submission/snapshot';
import type { ItemKind, ItemStatus, SubmissionKind } from '../../submission/types';

export interface SubmissionRow {
	id: number;
	kind: SubmissionKind;
	frameworkCode: string;
	regionCode: string;
	year: number;
	title: string;
	weightSet: string | null;
	status: 'open' | 'final';
	createdBy: string;
	createdAt: string;
}

export interface ItemRow {
	id: number;
	submissionId: number;
	itemKey: string;
	kind: ItemKind;
	groupCode: string;
	refCode: string;
	sortOrder: number;
	titleId: string;
	titleEn: string;
	answer: string | null;
	justification: string;
	opd: string;
	dueDate: string | null;
	status: ItemStatus;
	/** Instrument items: the preparer's score, 0–4. */
	selfScore: number | null;
	/** Instrument items: the reviewer's expected assessor score, 0–4. */
	expectedScore: number | null;
	reviewComment: string;
	required: boolean;
	evidenceRequired: boolean;
	updatedBy: string | null;
	updatedAt: string | null;
}

/** An evidence row: what a snapshot freezes of it, plus its identity. */
export interface EvidenceRow extends SnapshotEvidence {
	id: number;
	itemId: number;
	createdBy: string;
	createdAt: string;
}

export interface SnapshotRow {
	id: number;
	submissionId: number;
	createdBy: string;
	createdAt: string;
	profileCode: string | null;
	profileVersion: string | null;
	content: string;
	contentSha256: string;
}

const SUBMISSION_COLUMNS = `id, kind, framework_code AS frameworkCode, region_code AS regionCode, year, title,
	weight_set AS weightSet, status, created_by AS createdBy, created_at AS createdAt`;
const ITEM_COLUMNS = `id, submission_id AS submissionId, item_key AS itemKey, kind, group_code AS groupCode,
	ref_code AS refCode, sort_order AS sortOrder, title_id AS titleId, title_en AS titleEn, answer,
	justification, opd, due_date AS dueDate, status, self_score AS selfScore,
	expected_score AS expectedScore, review_comment AS reviewComment, required,
	evidence_required AS evidenceRequired, updated_by AS updatedBy, updated_at AS updatedAt`;
const EVIDENCE_COLUMNS = `id, item_id AS itemId, kind, name, sha256, size, mime, url, created_by AS createdBy,
	created_at AS createdAt`;
const SNAPSHOT_COLUMNS = `id, submission_id AS submissionId, created_by AS createdBy, created_at AS createdAt,
	profile_code AS profileCode, profile_version AS profileVersion, content, content_sha256 AS contentSha256`;

/** SQLite stores booleans as 0/1: a row mapper that gives the named columns back as booleans. */
function withBooleans<T>(...columns: (keyof T & string)[]) {
	return (r: unknown): T => {
		const row = { ...(r as Record<string, unknown>) };
		for (const c of columns) row[c] = Boolean(row[c]);
		return row as T;
	};
}
const item = withBooleans<ItemRow>('required', 'evidenceRequired');
const now = () => new Date().toISOString();

/** One row of `table` by id, through `map` when it has booleans; undefined when there is none. */
function byId<T>(
	conn: Connection,
	table: string,
	columns: string,
	id: number,
	map: (r: unknown) => T = (r) => r as T
): T | undefined {
	const row = conn.sqlite.prepare(`SELECT ${columns} FROM ${table} WHERE id = ?`).get(id);
	return row === undefined ? undefined : map(row);
}

/** Runs an INSERT and gives the new row's id. */
function insertRow(conn: Connection, sql: string, ...params: unknown[]): number {
	return Number(conn.sqlite.prepare(sql).run(...params).lastInsertRowid);
}

export function listSubmissions(conn: Connection): SubmissionRow[] {
	return conn.sqlite
		.prepare(`SELECT ${SUBMISSION_COLUMNS} FROM submissions ORDER BY year DESC, kind, id`)
		.all() as SubmissionRow[];
}

export function getSubmission(conn: Connection, id: number): SubmissionRow | undefined {
	return byId(conn, 'submissions', SUBMISSION_COLUMNS, id);
}

export function findSubmission(
	conn: Connection,
	kind: SubmissionKind,
	frameworkCode: string,
	regionCode: string,
	year: number
): SubmissionRow | undefined {
	return conn.sqlite
		.prepare(
			`SELECT ${SUBMISSION_COLUMNS} FROM submissions
			 WHERE kind = ? AND framework_code = ? AND region_code = ? AND year = ?`
		)
		.get(kind, frameworkCode, regionCode, year) as SubmissionRow | undefined;
}

export function insertSubmission(
	conn: Connection,
	row: Omit<SubmissionRow, 'id' | 'status' | 'createdAt'>
): number {
	return insertRow(
		conn,
		`INSERT INTO submissions (kind, framework_code, region_code, year, title, weight_set, created_by)
		 VALUES (?, ?, ?, ?, ?, ?, ?)`,
		row.kind,
		row.frameworkCode,
		row.regionCode,
		row.year,
		row.title,
		row.weightSet,
		row.createdBy
	);
}

export function setSubmissionStatus(conn: Connection, id: number, status: 'open' | 'final') {
	conn.sqlite.prepare(`UPDATE submissions SET status = ? WHERE id = ?`).run(status, id);
}

export interface NewItem {
	itemKey: string;
	kind: ItemKind;
	groupCode: string;
	refCode: string;
	sortOrder: number;
	titleId: string;
	titleEn: string;
	opd: string;
	evidenceRequired?: boolean;
}

export function insertItems(conn: Connection, submissionId: number, items: readonly NewItem[]) {
	const insert = conn.sqlite.prepare(
		`INSERT INTO submission_items (submission_id, item_key, kind, group_code, ref_code, sort_order,
		   title_id, title_en, opd, evidence_required)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	for (const i of items) {
		insert.run(
			submissionId,
			i.itemKey,
			i.kind,
			i.groupCode,
			i.refCode,
			i.sortOrder,
			i.titleId,
			i.titleEn,
			i.opd,
			i.evidenceRequired === false ? 0 : 1
		);
	}
}

export function listItems(conn: Connection, submissionId: number): ItemRow[] {
	return conn.sqlite
		.prepare(
			`SELECT ${ITEM_COLUMNS} FROM submission_items WHERE submission_id = ? ORDER BY sort_order, id`
		)
		.all(submissionId)
		.map(item);
}

export function getItem(conn: Connection, id: number): ItemRow | undefined {
	return byId(conn, 'submission_items', ITEM_COLUMNS, id, item);
}

export function updateItemContent(
	conn: Connection,
	id: number,
	v: {
		answer: string | null;
		selfScore: number | null;
		justification: string;
		status: ItemStatus;
		updatedBy: string;
	}
) {
	conn.sqlite
		.prepare(
			`UPDATE submission_items SET answer = ?, self_score = ?, justification = ?, status = ?,
			   updated_by = ?, updated_at = ?
			 WHERE id = ?`
		)
		.run(v.answer, v.selfScore, v.justification, v.status, v.updatedBy, now(), id);
}

/** The reviewer's expected assessor score of an instrument item (null clears it). */
export function setExpectedScore(
	conn: Connection,
	id: number,
	score: number | null,
	updatedBy: string
) {
	conn.sqlite
		.prepare(
			`UPDATE submission_items SET expected_score = ?, updated_by = ?, updated_at = ? WHERE id = ?`
		)
		.run(score, updatedBy, now(), id);
}

export function setItemStatus(
	conn: Connection,
	id: number,
	status: ItemStatus,
	reviewComment: string,
	updatedBy: string
) {
	conn.sqlite
		.prepare(
			`UPDATE submission_items SET status = ?, review_comment = ?, updated_by = ?, updated_at = ? WHERE id = ?`
		)
		.run(status, reviewComment, updatedBy, now(), id);
}

export function assignItem(conn: Connection, id: number, opd: string, dueDate: string | null) {
	conn.sqlite
		.prepare(`UPDATE submission_items SET opd = ?, due_date = ? WHERE id = ?`)
		.run(opd, dueDate, id);
}

export function listEvidence(conn: Connection, submissionId: number): EvidenceRow[] {
	return conn.sqlite
		.prepare(
			`SELECT ${EVIDENCE_COLUMNS.replace(/(^|,\s*)(\w+)/g, '$1e.$2')} FROM evidence e
			 JOIN submission_items i ON i.id = e.item_id WHERE i.submission_id = ? ORDER BY e.id`
		)
		.all(submissionId) as EvidenceRow[];
}

export function getEvidence(conn: Connection, id: number): EvidenceRow | undefined {
	return byId(conn, 'evidence', EVIDENCE_COLUMNS, id);
}

export function evidenceCount(conn: Connection, itemId: number): number {
	return (
		conn.sqlite.prepare(`SELECT count(*) AS n FROM evidence WHERE item_id = ?`).get(itemId) as {
			n: number;
		}
	).n;
}

export function evidenceCounts(conn: Connection, submissionId: number): Map<number, number> {
	const rows = conn.sqlite
		.prepare(
			`SELECT e.item_id AS itemId, count(*) AS n FROM evidence e JOIN submission_items i ON i.id = e.item_id
			 WHERE i.submission_id = ? GROUP BY e.item_id`
		)
		.all(submissionId) as { itemId: number; n: number }[];
	return new Map(rows.map((r) => [r.itemId, r.n]));
}

export function insertEvidence(
	conn: Connection,
	row: Omit<EvidenceRow, 'id' | 'createdAt'>
): number {
	return insertRow(
		conn,
		`INSERT INTO evidence (item_id, kind, name, sha256, size, mime, url, created_by)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		row.itemId,
		row.kind,
		row.name,
		row.sha256,
		row.size,
		row.mime,
		row.url,
		row.createdBy
	);
}

export function deleteEvidence(conn: Connection, id: number) {
	conn.sqlite.prepare(`DELETE FROM evidence WHERE id = ?`).run(id);
}

/** An evidence row of this submission by its id; undefined for another submission's row. */
export function evidenceOfSubmission(
	conn: Connection,
	submissionId: number,
	evidenceId: number
): EvidenceRow | undefined {
	return conn.sqlite
		.prepare(
			`SELECT ${EVIDENCE_COLUMNS.replace(/(^|,\s*)(\w+)/g, '$1e.$2')} FROM evidence e
			 JOIN submission_items i ON i.id = e.item_id WHERE i.submission_id = ? AND e.id = ?`
		)
		.get(submissionId, evidenceId) as EvidenceRow | undefined;
}

/** True while an evidence row or a frozen snapshot names the file with this hash. */
export function fileIsReferenced(conn: Connection, sha256: string): boolean {
	const row = conn.sqlite
		.prepare(
			`SELECT EXISTS (SELECT 1 FROM evidence WHERE sha256 = ?)
			     OR EXISTS (SELECT 1 FROM snapshot_files WHERE sha256 = ?) AS used`
		)
		.get(sha256, sha256) as { used: number };
	return row.used === 1;
}

/** True when a snapshot holds on to the file with this hash (so it is kept on disk). */
export function snapshotHasFile(conn: Connection, snapshotId: number, sha256: string): boolean {
	return (
		(
			conn.sqlite
				.prepare(
					`SELECT EXISTS (SELECT 1 FROM snapshot_files WHERE snapshot_id = ? AND sha256 = ?) AS has`
				)
				.get(snapshotId, sha256) as { has: number }
		).has === 1
	);
}

export function listSnapshots(
	conn: Connection,
	submissionId: number
): Omit<SnapshotRow, 'content'>[] {
	return conn.sqlite
		.prepare(
			`SELECT ${SNAPSHOT_COLUMNS.replace(', content,', ',')} FROM submission_snapshots
			 WHERE submission_id = ? ORDER BY id DESC`
		)
		.all(submissionId) as Omit<SnapshotRow, 'content'>[];
}

export function getSnapshot(conn: Connection, id: number): SnapshotRow | undefined {
	return byId(conn, 'submission_snapshots', SNAPSHOT_COLUMNS, id);
}

export function insertSnapshot(
	conn: Connection,
	row: Omit<SnapshotRow, 'id' | 'createdAt'>
): number {
	return insertRow(
		conn,
		`INSERT INTO submission_snapshots (submission_id, created_by, profile_code, profile_version, content,
		   content_sha256) VALUES (?, ?, ?, ?, ?, ?)`,
		row.submissionId,
		row.createdBy,
		row.profileCode,
		row.profileVersion,
		row.content,
		row.contentSha256
	);
}

export function insertSnapshotFiles(
	conn: Connection,
	snapshotId: number,
	hashes: readonly string[]
) {
	const insert = conn.sqlite.prepare(
		`INSERT INTO snapshot_files (snapshot_id, sha256) VALUES (?, ?)`
	);
	for (const h of hashes) insert.run(snapshotId, h);
}
