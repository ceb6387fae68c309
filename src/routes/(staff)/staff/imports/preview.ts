/**
 * Shapes import reports for the imports page and writes its error list as CSV. Pure: no
 * SvelteKit, no database, so the page, the CSV endpoint and the unit tests share it.
 */
import { csvRows } from '$lib/csv/write';
import { kindSchemas } from '$lib/import/schemas';
import type {
	Dialect,
	ImportError,
	ImportKind,
	Locale,
	Message,
	Shape,
	ValueChange
} from '$lib/import/types';

export type Cell = string | number | boolean | null;

/** What the page shows of a dry run or a refused import. */
export interface PreviewView {
	status: 'valid' | 'unchanged' | 'refused';
	kind: ImportKind;
	shape: Shape | null;
	dialect: Dialect | null;
	fileName: string;
	bytes: number;
	sha256: string;
	rowCount: number;
	counts: { rows: number; inserted: number; updated: number; unchanged: number };
	columns: { key: string; name: string; type: string }[];
	rows: Cell[][];
	errors: ImportError[];
	errorCount: number;
	/** Rows skipped and why ("Baris 1–2 dilewati: judul tabel …"). */
	notices: Message[];
	/** A "Sumber: …" line below the table, offered for the Sumber field; null: none. */
	footerSource: string | null;
	/** The sheet read, when the file was a workbook; null: a CSV file. */
	sheet: string | null;
	/** The values the file would replace, old and new (the first ones; `counts.updated` counts all). */
	changes: ValueChange[];
	/** Present while the upload can be confirmed or its errors downloaded. */
	token: string | null;
}

/** What `previewOf` reads of an import report: the view's facts, any status, the parsed rows. */
type ReportLike = Omit<
	PreviewView,
	'status' | 'columns' | 'rows' | 'token' | 'footerSource' | 'sheet' | 'changes'
> & {
	status: string;
	footerSource?: string;
	sheet?: string;
	/** Absent in a report kept from before the change list existed. */
	changes?: readonly ValueChange[];
	preview: readonly object[];
};

/**
 * The page's view of a report: preview rows as cells in the kind's column order.
 * Example: `previewOf(report, token).rows[0]` → `['33.18', 'hdi_ipm', 2023, 72.5, 'BPS', null, null]`.
 */
export function previewOf(report: ReportLike, token: string | null): PreviewView {
	const columns = kindSchemas[report.kind].columns.map((c) => ({
		key: c.key,
		name: c.name,
		type: c.type
	}));
	const status =
		report.status === 'valid' || report.status === 'unchanged' ? report.status : 'refused';
	return {
		status,
		kind: report.kind,
		shape: report.shape,
		dialect: report.dialect,
		fileName: report.fileName,
		bytes: report.bytes,
		sha256: report.sha256,
		rowCount: report.rowCount,
		counts: { ...report.counts },
		columns,
		rows: report.preview.map((row) =>
			columns.map((c) => {
				const v = (row as Record<string, unknown>)[c.key];
				return v === undefined ? null : (v as Cell);
			})
		),
		errors: report.errors,
		errorCount: report.errorCount,
		notices: report.notices,
		footerSource: report.footerSource ?? null,
		sheet: report.sheet ?? null,
		changes: [...(report.changes ?? [])],
		token
	};
}

const HEADERS: Record<Locale, string[]> = {
	en: ['code', 'row', 'column', 'value', 'message'],
	id: ['kode', 'baris', 'kolom', 'nilai', 'pesan']
};

/**
 * The error list as CSV in the reader's language (`;` for id, `,` for en), formula-safe.
 * Example: `errorsCsv([{ code: 'type-error', row: 3, column: 'value', value: 'abc', message }], 'en')`
 * → `"code,row,column,value,message\r\ntype-error,3,value,abc,…\r\n"`.
 */
export function errorsCsv(errors: readonly ImportError[], lang: Locale): string {
	return csvRows(
		[HEADERS[lang], ...errors.map((e) => [e.code, e.row, e.column, e.value, e.message[lang]])],
		lang === 'id' ? ';' : ','
	);
}

/** A file name safe to show and record: the base name, no control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
	const base = name.split(/[\\/]/).pop() ?? '';
	// eslint-disable-next-line no-control-regex
	const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
	return (clean || 'upload.csv').slice(0, 200);
}
