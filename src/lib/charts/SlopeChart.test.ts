import { describe, it, expect } from 'vitest';
import SlopeChart from './SlopeChart.svelte';
import { count, pointLabels, ssr, tableRows, texts } from './ssr';

const items = [
	{ code: '33.18', label: 'Pati', from: 45, to: 61 },
	{ code: '33.19', label: 'Kudus', from: 45.5, to: 60.5 },
	{ code: '33.17', label: 'Rembang', from: null, to: 50 }
];

describe('SlopeChart (server render)', () => {
	const html = ssr(SlopeChart, {
		title: 'Skor 2018–2024',
		items,
		fromYear: 2018,
		toYear: 2024,
		selected: '33.18'
	});

	it('SlopeChart renders an svg with role="img", title and description with the changes', () => {
		expect(count(html, /role="img" aria-labelledby/)).toBe(1);
		expect(texts(html, 'title')).toEqual(['Skor 2018–2024']);
		expect(texts(html, 'desc')).toEqual([
			'Pati: 2018 45,0 → 2024 61,0 (+16,0); Kudus: 2018 45,5 → 2024 60,5 (+15,0); Rembang: 2018 tidak ada data → 2024 50,0'
		]);
	});

	it('SlopeChart draws a line for each region with both years and only a dot for one missing a year', () => {
		expect(count(html, /<line class="mark"/)).toBe(2);
		expect(count(html, /<circle class="mark"/)).toBe(5);
		expect(pointLabels(html)).toEqual([
			'Kudus: 2018 45,5 → 2024 60,5',
			'Rembang: 2018 – → 2024 50,0',
			'Pati: 2018 45,0 → 2024 61,0 (dipilih)'
		]);
	});

	it('SlopeChart keeps the end labels of close values at least 15 px apart', () => {
		const ys = [
			...html.matchAll(/<text x="[\d.]+" y="([\d.]+)" text-anchor="end" font-size="12"/g)
		].map((m) => Number(m[1]));
		expect(ys.length).toBe(2);
		expect(Math.abs(ys[0] - ys[1])).toBeGreaterThanOrEqual(15);
	});

	it('SlopeChart tables both years and the change', () => {
		expect(tableRows(html)).toEqual([
			['Pati', '45,0', '61,0', '16,0'],
			['Kudus', '45,5', '60,5', '15,0'],
			['Rembang', '–', '50,0', '–']
		]);
		expect(html).toContain('<th scope="col">2018</th>');
	});
});
