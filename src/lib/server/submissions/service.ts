/**
 * The submission workspace's service: creating a workspace, the item workflow (save, submit,
 * return, accept), evidence, finalising into a frozen snapshot and reopening. Every
 * write runs in one `BEGIN IMMEDIATE` transaction with its audit row; every refusal of a person's
 * right is recorded as `auth.denied` before the 403.
 */
import { createHash } from 'node:crypto';
import { actorOf, recordAudit, writeAudit, type Actor, type AuditInput } from '../audit';
import { normaliseOpd, OPD_PATTERN } from '$lib/domain';
import type { Connection } from '../db';
import * as frameworksDb from '../db/frameworks';
import * as indicatorsDb from '../db/indicators';
import * as store from '../db/submissions';
import { isYearInRange } from '../../import/types';
import {
	EvidenceRejected,
	removeIfUnreferenced,
	storeEvidence,
	type EvidenceStore
} from '../evidence';
import { checkAnswer, checkScore, MAX_JUSTIFICATION } from '../../submission/answer';
import { completeness, contentComplete, type Completeness } from '../../submission/completeness';
import { isEvidenceUrl, sanitiseFileName } from '../../submission/files';
import { activeParts, type AnswerKind } from '../../submission/instrument';
import type { SnapshotContent } from '../../submission/snapshot';
import { mayEditItem, mayReview, transition, type ItemAction } from '../../submission/status';
import type { ItemFacts, ItemStatus, StaffActor, SubmissionKind } from '../../submission/types';
import { config } from '../config';
import { instrument, instrumentItems } from './reference';
import { buildContent } from './state';

export interface SubmissionUser extends StaffActor {
	id: number;
	username: string;
}

/** Who acts, and from where (for the audit log). */
export interface SubmissionActor {
	user: SubmissionUser;
	address: string;
}

export type SubmissionErrorCode =
	| 'not_found'
	| 'forbidden'
	| 'locked'
	| 'invalid_state'
	| 'incomplete'
	| 'comment_required'
	| 'invalid_answer'
	| 'invalid_input'
	| 'exists'
	| 'no_framework'
	| 'not_ready'
	| 'evidence_rejected';

/** A refused operation: `status` is the HTTP status, `detail` what the page shows. */
export class SubmissionError extends Error {
	override name = 'SubmissionError';
	constructor(
		readonly status: 400 | 403 | 404 | 409,
		readonly code: SubmissionErrorCode,
		readonly detail: Record<string, unknown> = {}
	) {
		super(`${code}${Object.keys(detail).length ? ` ${JSON.stringify(detail)}` : ''}`);
	}
}

/** A 403 that carries its audit entry: written after the transaction rolled back (see `tx`). */
class Denied extends SubmissionError {
	constructor(
		readonly actor: Actor,
		readonly entry: AuditInput,
		detail: Record<string, unknown>
	) {
		super(403, 'forbidden', detail);
	}
}

/** Throws a 403 that `tx` or `guarded` records. */
function denied(actor: SubmissionActor, entity: string, detail: Record<string, unknown>): never {
	throw new Denied(
		actorOf(actor),
		{
			action: 'auth.denied',
			entityType: 'submission',
			entityId: entity,
			after: { role: actor.user.role, opd: actor.user.opd, ...detail }
		},
		detail
	);
}

/** Runs `fn` (a check outside any transaction), recording a denial it throws. */
function guarded<T>(conn: Connection, fn: () => T): T {
	try {
		return fn();
	} catch (e) {
		if (e instanceof Denied) recordAudit(conn, e.actor, e.entry);
		throw e;
	}
}

/**
 * Runs `fn` in one BEGIN IMMEDIATE transaction. A denial rolls the transaction back with
 * everything else, so its audit row is written afterwards in a transaction of its own.
 */
function tx<T>(conn: Connection, fn: () => T): T {
	return guarded(conn, () => conn.sqlite.transaction(fn).immediate());
}

function requireReviewer(actor: SubmissionActor, entity: string, op: string) {
	if (!mayReview(actor.user)) denied(actor, entity, { op });
}

function getSubmission(conn: Connection, id: number) {
	const row = store.getSubmission(conn, id);
	if (!row) throw new SubmissionError(404, 'not_found', { submission: id });
	return row;
}

function getItem(conn: Connection, submissionId: number, itemId: number) {
	const item = store.getItem(conn, itemId);
	if (!item || item.submissionId !== submissionId) {
		throw new SubmissionError(404, 'not_found', { item: itemId });
	}
	return item;
}

