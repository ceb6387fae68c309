import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// BUILD_DIR lets the test suite and the benchmarks build beside build/, never over it: a
		// server started from build/ loads its chunks lazily, and a rebuild in place removes the
		// ones it has yet to load (ERR_MODULE_NOT_FOUND on its next page).
		adapter: adapter({ out: process.env.BUILD_DIR || 'build' }),
		// Cross-site form posts are refused by our own handle (src/lib/server/csrf.ts, first in
		// hooks.server.ts), with the same rule and a message that says what to configure; SvelteKit's
		// check would run first and answer a bare English sentence the sign-in page cannot show.
		csrf: { trustedOrigins: ['*'] },
		// Nonces for SvelteKit's own inline scripts ('auto': hashes when prerendered). style-src keeps
		// 'unsafe-inline' because Svelte writes style attributes and transition keyframes; with it,
		// SvelteKit adds no style nonce (a nonce would make browsers ignore 'unsafe-inline').
		csp: {
			// Hashes, not nonces: a nonce would be replayed by the page cache for anonymous readers.
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
