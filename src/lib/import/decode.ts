/**
 * Bytes → text, chunk by chunk, with the checks that tell a CSV file from something else.
 *
 * Encoding rule (the same for a whole buffer and any chunking of it): the file's first non-ASCII
 * character decides. A valid UTF-8 sequence (a BOM included) makes the file UTF-8 throughout, and
 * any invalid byte later is an `encoding-error` (mixed encodings); an invalid one makes it
 * Windows-1252 (Excel's "CSV" on Indonesian Windows). A file with no non-ASCII byte is UTF-8.
 * Output never contains U+FFFD: UTF-8 is decoded with `fatal: true`, and a U+FFFD already in the
 * file, or a byte Windows-1252 leaves undefined, is an `encoding-error`.
 *
 * `ByteFeed` puts a decoder between a file's chunks and the validator, for the streaming entry
 * points; it knows the validator only as a `TextSink`.
 */
import type { Encoding, ErrorCode, Message } from './types';

export interface DecodeProblem {
	code: Extract<ErrorCode, 'format-error' | 'encoding-error'>;
	/** Short machine reason, e.g. `zip`, `pdf`, `binary`, `utf-16`, `mixed`. */
	reason: string;
	message: Message;
}

const SNIFF_BYTES = 8;

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

const NOT_CSV_FIX = {
	id: 'Buka berkas di spreadsheet lalu simpan sebagai buku kerja Excel (.xlsx), "CSV UTF-8 (dipisahkan koma)" atau "CSV (dipisahkan titik koma)".',
	en: 'Open the file in a spreadsheet and save it as an Excel workbook (.xlsx), "CSV UTF-8 (comma delimited)" or "CSV (semicolon delimited)".'
};

function notCsv(reason: string, whatId: string, whatEn: string): DecodeProblem {
	return {
		code: 'format-error',
		reason,
		message: {
			id: `Berkas ini bukan CSV melainkan ${whatId}. ${NOT_CSV_FIX.id}`,
			en: `This file is not a CSV but ${whatEn}. ${NOT_CSV_FIX.en}`
		}
	};
}

/** Recognises non-CSV files by their first bytes: `sniff(pkBytes)?.reason === 'zip'`. */
export function sniff(head: Uint8Array): DecodeProblem | null {
	if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06]))
		return notCsv(
			'zip',
			'berkas Excel (.xlsx) atau ZIP',
			'an Excel workbook (.xlsx) or a ZIP archive'
		);
	if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
		return notCsv('xls', 'berkas Excel lama (.xls)', 'an old Excel workbook (.xls)');
	if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d]))
		return notCsv('pdf', 'dokumen PDF', 'a PDF document');
	if (startsWith(head, [0x1f, 0x8b]))
		return notCsv('gzip', 'arsip terkompresi (gzip)', 'a gzip archive');
	if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff]))
		return {
			code: 'encoding-error',
			reason: 'utf-16',
			message: {
				id: 'Berkas ini berkode UTF-16 ("Unicode Text" dari Excel). Simpan sebagai "CSV UTF-8".',
				en: 'This file is UTF-16 encoded (Excel\'s "Unicode Text"). Save it as "CSV UTF-8".'
			}
		};
	return null;
}

const binary = (): DecodeProblem =>
	notCsv(
		'binary',
		'data biner (berisi karakter kontrol)',
		'binary data (it holds control characters)'
	);

/**
 * Length of the UTF-8 sequence starting at `i` (a byte ≥ 0x80): its length when valid, 0 when
 * invalid, -1 when the bytes end before it does.
 */
export function utf8SequenceLength(b: Uint8Array, i: number): number {
	const lead = b[i];
	let n: number;
	let lo = 0x80;
	let hi = 0xbf;
	if (lead >= 0xc2 && lead <= 0xdf) n = 2;
	else if (lead >= 0xe0 && lead <= 0xef) {
		n = 3;
		if (lead === 0xe0) lo = 0xa0;
		if (lead === 0xed) hi = 0x9f;
	} else if (lead >= 0xf0 && lead <= 0xf4) {
		n = 4;
		if (lead === 0xf0) lo = 0x90;
		if (lead === 0xf4) hi = 0x8f;
	} else return 0;
	for (let k = 1; k < n; k++) {
		if (i + k >= b.length) return -1;
		const c = b[i + k];
		if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return 0;
	}
	return n;
}

