import { describe, expect, it } from 'vitest';
import { etagMatches, weakEtag, withCaching } from './http-cache';

describe('weakEtag()', () => {
	it('weakEtag() is a weak tag of 27 base64url characters, equal for equal bodies', () => {
		const tag = weakEtag('[]');
		expect(tag).toMatch(/^W\/"[A-Za-z0-9_-]{27}"$/);
		expect(weakEtag(new TextEncoder().encode('[]'))).toBe(tag);
		expect(weakEtag('[1]')).not.toBe(tag);
	});
});

describe('etagMatches()', () => {
	it.each([
		[null, false],
		['', false],
		['W/"abc"', true],
		['"abc"', true],
		['W/"x", W/"abc"', true],
		['*', true],
		['W/"abcd"', false]
	])('etagMatches(%j, W/"abc") is %s', (header, expected) => {
		expect(etagMatches(header, 'W/"abc"')).toBe(expected);
	});
});

describe('withCaching()', () => {
	const get = (headers: HeadersInit = {}, method = 'GET') =>
		new Request('http://x/api/v1/regions', { method, headers });
	const ok = () => new Response('[1,2]', { headers: { 'content-type': 'application/json' } });

	it('withCaching() adds ETag and Cache-Control to a 200', async () => {
		const res = await withCaching(get(), ok());
		expect(res.status).toBe(200);
		expect(res.headers.get('etag')).toBe(weakEtag('[1,2]'));
		expect(res.headers.get('cache-control')).toBe('public, max-age=60');
		expect(await res.text()).toBe('[1,2]');
	});

	it('withCaching() answers 304 without a body when If-None-Match matches', async () => {
		const res = await withCaching(get({ 'if-none-match': weakEtag('[1,2]') }), ok());
		expect(res.status).toBe(304);
		expect(await res.text()).toBe('');
		expect(res.headers.get('etag')).toBe(weakEtag('[1,2]'));
		expect(res.headers.get('content-type')).toBeNull();
	});

	it('withCaching() marks an error answer no-store and keeps its body', async () => {
		const res = await withCaching(get(), new Response('{"error":1}', { status: 400 }));
		expect(res.status).toBe(400);
		expect(res.headers.get('cache-control')).toBe('no-store');
		expect(res.headers.get('etag')).toBeNull();
		expect(await res.text()).toBe('{"error":1}');
	});

	it('withCaching() leaves a POST alone', async () => {
		const res = await withCaching(get({}, 'POST'), ok());
		expect(res.headers.get('etag')).toBeNull();
	});
});
