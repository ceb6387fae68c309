import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeEvidence, type EvidenceStore } from '../evidence';
import type { SnapshotContent, SnapshotEvidence, SnapshotItem } from '../../submission/snapshot';
import {
	buildWorkbook,
	buildZip,
	manifestCsv,
	manifestRows,
	zipPath,
	type ExportContext
} from './export';

const PDF = strToU8('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const SHA = createHash('sha256').update(PDF).digest('hex');
const SHA16 = SHA.slice(0, 16);

const file = (id: number, name: string): SnapshotEvidence => ({
	id,
	kind: 'file',
	name,
	sha256: SHA,
	size: PDF.length,
	mime: 'application/pdf',
	url: null
});
const link: SnapshotEvidence = {
	id: 9,
	kind: 'link',
	name: 'JDIH',
	sha256: null,
	size: null,
	mime: null,
	url: 'https://jdih.patikab.go.id/x'
};
const item = (key: string, evidence: SnapshotEvidence[]): SnapshotItem => ({
	key,
	kind: 'spbe',
	group: 'a1',
	titleId: key,
	titleEn: key,
	answer: '3',
	justification: 'Perbup 5/2024',
	opd: 'DISKOMINFO',
	dueDate: null,
	status: 'accepted',
	reviewComment: '',
	evidence,
	data: []
});

/** Two uploads of the same bytes under two names (items 1 and 2), and the first name again (3). */
const content: SnapshotContent = {
	schema: 1,
	submission: {
		id: 7,
		kind: 'spbe',
		frameworkCode: 'spbe-2020',
		regionCode: '33.18',
		year: 2024,
		title: 'Evaluasi SPBE 2024',
		weightSet: null
	},
	profile: null,
	items: [
		item('spbe:spbe_i01', [link, file(11, 'perbup 12.pdf')]),
		item('spbe:spbe_i02', [file(12, 'SK Tim SPBE.pdf')]),
		item('spbe:spbe_i03', [file(13, 'perbup 12.pdf')])
	],
	programmes: [],
	groups: [{ code: 'a1', nameId: 'Kebijakan', nameEn: 'Policy', score: 3, weight: 10 }],
	preview: { index: 3, indexRounded: 3, predikat: 'Baik' }
};
const ctx = (snapshot: ExportContext['snapshot']): ExportContext => ({
	origin: 'https://rapor.example',
	snapshot,
	regionName: 'Pati'
});

let files: EvidenceStore;
beforeAll(() => {
	files = { dir: mkdtempSync(path.join(tmpdir(), 'rapor-export-')), maxBytes: 1024 };
	storeEvidence(files, PDF, 'perbup 12.pdf');
});
afterAll(() => rmSync(files.dir, { recursive: true, force: true }));

describe('zipPath() and manifestRows()', () => {
	it('zipPath() is the hash prefix and the row’s own name, ending in its type’s extension', () => {
		expect(zipPath(file(1, 'perbup 12.pdf'))).toBe(`evidence/${SHA16}-perbup 12.pdf`);
		expect(zipPath(file(1, '../bukti.hta'))).toBe(`evidence/${SHA16}-bukti.hta.pdf`);
	});

	it('lists every file row with its own name, links left out', () => {
		expect(manifestRows(content)).toEqual([
			{
				file: `evidence/${SHA16}-perbup 12.pdf`,
				item: 'spbe:spbe_i01',
				sha256: SHA,
				name: 'perbup 12.pdf',
				size: PDF.length
			},
			{
				file: `evidence/${SHA16}-SK Tim SPBE.pdf`,
				item: 'spbe:spbe_i02',
				sha256: SHA,
				name: 'SK Tim SPBE.pdf',
				size: PDF.length
			},
			{
				file: `evidence/${SHA16}-perbup 12.pdf`,
				item: 'spbe:spbe_i03',
				sha256: SHA,
				name: 'perbup 12.pdf',
				size: PDF.length
			}
		]);
	});
});

describe('buildZip()', () => {
	it('the same bytes under two names are two entries, each the file itself; one name is one entry', () => {
		const zip = unzipSync(buildZip(content, files, strToU8('xlsx'), strToU8('pdf')));
		expect(Object.keys(zip).sort()).toEqual([
			`evidence/${SHA16}-SK Tim SPBE.pdf`,
			`evidence/${SHA16}-perbup 12.pdf`,
			'manifest.csv',
			'submission.pdf',
			'submission.xlsx'
		]);
		expect(zip[`evidence/${SHA16}-SK Tim SPBE.pdf`]).toEqual(PDF);
		expect(zip[`evidence/${SHA16}-perbup 12.pdf`]).toEqual(PDF);
		expect(strFromU8(zip['manifest.csv']).split('\r\n')).toEqual([
			'file,item,sha256,name,size',
			`evidence/${SHA16}-perbup 12.pdf,spbe:spbe_i01,${SHA},perbup 12.pdf,${PDF.length}`,
			`evidence/${SHA16}-SK Tim SPBE.pdf,spbe:spbe_i02,${SHA},SK Tim SPBE.pdf,${PDF.length}`,
			`evidence/${SHA16}-perbup 12.pdf,spbe:spbe_i03,${SHA},perbup 12.pdf,${PDF.length}`,
			''
		]);
	});
});

describe('manifestCsv()', () => {
	it('manifestCsv() guards a formula in a file name at its start and after a separator', () => {
		const row = { file: 'evidence/x-=1+1.pdf', item: 'spbe:i', sha256: SHA, size: 5 };
		expect(
			manifestCsv([
				{ ...row, name: '=1+1.pdf' },
				{ ...row, name: 'x;=10*10;.pdf' },
				{ ...row, name: 'a,-b.pdf', size: null }
			])
		).toBe(
			'file,item,sha256,name,size\r\n' +
				`evidence/x-=1+1.pdf,spbe:i,${SHA},'=1+1.pdf,5\r\n` +
				`evidence/x-=1+1.pdf,spbe:i,${SHA},"x;'=10*10;.pdf",5\r\n` +
				`evidence/x-=1+1.pdf,spbe:i,${SHA},"a,'-b.pdf",\r\n`
		);
	});
});

describe('buildWorkbook() text cells', () => {
	it('a justification that would run as a formula is text with an apostrophe, numbers stay numbers', async () => {
		const evil: SnapshotContent = {
			...content,
			items: [{ ...item('spbe:spbe_i01', []), justification: 'x;=10*10;', answer: '=1+1' }]
		};
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load((await buildWorkbook(evil, ctx(null))) as unknown as ExcelJS.Buffer);
		const row = wb.worksheets[1].getRow(2);
		expect([row.getCell(5).value, row.getCell(6).value]).toEqual(["'=1+1", "x;'=10*10;"]);
		const summary = wb.worksheets[0];
		const group = summary.getColumn(1).values.indexOf('a1');
		expect(summary.getRow(group).getCell(7).value).toBe(3);
	});
});

describe('buildWorkbook() evidence links', () => {
	async function evidenceColumn(c: ExportContext): Promise<unknown[]> {
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load((await buildWorkbook(content, c)) as unknown as ExcelJS.Buffer);
		const ws = wb.worksheets[1];
		return [2, 3, 4].map((r) => ws.getRow(r).getCell(7).value);
	}

	it('the current state links each file to its own evidence row', async () => {
		expect(await evidenceColumn(ctx(null))).toEqual([
			'JDIH: https://jdih.patikab.go.id/x\nperbup 12.pdf: https://rapor.example/staff/submissions/7/files/11',
			'SK Tim SPBE.pdf: https://rapor.example/staff/submissions/7/files/12',
			'perbup 12.pdf: https://rapor.example/staff/submissions/7/files/13'
		]);
	});

	it('a snapshot links each file to its number in that snapshot', async () => {
		const snap = { id: 3, createdAt: '2024-05-01T00:00:00.000Z', createdBy: 'wali' };
		expect(await evidenceColumn(ctx(snap))).toEqual([
			'JDIH: https://jdih.patikab.go.id/x\nperbup 12.pdf: https://rapor.example/staff/submissions/7/snapshots/3/files/1',
			'SK Tim SPBE.pdf: https://rapor.example/staff/submissions/7/snapshots/3/files/2',
			'perbup 12.pdf: https://rapor.example/staff/submissions/7/snapshots/3/files/3'
		]);
	});
});
