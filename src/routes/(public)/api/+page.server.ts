import { PAGE_MAX } from '$lib/server/api';
import { rateLimitFromEnv } from '$lib/server/rate-limit';
import { openApiDocument } from '$lib/server/openapi';
import type { PageServerLoad } from './$types';

type Obj = Record<string, unknown>;

interface Param {
	name: string;
	in: string;
	required: boolean;
	type: string;
	description: string;
}

/** The API docs, read from the same OpenAPI document the API serves, so the two cannot disagree. */
export const load = (({ url }) => {
	const doc = openApiDocument(url.origin) as {
		paths: Record<string, { get: Obj }>;
		components: { parameters: Record<string, Obj>; schemas: Record<string, Obj> };
	};
	const resolveParam = (p: Obj): Obj =>
		typeof p.$ref === 'string' ? doc.components.parameters[p.$ref.split('/').pop()!] : p;
	const endpoints = Object.entries(doc.paths).map(([path, { get }]) => {
		const params: Param[] = ((get.parameters ?? []) as Obj[]).map(resolveParam).map((p) => {
			const schema = (p.schema ?? {}) as Obj;
			const type = Array.isArray(schema.enum) ? schema.enum.join(' | ') : String(schema.type ?? '');
			return {
				name: String(p.name),
				in: String(p.in),
				required: p.required === true,
				type,
				description: String(p.description ?? '')
			};
		});
		let example = path;
		const query = new URLSearchParams();
		for (const p of ((get.parameters ?? []) as Obj[]).map(resolveParam)) {
			if (p.in === 'path') example = example.replace(`{${p.name}}`, String(p.example));
			else if (p.required) query.set(String(p.name), String(p.example));
		}
		if (query.size) example += `?${query}`;
		const ok = ((get.responses as Obj)['200'] as Obj).content as Obj;
		const schema = (ok['application/json'] as Obj).schema as Obj;
		const rowRef = ((schema.items as Obj | undefined)?.$ref ?? schema.$ref) as string | undefined;
		const row = rowRef ? doc.components.schemas[rowRef.split('/').pop()!] : undefined;
		const isList = schema.type === 'array';
		return {
			path,
			summaryEn: String(get.summary),
			summaryId: String(get['x-summary-id'] ?? get.summary),
			description: get.description ? String(get.description) : null,
			params,
			example,
			csvExample: isList ? `${example}${example.includes('?') ? '&' : '?'}format=csv` : null,
			fields: row?.properties ? Object.keys(row.properties as Obj) : []
		};
	});
	return { endpoints, origin: url.origin, pageMax: PAGE_MAX, rateLimit: rateLimitFromEnv() };
}) satisfies PageServerLoad;
