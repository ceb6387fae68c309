/**
 * The OpenAPI document against the real server: every route under src/routes/api/v1 has a path,
 * every path answers its example request with a body that validates against the documented
 * schema, errors validate against the Error schema, and caching, CORS and CSV behave as documented.
 * The validator is a small subset of JSON Schema 2020-12 (what the document uses): type (with
 * "null"), enum, properties/required/additionalProperties, items, min/maxItems, minimum/maximum,
 * anyOf and local $ref. No library: none is a dependency of the project.
 */
import { expect, test, type APIRequestContext } from './fixtures';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

type Schema = Record<string, unknown>;
type Doc = {
	openapi: string;
	paths: Record<string, { get: { parameters?: Schema[]; responses: Record<string, Schema> } }>;
	components: { schemas: Record<string, Schema>; parameters: Record<string, Schema> };
};

function typeOf(v: unknown): string {
	if (v === null) return 'null';
	if (Array.isArray(v)) return 'array';
	if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
	return typeof v;
}

/** Problems of `value` against `schema`, as `path: message` strings; empty when valid. */
function validate(doc: Doc, schema: Schema, value: unknown, at = '$'): string[] {
	if (typeof schema.$ref === 'string') {
		const name = schema.$ref.replace('#/components/schemas/', '');
		const target = doc.components.schemas[name];
		if (!target) return [`${at}: unresolved $ref ${schema.$ref}`];
		return validate(doc, target, value, at);
	}
	if (Array.isArray(schema.anyOf)) {
		const results = (schema.anyOf as Schema[]).map((s) => validate(doc, s, value, at));
		return results.some((r) => r.length === 0)
			? []
			: [`${at}: matches no anyOf branch (${results.flat()[0]})`];
	}
	const errors: string[] = [];
	if (schema.type !== undefined) {
		const types = ([] as string[]).concat(schema.type as string | string[]);
		const actual = typeOf(value);
		const ok = types.includes(actual) || (actual === 'integer' && types.includes('number'));
		if (!ok) return [`${at}: expected ${types.join('|')}, got ${actual}`];
	}
	if (Array.isArray(schema.enum) && !schema.enum.includes(value)) {
		errors.push(`${at}: ${JSON.stringify(value)} not in enum`);
	}
	if (typeof value === 'number') {
		if (typeof schema.minimum === 'number' && value < schema.minimum)
			errors.push(`${at}: below minimum`);
		if (typeof schema.maximum === 'number' && value > schema.maximum)
			errors.push(`${at}: above maximum`);
	}
	if (Array.isArray(value)) {
		if (typeof schema.minItems === 'number' && value.length < schema.minItems)
			errors.push(`${at}: too few items`);
		if (typeof schema.maxItems === 'number' && value.length > schema.maxItems)
			errors.push(`${at}: too many items`);
		if (schema.items)
			value.forEach((v, i) =>
				errors.push(...validate(doc, schema.items as Schema, v, `${at}[${i}]`))
			);
	}
	if (typeOf(value) === 'object') {
		const obj = value as Record<string, unknown>;
		const props = (schema.properties ?? {}) as Record<string, Schema>;
		for (const key of (schema.required ?? []) as string[]) {
			if (!(key in obj)) errors.push(`${at}: missing ${key}`);
		}
		for (const [key, v] of Object.entries(obj)) {
			if (props[key]) errors.push(...validate(doc, props[key], v, `${at}.${key}`));
			else if (schema.additionalProperties === false) errors.push(`${at}: unexpected ${key}`);
		}
	}
	return errors;
}

const ROUTES = path.resolve('src/routes/api/v1');

/** `/api/v1/...` paths of every +server.ts, with `[param]` written `{param}` as OpenAPI does. */
function apiRoutes(dir = ROUTES): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = path.join(dir, name);
		if (statSync(full).isDirectory()) return apiRoutes(full);
		if (name !== '+server.ts') return [];
		const rel = path.relative(ROUTES, dir).split(path.sep).join('/');
		return [`/api/v1/${rel}`.replace(/\[([^\]]+)\]/g, '{$1}')];
	});
}

/** The example request of an operation: path parameters and required query parameters filled in. */
function exampleUrl(doc: Doc, p: string): string {
	const params = (doc.paths[p].get.parameters ?? []).map((x) =>
		typeof x.$ref === 'string' ? doc.components.parameters[x.$ref.split('/').pop()!] : x
	);
	let url = p;
	const query = new URLSearchParams();
	for (const param of params) {
		if (param.in === 'path') url = url.replace(`{${param.name}}`, String(param.example));
		else if (param.required) query.set(String(param.name), String(param.example));
	}
	return query.size ? `${url}?${query}` : url;
}

