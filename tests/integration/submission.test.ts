import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { evidencePath, type EvidenceStore } from '../../src/lib/server/evidence';
import { evidenceDownload, snapshotDownload } from '../../src/lib/server/submissions/downloads';
import { commitBatch } from '../../src/lib/server/db/imports';
import { seedIfEmpty } from '../../src/lib/server/seed';
import {
	addEvidenceFile,
	addEvidenceLink,
	assignItem,
	createSubmission,
	expectScore,
	finalise,
	readSnapshot,
	removeEvidence,
	reopen,
	reviewItem,
	saveItem,
	submissionCompleteness,
	submitItem,
	SubmissionError,
	type SubmissionActor
} from '../../src/lib/server/submissions/service';
import { buildContent } from '../../src/lib/server/submissions/state';
import { approveProgress, createProgramme, saveProgress } from '../../src/lib/server/programmes';
import { producerTodo, workspace } from '../../src/lib/server/submissions/workspace';
import * as indicatorsDb from '../../src/lib/server/db/indicators';
import * as store from '../../src/lib/server/db/submissions';
import { diffItems } from '../../src/lib/submission/snapshot';
import { tempDatabase } from './helpers';

const DATA = path.resolve('data');
const REGION = '33.18';
const as = (
	username: string,
	role: SubmissionActor['user']['role'],
	opd: string | null = null,
	id = 1
): SubmissionActor => ({
	user: { id, username, role, opd },
	address: '127.0.0.1'
});
const walidata = as('wali', 'walidata', null, 1);
const kominfo = as('kominfo', 'produsen', 'DISKOMINFO', 2);
const bps = as('bps', 'produsen', 'BPS', 3);
const viewer = as('lihat', 'viewer', null, 4);
const PDF = strToU8('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

let conn: ReturnType<typeof tempDatabase>;
let files: EvidenceStore;
let evidenceDir: string;

beforeAll(() => {
	evidenceDir = mkdtempSync(path.join(tmpdir(), 'rapor-evidence-'));
});
afterAll(() => rmSync(evidenceDir, { recursive: true, force: true }));

beforeEach(() => {
	conn?.close();
	conn = tempDatabase();
	// The demo dataset: the workspace tests need indicator values (SPBE levels among them) that the
	// real dataset does not publish.
	seedIfEmpty(conn, DATA, { demo: true });
	rmSync(evidenceDir, { recursive: true, force: true });
	files = { dir: evidenceDir, maxBytes: 1024 };
});

const audit = (action?: string) =>
	conn.sqlite
		.prepare(
			`SELECT actor, action, entity_id AS entityId, after FROM audit_log ${action ? 'WHERE action = ?' : ''} ORDER BY id`
		)
		.all(...(action ? [action] : [])) as {
		actor: string;
		action: string;
		entityId: string;
		after: string | null;
	}[];

const error = (fn: () => unknown): SubmissionError => {
	try {
		fn();
	} catch (e) {
		if (e instanceof SubmissionError) return e;
		throw e;
	}
	throw new Error('expected a SubmissionError');
};

function spbe() {
	const id = createSubmission(
		conn,
		walidata,
		{ kind: 'spbe', year: 2024, regionCode: REGION },
		DATA
	);
	const items = store.listItems(conn, id);
	return { id, items, item: (code: string) => items.find((i) => i.refCode === code)! };
}

/** Fills, submits and accepts an item as DISKOMINFO and walidata. */
function complete(id: number, itemId: number, level = '3') {
	addEvidenceLink(conn, kominfo, id, itemId, {
		url: 'https://jdih.patikab.go.id/x',
		label: 'JDIH'
	});
	submitItem(conn, kominfo, id, itemId, { answer: level, justification: 'Perbup 5/2024' });
	reviewItem(conn, walidata, id, itemId, 'accept', null);
}

describe('createSubmission()', () => {
	it('creates the SPBE workspace with the 47 indicators, grouped by aspect, owned by their OPD', () => {
		const { id, items } = spbe();
		expect(items).toHaveLength(47);
		expect(new Set(items.map((i) => i.groupCode))).toEqual(
			new Set(['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8'])
		);
		expect(items.every((i) => i.opd === 'DISKOMINFO' && i.status === 'empty')).toBe(true);
		expect(store.getSubmission(conn, id)).toMatchObject({
			kind: 'spbe',
			frameworkCode: 'spbe-2020',
			year: 2024,
			status: 'open'
		});
		expect(audit('submission.create')).toHaveLength(1);
	});

	it('creates the GM100SC workspace: 18 elements (OPD = most frequent indicator OPD) and the instrument items of the weight set', () => {
		const id = createSubmission(
			conn,
			walidata,
			{ kind: 'gm100sc', year: 2023, regionCode: REGION, weightSet: 'cohort-2017-2019-2022' },
			DATA
		);
		const items = store.listItems(conn, id);
		expect(items.filter((i) => i.kind === 'element')).toHaveLength(18);
		expect(items.find((i) => i.refCode === 'economy.welfare')?.opd).toBe('BPS');
		expect(items.find((i) => i.refCode === 'environment.protection')?.opd).toBe('DLH');
		// The 2022 instrument, as the ministry's report prints it: 5 + 7 + 31 + 4 + 12 items.
		const asked = items.filter((i) => i.kind === 'instrument');
		expect(asked).toHaveLength(59);
		expect(asked[0]).toMatchObject({
			itemKey: 'instrument:baseline.perencanaan.1.1.1',
			groupCode: 'kominfo.baseline',
			titleId: 'Apakah Master Plan Smart City Daerah Anda sudah memiliki payung hukum?',
			titleEn: 'Apakah Master Plan Smart City Daerah Anda sudah memiliki payung hukum?',
			selfScore: null,
			expectedScore: null
		});
	});

	it("a 2023 REGULER workspace asks the 2023 instrument's 111 questions: no Kolaborasi, 54 survey statements", () => {
		const id = createSubmission(
			conn,
			walidata,
			{ kind: 'gm100sc', year: 2023, regionCode: REGION, weightSet: 'reguler-2023' },
			DATA
		);
		const asked = store.listItems(conn, id).filter((i) => i.kind === 'instrument');
		const count = (part: string) => asked.filter((i) => i.groupCode === `kominfo.${part}`).length;
		expect(asked).toHaveLength(111);
		expect(
			['baseline', 'output', 'outcome', 'impact', 'quickwin', 'kolaborasi'].map(count)
		).toEqual([5, 7, 33, 54, 12, 0]);
	});

	it('refuses a second workspace for the same year (409), a produsen (403, audited) and a missing weight set (400)', () => {
		spbe();
		expect(error(() => spbe()).status).toBe(409);
		expect(
			error(() =>
				createSubmission(conn, kominfo, { kind: 'spbe', year: 2025, regionCode: REGION }, DATA)
			).status
		).toBe(403);
		expect(audit('auth.denied').at(-1)).toMatchObject({ actor: 'kominfo', entityId: 'new' });
		expect(
			error(() =>
				createSubmission(
					conn,
					walidata,
					{ kind: 'gm100sc', year: 2025, regionCode: REGION, weightSet: 'nope' },
					DATA
				)
			).code
		).toBe('invalid_input');
		expect(
			error(() =>
				createSubmission(conn, walidata, { kind: 'spbe', year: 2019, regionCode: REGION }, DATA)
			).code
		).toBe('no_framework');
	});
});

describe('the item workflow and permissions', () => {
	it('a producer saves a draft, cannot submit it without evidence, then submits; walidata returns it with a comment and accepts the fix', () => {
		const { id, item } = spbe();
		const it1 = item('spbe_i01');
		expect(
			saveItem(conn, kominfo, id, it1.id, { answer: '3', justification: 'Perbup 5/2024' })
		).toBe('draft');
		expect(error(() => submitItem(conn, kominfo, id, it1.id)).code).toBe('incomplete');
		addEvidenceFile(conn, files, kominfo, id, it1.id, { bytes: PDF, name: 'perbup.pdf' });
		expect(submitItem(conn, kominfo, id, it1.id)).toBe('submitted');
		expect(
			error(() => saveItem(conn, kominfo, id, it1.id, { answer: '4', justification: 'x' })).code
		).toBe('invalid_state');
		expect(error(() => reviewItem(conn, walidata, id, it1.id, 'return', ' ')).code).toBe(
			'comment_required'
		);
		expect(reviewItem(conn, walidata, id, it1.id, 'return', 'Lampirkan SK')).toBe('returned');
		expect(store.getItem(conn, it1.id)).toMatchObject({
			status: 'returned',
			reviewComment: 'Lampirkan SK'
		});
		expect(
			submitItem(conn, kominfo, id, it1.id, {
				answer: '4',
				justification: 'Perbup 5/2024 dan SK 12'
			})
		).toBe('submitted');
		expect(reviewItem(conn, walidata, id, it1.id, 'accept', null)).toBe('accepted');
		expect(store.getItem(conn, it1.id)).toMatchObject({
			status: 'accepted',
			answer: '4',
			reviewComment: ''
		});
		expect(
			audit()
				.map((a) => a.action)
				.filter((a) => a.startsWith('submission.item'))
		).toEqual([
			'submission.item.save',
			'submission.item.submit',
			'submission.item.return',
			'submission.item.save',
			'submission.item.submit',
			'submission.item.accept'
		]);
	});

	it('a producer of another OPD is refused with 403 and the refusal is audited; a viewer too; a produsen cannot review', () => {
		const { id, item } = spbe();
		const it1 = item('spbe_i01');
		const e = error(() => saveItem(conn, bps, id, it1.id, { answer: '5', justification: 'x' }));
		expect([e.status, e.code]).toEqual([403, 'forbidden']);
		expect(
			error(() => saveItem(conn, viewer, id, it1.id, { answer: '5', justification: 'x' })).status
		).toBe(403);
		expect(
			error(() => addEvidenceLink(conn, bps, id, it1.id, { url: 'https://x.id', label: '' })).status
		).toBe(403);
		saveItem(conn, kominfo, id, it1.id, { answer: '3', justification: 'x' });
		addEvidenceLink(conn, kominfo, id, it1.id, { url: 'https://x.id', label: '' });
		submitItem(conn, kominfo, id, it1.id);
		expect(error(() => reviewItem(conn, kominfo, id, it1.id, 'accept', null)).status).toBe(403);
		const denials = audit('auth.denied');
		expect(denials.map((d) => [d.actor, d.entityId])).toEqual([
			['bps', `${id}/spbe:spbe_i01`],
			['lihat', `${id}/spbe:spbe_i01`],
			['bps', `${id}/spbe:spbe_i01`],
			['kominfo', `${id}/spbe:spbe_i01`]
		]);
		expect(JSON.parse(denials[0].after!)).toMatchObject({
			op: 'save',
			itemOpd: 'DISKOMINFO',
			opd: 'BPS'
		});
		// Nothing was changed by the refused calls.
		expect(store.getItem(conn, it1.id)?.answer).toBe('3');
	});

	it('walidata assigns an item to another OPD with a due date; then that OPD may edit it; bad input is refused', () => {
		const { id, item } = spbe();
		const it1 = item('spbe_i02');
		assignItem(conn, walidata, id, it1.id, { opd: 'bps', dueDate: '2025-03-31' });
		expect(store.getItem(conn, it1.id)).toMatchObject({ opd: 'BPS', dueDate: '2025-03-31' });
		expect(saveItem(conn, bps, id, it1.id, { answer: '2', justification: 'x' })).toBe('draft');
		expect(
			error(() => assignItem(conn, walidata, id, it1.id, { opd: 'BPS', dueDate: '2025-02-30' }))
				.detail
		).toEqual({
			fields: ['due_date']
		});
		expect(
			error(() => assignItem(conn, walidata, id, it1.id, { opd: '../x', dueDate: '' })).detail
		).toEqual({ fields: ['opd'] });
		// One OPD code rule with the accounts: a produsen "DINAS-PU" (hyphen) or a 33–40 character
		// code can own an item; a leading "_" or 41 characters cannot be an account's OPD, so not an
		// item's either. Empty leaves the item without an OPD.
		assignItem(conn, walidata, id, it1.id, { opd: 'dinas-pu', dueDate: '' });
		expect(store.getItem(conn, it1.id)).toMatchObject({ opd: 'DINAS-PU', dueDate: null });
		assignItem(conn, walidata, id, it1.id, { opd: 'D'.repeat(40), dueDate: '' });
		expect(store.getItem(conn, it1.id)?.opd).toBe('D'.repeat(40));
		for (const opd of ['_X', 'D'.repeat(41)])
			expect(
				error(() => assignItem(conn, walidata, id, it1.id, { opd, dueDate: '' })).detail
			).toEqual({ fields: ['opd'] });
		assignItem(conn, walidata, id, it1.id, { opd: '', dueDate: '' });
		expect(store.getItem(conn, it1.id)?.opd).toBe('');
		assignItem(conn, walidata, id, it1.id, { opd: 'BPS', dueDate: '2025-03-31' });
		expect(
			error(() => assignItem(conn, kominfo, id, it1.id, { opd: 'BPS', dueDate: '' })).status
		).toBe(403);
	});

	it('refuses invalid answers and unknown items', () => {
		const { id, item } = spbe();
		expect(
			error(() =>
				saveItem(conn, kominfo, id, item('spbe_i01').id, { answer: '7', justification: '' })
			).detail
		).toEqual({
			reason: 'not_a_level'
		});
		expect(
			error(() => saveItem(conn, kominfo, id, 999999, { answer: '3', justification: '' })).status
		).toBe(404);
		const other = createSubmission(
			conn,
			walidata,
			{ kind: 'spbe', year: 2023, regionCode: REGION },
			DATA
		);
		// An item id of another submission is not found through this one.
		expect(
			error(() =>
				saveItem(conn, kominfo, other, item('spbe_i01').id, { answer: '3', justification: '' })
			).status
		).toBe(404);
	});
});

describe('evidence files', () => {
	it('stores a PDF under its SHA-256 outside static/, with the sanitised name of a path-traversal upload', () => {
		const { id, item } = spbe();
		const evId = addEvidenceFile(conn, files, kominfo, id, item('spbe_i01').id, {
			bytes: PDF,
			name: '../../../etc/passwd.pdf'
		});
		const ev = store.getEvidence(conn, evId)!;
		const sha = createHash('sha256').update(PDF).digest('hex');
		expect(ev).toMatchObject({
			kind: 'file',
			name: 'passwd.pdf',
			sha256: sha,
			size: PDF.length,
			mime: 'application/pdf'
		});
		expect(existsSync(path.join(evidenceDir, sha.slice(0, 2), sha))).toBe(true);
		expect(evidencePath(files, sha)).toBe(path.join(evidenceDir, sha.slice(0, 2), sha));
		expect(() => evidencePath(files, '../../etc/passwd')).toThrow('not a SHA-256');
		// Nothing was written anywhere near the name given.
		expect(readdirSync(evidenceDir)).toEqual([sha.slice(0, 2)]);
		expect(store.getItem(conn, item('spbe_i01').id)?.status).toBe('draft');
	});

	it('refuses a renamed executable (MZ header), an oversized file and a plain ZIP, and records each refusal', () => {
		const { id, item } = spbe();
		const target = item('spbe_i01').id;
		const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]);
		expect(
			error(() =>
				addEvidenceFile(conn, files, kominfo, id, target, { bytes: exe, name: 'laporan.pdf' })
			).detail
		).toEqual({
			reason: 'executable',
			name: 'laporan.pdf'
		});
		const big = new Uint8Array(1025);
		big.set(strToU8('%PDF-1.4'));
		expect(
			error(() =>
				addEvidenceFile(conn, files, kominfo, id, target, { bytes: big, name: 'big.pdf' })
			).detail
		).toEqual({
			reason: 'too_large',
			name: 'big.pdf'
		});
		const zip = zipSync({ 'a.txt': strToU8('hello') });
		expect(
			error(() => addEvidenceFile(conn, files, kominfo, id, target, { bytes: zip, name: 'x.docx' }))
				.detail
		).toEqual({
			reason: 'not_office',
			name: 'x.docx'
		});
		expect(audit('evidence.rejected').map((a) => JSON.parse(a.after!).reason)).toEqual([
			'executable',
			'too_large',
			'not_office'
		]);
		expect(store.evidenceCount(conn, target)).toBe(0);
		expect(existsSync(evidenceDir) ? readdirSync(evidenceDir) : []).toEqual([]);
	});

	it('accepts an Office document checked for [Content_Types].xml, and refuses a javascript: link', () => {
		const { id, item } = spbe();
		const docx = zipSync({
			'[Content_Types].xml': strToU8('<Types/>'),
			'word/document.xml': strToU8('<w/>')
		});
		const evId = addEvidenceFile(conn, files, kominfo, id, item('spbe_i03').id, {
			bytes: docx,
			name: 'SK.docx'
		});
		expect(store.getEvidence(conn, evId)?.mime).toBe(
			'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
		);
		expect(
			error(() =>
				addEvidenceLink(conn, kominfo, id, item('spbe_i03').id, {
					url: 'javascript:alert(1)',
					label: 'x'
				})
			).detail
		).toEqual({
			field: 'url'
		});
	});

	it('refuses a PDF named bukti.hta or laporan.pdf.exe with the detected type and the extension expected, and records why', () => {
		const { id, item } = spbe();
		const target = item('spbe_i01').id;
		const upload = (name: string) =>
			error(() => addEvidenceFile(conn, files, kominfo, id, target, { bytes: PDF, name })).detail;
		expect(upload('bukti.hta')).toEqual({
			reason: 'extension_mismatch',
			detected: 'pdf',
			got: '.hta',
			expected: ['.pdf'],
			suggest: 'bukti.pdf',
			name: 'bukti.hta'
		});
		expect(upload('../laporan.pdf.exe')).toEqual({
			reason: 'double_extension',
			detected: 'pdf',
			got: '.pdf.exe',
			expected: ['.pdf'],
			suggest: 'laporan.pdf',
			name: 'laporan.pdf.exe'
		});
		expect(
			audit('evidence.rejected').map((a) => {
				const after = JSON.parse(a.after!);
				return [after.reason, after.name, after.got];
			})
		).toEqual([
			['extension_mismatch', 'bukti.hta', '.hta'],
			['double_extension', 'laporan.pdf.exe', '.pdf.exe']
		]);
		expect(store.evidenceCount(conn, target)).toBe(0);
		expect(existsSync(evidenceDir) ? readdirSync(evidenceDir) : []).toEqual([]);
	});

	it('identical bytes uploaded under two names download under their own names, now and from a snapshot', () => {
		const { id, items } = spbe();
		const a = addEvidenceFile(conn, files, kominfo, id, items[0].id, {
			bytes: PDF,
			name: 'perbup 12.pdf'
		});
		const b = addEvidenceFile(conn, files, kominfo, id, items[1].id, {
			bytes: PDF,
			name: 'SK Tim SPBE.pdf'
		});
		expect(store.getEvidence(conn, a)?.sha256).toBe(store.getEvidence(conn, b)?.sha256);
		const disposition = (d: ReturnType<typeof evidenceDownload>) =>
			d?.headers['content-disposition'];
		expect(disposition(evidenceDownload(conn, files, id, a))).toBe(
			`attachment; filename="perbup 12.pdf"; filename*=UTF-8''perbup%2012.pdf`
		);
		expect(disposition(evidenceDownload(conn, files, id, b))).toBe(
			`attachment; filename="SK Tim SPBE.pdf"; filename*=UTF-8''SK%20Tim%20SPBE.pdf`
		);
		const download = evidenceDownload(conn, files, id, b)!;
		expect(Buffer.from(download.bytes)).toEqual(Buffer.from(PDF));
		expect(download.headers).toMatchObject({
			'content-type': 'application/pdf',
			'content-length': String(PDF.length),
			'x-content-type-options': 'nosniff',
			'content-security-policy': "default-src 'none'; sandbox",
			'cache-control': 'private, no-store'
		});
		// Another submission's row, a link and no row at all: nothing.
		const other = createSubmission(
			conn,
			walidata,
			{ kind: 'spbe', year: 2023, regionCode: REGION },
			DATA
		);
		expect(evidenceDownload(conn, files, other, a)).toBeNull();
		const linkId = addEvidenceLink(conn, kominfo, id, items[2].id, {
			url: 'https://jdih.patikab.go.id/x',
			label: 'JDIH'
		});
		expect(evidenceDownload(conn, files, id, linkId)).toBeNull();
		expect(evidenceDownload(conn, files, id, 999_999)).toBeNull();

		for (const i of items) complete(id, i.id);
		const snapId = finalise(conn, walidata, id, DATA);
		// After reopening, the second row goes; the snapshot still hands out both, by number.
		reopen(conn, walidata, id);
		reviewItem(conn, walidata, id, items[1].id, 'return', 'Ganti SK');
		removeEvidence(conn, files, kominfo, id, b);
		expect(evidenceDownload(conn, files, id, b)).toBeNull();
		expect(disposition(snapshotDownload(conn, files, id, snapId, 1))).toBe(
			`attachment; filename="perbup 12.pdf"; filename*=UTF-8''perbup%2012.pdf`
		);
		expect(disposition(snapshotDownload(conn, files, id, snapId, 2))).toBe(
			`attachment; filename="SK Tim SPBE.pdf"; filename*=UTF-8''SK%20Tim%20SPBE.pdf`
		);
		expect(snapshotDownload(conn, files, id, snapId, 3)).toBeNull();
		expect(snapshotDownload(conn, files, other, snapId, 1)).toBeNull();
		expect(snapshotDownload(conn, files, id, snapId + 1, 1)).toBeNull();
	});

	it('deleting evidence removes an unreferenced file but keeps one another row or a snapshot references', () => {
		const { id, item } = spbe();
		const sha = createHash('sha256').update(PDF).digest('hex');
		const file = path.join(evidenceDir, sha.slice(0, 2), sha);
		const a = addEvidenceFile(conn, files, kominfo, id, item('spbe_i01').id, {
			bytes: PDF,
			name: 'a.pdf'
		});
		const b = addEvidenceFile(conn, files, kominfo, id, item('spbe_i02').id, {
			bytes: PDF,
			name: 'b.pdf'
		});
		expect(removeEvidence(conn, files, kominfo, id, a)).toEqual({ fileRemoved: false });
		expect(existsSync(file)).toBe(true);
		expect(removeEvidence(conn, files, kominfo, id, b)).toEqual({ fileRemoved: true });
		expect(existsSync(file)).toBe(false);
	});
});

