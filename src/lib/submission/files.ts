/**
 * Evidence files (bukti dukung): what is accepted, decided from the content and then held against
 * the name; the clean-up of an uploaded file's name and the name a stored file is handed out
 * under; and spreadsheet cells that cannot turn into formulas.
 *
 * The allow-list, by content (magic bytes; for a ZIP, its entries):
 * - PDF (`%PDF-`), PNG, JPEG and WebP (`RIFF….WEBP`);
 * - Office Open XML without macros (DOCX, XLSX, PPTX): a ZIP with `[Content_Types].xml` and a
 *   `word/`, `xl/` or `ppt/` part. One with a `vbaProject.bin`, an Excel 4 macro sheet or a
 *   macro-enabled content type (DOCM, XLSM, PPTM) is refused as `macro`;
 * - OpenDocument text and spreadsheet (ODT, ODS): a ZIP whose `mimetype` entry names them. One with
 *   `Basic/` or `Scripts/` entries (where macros live) is refused as `macro`;
 * - plain text and CSV: valid UTF-8, an optional BOM, no control character but tab, LF, FF and
 *   CR, and not starting like HTML or XML (`markup`).
 * Everything else is refused: executables (MZ, ELF, Mach-O, `#!`) whatever their name, legacy OLE
 * documents (DOC, XLS, and password-protected Office files, which are OLE too: `legacy_office`,
 * since their macros cannot be checked), any other ZIP (`not_office`), and the rest (`unknown`).
 *
 * Then the name: its extension must be one the detected type allows (`.pdf` for a PDF, `.jpg` or
 * `.jpeg` for a JPEG, `.txt` or `.csv` for text, which also decides text/plain or text/csv), and
 * the part before it must not end in another known extension (`laporan.pdf.exe`, `foto.exe.jpg`).
 * `Laporan v1.2.pdf` and `SK Bupati No. 5.pdf` are fine: `2` and ` 5` are no extensions.
 */
import { unzipSync } from 'fflate';
import type { SnapshotEvidence, SnapshotItem } from './snapshot.ts';

export const EVIDENCE_TYPES = [
	'pdf',
	'png',
	'jpeg',
	'webp',
	'docx',
	'xlsx',
	'pptx',
	'odt',
	'ods',
	'text'
] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

/** The extensions a name may end in for each type (lower case, no dot), the usual one first. */
export const EVIDENCE_EXTENSIONS: Readonly<Record<EvidenceType, readonly string[]>> = {
	pdf: ['pdf'],
	png: ['png'],
	jpeg: ['jpg', 'jpeg'],
	webp: ['webp'],
	docx: ['docx'],
	xlsx: ['xlsx'],
	pptx: ['pptx'],
	odt: ['odt'],
	ods: ['ods'],
	text: ['txt', 'csv']
};

/** The MIME type an accepted file is stored and served with, by its (checked) extension. */
export const EXTENSION_MIME: Readonly<Record<string, string>> = {
	pdf: 'application/pdf',
	png: 'image/png',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	webp: 'image/webp',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
	odt: 'application/vnd.oasis.opendocument.text',
	ods: 'application/vnd.oasis.opendocument.spreadsheet',
	txt: 'text/plain',
	csv: 'text/csv'
};

/** For the upload field's `accept`: `.pdf,.png,…` (a hint to the file picker; the server decides). */
export const EVIDENCE_ACCEPT = Object.keys(EXTENSION_MIME)
	.map((e) => `.${e}`)
	.join(',');

/** Why content is refused, before its name is looked at. */
export type ContentReason =
	'empty' | 'executable' | 'legacy_office' | 'macro' | 'not_office' | 'markup' | 'unknown';
/** Why a name is refused for content that is itself acceptable. */
export type NameReason = 'no_extension' | 'double_extension' | 'extension_mismatch';

export type SniffResult = { ok: true; type: EvidenceType } | { ok: false; reason: ContentReason };

const starts = (b: Uint8Array, sig: readonly number[], at = 0) =>
	b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const RIFF = [0x52, 0x49, 0x46, 0x46];
