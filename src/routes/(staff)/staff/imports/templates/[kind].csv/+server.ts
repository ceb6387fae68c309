import { error } from '@sveltejs/kit';
import { IMPORT_KINDS, kindSchemas, templateCsv, type ImportKind } from '$lib/import';
import { requireCapability } from '$lib/server/auth/guard';
import { csvDownload, csvLanguage } from '$lib/server/csv-download';
import type { RequestHandler } from './$types';

/**
 * The CSV template of a kind (`?lang=id|en`, `?shape=long|wide`), from its declared schema, as an
 * attachment. A byte-order mark is added so Excel reads it as UTF-8; the importer ignores it.
 */
export const GET: RequestHandler = (event) => {
	requireCapability(event, 'staff');
	const kind = event.params.kind;
	if (!(IMPORT_KINDS as readonly string[]).includes(kind))
		error(404, `Unknown kind "${kind}": one of ${IMPORT_KINDS.join(', ')}.`);
	const lang = csvLanguage(event.url);
	const shape = event.url.searchParams.get('shape') ?? 'long';
	if (shape !== 'long' && shape !== 'wide') error(400, '?shape must be long or wide.');
	if (!kindSchemas[kind as ImportKind].shapes.includes(shape))
		error(400, `${kind} files have no ${shape} shape.`);
	return csvDownload(
		templateCsv(kind as ImportKind, lang, shape),
		`template-${kind}-${shape}-${lang}.csv`
	);
};