describe('finalising and snapshots', () => {
	it('is refused with the list of blockers while required items are incomplete, then succeeds and locks the submission', () => {
		const { id, items } = spbe();
		for (const i of items.slice(0, 46)) complete(id, i.id);
		const blocked = error(() => finalise(conn, walidata, id, DATA));
		expect([blocked.status, blocked.code]).toEqual([409, 'not_ready']);
		expect(blocked.detail).toEqual({
			missing: [
				{
					key: 'spbe:spbe_i47',
					group: 'a8',
					reasons: ['answer', 'justification', 'evidence', 'not_submitted']
				}
			]
		});
		expect(submissionCompleteness(conn, id).overall).toEqual({
			group: '',
			total: 47,
			filled: 46,
			done: 46,
			ratio: 46 / 47
		});
		expect(error(() => finalise(conn, kominfo, id, DATA)).status).toBe(403);
		complete(id, items[46].id);
		const snapId = finalise(conn, walidata, id, DATA);
		expect(store.getSubmission(conn, id)?.status).toBe('final');
		const snap = readSnapshot(conn, id, snapId);
		expect(snap.intact).toBe(true);
		expect(snap.row).toMatchObject({
			createdBy: 'wali',
			profileCode: 'spbe-2020-default',
			profileVersion: 'PermenPANRB 59/2020'
		});
		expect(snap.content.preview).toEqual({
			index: expect.closeTo(3, 12),
			indexRounded: 3,
			predikat: 'Baik'
		});
		expect(snap.content.items).toHaveLength(47);
		// Locked: no change until reopened.
		expect(error(() => reviewItem(conn, walidata, id, items[0].id, 'return', 'x')).code).toBe(
			'locked'
		);
		expect(error(() => finalise(conn, walidata, id, DATA)).code).toBe('locked');
	});

	it('later changes to answers, evidence and data never change a snapshot; the diff shows them; the database refuses to edit a snapshot', () => {
		const { id, items } = spbe();
		const sha = createHash('sha256').update(PDF).digest('hex');
		addEvidenceFile(conn, files, kominfo, id, items[0].id, { bytes: PDF, name: 'perbup.pdf' });
		for (const i of items) complete(id, i.id);
		const snapId = finalise(conn, walidata, id, DATA);
		const before = store.getSnapshot(conn, snapId)!;
		const frozen = readSnapshot(conn, id, snapId).content;
		expect(frozen.items[0].evidence.map((e) => e.sha256)).toContain(sha);
		expect(frozen.items[0].data[0]).toMatchObject({
			code: 'spbe_i01',
			value: 5,
			year: 2024,
			score: 100,
			illustrative: true
		});

		reopen(conn, walidata, id);
		reviewItem(conn, walidata, id, items[0].id, 'return', 'Perbarui');
		const pdfEvidence = store.listEvidence(conn, id).find((e) => e.sha256 === sha)!;
		expect(removeEvidence(conn, files, kominfo, id, pdfEvidence.id)).toEqual({
			fileRemoved: false
		});
		expect(existsSync(path.join(evidenceDir, sha.slice(0, 2), sha))).toBe(true);
		saveItem(conn, kominfo, id, items[0].id, { answer: '5', justification: 'Perbup baru' });
		// A data change after finalising: an import replaces the 2024 level behind the item.
		const imported = commitBatch(
			conn,
			{ kind: 'observations', fileName: 'spbe-2024.csv', sha256: 'f'.repeat(64), actor: 'test' },
			{
				observations: [
					{
						regionCode: '33.18',
						indicatorCode: 'spbe_i01',
						year: 2024,
						value: 3,
						source: 'https://example.org/spbe-2024',
						sourceKind: '',
						referencePeriod: '',
						note: '',
						illustrative: false
					}
				]
			}
		);
		expect(imported.status).toBe('committed');
		const after = store.getSnapshot(conn, snapId)!;
		expect(after).toEqual(before);
		expect(readSnapshot(conn, id, snapId).intact).toBe(true);
		const diff = diffItems(frozen.items, buildContent(conn, id, DATA).items).filter(
			(d) => d.key === 'spbe:spbe_i01'
		);
		expect(diff.map((d) => [d.field, d.before, d.after])).toEqual([
			['answer', '3', '5'],
			['justification', 'Perbup 5/2024', 'Perbup baru'],
			['status', 'accepted', 'draft'],
			[
				'evidence',
				`JDIH <https://jdih.patikab.go.id/x>; perbup.pdf (${sha.slice(0, 12)})`,
				'JDIH <https://jdih.patikab.go.id/x>'
			],
			['data:spbe_i01', '5 (2024) → 100', '3 (2024) → 50']
		]);
		expect(() =>
			conn.sqlite.prepare(`UPDATE submission_snapshots SET content = '{}' WHERE id = ?`).run(snapId)
		).toThrow('immutable');
		expect(() =>
			conn.sqlite.prepare(`DELETE FROM submission_snapshots WHERE id = ?`).run(snapId)
		).toThrow('immutable');
		expect(() => conn.sqlite.prepare(`DELETE FROM snapshot_files`).run()).toThrow('immutable');
	});
});

