import { error } from '@sveltejs/kit';
import { IMPORT_KINDS, kindSchemas, templateCsv, type ImportKind } from '$lib/import';
import { requireCapability } from '$lib/server/auth/guard';
import { config } from '$lib/server/config';
import { csvDownload, csvLanguage } from '$lib/server/csv-download';
import { getConnection } from '$lib/server/db';
import * as indicators from '$lib/server/db/indicators';
import type { RequestHandler } from './$types';

/**
 * The CSV template of a kind (`?lang=id|en`, `?shape=long|wide`), from its declared schema, as an
 * attachment. A byte-order mark is added so Excel reads it as UTF-8; the importer ignores it.
 *
 * `?dimension=economy` (values and targets): one row per indicator of that dimension of the
 * instance's framework, with the instance's region code and last year filled in, so the file
 * holds only codes that exist; values and sources are left for the producer.
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
	const dimension = event.url.searchParams.get('dimension');
	let codes: { region: string; indicators: string[]; year: number } | undefined;
	let suffix = '';
	if (dimension !== null && (kind === 'observations' || kind === 'targets')) {
		const { instance } = config();
		const list = indicators
			.list(getConnection().db, { framework: instance.defaultFramework })
			.filter((i) => i.dimensionCode === dimension);
		if (list.length === 0) error(404, `No indicator in dimension "${dimension}".`);
		codes = {
			region: instance.defaultRegion,
			indicators: list.map((i) => i.code),
			year: new Date().getUTCFullYear() - 1
		};
		suffix = `-${dimension.replace(/[^a-z0-9-]/gi, '')}`;
	}
	return csvDownload(
		templateCsv(kind as ImportKind, lang, shape, codes),
		`template-${kind}${suffix}-${shape}-${lang}.csv`
	);
};
