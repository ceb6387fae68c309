/**
 * What an import throws instead of reporting: problems of the request, not of the file's content
 * (those come back in the report as `status: 'refused'`). Callers tell them apart by class.
 */
import type { ImportKind } from '../../import';
import { ImportRefused } from '../db/imports';

// Defined beside the SQL that refuses an undo; every import caller catches it from here.
export { ImportRefused };

/**
 * The file touches data the actor may not write; nothing was written. `kind` and `fileName` say
 * which upload it was, for the denial the page records.
 */
export class ImportForbidden extends Error {
	override name = 'ImportForbidden';
	constructor(
		readonly indicators: string[],
		readonly kind: ImportKind,
		readonly fileName: string
	) {
		super(`Not allowed to write data of indicators: ${indicators.join(', ')}`);
	}
}

/** The file cannot be opened or read (a path problem, not a problem of its content). */
export class ImportReadError extends Error {
	override name = 'ImportReadError';
}
