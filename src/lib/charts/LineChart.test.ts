import { describe, it, expect } from 'vitest';
import LineChart from './LineChart.svelte';
import { count, pointLabels, ssr, tableRows, texts } from './ssr';

const region = {
	key: 'pati',
	label: 'Pati',
	points: [
		{ year: 2018, value: 75.1 },
		{ year: 2019, value: null },
		{ year: 2020, value: 75.6, illustrative: true },
		{ year: 2021, value: 1076 }
	]
};
const peers = [
	{
		key: 'kudus',
		label: 'Kudus',
		points: [
			{ year: 2018, value: 76.2 },
			{ year: 2021, value: 76.9 }
		]
	},
	{ key: 'rembang', label: 'Rembang', points: [{ year: 2019, value: 74 }] }
];

describe('LineChart (server render)', () => {
	const html = ssr(LineChart, {
		title: 'Angka harapan hidup',
		region,
		peers,
		target: 76.5,
		unit: 'tahun',
		decimals: 1
	});

	it('LineChart renders an svg with role="img", title and generated description', () => {
		expect(count(html, /role="img" aria-labelledby/)).toBe(1);
		expect(texts(html, 'title')).toEqual(['Angka harapan hidup']);
		expect(texts(html, 'desc')).toEqual([
			'Pati: 2018 75,1 tahun; 2019 tidak ada data; 2020 75,6 tahun; 2021 1.076,0 tahun. Target: 76,5 tahun'
		]);
	});

	it('LineChart makes the region points focusable (not the null year) and draws peers as plain markers', () => {
		expect(pointLabels(html)).toEqual([
			'Pati, 2018: 75,1 tahun',
			'Pati, 2020: 75,6 tahun (ilustratif)',
			'Pati, 2021: 1.076,0 tahun'
		]);
		expect(count(html, /class="mark"/)).toBe(3 + 3);
		expect(count(html, /<path class="series"/)).toBe(3);
	});

	it('LineChart breaks the region line at the null year instead of drawing 0', () => {
		const d = /<path class="series" d="([^"]*)" fill="none" stroke="#0072B2"/.exec(html)?.[1];
		expect(d).toMatch(/^M[\d.]+,[\d.]+ZM[\d.]+,[\d.]+L[\d.]+,[\d.]+$/);
	});

	it('LineChart draws the target as a dashed line with a label', () => {
		expect(count(html, /<line class="target"[^>]*stroke-dasharray="4 4"/)).toBe(1);
		expect(html).toContain('>Target: 76,5 tahun</text>');
	});

	it('LineChart notes illustrative values in the legend and the table', () => {
		expect(html).toContain('ilustratif</li>');
		expect(tableRows(html)).toEqual([
			['2018', '75,1 tahun', '76,5 tahun', '76,2 tahun', '–'],
			['2019', '–', '76,5 tahun', '–', '74,0 tahun'],
			['2020', '75,6 tahun *', '76,5 tahun', '–', '–'],
			['2021', '1.076,0 tahun', '76,5 tahun', '76,9 tahun', '–']
		]);
	});

	it('LineChart leaves a peer listed in hiddenPeers out of the drawing and the table', () => {
		const hidden = ssr(LineChart, { title: 'AHH', region, peers, hiddenPeers: ['rembang'] });
		expect(count(hidden, /<path class="series"/)).toBe(2);
		expect(tableRows(hidden).map((r) => r.length)).toEqual([3, 3, 3, 3]);
		expect(hidden).toContain('Rembang</li>');
	});

	it('LineChart draws yearly target points as focusable hollow diamonds', () => {
		const t = ssr(LineChart, {
			title: 'Skor',
			lang: 'en',
			region,
			target: [
				{ year: 2020, value: 80 },
				{ year: 2024, value: 90.5 }
			],
			yDomain: [0, 2000]
		});
		expect(pointLabels(t).slice(0, 2)).toEqual(['Target, 2020: 80', 'Target, 2024: 90.5']);
		expect(tableRows(t)).toEqual([
			['2018', '75.1', '–'],
			['2019', '–', '–'],
			['2020', '75.6 *', '80'],
			['2021', '1,076', '–'],
			['2024', '–', '90.5']
		]);
	});

	it('LineChart labels the years on the axis without digit grouping', () => {
		expect(html).toMatch(/text-anchor="middle" font-size="12">2018<\/text>/);
		expect(html).not.toContain('2.018');
	});
});
