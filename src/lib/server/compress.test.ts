import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { acceptsGzip, handleCompression } from './compress';

describe('acceptsGzip()', () => {
	it.each([
		[null, false],
		['', false],
		['gzip', true],
		['gzip, deflate, br', true],
		['br;q=1.0, gzip;q=0.8', true],
		['gzip;q=0', false],
		['identity', false],
		['*', true],
		['deflate, br', false]
	])('acceptsGzip(%j) is %s', (header, expected) => {
		expect(acceptsGzip(header)).toBe(expected);
	});
});

const event = (accept: string | null) =>
	({
		request: new Request('http://localhost/', {
			headers: accept === null ? {} : { 'accept-encoding': accept }
		})
	}) as never;
const html = '<!doctype html><p>' + 'Rapor Cerdas '.repeat(200) + '</p>';
const page =
	(body: string, type = 'text/html; charset=utf-8') =>
	() =>
		Promise.resolve(new Response(body, { status: 200, headers: { 'content-type': type } }));

describe('handleCompression()', () => {
	it('gzips an HTML page for a client that accepts it, and the body inflates to the page', async () => {
		const res = await handleCompression({ event: event('gzip, br'), resolve: page(html) } as never);
		expect(res.headers.get('content-encoding')).toBe('gzip');
		expect(res.headers.get('vary')).toBe('Accept-Encoding');
		const body = Buffer.from(await res.arrayBuffer());
		expect(body.length).toBeLessThan(html.length / 10);
		expect(gunzipSync(body).toString()).toBe(html);
	});

	it.each([
		['a client that does not accept gzip', event(null), page(html)],
		['JSON', event('gzip'), page('{"a":1}'.repeat(300), 'application/json')],
		['a tiny page', event('gzip'), page('<p>hi</p>')]
	])('leaves %s uncompressed', async (_, ev, resolve) => {
		const res = await handleCompression({ event: ev, resolve } as never);
		expect(res.headers.get('content-encoding')).toBeNull();
	});
});
