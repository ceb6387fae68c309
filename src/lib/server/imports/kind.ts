/**
 * The kind of a file when the person did not say: read from its header line, so the CLI (before
 * importing a path) and the upload service (after spooling an upload) guess the same way.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { findColumn } from '../../import';

/**
 * The kind a file's header suggests when none is given: `targets` when a column is the target's
 * planning document (`document_type` / `jenis_dokumen`), else `observations`. Only the first
 * 64 KB are read; a file that cannot be read is left to the import to report.
 * Example: `guessKind('region_code;indicator_code;year;value;document_type;source') === 'targets'`.
 */
export function guessKind(headerLine: string): 'observations' | 'targets' {
	const labels = headerLine.replace(/^\uFEFF/, '').split(/[,;\t]/);
	for (const label of labels) {
		const column = findColumn('targets', label.replace(/^"|"$/g, ''));
		if (column?.name === 'document_type') return 'targets';
	}
	return 'observations';
}

/** The first line of a file (up to 64 KB), decoded leniently, for `guessKind`. */
export function readHeaderLine(file: string): string {
	let fd: number | undefined;
	try {
		fd = openSync(file, 'r');
		const buf = Buffer.alloc(65536);
		const n = readSync(fd, buf, 0, buf.length, 0);
		const text = buf.subarray(0, n).toString('utf8');
		const end = text.search(/[\r\n]/);
		return end === -1 ? text : text.slice(0, end);
	} catch {
		return '';
	} finally {
		if (fd !== undefined) closeSync(fd);
	}
}