/** The facts completeness and the workflow read, for one stored item. */
export function itemFacts(item: store.ItemRow, evidenceCount: number): ItemFacts {
	return {
		key: item.itemKey,
		kind: item.kind,
		group: item.groupCode,
		answer: item.answer,
		selfScore: item.kind === 'instrument' ? item.selfScore : null,
		justification: item.justification,
		evidenceCount,
		status: item.status,
		required: item.required,
		evidenceRequired: item.evidenceRequired
	};
}

/** Completeness of stored items, with their evidence counts by item id. */
export function itemsCompleteness(
	items: readonly store.ItemRow[],
	evidenceCounts: ReadonlyMap<number, number>
): Completeness {
	return completeness(items.map((i) => itemFacts(i, evidenceCounts.get(i.id) ?? 0)));
}

/** Completeness of a submission from its stored items. */
export function submissionCompleteness(conn: Connection, submissionId: number): Completeness {
	return itemsCompleteness(
		store.listItems(conn, submissionId),
		store.evidenceCounts(conn, submissionId)
	);
}

export interface CreateInput {
	kind: SubmissionKind;
	year: number;
	regionCode: string;
	/** Kominfo weight set (GM100SC only). */
	weightSet?: string | null;
	title?: string;
}

/**
 * Creates the workspace of a kind, region and year with all its items: SPBE, one per indicator
 * of the framework in force that year; GM100SC, one per element plus one per item of the
 * instrument parts the weight set uses. Walidata and admin only.
 */
export function createSubmission(
	conn: Connection,
	actor: SubmissionActor,
	input: CreateInput,
	dataDir: string
): number {
	guarded(conn, () => requireReviewer(actor, 'new', 'create'));
	if (!isYearInRange(input.year)) {
		throw new SubmissionError(400, 'invalid_input', { field: 'year' });
	}
	const framework = frameworksDb.inForce(conn, input.kind, input.year);
	if (!framework)
		throw new SubmissionError(400, 'no_framework', { kind: input.kind, year: input.year });
	let weightSet: string | null = null;
	const inst = instrument(dataDir);
	if (input.kind === 'gm100sc') {
		const set = inst.weightSets.find((w) => w.code === input.weightSet);
		if (!set) throw new SubmissionError(400, 'invalid_input', { field: 'weight_set' });
		weightSet = set.code;
	}
	if (store.findSubmission(conn, input.kind, framework.code, input.regionCode, input.year)) {
		throw new SubmissionError(409, 'exists', { year: input.year });
	}
	const items: store.NewItem[] = [];
	if (input.kind === 'spbe') {
		for (const [n, ind] of indicatorsDb.ofFramework(conn, framework.code).entries()) {
			items.push({
				itemKey: `spbe:${ind.code}`,
				kind: 'spbe',
				groupCode: ind.elementCode,
				refCode: ind.code,
				sortOrder: n,
				titleId: ind.nameId,
				titleEn: ind.nameEn,
				opd: ind.opd
			});
		}
	} else {
		const indicators = indicatorsDb.ofFramework(conn, framework.code);
		let n = 0;
		for (const el of frameworksDb.elements(conn, framework.code)) {
			items.push({
				itemKey: `element:${el.code}`,
				kind: 'element',
				groupCode: el.parentCode ?? el.code,
				refCode: el.code,
				sortOrder: n++,
				titleId: el.nameId,
				titleEn: el.nameEn,
				opd: mostCommon(indicators.filter((i) => i.elementCode === el.code).map((i) => i.opd))
			});
		}
		const set = inst.weightSets.find((w) => w.code === weightSet)!;
		const active = new Set<string>(activeParts(set.weights));
		for (const it of instrumentItems(inst, set.code).filter((i) => active.has(i.part))) {
			items.push({
				itemKey: `instrument:${it.code}`,
				kind: 'instrument',
				groupCode: `kominfo.${it.part}`,
				refCode: it.code,
				sortOrder: n++,
				// The ministry's question, in its own Indonesian: the reports have no English.
				titleId: it.question,
				titleEn: it.question,
				// The instrument is answered by whoever walidata assigns: no OPD until then.
				opd: ''
			});
		}
	}
	const title =
		input.title?.trim() ||
		`${input.kind === 'spbe' ? 'Evaluasi SPBE' : 'Evaluasi Smart City (GM100SC)'} ${input.year}`;
	return tx(conn, () => {
		const id = store.insertSubmission(conn, {
			kind: input.kind,
			frameworkCode: framework.code,
			regionCode: input.regionCode,
			year: input.year,
			title: title.slice(0, 200),
			weightSet,
			createdBy: actor.user.username
		});
		store.insertItems(conn, id, items);
		writeAudit(conn.sqlite, actorOf(actor), {
			action: 'submission.create',
			entityType: 'submission',
			entityId: id,
			after: {
				kind: input.kind,
				framework: framework.code,
				year: input.year,
				weightSet,
				items: items.length
			}
		});
		return id;
	});
}