const WEBP = [0x57, 0x45, 0x42, 0x50]; // at offset 8, after RIFF and the chunk size
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const EXECUTABLES = [
	[0x4d, 0x5a], // MZ: Windows PE
	[0x7f, 0x45, 0x4c, 0x46], // ELF
	[0xcf, 0xfa, 0xed, 0xfe], // Mach-O 64
	[0xce, 0xfa, 0xed, 0xfe], // Mach-O 32
	[0xca, 0xfe, 0xba, 0xbe], // Mach-O universal, Java class
	[0x23, 0x21] // #! script
];

/** The ZIP entries read in full: small by nature (a few kB in real documents), so capped. */
const CONTENT_TYPES = '[Content_Types].xml';
const ODF_MIMETYPE = 'mimetype';
const MAX_PART_BYTES = 1 << 20;
const ODF_TYPES: Readonly<Record<string, EvidenceType>> = {
	'application/vnd.oasis.opendocument.text': 'odt',
	'application/vnd.oasis.opendocument.spreadsheet': 'ods'
};

interface ZipFacts {
	names: string[];
	/** The text of `[Content_Types].xml` and `mimetype`; null when absent or over the cap. */
	contentTypes: string | null;
	mimetype: string | null;
}

/**
 * The entry names of a ZIP (from its central directory) and the text of the two small entries
 * that say what it is. Nothing else is inflated, and those two only up to MAX_PART_BYTES of
 * declared size (fflate inflates into a buffer of that size), so a ZIP bomb costs nothing.
 */
function readZip(bytes: Uint8Array): ZipFacts | null {
	const names: string[] = [];
	let parts: Record<string, Uint8Array>;
	try {
		parts = unzipSync(bytes, {
			filter: (f) => {
				names.push(f.name);
				return (
					(f.name === CONTENT_TYPES || f.name === ODF_MIMETYPE) && f.originalSize <= MAX_PART_BYTES
				);
			}
		});
	} catch {
		return null;
	}
	const text = (name: string) =>
		parts[name] ? new TextDecoder('utf-8', { fatal: false }).decode(parts[name]) : null;
	return { names, contentTypes: text(CONTENT_TYPES), mimetype: text(ODF_MIMETYPE) };
}

const OOXML_MACRO_ENTRY = /(^|\/)vbaProject\.bin$|^xl\/macrosheets\//i;
const OOXML_MACRO_TYPE = /macroEnabled|vbaProject|macrosheet/i;
const ODF_MACRO_ENTRY = /^(Basic|Scripts)\//i;

