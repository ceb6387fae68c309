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

describe('SlopeChart end labels (server render)', () => {
	const six = [
		{ code: '33.18', label: 'Pati', from: 45.2, to: 61.3 },
		{ code: '33.19', label: 'Kudus', from: 47.1, to: 60.1 },
		{ code: '33.17', label: 'Rembang', from: 44.9, to: 52.4 },
		{ code: '33.20', label: 'Jepara', from: 46, to: 55 },
		{ code: '33.15', label: 'Kabupaten Grobogan Raya', from: 45.5, to: 49 },
		{ code: '33.16', label: 'Blora', from: 43.9, to: 48.8 }
	];
	const html = ssr(SlopeChart, {
		title: 'Skor',
		items: six,
		fromYear: 2018,
		toYear: 2024,
		selected: '33.18',
		yDomain: [40, 70]
	});
	const left = [
		...html.matchAll(/<text x="[\d.]+" y="([\d.]+)" text-anchor="end"[^>]*>([^]*?)<\/text>/g)
	];
	const right = [
		...html.matchAll(/<text x="[\d.]+" y="([\d.]+)" font-size="12"[^>]*>([^]*?)<\/text>/g)
	];
	const strip = (t: string) => t.replace(/<title>[^<]*<\/title>/, '');

	it('SlopeChart names every line at both ends, with its value', () => {
		expect(left.map((m) => strip(m[2]))).toEqual([
			'Pati 45,2',
			'Kudus 47,1',
			'Rembang 44,9',
			'Jepara 46,0',
			'Kabupate… 45,5',
			'Blora 43,9'
		]);
		expect(right.map((m) => strip(m[2]))).toEqual([
			'61,3 Pati',
			'60,1 Kudus',
			'52,4 Rembang',
			'55,0 Jepara',
			'49,0 Kabupate…',
			'48,8 Blora'
		]);
	});

	it('SlopeChart keeps the six left labels at least 15 px apart', () => {
		const ys = left.map((m) => Number(m[1])).sort((a, b) => a - b);
		for (let k = 1; k < ys.length; k++) expect(ys[k] - ys[k - 1]).toBeGreaterThanOrEqual(15);
	});

	it('SlopeChart ties a label that had to move to its dot with a leader line', () => {
		// Six close 2018 values cannot all sit at their dots: at least four labels moved.
		expect(count(html, /<line class="leader"/)).toBeGreaterThanOrEqual(4);
		// Well apart, the 2024 labels of Pati and Jepara stay at their dots.
		const lone = ssr(SlopeChart, {
			title: 'S',
			items: [six[0], { ...six[3], from: 60, to: 45 }],
			fromYear: 2018,
			toYear: 2024,
			yDomain: [40, 70]
		});
		expect(count(lone, /<line class="leader"/)).toBe(0);
	});

	it('SlopeChart gives a shortened name its full name as a tooltip', () => {
		expect(count(html, /<title>Kabupaten Grobogan Raya<\/title>/)).toBe(2);
		expect(count(html, /<title>Pati<\/title>/)).toBe(0);
	});
});