describe('GM100SC: the data behind the items, programmes and the instrument preview', () => {
	it('element items carry their indicators’ values, sources and scores; the preview is the weighted instrument index', () => {
		const id = createSubmission(
			conn,
			walidata,
			{ kind: 'gm100sc', year: 2023, regionCode: REGION, weightSet: 'kppn-ikn-2022' },
			DATA
		);
		const items = store.listItems(conn, id);
		// Kudus 2022's part scores as item scores: every item of a part at its mean.
		const kudus: Record<string, string> = {
			baseline: '2.45',
			output: '2.07',
			outcome: '3.11',
			impact: '3.69',
			quickwin: '3.02'
		};
		for (const i of items.filter((x) => x.kind === 'instrument')) {
			saveItem(conn, walidata, id, i.id, {
				answer: null,
				selfScore: kudus[i.groupCode.replace('kominfo.', '')],
				justification: ''
			});
		}
		// The register's programme of the element (entered at /staff/programmes) runs in 2023.
		const programme = createProgramme(conn, bps, REGION, 'gm100sc-2018', {
			element: 'economy.welfare',
			kind: 'programme',
			name: 'Pati Maju',
			opd: 'bps',
			start_year: '2022',
			masterplan_title: 'Masterplan Smart City 2019–2028',
			masterplan_page: '45',
			budget_source: 'apbd',
			budget: '1.250.000,50',
			rpjmd_problem: 'Aduan lambat',
			status: 'running',
			quick_win: 'on',
			source: 'Renja 2023'
		});
		const progress = saveProgress(conn, bps, programme, {
			year: '2023',
			planned: '12 layanan',
			done: '5 layanan',
			percent: '40',
			evidence: 'LKPJ 2023 hlm. 7'
		});
		approveProgress(conn, walidata, progress);
		const content = buildContent(conn, id, DATA);
		expect(content.preview.index).toBeCloseTo(2.867, 12);
		expect(content.preview.indexRounded).toBe(2.87);
		expect(content.groups.find((g) => g.code === 'kominfo.quickwin')).toEqual({
			code: 'kominfo.quickwin',
			nameId: 'Instrumen Kominfo: Quick Win',
			nameEn: 'Kominfo instrument: Quick Win',
			score: 3.02,
			weight: 30
		});
		const welfare = content.items.find((i) => i.key === 'element:economy.welfare')!;
		expect(welfare.data.map((d) => d.code)).toEqual(
			indicatorsDb
				.ofFramework(conn, 'gm100sc-2018')
				.filter((i) => i.elementCode === 'economy.welfare')
				.map((i) => i.code)
		);
		const withValue = welfare.data.filter((d) => d.value !== null);
		expect(withValue.length).toBeGreaterThan(0);
		expect(withValue.every((d) => d.source !== null && d.year !== null && d.year <= 2023)).toBe(
			true
		);
		expect(withValue.some((d) => d.score !== null)).toBe(true);
		expect(content.programmes).toEqual([
			{
				elementCode: 'economy.welfare',
				kind: 'programme',
				name: 'Pati Maju',
				opd: 'BPS',
				startYear: 2022,
				masterplanTitle: 'Masterplan Smart City 2019–2028',
				masterplanPage: 45,
				budgetSource: 'apbd',
				budget: 1250000.5,
				status: 'running',
				quickWin: true,
				progress: {
					year: 2023,
					planned: '12 layanan',
					done: '5 layanan',
					percent: 40,
					evidence: 'LKPJ 2023 hlm. 7',
					status: 'approved'
				}
			}
		]);
	});
});

