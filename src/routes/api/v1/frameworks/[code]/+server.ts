import { json } from '@sveltejs/kit';
import { ApiNotFound, parseQuery, withQuery } from '$lib/server/api';
import { getDb } from '$lib/server/db';
import * as frameworks from '$lib/server/db/frameworks';
import * as indicators from '$lib/server/db/indicators';
import type { RequestHandler } from './$types';

interface ApiNode {
	code: string;
	level: string;
	name_id: string;
	name_en: string;
	description_id: string;
	description_en: string;
	weight: number;
	children: ApiNode[];
	indicators: { code: string; name_id: string; name_en: string; unit: string; weight: number }[];
}

/** One framework as a tree: dimensions → elements → indicators (domains → aspects for SPBE). */
export const GET: RequestHandler = ({ url, params }) =>
	withQuery(() => {
		parseQuery(url, {});
		const db = getDb();
		const fw = frameworks.get(db, params.code);
		if (!fw) throw new ApiNotFound(`Unknown framework "${params.code}".`);
		const byCode = new Map<string, ApiNode>();
		const roots: ApiNode[] = [];
		const nodes = frameworks.nodes(db, fw.code);
		for (const n of nodes) {
			byCode.set(n.code, {
				code: n.code,
				level: n.level,
				name_id: n.nameId,
				name_en: n.nameEn,
				description_id: n.descriptionId,
				description_en: n.descriptionEn,
				weight: n.weight,
				children: [],
				indicators: []
			});
		}
		for (const n of nodes) {
			const node = byCode.get(n.code)!;
			const parent = n.parentCode === null ? undefined : byCode.get(n.parentCode);
			(parent ? parent.children : roots).push(node);
		}
		for (const i of indicators.list(db, { framework: fw.code })) {
			byCode.get(i.elementCode)?.indicators.push({
				code: i.code,
				name_id: i.nameId,
				name_en: i.nameEn,
				unit: i.unit,
				weight: i.weight
			});
		}
		return json({
			code: fw.code,
			version: fw.version,
			name_id: fw.nameId,
			name_en: fw.nameEn,
			year_from: fw.yearFrom,
			year_to: fw.yearTo,
			source: fw.source,
			nodes: roots
		});
	});
