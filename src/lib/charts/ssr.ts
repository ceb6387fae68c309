/**
 * Test helpers for server-rendered chart HTML (used by the component tests only).
 */
import { render } from 'svelte/server';
import type { Component } from 'svelte';

/** Server-renders a component and strips Svelte's hydration comments and scoping classes. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function ssr<P extends Record<string, any>>(component: Component<P>, props: P): string {
	return render(component, { props })
		.body.replace(/<!--[^]*?-->/g, '')
		.replace(/ ?svelte-[a-z0-9]+/g, '')
		.replace(/ class=""/g, '');
}

/** How many times a pattern occurs. */
export function count(html: string, pattern: RegExp): number {
	return (html.match(new RegExp(pattern.source, 'g')) ?? []).length;
}

/** The text of every element matched by a simple tag name (no nesting of the same tag). */
export function texts(html: string, tag: string): string[] {
	return [...html.matchAll(new RegExp(`<${tag}\\b[^>]*>([^]*?)</${tag}>`, 'g'))].map((m) =>
		m[1].replace(/<[^>]+>/g, '').trim()
	);
}

/** The accessible names (aria-label) of the keyboard-reachable points, in order. */
export function pointLabels(html: string): string[] {
	return [
		...html.matchAll(/<g class="pt" tabindex="(?:0|-1)" role="img" aria-label="([^"]*)"/g)
	].map((m) => m[1]);
}

/** The tabindex of every keyboard-reachable point, in order. */
export function pointTabindexes(html: string): number[] {
	return [...html.matchAll(/<g class="pt" tabindex="(-?\d+)"/g)].map((m) => Number(m[1]));
}

/** The table cells (th and td) of each body row. */
export function tableRows(html: string): string[][] {
	const body = /<tbody>([^]*?)<\/tbody>/.exec(html)?.[1] ?? '';
	return [...body.matchAll(/<tr>([^]*?)<\/tr>/g)].map((r) =>
		[...r[1].matchAll(/<t[hd]\b[^>]*>([^]*?)<\/t[hd]>/g)].map((c) => c[1].trim())
	);
}