describe('Kominfo instrument items: the answer in its form, the self-score, the expected assessor score', () => {
	function reguler() {
		const id = createSubmission(
			conn,
			walidata,
			{ kind: 'gm100sc', year: 2023, regionCode: REGION, weightSet: 'reguler-2023' },
			DATA
		);
		const items = store.listItems(conn, id);
		return { id, item: (code: string) => items.find((i) => i.refCode === code)! };
	}

	it('a ya/tidak question takes "ya" or "tidak"; anything else is refused and nothing is written', () => {
		const { id, item } = reguler();
		const plan = item('baseline.perencanaan.1.1.1');
		expect(
			saveItem(conn, walidata, id, plan.id, {
				answer: 'Ya',
				selfScore: '3,5',
				justification: 'Perbup Pati 51/2019'
			})
		).toBe('draft');
		expect(store.getItem(conn, plan.id)).toMatchObject({ answer: 'ya', selfScore: 3.5 });
		const before = audit().length;
		const refused = error(() =>
			saveItem(conn, walidata, id, plan.id, {
				answer: 'mungkin',
				selfScore: '2',
				justification: ''
			})
		);
		expect([refused.status, refused.code, refused.detail]).toEqual([
			400,
			'invalid_answer',
			{ reason: 'not_yes_no' }
		]);
		expect(
			error(() =>
				saveItem(conn, walidata, id, plan.id, {
					answer: 'tidak',
					selfScore: '4,5',
					justification: ''
				})
			).detail
		).toEqual({ reason: 'not_a_score' });
		expect(store.getItem(conn, plan.id)).toMatchObject({
			answer: 'ya',
			selfScore: 3.5,
			justification: 'Perbup Pati 51/2019'
		});
		expect(audit()).toHaveLength(before);
	});

	it('a count question takes a whole number, a percentage question a number', () => {
		const { id, item } = reguler();
		const programmes = item('baseline.realisasi.1.1.1');
		saveItem(conn, walidata, id, programmes.id, { answer: '12', selfScore: '', justification: '' });
		expect(store.getItem(conn, programmes.id)).toMatchObject({ answer: '12', selfScore: null });
		expect(
			error(() => saveItem(conn, walidata, id, programmes.id, { answer: '1,5', justification: '' }))
				.detail
		).toEqual({ reason: 'not_a_count' });
		const poverty = item('outcome.program.3.10.1');
		saveItem(conn, walidata, id, poverty.id, { answer: '9,31', selfScore: '3', justification: '' });
		expect(store.getItem(conn, poverty.id)?.answer).toBe('9.31');
	});

	it('the expected assessor score is walidata’s (a produsen is refused and audited), 0–4, instrument items only', () => {
		const { id, item } = reguler();
		const plan = item('baseline.perencanaan.1.1.1');
		expect(expectScore(conn, walidata, id, plan.id, '2,8')).toBe(2.8);
		expect(store.getItem(conn, plan.id)?.expectedScore).toBe(2.8);
		expect(audit('submission.item.expect').at(-1)).toMatchObject({
			actor: 'wali',
			entityId: `${id}/instrument:baseline.perencanaan.1.1.1`
		});
		expect(error(() => expectScore(conn, kominfo, id, plan.id, '4')).status).toBe(403);
		expect(audit('auth.denied').at(-1)).toMatchObject({ actor: 'kominfo' });
		expect(error(() => expectScore(conn, walidata, id, plan.id, '5')).detail).toEqual({
			reason: 'not_a_score'
		});
		const element = store.listItems(conn, id).find((i) => i.kind === 'element')!;
		expect(error(() => expectScore(conn, walidata, id, element.id, '3')).detail).toEqual({
			field: 'expected_score'
		});
		expect(store.getItem(conn, plan.id)?.expectedScore).toBe(2.8);
		expect(expectScore(conn, walidata, id, plan.id, ' ')).toBeNull();
		expect(store.getItem(conn, plan.id)?.expectedScore).toBeNull();
	});

	it('the preview counts self-scores; the expected index counts the reviewer’s score where there is one', () => {
		const { id } = reguler();
		const asked = store.listItems(conn, id).filter((i) => i.kind === 'instrument');
		for (const i of asked) {
			saveItem(conn, walidata, id, i.id, { answer: null, selfScore: '3', justification: '' });
		}
		// Every baseline item expected at 1 instead of 3: baseline (weight 10) falls by 2.
		for (const i of asked.filter((x) => x.groupCode === 'kominfo.baseline')) {
			expectScore(conn, walidata, id, i.id, '1');
		}
		const content = buildContent(conn, id, DATA);
		expect(content.preview.index).toBeCloseTo(3, 12);
		expect(content.preview.expectedIndex).toBeCloseTo(3 - (10 * 2) / 100, 12);
		const frozen = content.items.find((i) => i.key === 'instrument:baseline.perencanaan.1.1.1');
		expect([frozen?.selfScore, frozen?.expectedScore]).toEqual([3, 1]);
	});

	it('the IPM question carries the IPM value with its source and offers it as the answer; BPK has no indicator', () => {
		const { id } = reguler();
		const view = workspace(conn, id, walidata.user, DATA, 'kominfo.outcome')!;
		const ipm = view.items.find((i) => i.refCode === 'outcome.program.3.10.2')!;
		expect(ipm.data.map((d) => [d.code, d.year, d.value])).toEqual([['hdi_ipm', 2023, 73.59]]);
		expect(ipm.question?.prefill).toBe(
			'Indeks Pembangunan Manusia 2023: 73,59 (sumber: https://patikab.bps.go.id/id/news/2025/01/06/979/pati-regency-s-hdi-is-getting-better--reaching-74-10.html)'
		);
		const poverty = view.items.find((i) => i.refCode === 'outcome.program.3.10.1')!;
		expect(poverty.question?.prefill).toBe(String(poverty.data[0].value));
		// Stunting prevalence is shown beside the "stunting handled" question, never as its answer.
		const stunting = view.items.find((i) => i.refCode === 'outcome.program.3.12.1')!;
		expect(stunting.data.map((d) => d.code)).toEqual(['stunting_prevalence']);
		expect(stunting.question?.prefill).toBeNull();
		const bpk = view.items.find((i) => i.refCode === 'outcome.program.3.2.1')!;
		expect([bpk.data, bpk.question?.prefill, bpk.question?.answerKind]).toEqual([
			[],
			null,
			'external'
		]);
		// Pati's 2022 is derived from the 2023 letter's printed improvement (2.84 − 0.17), and says so.
		expect(view.live.kind === 'instrument' && view.live.history).toEqual([
			{
				year: 2022,
				final: 2.67,
				change: null,
				letter: 'B-1384/DJAI/AI.01.04/12/2023',
				sourceHref: expect.stringContaining('Maisho20/Smart-City-2'),
				derived: true
			}
		]);
	});

	it('the births question shows the PF coverage with its source but never offers it as the answer (PF is a floor of PN); the 9-year APM question shows APM SD and SMP, never as its answer', () => {
		const { id } = reguler();
		const view = workspace(conn, id, walidata.user, DATA, 'kominfo.outcome')!;
		const births = view.items.find((i) => i.refCode === 'outcome.program.3.12.3')!;
		expect(
			births.data.map((d) => [d.code, d.year, d.value, d.sourceKind, d.referencePeriod])
		).toEqual([['births_health_facility', 2021, 100, 'pemerintah', '2021']]);
		expect(births.data[0].source).toBe(
			'https://dinkesjatengprov.go.id/v2018/dokumen/Profil_Kesehatan_2021/files/basic-html/page67.html'
		);
		expect([
			births.question?.answerKind,
			births.question?.answeredBy,
			births.question?.prefill
		]).toEqual(['percent', [], null]);
		// No APM figure is bundled yet, and the question asks one 7–15 ratio, not two levels.
		const apm = view.items.find((i) => i.refCode === 'outcome.program.3.15.2')!;
		expect(apm.data.map((d) => [d.code, d.value])).toEqual([
			['net_enrolment_sd_apm', null],
			['net_enrolment_smp_apm', null]
		]);
		expect([apm.question?.answeredBy, apm.question?.prefill]).toEqual([[], null]);
	});

	it('a 2024 workspace compares with the 2023 letter and ranks what raises the index', () => {
		const id = createSubmission(
			conn,
			walidata,
			{ kind: 'gm100sc', year: 2024, regionCode: REGION, weightSet: 'reguler-2023' },
			DATA
		);
		const view = workspace(conn, id, walidata.user, DATA, null)!;
		if (view.live.kind !== 'instrument') throw new Error('expected the instrument preview');
		expect(view.live.weightSet).toMatchObject({ code: 'reguler-2023', year: 2023, exact: false });
		// Its history beside the estimate: 2023 as printed, 2022 derived from the printed +0.17.
		expect(view.live.history.map((h) => [h.year, h.final, h.change, h.derived])).toEqual([
			[2023, 2.84, 0.17, false],
			[2022, 2.67, null, true]
		]);
		expect(view.live.noEvidence).toHaveLength(111);
	});
});