// Tab, LF and CR are text; any other C0 control or DEL means the file is not text.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// Windows-1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined; the decoder maps them to C1 controls.
const UNDEFINED_1252 = /[\u0080-\u009F]/;
// eslint-disable-next-line no-control-regex -- as CONTROL, plus every character beyond ASCII
const CONTROL_OR_NOT_ASCII = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\uFFFF]/;

/** Incremental decoder: `push` chunks, then `end`; stop reading once `problem` is set. */
export class ByteDecoder {
	encoding: Encoding = 'utf-8';
	problem: DecodeProblem | null = null;
	private mode: 'sniff' | 'ascii' | 'utf-8' | 'windows-1252' = 'sniff';
	private pending: Uint8Array = new Uint8Array(0);
	private readonly utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
	private readonly cp1252 = new TextDecoder('windows-1252');
	/** Bytes decoded so far, for messages. */
	private offset = 0;

	push(chunk: Uint8Array): string {
		if (this.problem || chunk.length === 0) return '';
		let bytes = chunk;
		if (this.pending.length > 0) {
			bytes = new Uint8Array(this.pending.length + chunk.length);
			bytes.set(this.pending);
			bytes.set(chunk, this.pending.length);
			this.pending = new Uint8Array(0);
		}
		if (this.mode === 'sniff') {
			if (bytes.length < SNIFF_BYTES) {
				this.pending = bytes;
				return '';
			}
			this.problem = sniff(bytes);
			if (this.problem) return '';
			this.mode = 'ascii';
		}
		return this.decode(bytes, false);
	}

	end(): string {
		if (this.problem) return '';
		let text = '';
		if (this.pending.length > 0) {
			const bytes = this.pending;
			this.pending = new Uint8Array(0);
			if (this.mode === 'sniff') {
				this.problem = sniff(bytes);
				if (this.problem) return '';
				this.mode = 'ascii';
			}
			text = this.decode(bytes, true);
			if (this.problem) return '';
		}
		if (this.mode === 'utf-8') {
			try {
				text += this.check(this.utf8.decode());
			} catch {
				this.problem = this.mixed();
				return '';
			}
		}
		return this.problem ? '' : text;
	}

	private decode(bytes: Uint8Array, final: boolean): string {
		if (bytes.indexOf(0) !== -1) {
			this.problem = binary();
			return '';
		}
		let text = '';
		if (this.mode === 'ascii') {
			// Windows-1252 turns each byte into one character, ASCII unchanged: one native search
			// then finds the first byte that is a control character or not ASCII, if any.
			const latin = this.cp1252.decode(bytes, { stream: true });
			const found = CONTROL_OR_NOT_ASCII.exec(latin);
			if (found === null) {
				this.offset += bytes.length;
				return latin;
			}
			const i = found.index;
			text = latin.slice(0, i);
			if (bytes[i] < 0x80) return this.check(latin);
			const len = utf8SequenceLength(bytes, i);
			if (len === -1 && !final) {
				this.pending = bytes.slice(i);
				this.offset += i;
				return this.check(text, 0);
			}
			this.offset += i;
			bytes = bytes.subarray(i);
			if (len > 0) this.mode = 'utf-8';
			else {
				this.mode = 'windows-1252';
				this.encoding = 'windows-1252';
			}
		}
		try {
			text +=
				this.mode === 'utf-8'
					? this.utf8.decode(bytes, { stream: !final })
					: // Node 20 decodes windows-1252 as Latin-1 unless streaming (0x96 stays U+0096):
						// `stream: true` takes the correct path, and the encoding has no state to carry.
						this.cp1252.decode(bytes, { stream: true });
		} catch {
			this.problem = this.mixed();
			return '';
		}
		return this.check(text, bytes.length);
	}