/** The most frequent value, ties broken alphabetically; '' for none. */
function mostCommon(values: readonly string[]): string {
	const counts = new Map<string, number>();
	for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
	return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? '';
}

function refuse(
	result: ReturnType<typeof transition>,
	actor: SubmissionActor,
	entity: string,
	op: ItemAction
): ItemStatus {
	if (result.ok) return result.status;
	if (result.reason === 'forbidden') denied(actor, entity, { op });
	const status = result.reason === 'locked' || result.reason === 'invalid_state' ? 409 : 400;
	throw new SubmissionError(status, result.reason);
}

export interface ItemContent {
	answer: string | null | undefined;
	justification: string | null | undefined;
	/** Instrument items: the preparer's score on the ministry's 0–4 scale, as typed. */
	selfScore?: string | null;
}

/**
 * The form an instrument item's answer takes, from the instrument year its weight set scores;
 * words for any other item, and for an item of an instrument file that no longer lists it.
 */
function answerKindOf(sub: store.SubmissionRow, item: store.ItemRow, dataDir: string): AnswerKind {
	if (item.kind !== 'instrument') return 'text';
	const asked = instrumentItems(instrument(dataDir), sub.weightSet).find(
		(i) => i.code === item.refCode
	);
	return asked?.answerKind ?? 'text';
}

function cleanContent(item: store.ItemRow, answerKind: AnswerKind, content: ItemContent) {
	const answer = checkAnswer(item.kind, content.answer, answerKind);
	if (!answer.ok) throw new SubmissionError(400, 'invalid_answer', { reason: answer.reason });
	let selfScore: number | null = item.selfScore;
	if (item.kind === 'instrument') {
		const score = checkScore(content.selfScore);
		if (!score.ok) throw new SubmissionError(400, 'invalid_answer', { reason: score.reason });
		selfScore = score.value === null ? null : Number(score.value);
	}
	const justification = (content.justification ?? '').trim();
	if (justification.length > MAX_JUSTIFICATION) {
		throw new SubmissionError(400, 'invalid_input', { field: 'justification' });
	}
	return { answer: answer.value, selfScore, justification };
}

/** Saves answer and justification (empty, draft or returned items); the item becomes a draft. */
export function saveItem(
	conn: Connection,
	actor: SubmissionActor,
	submissionId: number,
	itemId: number,
	content: ItemContent,
	dataDir = config().dataDir
): ItemStatus {
	return tx(conn, () => applySave(conn, actor, submissionId, itemId, content, dataDir));
}

function applySave(
	conn: Connection,
	actor: SubmissionActor,
	submissionId: number,
	itemId: number,
	content: ItemContent,
	dataDir: string
): ItemStatus {
	const sub = getSubmission(conn, submissionId);
	const item = getItem(conn, submissionId, itemId);
	const entity = `${submissionId}/${item.itemKey}`;
	if (!mayEditItem(actor.user, item.opd)) denied(actor, entity, { op: 'save', itemOpd: item.opd });
	const clean = cleanContent(item, answerKindOf(sub, item, dataDir), content);
	const evidenceCount = store.evidenceCount(conn, item.id);
	const status = refuse(
		transition(item.status, 'save', actor.user, item.opd, {
			locked: sub.status === 'final',
			contentComplete: false,
			hasContent:
				clean.answer !== null ||
				clean.selfScore !== null ||
				clean.justification !== '' ||
				evidenceCount > 0
		}),
		actor,
		entity,
		'save'
	);
	store.updateItemContent(conn, item.id, { ...clean, status, updatedBy: actor.user.username });
	writeAudit(conn.sqlite, actorOf(actor), {
		action: 'submission.item.save',
		entityType: 'submission_item',
		entityId: entity,
		before: { answer: item.answer, selfScore: item.selfScore, status: item.status },
		after: { answer: clean.answer, selfScore: clean.selfScore, status }
	});
	return status;
}

