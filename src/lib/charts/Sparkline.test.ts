import { describe, it, expect } from 'vitest';
import Sparkline from './Sparkline.svelte';
import { count, ssr, texts } from './ssr';

const points = [
	{ year: 2018, value: 40 },
	{ year: 2019, value: null },
	{ year: 2020, value: 50 },
	{ year: 2021, value: 1060.5, illustrative: true }
];

describe('Sparkline (server render)', () => {
	const html = ssr(Sparkline, { points, label: 'Smart Governance 2018–2021', yDomain: [0, 2000] });

	it('Sparkline renders a small role="img" svg named by its title and description', () => {
		expect(html).toMatch(
			/<svg class="sparkline" viewBox="0 0 96 28" width="100%" role="img" aria-labelledby="(\S+)-title \1-desc" style="max-width: 96px;">/
		);
		expect(texts(html, 'title')).toEqual(['Smart Governance 2018–2021']);
		expect(texts(html, 'desc')).toEqual([
			'2018: 40,0; 2019: tidak ada data; 2020: 50,0; 2021: 1.060,5 (ilustratif)'
		]);
	});

	it('Sparkline draws the line with a gap and one hollow dot on the last (illustrative) value', () => {
		expect(html).toContain('d="M4,23.6ZM62.67,23.5L92,13.4"');
		expect(count(html, /class="mark"/)).toBe(1);
		expect(html).toMatch(/class="mark"[^>]*transform="translate\(92,13.4\)" fill="#ffffff"/);
	});

	it('Sparkline has no focusable points, no table and no axes', () => {
		expect(count(html, /tabindex/)).toBe(0);
		expect(count(html, /<table|<text/)).toBe(0);
	});

	it('Sparkline of no values draws no dot', () => {
		const empty = ssr(Sparkline, { points: [{ year: 2018, value: null }], label: 'x', lang: 'en' });
		expect(count(empty, /class="mark"/)).toBe(0);
		expect(texts(empty, 'desc')).toEqual(['2018: no data']);
	});
});