function zipType(z: ZipFacts): SniffResult {
	if (z.names.includes(ODF_MIMETYPE)) {
		const type = ODF_TYPES[(z.mimetype ?? '').trim()];
		if (!type) return { ok: false, reason: 'not_office' };
		if (z.names.some((n) => ODF_MACRO_ENTRY.test(n))) return { ok: false, reason: 'macro' };
		return { ok: true, type };
	}
	// Without the content types, macros cannot be ruled out: not a document we take.
	if (z.contentTypes === null) return { ok: false, reason: 'not_office' };
	if (z.names.some((n) => OOXML_MACRO_ENTRY.test(n)) || OOXML_MACRO_TYPE.test(z.contentTypes))
		return { ok: false, reason: 'macro' };
	const has = (folder: string) => z.names.some((n) => n.startsWith(folder));
	const type: EvidenceType | null = has('word/')
		? 'docx'
		: has('xl/')
			? 'xlsx'
			: has('ppt/')
				? 'pptx'
				: null;
	return type ? { ok: true, type } : { ok: false, reason: 'not_office' };
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/;
/** A tag, a doctype, a comment or an XML declaration first: a web page, not a note. */
const MARKUP = /^\s*<[!?a-z]/i;

function textType(bytes: Uint8Array): SniffResult {
	let text: string;
	try {
		// fatal: invalid UTF-8 throws; the BOM, when there is one, is dropped.
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return { ok: false, reason: 'unknown' };
	}
	if (CONTROL.test(text)) return { ok: false, reason: 'unknown' };
	if (MARKUP.test(text)) return { ok: false, reason: 'markup' };
	return { ok: true, type: 'text' };
}

/**
 * What a file is, from its content alone: one of the allow-listed types, or the reason it is not
 * (see the module comment). The name is checked afterwards, by `checkEvidenceName`.
 * @example sniffEvidence(new TextEncoder().encode('%PDF-1.7 ...')) // { ok: true, type: 'pdf' }
 */
export function sniffEvidence(bytes: Uint8Array): SniffResult {
	if (bytes.length === 0) return { ok: false, reason: 'empty' };
	if (EXECUTABLES.some((sig) => starts(bytes, sig))) return { ok: false, reason: 'executable' };
	if (starts(bytes, PDF)) return { ok: true, type: 'pdf' };
	if (starts(bytes, PNG)) return { ok: true, type: 'png' };
	if (starts(bytes, JPEG)) return { ok: true, type: 'jpeg' };
	if (starts(bytes, RIFF) && starts(bytes, WEBP, 8)) return { ok: true, type: 'webp' };
	if (starts(bytes, OLE)) return { ok: false, reason: 'legacy_office' };
	if (starts(bytes, ZIP)) {
		const zip = readZip(bytes);
		return zip ? zipType(zip) : { ok: false, reason: 'not_office' };
	}
	return textType(bytes);
}

/**
 * Extensions that make a double extension when they come before the last one: documents and
 * images (a `.pdf` in `laporan.pdf.exe` is the disguise), programs, scripts, web pages,
 * shortcuts, archives and disk images. Never digits or words a title ends with (`v1.2`, `No. 5`).
 */
const KNOWN_EXTENSIONS = new Set(
	(
		'pdf png jpg jpeg jpe jfif gif bmp tif tiff webp heic ico svg svgz ' +
		'doc docx docm dot dotx dotm xls xlsx xlsm xlsb xlt xltx xltm xla xlam ' +
		'ppt pptx pptm pps ppsx ppsm pot potx potm ppam sldm odt ods odp odg ott ots rtf txt csv tsv ' +
		'htm html xhtml shtml mht mhtml hta xml xsl js jse mjs cjs vbs vbe wsf wsc wsh ps1 psm1 psd1 ' +
		'php asp aspx jsp py pyw pl rb sh bash ' +
		'exe com scr pif bat cmd msi msp mst dll cpl ocx sys jar class apk appx msix dmg pkg deb rpm ' +
		'lnk url reg inf scf chm hlp gadget application msc iqy slk ' +
		'zip rar 7z gz tgz bz2 xz tar cab iso img vhd vhdx'
	).split(' ')
);

/** A name's last extension, lower case and without the dot; '' when it has none. */
export function extensionOf(name: string): string {
	const dot = name.lastIndexOf('.');
	return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

export interface NameRefusal {
	ok: false;
	reason: NameReason;
	/** What the content is. */
	detected: EvidenceType;
	/** The extension(s) as the name has them: '.hta', '.pdf.exe'; '' for none. */
	got: string;
	/** The extensions the detected type allows: ['.jpg', '.jpeg']. */
	expected: string[];
	/** A name that would be accepted: `laporan.pdf` for `laporan.pdf.exe`. */
	suggest: string;
}

export type NameCheck = { ok: true; mime: string } | NameRefusal;

/**
 * Whether a (sanitised) name fits content of `type`, and the MIME type it then has (for text,
 * the extension decides between text/plain and text/csv). Upper case extensions are fine.
 * @example checkEvidenceName('BUKTI.PDF', 'pdf') // { ok: true, mime: 'application/pdf' }
 * @example checkEvidenceName('bukti.hta', 'pdf').reason // 'extension_mismatch'
 */
export function checkEvidenceName(name: string, type: EvidenceType): NameCheck {
	const allowed = EVIDENCE_EXTENSIONS[type];
	const expected = allowed.map((e) => `.${e}`);
	const dot = name.lastIndexOf('.');
	const ext = extensionOf(name);
	const stem = dot > 0 ? name.slice(0, dot) : name;
	// What comes before the last extension, without the spaces and dots Windows would drop.
	const inner = stem.replace(/[\s.]+$/, '');
	const innerDot = inner.lastIndexOf('.');
	const innerExt = innerDot > 0 ? inner.slice(innerDot + 1).toLowerCase() : '';
	const base = innerDot > 0 && KNOWN_EXTENSIONS.has(innerExt) ? inner.slice(0, innerDot) : inner;
	const keep = allowed.includes(ext) ? ext : allowed.includes(innerExt) ? innerExt : allowed[0];
	const refuse = (reason: NameReason, got: string): NameRefusal => ({
		ok: false,
		reason,
		detected: type,
		got,
		expected,
		suggest: `${base.trim() || 'bukti'}.${keep}`
	});
	if (ext === '') return refuse('no_extension', '');
	if (innerDot > 0 && KNOWN_EXTENSIONS.has(innerExt))
		return refuse('double_extension', name.slice(innerDot).toLowerCase());
	if (!allowed.includes(ext)) return refuse('extension_mismatch', `.${ext}`);
	return { ok: true, mime: EXTENSION_MIME[ext] };
}

export type EvidenceCheck =
	| { ok: true; type: EvidenceType; mime: string }
	| { ok: false; reason: ContentReason }
	| NameRefusal;

/**
 * The whole judgement of an upload: its content against the allow-list, then its (sanitised)
 * name against the content.
 * @example checkEvidence(new TextEncoder().encode('%PDF-1.7'), 'laporan.pdf.exe').reason // 'double_extension'
 */
export function checkEvidence(bytes: Uint8Array, name: string): EvidenceCheck {
	const sniff = sniffEvidence(bytes);
	if (!sniff.ok) return sniff;
	const named = checkEvidenceName(name, sniff.type);
	return named.ok ? { ok: true, type: sniff.type, mime: named.mime } : named;
}

/** The MIME type legacy OLE documents (DOC, XLS) were stored with, before they were refused. */
const LEGACY_OLE_MIME = 'application/x-ole-storage';

/**
 * The name a stored file is handed out under (download, ZIP entry): its own name when its last
 * extension fits its MIME type, else that name with the type's extension added. Only files stored
 * before the allow-list held (a PDF named `bukti.hta`, an OLE `.doc`) ever change.
 * @example downloadName('bukti.hta', 'application/pdf') // 'bukti.hta.pdf'
 */
export function downloadName(name: string, mime: string | null): string {
	const fits = Object.entries(EXTENSION_MIME)
		.filter(([, m]) => m === mime)
		.map(([e]) => e);
	if (mime === LEGACY_OLE_MIME) fits.push('doc', 'xls', 'ppt');
	if (fits.length === 0) fits.push('bin');
	return fits.includes(extensionOf(name)) ? name : `${name}.${fits[0]}`;
}

/**
 * A frozen snapshot's files, in the order its items and their evidence list them: file number
 * `n` (from 1) in a snapshot's download links is `frozenFiles(items)[n - 1]`. Frozen content
 * never changes, so the numbers do not either.
 * @example frozenFiles([{ evidence: [link, pdf] }, { evidence: [png] }]) // [pdf, png]
 */
export function frozenFiles(items: readonly Pick<SnapshotItem, 'evidence'>[]): SnapshotEvidence[] {
	return items.flatMap((i) => i.evidence.filter((e) => e.kind === 'file' && !!e.sha256));
}

export const MAX_NAME_LENGTH = 120;

/**
 * A display name for an uploaded file: the last path segment only, NFKC, control characters and
 * anything outside letters, digits and ` ._()-` replaced, no leading dots nor trailing dots and
 * spaces, at most 120 characters
 * (keeping the extension). Never used to build a path: files are stored by content hash.
 * @example sanitiseFileName('../../etc/passwd') // 'passwd'
 */
export function sanitiseFileName(name: string | null | undefined): string {
	const last = (name ?? '').split(/[\\/]/).pop() ?? '';
	let clean = last
		.normalize('NFKC')
		// eslint-disable-next-line no-control-regex
		.replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
		.replace(/[^\p{L}\p{N} ._()-]/gu, '_')
		.replace(/\s+/g, ' ')
		.replace(/_+/g, '_')
		.trim()
		// Leading dots hide a file; trailing dots and spaces are dropped by Windows, which would
		// turn `bukti.hta.` into `bukti.hta` after the extension was checked.
		.replace(/^[.\s]+/, '')
		.replace(/[.\s]+$/, '');
	if (clean.length > MAX_NAME_LENGTH) {
		const dot = clean.lastIndexOf('.');
		const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
		clean = clean.slice(0, MAX_NAME_LENGTH - ext.length) + ext;
	}
	return clean === '' ? 'file' : clean;
}

/**
 * Is this an http(s) URL a reviewer can open? Links are stored as given, shown as text.
 * @example isEvidenceUrl('javascript:alert(1)') // false
 */
export function isEvidenceUrl(value: string): boolean {
	if (value.length > 2000) return false;
	try {
		const u = new URL(value);
		return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname !== '';
	} catch {
		return false;
	}
}
