/**
 * What a template download asks for, shared by the CSV and the XLSX template: the kind (`[kind]`),
 * `?lang=id|en`, `?shape=long|wide`, and for values and targets `?dimension=economy`, which fills
 * one row per indicator of that dimension of the instance's framework with the instance's region
 * code and last year, so the file holds only codes that exist.
 */
import { error } from '@sveltejs/kit';
import { IMPORT_KINDS, kindSchemas, type ImportKind, type Locale, type Shape } from '$lib/import';
import type { TemplateCodes } from '$lib/import';
import { config } from '$lib/server/config';
import { csvLanguage } from '$lib/server/csv-download';
import { getConnection } from '$lib/server/db';
import * as indicators from '$lib/server/db/indicators';

export interface TemplateRequest {
	kind: ImportKind;
	lang: Locale;
	shape: Shape;
	codes?: TemplateCodes;
	/** The indicators the template is for (a dimension's, or all of the framework's), for lists. */
	indicators: indicators.IndicatorWithDimension[];
	/** The file name without its extension: `template-observations-economy-long-id`. */
	baseName: string;
}

/** The template asked for; answers 404/400 (SvelteKit `error`) for a kind, shape or dimension that does not exist. */
export function templateRequest(kindParam: string, url: URL): TemplateRequest {
	if (!(IMPORT_KINDS as readonly string[]).includes(kindParam))
		error(404, `Unknown kind "${kindParam}": one of ${IMPORT_KINDS.join(', ')}.`);
	const kind = kindParam as ImportKind;
	const lang = csvLanguage(url);
	const shape = url.searchParams.get('shape') ?? 'long';
	if (shape !== 'long' && shape !== 'wide') error(400, '?shape must be long or wide.');
	if (!kindSchemas[kind].shapes.includes(shape))
		error(400, `${kind} files have no ${shape} shape.`);
	const { instance } = config();
	const all = indicators.list(getConnection().db, { framework: instance.defaultFramework });
	const dimension = url.searchParams.get('dimension');
	if (dimension === null || (kind !== 'observations' && kind !== 'targets'))
		return { kind, lang, shape, indicators: all, baseName: `template-${kind}-${shape}-${lang}` };
	const list = all.filter((i) => i.dimensionCode === dimension);
	if (list.length === 0) error(404, `No indicator in dimension "${dimension}".`);
	return {
		kind,
		lang,
		shape,
		codes: {
			region: instance.defaultRegion,
			indicators: list.map((i) => i.code),
			year: new Date().getUTCFullYear() - 1
		},
		indicators: list,
		baseName: `template-${kind}-${dimension.replace(/[^a-z0-9-]/gi, '')}-${shape}-${lang}`
	};
}
