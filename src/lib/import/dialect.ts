/**
 * Dialect detection from the header line: never a silent guess. The delimiter is the only one of
 * `,` `;` tab found outside quotes; when several are found, the one that splits the header into
 * known labels wins, and when that does not settle it the file is refused.
 */
import type { Delimiter, LineEnding, Locale, Message } from './types';

const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];

export type DialectProblem = { reason: 'blank' | 'no-delimiter' | 'ambiguous'; message: Message };

/** Splits a header line at unquoted delimiters: `splitHeader('a;"b;c"', ';')` → `['a', 'b;c']`. */
export function splitHeader(line: string, delimiter: Delimiter): string[] {
	const labels: string[] = [];
	let current = '';
	let inQuotes = false;
	for (const ch of line) {
		if (ch === '"') inQuotes = !inQuotes;
		else if (ch === delimiter && !inQuotes) {
			labels.push(current.trim());
			current = '';
		} else current += ch;
	}
	labels.push(current.trim());
	return labels;
}

/**
 * Finds the delimiter of a header line: `detectDialect('kode_wilayah;tahun;nilai')` →
 * `{ delimiter: ';', locale: 'id' }`. `isKnownLabel` breaks ties when several delimiters occur.
 */
export function detectDialect(
	headerLine: string,
	isKnownLabel?: (label: string) => boolean
): { delimiter: Delimiter; locale: Locale | null } | { error: DialectProblem } {
	const line = headerLine.replace(/^\uFEFF/, '');
	if (line.trim() === '')
		return {
			error: {
				reason: 'blank',
				message: {
					id: 'Baris pertama (judul kolom) kosong. Baris 1 harus berisi nama kolom.',
					en: 'The first line (the header) is blank. Row 1 must hold the column names.'
				}
			}
		};
	const counts = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
	let inQuotes = false;
	for (const ch of line) {
		if (ch === '"') inQuotes = !inQuotes;
		else if (!inQuotes && counts.has(ch as Delimiter))
			counts.set(ch as Delimiter, (counts.get(ch as Delimiter) ?? 0) + 1);
	}
	let candidates = DELIMITERS.filter((d) => (counts.get(d) ?? 0) > 0);
	if (candidates.length > 1 && isKnownLabel)
		candidates = candidates.filter((d) => splitHeader(line, d).every(isKnownLabel));
	if (candidates.length === 1)
		return { delimiter: candidates[0], locale: localeOfDelimiter(candidates[0]) };
	if (candidates.length === 0 && DELIMITERS.every((d) => counts.get(d) === 0))
		return {
			error: {
				reason: 'no-delimiter',
				message: {
					id: 'Tidak ada pemisah kolom (koma, titik koma atau tab) di baris judul: berkas ini hanya satu kolom atau bukan CSV. Simpan sebagai CSV dengan kolom yang dipisahkan.',
					en: 'No column delimiter (comma, semicolon or tab) in the header line: the file has a single column or is not a CSV. Save it as a CSV with separated columns.'
				}
			}
		};
	return {
		error: {
			reason: 'ambiguous',
			message: {
				id: 'Baris judul memuat lebih dari satu jenis pemisah (koma, titik koma, tab); pemisah tidak dapat ditentukan. Gunakan satu jenis pemisah, atau beri tanda kutip pada nama kolom yang memuat pemisah.',
				en: 'The header line holds more than one kind of delimiter (comma, semicolon, tab), so the delimiter cannot be told. Use one delimiter, or quote labels that contain one.'
			}
		}
	};
}

/** The number locale a delimiter implies: `;` → id, `,` → en, tab → null (unknown). */
export function localeOfDelimiter(delimiter: Delimiter): Locale | null {
	return delimiter === ';' ? 'id' : delimiter === ',' ? 'en' : null;
}

/** The first line break of a text: `detectLineEnding('a\r\nb') === 'crlf'`; `lf` when none. */
export function detectLineEnding(text: string): LineEnding {
	const i = text.search(/[\r\n]/);
	if (i === -1 || text[i] === '\n') return 'lf';
	return text[i + 1] === '\n' ? 'crlf' : 'cr';
}

/** Spreadsheet column letter of a 0-based index: `columnLetter(27) === 'AB'`. */
export function columnLetter(index: number): string {
	let n = index + 1;
	let s = '';
	while (n > 0) {
		const r = (n - 1) % 26;
		s = String.fromCharCode(65 + r) + s;
		n = Math.floor((n - 1) / 26);
	}
	return s;
}