describe('producerTodo()', () => {
	it('lists the producer’s returned, due and evidence-less draft items of open submissions, returned first', () => {
		const { id, item } = spbe();
		const [returned, due, draft, untouched] = ['spbe_i01', 'spbe_i02', 'spbe_i03', 'spbe_i04'].map(
			item
		);
		addEvidenceFile(conn, files, kominfo, id, returned.id, { bytes: PDF, name: 'sk.pdf' });
		submitItem(conn, kominfo, id, returned.id, { answer: '3', justification: 'Perbup 5/2024' });
		reviewItem(conn, walidata, id, returned.id, 'return', 'Lampirkan SK');
		assignItem(conn, walidata, id, due.id, { opd: 'DISKOMINFO', dueDate: '2026-12-01' });
		saveItem(conn, kominfo, id, draft.id, { answer: '2', justification: 'Draf' });
		const todo = producerTodo(conn, kominfo.user, '2026-12-07');
		expect(todo.map((t) => [t.id, t.returned, t.dueDate, t.overdue, t.missingEvidence])).toEqual([
			[returned.id, 'Lampirkan SK', null, false, false],
			[due.id, null, '2026-12-01', true, true],
			[draft.id, null, null, false, true]
		]);
		expect(todo.some((t) => t.id === untouched.id)).toBe(false);
		expect(todo[0]).toMatchObject({ submissionId: id, group: returned.groupCode });
		// Not yet overdue the day before; another OPD, a walidata and a final submission see nothing.
		expect(producerTodo(conn, kominfo.user, '2026-11-30')[1].overdue).toBe(false);
		expect(producerTodo(conn, bps.user, '2026-12-07')).toEqual([]);
		expect(producerTodo(conn, walidata.user, '2026-12-07')).toEqual([]);
		store.setSubmissionStatus(conn, id, 'final');
		expect(producerTodo(conn, kominfo.user, '2026-12-07')).toEqual([]);
	});
});
