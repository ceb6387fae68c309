import { describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { handleCrossSiteForms, isCrossSiteForm } from './csrf';

const SITE = 'https://rapor.example.go.id';
const req = (method: string, type: string | null, origin: string | null, extra = {}) =>
	new Request(`${SITE}/login`, {
		method,
		headers: {
			...(type ? { 'content-type': type } : {}),
			...(origin ? { origin } : {}),
			...extra
		},
		// Bytes, not a string: a string body would get a text/plain content type of its own.
		body: method === 'GET' || method === 'HEAD' ? undefined : new TextEncoder().encode('a=1')
	});

describe('isCrossSiteForm(): the rule SvelteKit applies', () => {
	it.each([
		['POST', 'application/x-www-form-urlencoded', 'https://evil.example', true],
		['POST', 'multipart/form-data; boundary=x', 'https://evil.example', true],
		['PUT', 'text/plain;charset=UTF-8', 'https://evil.example', true],
		['PATCH', 'application/x-sveltekit-formdata', 'https://evil.example', true],
		['DELETE', 'APPLICATION/X-WWW-FORM-URLENCODED', 'https://evil.example', true],
		// No Origin header at all is refused too (a form post from a browser always sends one).
		['POST', 'application/x-www-form-urlencoded', null, true],
		['POST', 'application/x-www-form-urlencoded', 'http://rapor.example.go.id', true],
		['POST', 'application/x-www-form-urlencoded', SITE, false],
		// Not a form: JSON writes check their Origin in the endpoint (requireSameOrigin).
		['POST', 'application/json', 'https://evil.example', false],
		['POST', null, 'https://evil.example', false],
		['GET', 'application/x-www-form-urlencoded', 'https://evil.example', false]
	])('%s %s from %s: %s', (method, type, origin, refused) => {
		expect(isCrossSiteForm(req(method, type, origin), SITE)).toBe(refused);
	});
});

describe('handleCrossSiteForms', () => {
	const run = async (request: Request, path = '/login') => {
		let resolved = false;
		const response = await handleCrossSiteForms({
			event: { request, url: new URL(path, SITE) } as RequestEvent,
			resolve: async () => {
				resolved = true;
				return new Response('page');
			}
		});
		return { response, resolved };
	};

	it('lets a same-site form through untouched', async () => {
		const { response, resolved } = await run(
			req('POST', 'application/x-www-form-urlencoded', SITE)
		);
		expect(resolved).toBe(true);
		expect(await response.text()).toBe('page');
	});

	it('answers a plain form post with a 403 page in Indonesian that says what to configure', async () => {
		const { response, resolved } = await run(
			req('POST', 'application/x-www-form-urlencoded', 'http://10.0.0.5:3000')
		);
		expect(resolved).toBe(false);
		expect(response.status).toBe(403);
		expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
		const html = await response.text();
		expect(html).toContain('<html lang="id">');
		expect(html).toContain('<h1>Formulir ditolak</h1>');
		expect(html).toContain(
			`Formulir ini dikirim dari http://10.0.0.5:3000, bukan dari alamat situs ini (${SITE})`
		);
		expect(html).toContain('mengatur ORIGIN');
	});

	it('answers /en in English, and an enhanced form with an action error it can show', async () => {
		const { response } = await run(
			req('POST', 'application/x-www-form-urlencoded', 'https://evil.example', {
				accept: 'application/json',
				'x-sveltekit-action': 'true'
			}),
			'/en/login'
		);
		expect(response.status).toBe(403);
		const body = await response.json();
		expect(body.type).toBe('error');
		expect(body.status).toBe(403);
		expect(body.error.message).toMatch(
			/^This form was sent from https:\/\/evil\.example, not from this site’s address \(https:\/\/rapor\.example\.go\.id\)/
		);
		expect(body.error.message).toContain('set ORIGIN');
	});

	it('escapes what the request names: a hostile Origin cannot write markup into the page', async () => {
		const { response } = await run(
			req('POST', 'text/plain', 'https://x"><script>alert(1)</script>')
		);
		const html = await response.text();
		expect(html).not.toContain('<script>');
		expect(html).toContain('&#60;script&#62;');
	});
});
