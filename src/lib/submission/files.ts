/**
 * Evidence files judged by their content, never by their name: the allow-list (PDF, PNG, JPEG,
 * OOXML docx/xlsx/pptx, legacy OLE doc/xls), the clean-up of an uploaded file's original name,
 * and spreadsheet cells that cannot turn into formulas.
 */
import { unzipSync } from 'fflate';

export type EvidenceType = 'pdf' | 'png' | 'jpeg' | 'docx' | 'xlsx' | 'pptx' | 'ole';

export const EVIDENCE_MIME: Readonly<Record<EvidenceType, string>> = {
	pdf: 'application/pdf',
	png: 'image/png',
	jpeg: 'image/jpeg',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
	ole: 'application/x-ole-storage'
};

export type SniffResult =
	| { ok: true; type: EvidenceType; mime: string }
	| { ok: false; reason: 'empty' | 'executable' | 'not_office' | 'unknown' };

const starts = (b: Uint8Array, sig: readonly number[], at = 0) =>
	b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const EXECUTABLES = [
	[0x4d, 0x5a], // MZ: Windows PE
	[0x7f, 0x45, 0x4c, 0x46], // ELF
	[0xcf, 0xfa, 0xed, 0xfe], // Mach-O 64
	[0xce, 0xfa, 0xed, 0xfe],
	[0x23, 0x21] // #! script
];

/** Entry names of a ZIP, read from its directory without inflating anything; null if unreadable. */
function zipNames(bytes: Uint8Array): string[] | null {
	const names: string[] = [];
	try {
		unzipSync(bytes, {
			filter: (f) => {
				names.push(f.name);
				return false;
			}
		});
	} catch {
		return null;
	}
	return names;
}

/**
 * What a file is, from its first bytes (and, for a ZIP, its entry names): only the allow-listed
 * types pass. A ZIP passes only as an Office Open XML document with `[Content_Types].xml`.
 * @example sniffEvidence(new TextEncoder().encode('%PDF-1.7 ...')) // { ok: true, type: 'pdf', mime: 'application/pdf' }
 */
export function sniffEvidence(bytes: Uint8Array): SniffResult {
	if (bytes.length === 0) return { ok: false, reason: 'empty' };
	if (EXECUTABLES.some((sig) => starts(bytes, sig))) return { ok: false, reason: 'executable' };
	if (starts(bytes, PDF)) return { ok: true, type: 'pdf', mime: EVIDENCE_MIME.pdf };
	if (starts(bytes, PNG)) return { ok: true, type: 'png', mime: EVIDENCE_MIME.png };
	if (starts(bytes, JPEG)) return { ok: true, type: 'jpeg', mime: EVIDENCE_MIME.jpeg };
	if (starts(bytes, OLE)) return { ok: true, type: 'ole', mime: EVIDENCE_MIME.ole };
	if (starts(bytes, ZIP)) {
		const names = zipNames(bytes);
		if (!names || !names.includes('[Content_Types].xml'))
			return { ok: false, reason: 'not_office' };
		const type: EvidenceType | null = names.some((n) => n.startsWith('word/'))
			? 'docx'
			: names.some((n) => n.startsWith('xl/'))
				? 'xlsx'
				: names.some((n) => n.startsWith('ppt/'))
					? 'pptx'
					: null;
		return type
			? { ok: true, type, mime: EVIDENCE_MIME[type] }
			: { ok: false, reason: 'not_office' };
	}
	return { ok: false, reason: 'unknown' };
}

export const MAX_NAME_LENGTH = 120;

/**
 * A display name for an uploaded file: the last path segment only, NFKC, control characters and
 * anything outside letters, digits and ` ._()-` replaced, no leading dots, at most 120 characters
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
		.replace(/^[.\s]+/, '');
	if (clean.length > MAX_NAME_LENGTH) {
		const dot = clean.lastIndexOf('.');
		const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
		clean = clean.slice(0, MAX_NAME_LENGTH - ext.length) + ext;
	}
	return clean === '' ? 'file' : clean;
}

/**
 * A cell value that a spreadsheet will not run as a formula: text starting with = + - @, a tab or
 * a carriage return gets a leading apostrophe (OWASP CSV-injection advice). Numbers, null pass.
 * @example safeCell('=HYPERLINK("http://x")') // '\'=HYPERLINK("http://x")'
 */
export function safeCell<T>(value: T): T | string {
	if (typeof value !== 'string') return value;
	return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
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