/**
 * Submits an item for review (draft or returned, content complete), saving `content` first
 * when given, in the same transaction.
 */
export function submitItem(
	conn: Connection,
	actor: SubmissionActor,
	submissionId: number,
	itemId: number,
	content?: ItemContent,
	dataDir = config().dataDir
): ItemStatus {
	return tx(conn, () => {
		if (content) applySave(conn, actor, submissionId, itemId, content, dataDir);
		const sub = getSubmission(conn, submissionId);
		const item = getItem(conn, submissionId, itemId);
		const entity = `${submissionId}/${item.itemKey}`;
		const facts = itemFacts(item, store.evidenceCount(conn, item.id));
		const status = refuse(
			transition(item.status, 'submit', actor.user, item.opd, {
				locked: sub.status === 'final',
				contentComplete: contentComplete(facts)
			}),
			actor,
			entity,
			'submit'
		);
		store.setItemStatus(conn, item.id, status, item.reviewComment, actor.user.username);
		writeAudit(conn.sqlite, actorOf(actor), {
			action: 'submission.item.submit',
			entityType: 'submission_item',
			entityId: entity,
			before: { status: item.status },
			after: { status }
		});
		return status;
	});
}

/** Walidata's review: return with a comment, or accept. */
export function reviewItem(
	conn: Connection,
	actor: SubmissionActor,
	submissionId: number,
	itemId: number,
	action: 'return' | 'accept',
	comment: string | null
): ItemStatus {
	return tx(conn, () => {
		const sub = getSubmission(conn, submissionId);
		const item = getItem(conn, submissionId, itemId);
		const entity = `${submissionId}/${item.itemKey}`;
		const text = (comment ?? '').trim().slice(0, 2000);
		const status = refuse(
			transition(item.status, action, actor.user, item.opd, {
				locked: sub.status === 'final',
				contentComplete: true,
				comment: text
			}),
			actor,
			entity,
			action
		);
		store.setItemStatus(
			conn,
			item.id,
			status,
			action === 'return' ? text : '',
			actor.user.username
		);
		writeAudit(conn.sqlite, actorOf(actor), {
			action: `submission.item.${action}`,
			entityType: 'submission_item',
			entityId: entity,
			before: { status: item.status },
			after: { status, comment: action === 'return' ? text : undefined }
		});
		return status;
	});
}

/**
 * The reviewer's "expected assessor score" of an instrument item: what walidata expects the
 * ministry's assessors to give, on the same 0–4 scale; empty clears it. Walidata and admin only,
 * while the submission is open, whatever the item's workflow status.
 */
export function expectScore(
	conn: Connection,
	actor: SubmissionActor,
	submissionId: number,
	itemId: number,
	raw: string | null | undefined
): number | null {
	const score = checkScore(raw);
	return tx(conn, () => {
		const sub = getSubmission(conn, submissionId);
		const item = getItem(conn, submissionId, itemId);
		const entity = `${submissionId}/${item.itemKey}`;
		requireReviewer(actor, entity, 'expect');
		if (item.kind !== 'instrument') {
			throw new SubmissionError(400, 'invalid_input', { field: 'expected_score' });
		}
		if (!score.ok) throw new SubmissionError(400, 'invalid_answer', { reason: score.reason });
		if (sub.status === 'final') throw new SubmissionError(409, 'locked');
		const value = score.value === null ? null : Number(score.value);
		store.setExpectedScore(conn, item.id, value, actor.user.username);
		writeAudit(conn.sqlite, actorOf(actor), {
			action: 'submission.item.expect',
			entityType: 'submission_item',
			entityId: entity,
			before: { expectedScore: item.expectedScore },
			after: { expectedScore: value }
		});
		return value;
	});
}

const isDate = (v: string) =>
	/^\d{4}-\d{2}-\d{2}$/.test(v) &&
	!Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
	new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

/** Walidata sets an item's responsible OPD and due date. */
export function assignItem(
	conn: Connection,
	actor: SubmissionActor,
	submissionId: number,
	itemId: number,
	input: { opd: string; dueDate: string }
) {
	const opd = normaliseOpd(input.opd);
	const due = input.dueDate.trim();
	const errors: string[] = [];
	// Empty: no OPD (yet); else the one OPD code rule, the one users and indicators follow.
	if (opd !== '' && !OPD_PATTERN.test(opd)) errors.push('opd');
	if (due !== '' && !isDate(due)) errors.push('due_date');
	return tx(conn, () => {
		const sub = getSubmission(conn, submissionId);
		const item = getItem(conn, submissionId, itemId);
		const entity = `${submissionId}/${item.itemKey}`;
		requireReviewer(actor, entity, 'assign');
		if (errors.length) throw new SubmissionError(400, 'invalid_input', { fields: errors });
		if (sub.status === 'final') throw new SubmissionError(409, 'locked');
		store.assignItem(conn, item.id, opd, due === '' ? null : due);
		writeAudit(conn.sqlite, actorOf(actor), {
			action: 'submission.item.assign',
			entityType: 'submission_item',
			entityId: entity,
			before: { opd: item.opd, dueDate: item.dueDate },
			after: { opd, dueDate: due || null }
		});
	});
}

