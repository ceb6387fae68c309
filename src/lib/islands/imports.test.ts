import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every module an island imports, transitively: `$lib/…` and relative specifiers are followed
 * through the source tree; anything else (a package, `$app/…`) is listed as it is written.
 */
function importGraph(entry: string): { files: string[]; external: string[] } {
	const lib = path.resolve('src/lib');
	const files = new Set<string>();
	const external = new Set<string>();
	const visit = (file: string) => {
		if (files.has(file)) return;
		files.add(file);
		const source = readFileSync(file, 'utf8');
		// Type-only imports vanish from the bundle, so they are not followed.
		for (const [, typeOnly, spec] of source.matchAll(
			/^\s*import\s+(type\s+)?[^'"]*?from\s+'([^']+)'/gm
		)) {
			if (typeOnly) continue;
			const base = spec.startsWith('$lib/')
				? path.join(lib, spec.slice(5))
				: spec.startsWith('.')
					? path.resolve(path.dirname(file), spec)
					: null;
			if (base === null) {
				external.add(spec);
				continue;
			}
			const resolved = [base, `${base}.ts`, `${base}.js`].find(
				(f) => /\.[jt]s$/.test(f) && existsSync(f)
			);
			if (!resolved) throw new Error(`${file}: cannot resolve ${spec}`);
			visit(resolved);
		}
	};
	visit(path.resolve(entry));
	return {
		files: [...files].map((f) => path.relative('src/lib', f)).sort(),
		external: [...external].sort()
	};
}

describe('the what-if island', () => {
	// The island is bundled once for the server build and once for the client build, and `/`
	// names it by the server bundle's hash. Paraglide's runtime (any message or link helper)
	// compiles differently in the two, so the hashes disagreed and `/` named a script the client
	// did not have. SvelteKit's own modules would do the same.
	it('imports only pure modules of our own: no Paraglide, no SvelteKit, no package', () => {
		const graph = importGraph('src/lib/islands/whatif.ts');
		expect(graph.external).toEqual([]);
		expect(graph.files).toEqual([
			'format.ts',
			'islands/whatif.ts',
			'rating-class.ts',
			'rounding.ts',
			'scorecard-url.ts',
			'scoring/aggregate.ts',
			'scoring/rank.ts',
			'scoring/rating.ts',
			'whatif.ts'
		]);
	});
});
