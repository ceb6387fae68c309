/**
 * Gzip for HTML pages. adapter-node compresses only prebuilt static files; a scorecard page with
 * its SVG charts is 35–140 KB of HTML that gzip shrinks about tenfold, which matters on a cheap
 * phone on a slow connection. A reverse proxy that compresses on its own sees Content-Encoding
 * already set and leaves the body alone.
 */
import type { Handle } from '@sveltejs/kit';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);
/** Below this, compressing costs more than it saves. */
export const MIN_BYTES = 1024;

/** True when the client accepts gzip (a q=0 refusal counts as not accepting). */
export function acceptsGzip(header: string | null): boolean {
	if (!header) return false;
	return header
		.split(',')
		.map((part) => part.trim().toLowerCase())
		.some((part) => {
			const [coding, ...params] = part.split(';').map((p) => p.trim());
			if (coding !== 'gzip' && coding !== '*') return false;
			const q = params.find((p) => p.startsWith('q='));
			return q === undefined || Number(q.slice(2)) > 0;
		});
}

export const handleCompression: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const type = response.headers.get('content-type') ?? '';
	if (
		!type.startsWith('text/html') ||
		response.headers.has('content-encoding') ||
		!acceptsGzip(event.request.headers.get('accept-encoding')) ||
		!response.body
	) {
		return response;
	}
	const body = Buffer.from(await response.arrayBuffer());
	const headers = new Headers(response.headers);
	headers.append('vary', 'Accept-Encoding');
	if (body.length < MIN_BYTES) {
		return new Response(body, {
			status: response.status,
			statusText: response.statusText,
			headers
		});
	}
	headers.set('content-encoding', 'gzip');
	headers.delete('content-length');
	return new Response(await gzipAsync(body, { level: 6 }), {
		status: response.status,
		statusText: response.statusText,
		headers
	});
};