/**
 * Attaches an evidence row to an item (an empty item becomes a draft, as a save would make it)
 * and writes its `evidence.add` audit row with `audit` after the evidence id.
 */
function attachEvidence(
	conn: Connection,
	actor: SubmissionActor,
	item: store.ItemRow,
	entity: string,
	row: Omit<store.EvidenceRow, 'id' | 'itemId' | 'createdBy' | 'createdAt'>,
	audit: Record<string, unknown>
): number {
	const id = store.insertEvidence(conn, {
		...row,
		itemId: item.id,
		createdBy: actor.user.username
	});
	if (item.status === 'empty')
		store.setItemStatus(conn, item.id, 'draft', item.reviewComment, actor.user.username);
	writeAudit(conn.sqlite, actorOf(actor), {
		action: 'evidence.add',
		entityType: 'submission_item',
		entityId: entity,
		after: { evidence: id, ...audit }
	});
	return id;
}

/** Evidence may change only while its item may be edited (not while under review or accepted). */
function checkEvidenceWrite(
	actor: SubmissionActor,
	sub: store.SubmissionRow,
	item: store.ItemRow,
	op: string
) {
	const entity = `${sub.id}/${item.itemKey}`;
	if (!mayEditItem(actor.user, item.opd)) denied(actor, entity, { op, itemOpd: item.opd });
	if (sub.status === 'final') throw new SubmissionError(409, 'locked');
	if (!['empty', 'draft', 'returned'].includes(item.status))
		throw new SubmissionError(409, 'invalid_state');
	return entity;
}

/**
 * Stores an uploaded file (checked by size, by content against the allow-list, and by its
 * sanitised name against the content) and attaches it to an item under that name. A refused
 * upload is recorded in the audit log.
 */
export function addEvidenceFile(
	conn: Connection,
	files: EvidenceStore,
	actor: SubmissionActor,
	submissionId: number,
	itemId: number,
	upload: { bytes: Uint8Array; name: string }
): number {
	const sub = getSubmission(conn, submissionId);
	const item = getItem(conn, submissionId, itemId);
	const entity = guarded(conn, () => checkEvidenceWrite(actor, sub, item, 'evidence.add'));
	const name = sanitiseFileName(upload.name);
	let stored;
	try {
		stored = storeEvidence(files, upload.bytes, name);
	} catch (e) {
		if (!(e instanceof EvidenceRejected)) throw e;
		recordAudit(conn, actorOf(actor), {
			action: 'evidence.rejected',
			entityType: 'submission_item',
			entityId: entity,
			after: { reason: e.reason, ...e.detail, name, size: upload.bytes.length }
		});
		throw new SubmissionError(400, 'evidence_rejected', { reason: e.reason, ...e.detail, name });
	}
	try {
		return tx(conn, () => {
			const fresh = getItem(conn, submissionId, itemId);
			checkEvidenceWrite(actor, getSubmission(conn, submissionId), fresh, 'evidence.add');
			const { sha256, size, mime } = stored;
			return attachEvidence(
				conn,
				actor,
				fresh,
				entity,
				{ kind: 'file', name, sha256, size, mime, url: null },
				{ name, sha256, size, mime }
			);
		});
	} catch (e) {
		removeIfUnreferenced(conn, files, stored.sha256);
		throw e;
	}
}

/** Attaches a link (http/https only) to an item. */
export function addEvidenceLink(
	conn: Connection,
	actor: SubmissionActor,
	submissionId: number,
	itemId: number,
	input: { url: string; label: string }
): number {
	const url = input.url.trim();
	return tx(conn, () => {
		const sub = getSubmission(conn, submissionId);
		const item = getItem(conn, submissionId, itemId);
		const entity = checkEvidenceWrite(actor, sub, item, 'evidence.link');
		if (!isEvidenceUrl(url)) throw new SubmissionError(400, 'invalid_input', { field: 'url' });
		const label = input.label.trim().slice(0, 200) || new URL(url).hostname;
		return attachEvidence(
			conn,
			actor,
			item,
			entity,
			{ kind: 'link', name: label, sha256: null, size: null, mime: null, url },
			{ url, label }
		);
	});
}