let doc: Doc;
test.beforeAll(async ({ request }) => {
	const res = await request.get('/api/v1/openapi.json');
	expect(res.status()).toBe(200);
	doc = await res.json();
});

const schemaOf = (p: string, status = '200') => {
	let r = doc.paths[p].get.responses[status];
	if (typeof r.$ref === 'string')
		r = (doc as unknown as { components: { responses: Record<string, Schema> } }).components
			.responses[r.$ref.split('/').pop()!];
	return (r.content as Record<string, { schema: Schema }>)['application/json'].schema;
};

test('the document is OpenAPI 3.1 and has a path for every route in src/routes/api/v1, and no stale path', () => {
	expect(doc.openapi).toBe('3.1.0');
	const routes = apiRoutes().sort();
	expect(routes.length).toBeGreaterThanOrEqual(9);
	expect(Object.keys(doc.paths).sort()).toEqual(routes);
});

test('validate() itself rejects wrong answers (the checker can fail)', () => {
	const errors = validate(
		doc,
		{ $ref: '#/components/schemas/Region' },
		{ code: 1, name: 'x', kind: 'desa', extra: 1 }
	);
	expect(errors).toEqual([
		'$: missing parent_code',
		'$.code: expected string, got integer',
		'$.kind: "desa" not in enum',
		'$: unexpected extra'
	]);
});

test('every path answers its example request with a body valid against its schema', async ({
	request
}) => {
	for (const p of Object.keys(doc.paths)) {
		const url = exampleUrl(doc, p);
		const res = await request.get(url);
		expect(res.status(), url).toBe(200);
		const body = await res.json();
		if (Array.isArray(body)) expect(body.length, `${url} returns rows`).toBeGreaterThan(0);
		expect(validate(doc, schemaOf(p), body), url).toEqual([]);
	}
});

test('filtered answers validate and honour the filters', async ({ request }) => {
	const cases: [string, string, (row: Record<string, unknown>) => boolean][] = [
		[
			'/api/v1/observations',
			'region=33.18&dimension=living&year_from=2020&year_to=2022',
			(r) => r.region_code === '33.18' && Number(r.year) >= 2020 && Number(r.year) <= 2022
		],
		['/api/v1/targets', 'region=33.18&framework=gm100sc-2018&year=2024', (r) => r.year === 2024],
		[
			'/api/v1/indicators',
			'framework=gm100sc-2018&dimension=economy',
			(r) => r.dimension_code === 'economy'
		],
		[
			'/api/v1/availability',
			'region=33.19&dimension=society&year_from=2019',
			(r) => r.region_code === '33.19' && r.dimension_code === 'society' && Number(r.year) >= 2019
		],
		[
			'/api/v1/regions',
			'kind=kabupaten&parent=33',
			(r) => r.kind === 'kabupaten' && r.parent_code === '33'
		],
		['/api/v1/scores', 'region=33.19&year=2021&framework=gm100sc-2018', () => true]
	];
	for (const [p, q, holds] of cases) {
		const res = await request.get(`${p}?${q}`);
		expect(res.status(), `${p}?${q}`).toBe(200);
		const body = await res.json();
		expect(validate(doc, schemaOf(p), body), `${p}?${q}`).toEqual([]);
		if (Array.isArray(body)) {
			expect(body.length, `${p}?${q}`).toBeGreaterThan(0);
			expect(
				body.filter((r) => !holds(r)),
				`${p}?${q}`
			).toEqual([]);
		}
	}
});

test('the programme register answers per pillar and year with approved progress only', async ({
	request
}) => {
	const url = '/api/v1/programmes?pillar=governance&year=2024';
	const res = await request.get(url);
	expect(res.status()).toBe(200);
	const body = (await res.json()) as {
		approved_only: boolean;
		programmes: { name: string; pillar: string; progress: { year: number; percent: number }[] }[];
	};
	expect(validate(doc, schemaOf('/api/v1/programmes'), body), url).toEqual([]);
	expect(body.approved_only).toBe(true);
	expect(body.programmes.filter((p) => p.pillar !== 'governance')).toEqual([]);
	const byName = new Map(body.programmes.map((p) => [p.name, p.progress]));
	expect(byName.get('[Demo] Layanan perizinan daring terpadu')).toEqual([
		{
			year: 2024,
			planned: '150 jenis izin daring',
			done: '141 jenis izin daring',
			percent: 94,
			evidence: '[Demo] Laporan kinerja OPD 2024 (contoh)'
		}
	]);
	// Its 2024 progress is a draft: the programme is listed, its progress is not.
	expect(byName.get('[Demo] Aplikasi naskah dinas elektronik')).toEqual([]);
});

