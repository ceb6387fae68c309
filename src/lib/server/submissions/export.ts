/**
 * The export package of a submission (current state or a frozen snapshot): an XLSX workbook in the
 * evaluators' shape (a summary sheet, then one sheet per dimension or aspect), a PDF printed by
 * Chromium from the print route, and a ZIP of every evidence file with a manifest plus both.
 * Every text cell goes through `safeCell`, so nothing in a workbook can start a formula.
 */
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { readEvidence, type EvidenceStore } from '../evidence';
import { completeness } from '../../submission/completeness';
import { safeCell, sanitiseFileName } from '../../submission/files';
import type { SnapshotContent, SnapshotItem } from '../../submission/snapshot';

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

export interface ExportContext {
	/** This site's origin, for evidence links in the workbook. */
	origin: string;
	/** Snapshot id and time, or null for the current state. */
	snapshot: { id: number; createdAt: string; createdBy: string } | null;
	regionName: string;
}

const round = (v: number, d: number) => Math.round(v * 10 ** d + 1e-9) / 10 ** d;

/** The evidence file's path inside the ZIP: by hash, with the sanitised name for people. */
export const zipPath = (sha256: string, name: string) =>
	`evidence/${sha256.slice(0, 16)}-${sanitiseFileName(name)}`;

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

function evidenceText(item: SnapshotItem, ctx: ExportContext, submissionId: number): string {
	return item.evidence
		.map((e) =>
			e.kind === 'link'
				? `${e.name}: ${e.url}`
				: `${e.name}: ${ctx.origin}/staff/submissions/${submissionId}/files/${e.sha256}`
		)
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
	for (const [label, value] of rows) summary.addRow([safeCell(label), safeCell(value)]);
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
	const facts = content.items.map((i) => ({
		key: i.key,
		kind: i.kind,
		group: i.group,
		answer: i.answer,
		justification: i.justification,
		evidenceCount: i.evidence.length,
		status: i.status,
		required: true,
		evidenceRequired: true
	}));
	const c = completeness(facts);
	for (const g of content.groups) {
		const gc = c.groups.find((x) => x.group === g.code);
		summary.addRow([
			safeCell(g.code),
			safeCell(g.nameId),
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
	for (const g of content.groups) {
		const ws = wb.addWorksheet(sheetName(g.code, g.nameId, used));
		ws.addRow([...ITEM_HEADER]);
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
					evidenceText(item, ctx, content.submission.id),
					item.status,
					item.opd
				].map(safeCell)
			);
		}
		ws.columns.forEach((col, n) => (col.width = [18, 50, 30, 30, 12, 50, 50, 12, 14][n]));
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

/** One manifest row per evidence file per item (the same file in two items: two rows, one file). */
export function manifestRows(content: SnapshotContent): ManifestRow[] {
	return content.items.flatMap((i) =>
		i.evidence
			.filter((e) => e.kind === 'file' && e.sha256)
			.map((e) => ({
				file: zipPath(e.sha256 as string, e.name),
				item: i.key,
				sha256: e.sha256 as string,
				name: e.name,
				size: e.size
			}))
	);
}

const csvField = (v: string | number | null) => {
	const s = String(safeCell(v ?? ''));
	return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** manifest.csv: file,item,sha256,name,size with CRLF line ends. */
export function manifestCsv(rows: readonly ManifestRow[]): string {
	return (
		[
			'file,item,sha256,name,size',
			...rows.map((r) => [r.file, r.item, r.sha256, r.name, r.size].map(csvField).join(','))
		].join('\r\n') + '\r\n'
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

/**
 * `fn`, with calls run one after another: a call made while another runs waits for it, and a
 * failed call does not stop the next. Example: `const print = oneAtATime(slowPrint)`.
 */
export function oneAtATime<A extends unknown[], R>(
	fn: (...args: A) => Promise<R>
): (...args: A) => Promise<R> {
	let tail: Promise<unknown> = Promise.resolve();
	return (...args) => {
		const run = tail.then(() => fn(...args));
		tail = run.catch(() => undefined);
		return run;
	};
}

/**
 * Chromium's print of a page of this site, signed in with the caller's session cookie. Each
 * print starts its own browser (about 150 MB while it runs), so prints run one at a time: a
 * handful of staff pressing "PDF" together queue instead of starting a browser each.
 */
export const printPdf = oneAtATime(printPage);

async function printPage(url: string, cookie: { name: string; value: string }): Promise<Buffer> {
	const { chromium } = await import('playwright-core');
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		headless: true,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run'
		]
	});
	try {
		const context = await browser.newContext();
		await context.addCookies([
			{ name: cookie.name, value: cookie.value, url: new URL(url).origin }
		]);
		const page = await context.newPage();
		const response = await page.goto(url, { waitUntil: 'networkidle', timeout: 30_000 });
		if (!response || response.status() !== 200) {
			throw new Error(`print page answered ${response?.status() ?? 'nothing'}`);
		}
		await page.emulateMedia({ media: 'print' });
		return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
	} finally {
		await browser.close();
	}
}