/**
 * Removes one evidence row; its file is deleted from disk only when no other evidence row and no
 * frozen snapshot references it.
 */
export function removeEvidence(
	conn: Connection,
	files: EvidenceStore,
	actor: SubmissionActor,
	submissionId: number,
	evidenceId: number
): { fileRemoved: boolean } {
	const row = tx(conn, () => {
		const ev = store.getEvidence(conn, evidenceId);
		if (!ev) throw new SubmissionError(404, 'not_found', { evidence: evidenceId });
		const item = getItem(conn, submissionId, ev.itemId);
		const entity = checkEvidenceWrite(
			actor,
			getSubmission(conn, submissionId),
			item,
			'evidence.delete'
		);
		store.deleteEvidence(conn, evidenceId);
		writeAudit(conn.sqlite, actorOf(actor), {
			action: 'evidence.delete',
			entityType: 'submission_item',
			entityId: entity,
			before: { evidence: evidenceId, name: ev.name, sha256: ev.sha256, url: ev.url }
		});
		return ev;
	});
	return { fileRemoved: row.sha256 ? removeIfUnreferenced(conn, files, row.sha256) : false };
}

/**
 * Finalises: refused with the list of blockers while a required item is incomplete; otherwise a
 * frozen snapshot (values, scores, answers, justifications, evidence hashes, profile version, who,
 * when) is stored and the submission is locked.
 */
export function finalise(
	conn: Connection,
	actor: SubmissionActor,
	submissionId: number,
	dataDir: string
): number {
	return tx(conn, () => {
		const sub = getSubmission(conn, submissionId);
		requireReviewer(actor, String(submissionId), 'finalise');
		if (sub.status === 'final') throw new SubmissionError(409, 'locked');
		const c = submissionCompleteness(conn, submissionId);
		if (!c.ready) throw new SubmissionError(409, 'not_ready', { missing: c.missing });
		const content = buildContent(conn, submissionId, dataDir);
		const json = JSON.stringify(content);
		const sha = createHash('sha256').update(json).digest('hex');
		const snapshotId = store.insertSnapshot(conn, {
			submissionId,
			createdBy: actor.user.username,
			profileCode: content.profile?.code ?? null,
			profileVersion: content.profile?.version ?? null,
			content: json,
			contentSha256: sha
		});
		const hashes = new Set(
			content.items.flatMap((i) => i.evidence.map((e) => e.sha256).filter((h): h is string => !!h))
		);
		store.insertSnapshotFiles(conn, snapshotId, [...hashes]);
		store.setSubmissionStatus(conn, submissionId, 'final');
		writeAudit(conn.sqlite, actorOf(actor), {
			action: 'submission.finalise',
			entityType: 'submission',
			entityId: submissionId,
			after: {
				snapshot: snapshotId,
				sha256: sha,
				files: hashes.size,
				index: content.preview.indexRounded
			}
		});
		return snapshotId;
	});
}

/** Walidata reopens a finalised submission; its snapshots stay as they are. */
export function reopen(conn: Connection, actor: SubmissionActor, submissionId: number) {
	tx(conn, () => {
		const sub = getSubmission(conn, submissionId);
		requireReviewer(actor, String(submissionId), 'reopen');
		if (sub.status !== 'final') throw new SubmissionError(409, 'invalid_state');
		store.setSubmissionStatus(conn, submissionId, 'open');
		writeAudit(conn.sqlite, actorOf(actor), {
			action: 'submission.reopen',
			entityType: 'submission',
			entityId: submissionId,
			before: { status: 'final' },
			after: { status: 'open' }
		});
	});
}

/** A stored snapshot, its parsed content, and whether the content still matches its hash. */
export function readSnapshot(conn: Connection, submissionId: number, snapshotId: number) {
	const row = store.getSnapshot(conn, snapshotId);
	if (!row || row.submissionId !== submissionId) {
		throw new SubmissionError(404, 'not_found', { snapshot: snapshotId });
	}
	const content = JSON.parse(row.content) as SnapshotContent;
	const intact = createHash('sha256').update(row.content).digest('hex') === row.contentSha256;
	return { row, content, intact };
}