	private check(text: string, consumed = 0): string {
		if (this.problem) return '';
		if (CONTROL.test(text)) {
			this.problem = binary();
			return '';
		}
		if (this.mode === 'windows-1252' && UNDEFINED_1252.test(text)) {
			this.problem = {
				code: 'encoding-error',
				reason: 'undefined-1252',
				message: {
					id: 'Berkas ini bukan UTF-8 dan bukan Windows-1252 yang sah. Simpan ulang sebagai "CSV UTF-8".',
					en: 'This file is neither UTF-8 nor valid Windows-1252. Save it again as "CSV UTF-8".'
				}
			};
			return '';
		}
		if (text.includes('\uFFFD')) {
			this.problem = {
				code: 'encoding-error',
				reason: 'replacement-character',
				message: {
					id: 'Berkas berisi karakter pengganti "\uFFFD": huruf sudah rusak oleh konversi sebelumnya. Perbaiki teks aslinya lalu simpan sebagai "CSV UTF-8".',
					en: 'The file holds the replacement character "\uFFFD": letters were lost in an earlier conversion. Fix the original text and save as "CSV UTF-8".'
				}
			};
			return '';
		}
		this.offset += consumed;
		return text;
	}

	private mixed(): DecodeProblem {
		return {
			code: 'encoding-error',
			reason: 'mixed',
			message: {
				id: `Berkas dimulai sebagai UTF-8 tetapi berisi byte yang bukan UTF-8 (sekitar byte ${this.offset}): pengodean bercampur. Simpan ulang seluruh berkas sebagai "CSV UTF-8".`,
				en: `The file starts as UTF-8 but holds bytes that are not UTF-8 (near byte ${this.offset}): mixed encodings. Save the whole file again as "CSV UTF-8".`
			}
		};
	}
}

/** Decodes a whole buffer: `decodeBytes(bytes)` → `{ text, encoding }` or `{ problem }`. */
export function decodeBytes(
	bytes: Uint8Array
): { text: string; encoding: Encoding } | { problem: DecodeProblem } {
	const d = new ByteDecoder();
	const text = d.push(bytes) + d.end();
	return d.problem ? { problem: d.problem } : { text, encoding: d.encoding };
}

/** Where decoded text goes (the validator), and how it says it wants no more. */
export interface TextSink {
	/** True once nothing more is wanted (a fatal error, too many rows). */
	readonly done: boolean;
	/** The file's encoding, as the decoder has found it so far. */
	encoding: Encoding;
	/** The next piece of the decoded file. */
	pushText(text: string): void;
	/** The end of the file. */
	finish(): void;
	/** An error after which the file is not read further. */
	fatal(code: ErrorCode, row: number | null, message: Message): void;
}

/**
 * Bytes to the validator through the decoder, chunk by chunk: the one way the streaming entry
 * points feed a file. A decoding problem (binary data, a broken encoding) becomes the file's error.
 */
export class ByteFeed {
	private readonly decoder = new ByteDecoder();
	constructor(private readonly engine: TextSink) {}

	/** False once the file needs no more bytes: a decoding problem, or the engine stopped. */
	get wanted(): boolean {
		return this.decoder.problem === null && !this.engine.done;
	}

	/** Decodes and validates one chunk; returns `wanted`. */
	push(chunk: Uint8Array): boolean {
		if (!this.wanted) return false;
		const text = this.decoder.push(chunk);
		this.engine.encoding = this.decoder.encoding;
		if (this.decoder.problem === null) this.engine.pushText(text);
		return this.wanted;
	}

	/** The end of the file: the decoder's last bytes and the last record, or the decoding problem. */
	end(): void {
		if (this.wanted) {
			const text = this.decoder.end();
			this.engine.encoding = this.decoder.encoding;
			if (this.decoder.problem === null) {
				this.engine.pushText(text);
				this.engine.finish();
			}
		}
		const problem = this.decoder.problem;
		if (problem) this.engine.fatal(problem.code, null, problem.message);
	}
}
