/**
 * The export package of a submission (current state or a frozen snapshot): an XLSX workbook in the
 * evaluators' shape (a summary sheet, then one sheet per dimension or aspect), a PDF printed by
 * Chromium from the print route, and a ZIP of every evidence file with a manifest plus both.
 * Every evidence row keeps its own name: in the workbook's links (each row's own download), in
 * the manifest and in the ZIP, where the same bytes under two names are two entries.
 * Every text cell goes through `sheetCell` and the manifest through the one CSV writer
 * (`$lib/csv/write`), so nothing in a workbook or the manifest can start a formula.
 */
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { readEvidence, type EvidenceStore } from '../evidence';
import { completeness } from '../../submission/completeness';
import { csvRows, sheetCell } from '../../csv/write';
import { downloadName, frozenFiles, sanitiseFileName } from '../../submission/files';
import {
	contentFacts,
	type SnapshotContent,
	type SnapshotEvidence,
	type SnapshotItem
} from '../../submission/snapshot';

export const SUMMARY_SHEET = 'Ringkasan';
export const ITEM_HEADER = [
	'Kode',
	'Butir',
	'Nilai',
	'Sumber',
	'Level/Jawaban',
	'Justifikasi',
	'Bukti dukung',
	'Status',
	'OPD'
] as const;

/** A Kominfo instrument part's sheet adds the two scores on the ministry's 0–4 scale. */
export const INSTRUMENT_ITEM_HEADER = [
	...ITEM_HEADER,
	'Skor sendiri',
	'Perkiraan skor asesor'
] as const;

export interface ExportContext {
	/** This site's origin, for evidence links in the workbook. */
	origin: string;
	/** Snapshot id and time, or null for the current state. */
	snapshot: { id: number; createdAt: string; createdBy: string } | null;
	regionName: string;
}

const round = (v: number, d: number) => Math.round(v * 10 ** d + 1e-9) / 10 ** d;

/**
 * An evidence file's path inside the ZIP: the hash's first 16 digits, then the row's own name
 * (sanitised, ending in its type's extension as a download would), so two rows with the same
 * bytes and two names are two entries, and the same bytes under one name are one.
 */
export const zipPath = (e: Pick<SnapshotEvidence, 'sha256' | 'name' | 'mime'>) =>
	`evidence/${(e.sha256 ?? '').slice(0, 16)}-${downloadName(sanitiseFileName(e.name), e.mime)}`;

function valueText(item: SnapshotItem, year: number): string {
	return item.data
		.map((d) => {
			const v =
				d.value === null ? '–' : `${d.value}${d.unit && d.unit !== 'level' ? ` ${d.unit}` : ''}`;
			const when = d.year === null ? '' : ` (${d.year})`;
			// A value from an earlier year stands in for this one: say so where it is read.
			const carried = d.year !== null && d.year < year ? ' [dari tahun sebelumnya]' : '';
			const flag = d.illustrative ? ' [ilustrasi]' : '';
			const line = `${v}${when}${carried}${flag}`;
			return item.kind === 'spbe' ? line : `${d.nameId}: ${line}`;
		})
		.join('\n');
}

/** Each source once, with who published it and the period it measures when known. */
function sourceText(item: SnapshotItem): string {
	const lines = item.data
		.filter((d) => !!d.source)
		.map((d) => {
			const about = [d.sourceKind, d.referencePeriod].filter(Boolean).join(', ');
			return about ? `${d.source} (${about})` : (d.source as string);
		});
	return [...new Set(lines)].join('\n');
}

/**
 * Where a file of the exported content downloads under its own name: a snapshot's by its number
 * there, the current state's by its evidence row; null for a link (or a row without an id).
 */
function fileLinks(content: SnapshotContent, ctx: ExportContext) {
	const base = `${ctx.origin}/staff/submissions/${content.submission.id}`;
	const numbers = new Map(frozenFiles(content.items).map((e, n) => [e, n + 1]));
	return (e: SnapshotEvidence): string | null => {
		if (ctx.snapshot) {
			const n = numbers.get(e);
			return n ? `${base}/snapshots/${ctx.snapshot.id}/files/${n}` : null;
		}
		return e.kind === 'file' && e.id ? `${base}/files/${e.id}` : null;
	};
}

function evidenceText(item: SnapshotItem, link: (e: SnapshotEvidence) => string | null): string {
	return item.evidence
		.map((e) => (e.kind === 'link' ? `${e.name}: ${e.url}` : `${e.name}: ${link(e) ?? '–'}`))
		.join('\n');
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ], unique. */
function sheetName(code: string, name: string, used: Set<string>): string {
	const base = `${code.replace(/^kominfo\./, 'K-')} ${name.replace(/^Instrumen Kominfo: /, '')}`
		.replace(/[:\\/?*[\]]/g, ' ')
		.slice(0, 31)
		.trim();
	let out = base;
	for (let n = 2; used.has(out); n++) out = `${base.slice(0, 28)} ${n}`;
	used.add(out);
	return out;
}

