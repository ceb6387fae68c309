import { describe, expect, it } from 'vitest';
import { createApiHandle, listResponse, pageOf, parseQuery, QueryError, rowsToCsv } from './api';
import { createRateLimiter } from './rate-limit';

const url = (q: string) => new URL(`http://x/api/v1/t?${q}`);

describe('parseQuery()', () => {
	it.each([
		['limit=10', { limit: 10 }],
		['offset=0', { offset: 0 }],
		['format=csv', { format: 'csv' }],
		['format=json&limit=1', { format: 'json', limit: 1 }]
	])('parseQuery(?%s) reads counts and formats', (q, expected) => {
		expect(parseQuery(url(q), { limit: 'count', offset: 'count', format: 'format' })).toEqual(
			expected
		);
	});

	it.each([
		['limit=-1', 'limit'],
		['limit=1.5', 'limit'],
		['limit=', 'limit'],
		['offset=abc', 'offset'],
		['format=xml', 'format']
	])('parseQuery(?%s) throws a QueryError naming "%s"', (q, parameter) => {
		try {
			parseQuery(url(q), { limit: 'count', offset: 'count', format: 'format' });
			expect.unreachable();
		} catch (e) {
			expect(e).toBeInstanceOf(QueryError);
			expect((e as QueryError).parameter).toBe(parameter);
		}
	});
});

describe('pageOf()', () => {
	it.each([
		[{}, null],
		[{ limit: 5 }, { limit: 5, offset: 0 }],
		[{ offset: 20 }, { limit: 1000, offset: 20 }],
		[
			{ limit: 10000, offset: 3 },
			{ limit: 10000, offset: 3 }
		]
	])('pageOf(%j) is %j', (q, expected) => {
		expect(pageOf(q)).toEqual(expected);
	});

	it.each([{ limit: 0 }, { limit: 10001 }])('pageOf(%j) throws naming "limit"', (q) => {
		expect(() => pageOf(q)).toThrow(/"limit"/);
	});
});

describe('rowsToCsv()', () => {
	it('rowsToCsv() writes a header, escapes formulas, quotes delimiters and blanks nulls', () => {
		expect(
			rowsToCsv(
				[
					{ a: 1.5, b: '=HYPERLINK("x")', c: null, d: true },
					{ a: -2, b: 'x,y', c: undefined, d: false }
				],
				['a', 'b', 'c', 'd']
			)
		).toBe('a,b,c,d\r\n1.5,"\'=HYPERLINK(""x"")",,true\r\n-2,"x,y",,false\r\n');
	});

	it('rowsToCsv() guards a formula after ";" or "," inside a cell and quotes both separators', () => {
		expect(
			rowsToCsv(
				[
					{ a: 'x;=10*10;', b: -3.5 },
					{ a: 'a,=2+2', b: '-1+1' }
				],
				['a', 'b']
			)
		).toBe(`a,b\r\n"x;'=10*10;",-3.5\r\n"a,'=2+2",'-1+1\r\n`);
	});

	it('rowsToCsv([]) is the header alone', () => {
		expect(rowsToCsv([], ['a'])).toBe('a\r\n');
	});
});

describe('listResponse()', () => {
	const rows = [1, 2, 3, 4, 5].map((n) => ({ n }));

	it('listResponse() without a page returns every row and the total', async () => {
		const res = listResponse(url(''), rows, { columns: ['n'], name: 't', page: null });
		expect(await res.json()).toEqual(rows);
		expect(res.headers.get('x-total-count')).toBe('5');
		expect(res.headers.get('link')).toBeNull();
	});

	it('listResponse() with a page slices and links next and prev', async () => {
		const res = listResponse(url('limit=2&offset=2'), rows, {
			columns: ['n'],
			name: 't',
			page: { limit: 2, offset: 2 }
		});
		expect(await res.json()).toEqual([{ n: 3 }, { n: 4 }]);
		expect(res.headers.get('link')).toBe(
			'</api/v1/t?limit=2&offset=4>; rel="next", </api/v1/t?limit=2&offset=0>; rel="prev"'
		);
	});

	it('listResponse() with format csv sends text/csv as an attachment', async () => {
		const res = listResponse(url('format=csv'), rows.slice(0, 1), {
			columns: ['n'],
			name: 'numbers',
			format: 'csv',
			page: null
		});
		expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(res.headers.get('content-disposition')).toBe('attachment; filename="numbers.csv"');
		expect(await res.text()).toBe('n\r\n1\r\n');
	});
});

describe('createApiHandle()', () => {
	const event = (pathname: string, method = 'GET', routeId: string | null = '/api/v1/regions') =>
		({
			url: new URL(`http://x${pathname}`),
			request: new Request(`http://x${pathname}`, { method }),
			route: { id: routeId },
			getClientAddress: () => '10.0.0.1'
		}) as unknown as Parameters<ReturnType<typeof createApiHandle>>[0]['event'];
	const resolve = async () =>
		new Response('[]', { headers: { 'content-type': 'application/json' } });

	it('createApiHandle() refuses the request over the limit with 429, the error body and Retry-After', async () => {
		const handle = createApiHandle(createRateLimiter(2));
		for (let i = 0; i < 2; i++)
			expect((await handle({ event: event('/api/v1/regions'), resolve })).status).toBe(200);
		const res = await handle({ event: event('/api/v1/regions'), resolve });
		expect(res.status).toBe(429);
		expect(res.headers.get('retry-after')).toBe('30');
		expect(res.headers.get('access-control-allow-origin')).toBe('*');
		expect((await res.json()).error.code).toBe('rate_limited');
	});

	it('createApiHandle() answers a preflight with 204 and CORS headers, without resolving', async () => {
		const handle = createApiHandle(createRateLimiter(10));
		const res = await handle({
			event: event('/api/v1/regions', 'OPTIONS'),
			resolve: () => Promise.reject(new Error('must not resolve'))
		});
		expect(res.status).toBe(204);
		expect(res.headers.get('access-control-allow-methods')).toBe('GET, HEAD, OPTIONS');
	});

	it('createApiHandle() turns an unknown API path into the JSON 404 and leaves other paths alone', async () => {
		const handle = createApiHandle(createRateLimiter(10));
		const res = await handle({ event: event('/api/v1/nope', 'GET', null), resolve });
		expect(res.status).toBe(404);
		expect((await res.json()).error.code).toBe('not_found');
		const page = await handle({ event: event('/data', 'GET', '/(public)/data'), resolve });
		expect(page.headers.get('etag')).toBeNull();
		expect(page.headers.get('access-control-allow-origin')).toBeNull();
	});
});