test('errors are 400/404 with the documented Error body', async ({ request }) => {
	const cases: [string, number][] = [
		['/api/v1/programmes?pillar=nowhere', 400],
		['/api/v1/programmes?kind=festival', 400],
		['/api/v1/programmes?year=20x4', 400],
		['/api/v1/observations?year_from=2024&year_to=2020', 400],
		['/api/v1/targets?limit=0', 400],
		['/api/v1/regions?kind=desa', 400],
		['/api/v1/availability?format=xml', 400],
		['/api/v1/scores?year=2022', 400],
		['/api/v1/scores?region=33.18&year=20x2', 400],
		['/api/v1/observations?dimension=nowhere', 404],
		['/api/v1/targets?region=99.99', 404],
		['/api/v1/frameworks/unknown', 404],
		['/api/v1/no-such-endpoint', 404]
	];
	for (const [url, status] of cases) {
		const res = await request.get(url);
		expect(res.status(), url).toBe(status);
		expect(res.headers()['content-type'], url).toContain('application/json');
		const body = await res.json();
		expect(validate(doc, { $ref: '#/components/schemas/Error' }, body), url).toEqual([]);
		expect(body.error.code).toBe(status === 400 ? 'bad_parameter' : 'not_found');
	}
});

test('GET answers carry a weak ETag and Cache-Control, and a matching If-None-Match is a 304', async ({
	request
}) => {
	for (const url of [
		'/api/v1/regions',
		'/api/v1/frameworks/gm100sc-2018',
		'/api/v1/scores?region=33.18&year=2022'
	]) {
		const first = await request.get(url);
		const etag = first.headers()['etag'];
		expect(etag, url).toMatch(/^W\/"[A-Za-z0-9_-]{27}"$/);
		expect(first.headers()['cache-control'], url).toBe('public, max-age=60');
		const again = await request.get(url, { headers: { 'if-none-match': etag } });
		expect(again.status(), url).toBe(304);
		expect((await again.body()).length).toBe(0);
		const other = await request.get(url, { headers: { 'if-none-match': 'W/"something-else"' } });
		expect(other.status(), url).toBe(200);
	}
});

test('CORS is open for GET, and a preflight OPTIONS answers 204', async ({ request }) => {
	const res = await request.get('/api/v1/frameworks', {
		headers: { origin: 'https://example.org' }
	});
	expect(res.headers()['access-control-allow-origin']).toBe('*');
	const pre = await request.fetch('/api/v1/observations', {
		method: 'OPTIONS',
		headers: { origin: 'https://example.org', 'access-control-request-method': 'GET' }
	});
	expect(pre.status()).toBe(204);
	expect(pre.headers()['access-control-allow-methods']).toBe('GET, HEAD, OPTIONS');
});

async function csv(request: APIRequestContext, url: string) {
	const res = await request.get(url);
	expect(res.status(), url).toBe(200);
	expect(res.headers()['content-type']).toBe('text/csv; charset=utf-8');
	return (await res.text()).split('\r\n');
}

test('format=csv gives the same rows as JSON with a header line', async ({ request }) => {
	const url = '/api/v1/observations?region=33.18&indicator=hdi_ipm';
	const rows = await (await request.get(url)).json();
	const lines = await csv(request, `${url}&format=csv`);
	expect(lines[0]).toBe(
		'region_code,indicator_code,year,value,source,source_kind,reference_period,note,carried_forward,illustrative'
	);
	expect(lines.filter((l) => l !== '')).toHaveLength(rows.length + 1);
	expect(lines[1].startsWith(`33.18,hdi_ipm,${rows[0].year},${rows[0].value},`)).toBe(true);
});

test('limit/offset page through a list with X-Total-Count and Link, the body staying an array', async ({
	request
}) => {
	const all = await (await request.get('/api/v1/indicators?framework=gm100sc-2018')).json();
	const res = await request.get('/api/v1/indicators?framework=gm100sc-2018&limit=10&offset=10');
	expect(res.headers()['x-total-count']).toBe(String(all.length));
	expect(res.headers()['link']).toBe(
		'</api/v1/indicators?framework=gm100sc-2018&limit=10&offset=20>; rel="next", </api/v1/indicators?framework=gm100sc-2018&limit=10&offset=0>; rel="prev"'
	);
	expect(await res.json()).toEqual(all.slice(10, 20));
});

test('the docs page at /api (and /en/api) lists every path of the document', async ({
	request
}) => {
	for (const [url, heading] of [
		['/api', 'API data terbuka'],
		['/en/api', 'Open data API']
	]) {
		const res = await request.get(url);
		expect(res.status(), url).toBe(200);
		const html = await res.text();
		expect(html).toContain(`<h1>${heading}</h1>`);
		for (const p of Object.keys(doc.paths)) expect(html, `${url} lists ${p}`).toContain(`GET ${p}`);
	}
});
