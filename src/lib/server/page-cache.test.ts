import { describe, expect, it } from 'vitest';
import { cacheable, createPageCache } from './page-cache';

const url = (path: string) => new URL(`http://localhost${path}`);
const req = (method = 'GET', headers: Record<string, string> = {}) =>
	new Request('http://localhost/', { method, headers });

describe('cacheable()', () => {
	it.each([
		['/', true],
		['/en/dimensions/economy?year=2022', true],
		['/api/v1/scores', false],
		['/staff', false],
		['/en/staff/imports', false],
		['/login', false],
		['/print/submissions/1', false],
		['/healthz', false],
		['/bench-baseline', false],
		['/staffing', true]
	])('cacheable(GET %s) is %s', (path, expected) => {
		expect(cacheable(req(), url(path), false)).toBe(expected);
	});

	it('never caches for a signed-in reader, a POST or a hard refresh', () => {
		expect(cacheable(req(), url('/'), true)).toBe(false);
		expect(cacheable(req('POST'), url('/'), false)).toBe(false);
		expect(cacheable(req('GET', { 'cache-control': 'no-cache' }), url('/'), false)).toBe(false);
	});
});

describe('createPageCache()', () => {
	const event = (path: string, cookie?: string, isDataRequest = false) =>
		({
			request: new Request(`http://localhost${path}`),
			url: url(path),
			isDataRequest,
			cookies: { get: () => cookie }
		}) as never;
	const counting = () => {
		let calls = 0;
		const resolve = (
			headers: Record<string, string> = { 'content-type': 'text/html' },
			status = 200
		) => {
			calls++;
			return Promise.resolve(new Response(`<p>render ${calls}</p>`, { status, headers }));
		};
		return { resolve, calls: () => calls };
	};

	it('renders once per URL and data version, and again when the version changes', async () => {
		let version = 'v1';
		const handle = createPageCache({ enabled: true, version: () => version });
		const r = counting();
		const text = async (path: string) =>
			(await handle({ event: event(path), resolve: () => r.resolve() })).text();
		expect(await text('/')).toBe('<p>render 1</p>');
		expect(await text('/')).toBe('<p>render 1</p>');
		expect(await text('/?year=2018')).toBe('<p>render 2</p>');
		version = 'v2';
		expect(await text('/')).toBe('<p>render 3</p>');
		expect(r.calls()).toBe(3);
	});

	it('never answers a client-side navigation’s data request with a cached page', async () => {
		const handle = createPageCache({ enabled: true, version: () => 'v' });
		const r = counting();
		await handle({ event: event('/'), resolve: () => r.resolve() });
		const data = await handle({
			event: event('/', undefined, true),
			resolve: () => r.resolve({ 'content-type': 'application/json' })
		});
		expect(data.headers.get('content-type')).toBe('application/json');
		expect(r.calls()).toBe(2);
	});

	it('keeps no page that says Cache-Control: no-store or private', async () => {
		const handle = createPageCache({ enabled: true, version: () => 'v' });
		const r = counting();
		for (const cc of ['no-store', 'private, max-age=0']) {
			const headers = { 'content-type': 'text/html', 'cache-control': cc };
			await handle({ event: event(`/x?${cc}`), resolve: () => r.resolve({ ...headers }) });
			await handle({ event: event(`/x?${cc}`), resolve: () => r.resolve({ ...headers }) });
		}
		expect(r.calls()).toBe(4);
	});

	it('keeps neither errors, non-HTML answers nor answers that set a cookie', async () => {
		const handle = createPageCache({ enabled: true, version: () => 'v' });
		const r = counting();
		for (const [headers, status] of [
			[{ 'content-type': 'text/html' }, 404],
			[{ 'content-type': 'application/json' }, 200],
			[{ 'content-type': 'text/html', 'set-cookie': 'a=b' }, 200]
		] as const) {
			await handle({ event: event('/x'), resolve: () => r.resolve({ ...headers }, status) });
			await handle({ event: event('/x'), resolve: () => r.resolve({ ...headers }, status) });
		}
		expect(r.calls()).toBe(6);
	});

	it('bypasses the cache for a reader with a session, and evicts the oldest entry past max', async () => {
		const handle = createPageCache({ enabled: true, max: 2, version: () => 'v' });
		const r = counting();
		await handle({ event: event('/', 'token'), resolve: () => r.resolve() });
		await handle({ event: event('/', 'token'), resolve: () => r.resolve() });
		expect(r.calls()).toBe(2);
		for (const p of ['/a', '/b', '/c', '/a'])
			await handle({ event: event(p), resolve: () => r.resolve() });
		expect(r.calls()).toBe(6);
	});
});
