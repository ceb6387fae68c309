import { describe, it, expect } from 'vitest';
import RankedBars from './RankedBars.svelte';
import { count, pointLabels, ssr, tableRows, texts } from './ssr';

const items = [
	{ code: '33.19', label: 'Kudus', score: 78, low: 70, high: 82 },
	{ code: '33.17', label: 'Rembang', score: null },
	{ code: '33.18', label: 'Pati', score: 80.25, low: 75, high: 85 },
	{ code: '33.16', label: 'Blora', score: 60 }
];

describe('RankedBars (server render)', () => {
	const html = ssr(RankedBars, { title: 'Peringkat Smart Governance', items, selected: '33.18' });

	it('RankedBars renders an svg with role="img", title and a ranking description', () => {
		expect(count(html, /role="img" aria-labelledby/)).toBe(1);
		expect(texts(html, 'title')).toEqual(['Peringkat Smart Governance']);
		expect(texts(html, 'desc')).toEqual([
			'Peringkat: 1–2 Pati 80,3; 1–2 Kudus 78,0; 3 Blora 60,0; Rembang tidak ada data'
		]);
	});

	it('RankedBars draws one focusable bar per scored region, sorted, with the selected one named', () => {
		expect(count(html, /<rect class="mark"/)).toBe(3);
		expect(pointLabels(html)).toEqual([
			'Pati: Skor 80,3, Peringkat 1–2 (dipilih)',
			'Kudus: Skor 78,0, Peringkat 1–2',
			'Blora: Skor 60,0, Peringkat 3'
		]);
	});

	it('RankedBars highlights the selected bar with colour and an outline, and draws whiskers for intervals', () => {
		expect(count(html, /<rect class="mark"[^>]*fill="#0072B2" stroke="#1a1a1a"/)).toBe(1);
		expect(count(html, /<g class="whisker">/)).toBe(2);
	});

	it('RankedBars says "tidak ada data" for a region without a score', () => {
		expect(html).toContain('font-style="italic" fill="#595959">tidak ada data</text>');
	});

	it("RankedBars tables rank, score and bounds in the reader's locale", () => {
		expect(tableRows(html)).toEqual([
			['Pati', '1–2', '80,3', '75,0', '85,0'],
			['Kudus', '1–2', '78,0', '70,0', '82,0'],
			['Blora', '3', '60,0', '–', '–'],
			['Rembang', '', '–', '–', '–']
		]);
		const en = ssr(RankedBars, { title: 'Ranking', items, lang: 'en', decimals: 2 });
		expect(tableRows(en)[0]).toEqual(['Pati', '1–2', '80.25', '75.00', '85.00']);
	});
});
