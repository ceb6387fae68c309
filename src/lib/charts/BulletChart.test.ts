import { describe, it, expect } from 'vitest';
import BulletChart from './BulletChart.svelte';
import { count, pointLabels, ssr, tableRows, texts } from './ssr';

const bands = [
	{ from: 0, to: 40, label: 'kurang' },
	{ from: 40, to: 70, label: 'cukup' },
	{ from: 70, to: 100, label: 'baik' }
];

describe('BulletChart (server render)', () => {
	const html = ssr(BulletChart, {
		title: 'Skor komposit',
		label: 'Pati',
		value: 55.25,
		target: 80,
		bands
	});

	it('BulletChart renders an svg with role="img", title and description', () => {
		expect(count(html, /role="img" aria-labelledby/)).toBe(1);
		expect(texts(html, 'title')).toEqual(['Skor komposit']);
		expect(texts(html, 'desc')).toEqual(['Pati: 55,3 (cukup); Target 80,0']);
	});

	it('BulletChart draws three bands, the value bar and the target tick as one focusable point', () => {
		expect(
			count(
				html,
				/<rect x="[\d.]+" y="0" width="[\d.]+" height="28" fill="#(a6a6a6|c8c8c8|e0e0e0)"/
			)
		).toBe(3);
		expect(count(html, /<rect class="mark"/)).toBe(1);
		expect(count(html, /<line class="mark"/)).toBe(1);
		expect(pointLabels(html)).toEqual(['Pati: 55,3 (cukup); Target 80,0']);
	});

	it('BulletChart tables the value, target and band', () => {
		expect(tableRows(html)).toEqual([['Pati', '55,3', '80,0', 'cukup']]);
		const en = ssr(BulletChart, {
			title: 'Composite',
			label: 'Pati',
			value: 1055.25,
			lang: 'en',
			max: 2000
		});
		expect(tableRows(en)).toEqual([['Pati', '1,055.3', '–', '']]);
	});

	it('BulletChart inside its frame shows caption, linked source and note', () => {
		const framed = ssr(BulletChart, {
			title: 'Skor komposit',
			label: 'Pati',
			value: 55,
			source: 'BPS Kabupaten Pati',
			sourceHref: 'https://patikab.bps.go.id',
			note: 'Nilai ilustratif'
		});
		expect(framed).toContain('<span class="chart-title">Skor komposit</span>');
		expect(framed).toMatch(
			/Sumber:\s*<a href="https:\/\/patikab.bps.go.id">BPS Kabupaten Pati<\/a>/
		);
		expect(framed).toContain('<p class="chart-note">Nilai ilustratif</p>');
	});

	it('BulletChart says "tidak ada data" instead of drawing a missing value as 0', () => {
		const none = ssr(BulletChart, { title: 'S', label: 'Pati', value: null, target: 80 });
		expect(count(none, /<rect class="mark"/)).toBe(0);
		expect(none).toContain('>tidak ada data</text>');
	});
});
