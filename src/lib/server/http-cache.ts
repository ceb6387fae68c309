/**
 * HTTP caching for the read API: a weak ETag from a hash of the body, `Cache-Control`, and a 304
 * when the client already holds that body. Weak because the same data may be encoded differently
 * (compressed by a proxy) and still mean the same thing.
 */
import { createHash } from 'node:crypto';

/** Seconds a shared cache may keep an API answer: short, so an import shows within a minute. */
export const API_MAX_AGE = 60;

/**
 * A weak entity tag for a body.
 * @example weakEtag('[]') // 'W/"<27 base64url characters>"'
 */
export function weakEtag(body: string | Uint8Array): string {
	return `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/**
 * True when an `If-None-Match` header names the tag (weak comparison, `*` matches anything).
 * @example etagMatches('W/"a", W/"b"', 'W/"b"') === true
 */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
	if (!ifNoneMatch) return false;
	const bare = (t: string) => t.trim().replace(/^W\//, '');
	const want = bare(etag);
	return ifNoneMatch.split(',').some((t) => t.trim() === '*' || bare(t) === want);
}

/**
 * Adds ETag and Cache-Control to a successful GET/HEAD answer, or turns it into a 304 when the
 * request's `If-None-Match` matches. Other answers get `Cache-Control: no-store`.
 */
export async function withCaching(
	request: Request,
	response: Response,
	maxAge = API_MAX_AGE
): Promise<Response> {
	if (request.method !== 'GET' && request.method !== 'HEAD') return response;
	const headers = new Headers(response.headers);
	if (response.status !== 200) {
		if (!headers.has('cache-control')) headers.set('cache-control', 'no-store');
		return new Response(response.body, { status: response.status, headers });
	}
	const body = new Uint8Array(await response.arrayBuffer());
	const etag = weakEtag(body);
	headers.set('etag', etag);
	if (!headers.has('cache-control')) headers.set('cache-control', `public, max-age=${maxAge}`);
	headers.append('vary', 'Accept-Encoding');
	if (etagMatches(request.headers.get('if-none-match'), etag)) {
		for (const h of ['content-type', 'content-length', 'content-disposition']) headers.delete(h);
		return new Response(null, { status: 304, headers });
	}
	return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
}