/** Summary rows (label, value), as they appear in columns A and B from row 1. */
export function summaryRows(
	content: SnapshotContent,
	ctx: ExportContext
): [string, string | number | null][] {
	const s = content.submission;
	return [
		['Judul', s.title],
		['Kerangka', s.frameworkCode],
		['Wilayah', `${ctx.regionName} (${s.regionCode})`],
		['Tahun', s.year],
		['Set bobot', s.weightSet ?? '–'],
		[
			'Profil penilaian',
			content.profile ? `${content.profile.code} (${content.profile.version})` : '–'
		],
		[
			'Versi',
			ctx.snapshot
				? `Snapshot #${ctx.snapshot.id}, ${ctx.snapshot.createdAt} oleh ${ctx.snapshot.createdBy}`
				: 'Keadaan saat ini (belum dibekukan)'
		],
		['Indeks', content.preview.indexRounded],
		...(content.preview.expectedIndex === undefined
			? []
			: ([
					[
						'Indeks bila asesor menilai seperti perkiraan peninjau',
						content.preview.expectedIndex === null ? null : round(content.preview.expectedIndex, 2)
					]
				] as [string, number | null][])),
		['Predikat', content.preview.predikat ?? '–']
	];
}

/**
 * The workbook: "Ringkasan" (summary rows, then per group: code, name, required items, filled,
 * accepted, completeness %, score), then one sheet per group with ITEM_HEADER and one row per item.
 */
export async function buildWorkbook(content: SnapshotContent, ctx: ExportContext): Promise<Buffer> {
	const wb = new ExcelJS.Workbook();
	wb.creator = 'Rapor Cerdas';
	wb.created = new Date(ctx.snapshot?.createdAt ?? Date.now());
	const summary = wb.addWorksheet(SUMMARY_SHEET);
	const rows = summaryRows(content, ctx);
	for (const [label, value] of rows) summary.addRow([sheetCell(label), sheetCell(value)]);
	summary.addRow([]);
	summary.addRow([
		'Kelompok',
		'Nama',
		'Butir wajib',
		'Terisi',
		'Diterima',
		'Kelengkapan (%)',
		'Skor'
	]);
	const c = completeness(contentFacts(content.items));
	for (const g of content.groups) {
		const gc = c.groups.find((x) => x.group === g.code);
		summary.addRow([
			sheetCell(g.code),
			sheetCell(g.nameId),
			gc?.total ?? 0,
			gc?.filled ?? 0,
			gc?.done ?? 0,
			gc ? round(gc.ratio * 100, 1) : null,
			g.score === null ? null : round(g.score, 2)
		]);
	}
	summary.getColumn(1).width = 22;
	summary.getColumn(2).width = 60;

	const used = new Set([SUMMARY_SHEET]);
	const link = fileLinks(content, ctx);
	for (const g of content.groups) {
		const ws = wb.addWorksheet(sheetName(g.code, g.nameId, used));
		const scored = g.code.startsWith('kominfo.');
		ws.addRow([...(scored ? INSTRUMENT_ITEM_HEADER : ITEM_HEADER)]);
		ws.getRow(1).font = { bold: true };
		for (const item of content.items.filter((i) => i.group === g.code)) {
			ws.addRow(
				[
					item.key,
					item.titleId,
					valueText(item, content.submission.year),
					sourceText(item),
					item.answer ?? '',
					item.justification,
					evidenceText(item, link),
					item.status,
					item.opd,
					...(scored ? [item.selfScore ?? null, item.expectedScore ?? null] : [])
				].map(sheetCell)
			);
		}
		ws.columns.forEach((col, n) => (col.width = [18, 50, 30, 30, 12, 50, 50, 12, 14, 12, 12][n]));
	}
	return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface ManifestRow {
	file: string;
	item: string;
	sha256: string;
	name: string;
	size: number | null;
}

/**
 * One manifest row per evidence file of each item, with that row's own name and its ZIP entry
 * (the same bytes under one name in two items: two rows, one entry).
 */
export function manifestRows(content: SnapshotContent): ManifestRow[] {
	return content.items.flatMap((i) =>
		i.evidence
			.filter((e) => e.kind === 'file' && e.sha256)
			.map((e) => ({
				file: zipPath(e),
				item: i.key,
				sha256: e.sha256 as string,
				name: e.name,
				size: e.size
			}))
	);
}

/** manifest.csv: file,item,sha256,name,size with CRLF line ends. */
export function manifestCsv(rows: readonly ManifestRow[]): string {
	return csvRows(
		[
			['file', 'item', 'sha256', 'name', 'size'],
			...rows.map((r) => [r.file, r.item, r.sha256, r.name, r.size])
		],
		','
	);
}

/** The ZIP: evidence/…, manifest.csv, submission.xlsx and submission.pdf. Missing files are named in `missing.txt`. */
export function buildZip(
	content: SnapshotContent,
	files: EvidenceStore,
	xlsx: Uint8Array,
	pdf: Uint8Array
): Uint8Array {
	const rows = manifestRows(content);
	const entries: Record<string, Uint8Array> = {};
	const missing: string[] = [];
	for (const r of rows) {
		if (entries[r.file]) continue;
		const bytes = readEvidence(files, r.sha256);
		if (bytes) entries[r.file] = new Uint8Array(bytes);
		else missing.push(`${r.file} (${r.sha256})`);
	}
	entries['manifest.csv'] = new TextEncoder().encode(manifestCsv(rows));
	entries['submission.xlsx'] = xlsx;
	entries['submission.pdf'] = pdf;
	if (missing.length) entries['missing.txt'] = new TextEncoder().encode(missing.join('\n') + '\n');
	// Stored, not deflated: evidence is PDFs and images, already compressed.
	return zipSync(entries, { level: 0 });
}
