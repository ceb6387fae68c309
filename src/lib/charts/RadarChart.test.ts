import { describe, it, expect } from 'vitest';
import RadarChart from './RadarChart.svelte';
import { count, pointLabels, ssr, tableRows, texts } from './ssr';
import { axesOf, GM100SC_LABELS } from './test-fixtures';

const axes = [
	{ code: 'gov', label: 'Smart Governance' },
	{ code: 'bra', label: 'Smart Branding' },
	{ code: 'eco', label: 'Smart Economy' },
	{ code: 'liv', label: 'Smart Living' },
	{ code: 'soc', label: 'Smart Society' },
	{ code: 'env', label: 'Smart Environment' }
];
const series = [
	{
		key: '2018',
		label: '2018',
		values: { gov: 45.25, bra: 30, eco: 50, liv: 60, soc: 70, env: 20 }
	},
	{
		key: '2024',
		label: '2024',
		values: { gov: 61, bra: null, eco: 1055.5, liv: 64, soc: 72 },
		illustrative: { eco: true }
	}
];

describe('RadarChart (server render)', () => {
	const html = ssr(RadarChart, { title: 'Skor dimensi Pati', axes, series, max: 2000 });

	it('RadarChart renders an svg with role="img" labelled by its title and description', () => {
		expect(html).toMatch(
			/<svg class="chart-main" viewBox="0 0 340 \d+" width="100%" role="img" aria-labelledby="(\S+)-title \1-desc"/
		);
		expect(texts(html, 'title')).toEqual(['Skor dimensi Pati']);
		expect(texts(html, 'desc')[0]).toBe(
			'2018: Smart Governance 45,3; Smart Branding 30,0; Smart Economy 50,0; Smart Living 60,0; Smart Society 70,0; Smart Environment 20,0. ' +
				'2024: Smart Governance 61,0; Smart Branding tidak ada data; Smart Economy 1.055,5; Smart Living 64,0; Smart Society 72,0; Smart Environment tidak ada data'
		);
	});

	it('RadarChart draws one point per non-null score and none for null or missing scores', () => {
		expect(count(html, /class="pt"/)).toBe(10);
		expect(pointLabels(html).slice(6)).toEqual([
			'2024, Smart Governance: 61,0',
			'2024, Smart Economy: 1.055,5 (ilustratif)',
			'2024, Smart Living: 64,0',
			'2024, Smart Society: 72,0'
		]);
		expect(count(html, /<path class="series"/)).toBe(2);
	});

	it('RadarChart fills the complete series and leaves the gapped one open', () => {
		expect(html).toMatch(/<path class="series" d="M[^"]*Z" fill="#0072B2"/);
		expect(html).toMatch(
			/<path class="series" d="M[^"]*" fill="none" fill-opacity="0.08" stroke="#D55E00"/
		);
	});

	it('RadarChart marks the illustrative point hollow', () => {
		expect(count(html, /class="mark"[^>]*fill="#ffffff"/)).toBe(1);
	});

	it('RadarChart tables the same numbers in Indonesian, with * for illustrative', () => {
		expect(tableRows(html)).toEqual([
			['Smart Governance', '45,3', '61,0'],
			['Smart Branding', '30,0', '–'],
			['Smart Economy', '50,0', '1.055,5 *'],
			['Smart Living', '60,0', '64,0'],
			['Smart Society', '70,0', '72,0'],
			['Smart Environment', '20,0', '–']
		]);
		expect(html).toContain('<th scope="col">Dimensi</th>');
		expect(html).toContain('<caption>Skor dimensi Pati</caption>');
	});

	it('RadarChart formats the table in English when lang is en', () => {
		const en = ssr(RadarChart, { title: 'Scores', axes, series, max: 2000, lang: 'en' });
		expect(tableRows(en)[2]).toEqual(['Smart Economy', '50.0', '1,055.5 *']);
		expect(en).toContain('<summary>Table, source and downloads</summary>');
	});

	it('RadarChart offers CSV and XLSX downloads that work without JavaScript, and no image buttons before mount', () => {
		expect(html).toContain('download="skor-dimensi-pati.csv"');
		expect(html).toContain(
			'href="data:text/csv;charset=utf-8,%EF%BB%BFDimensi%3BKode%20dimensi%3B2018%3B2018%20(presisi)%3B2024%3B2024%20(presisi)%3B2024%20(ilustratif)%0D%0A'
		);
		expect(html).toContain('<form method="post" action="/downloads/xlsx">');
		expect(count(html, /<button type="submit">Data \(XLSX\)<\/button>/)).toBe(1);
		expect(count(html, /<button type="button"/)).toBe(0);
	});

	it('RadarChart without frame renders only the chart', () => {
		const bare = ssr(RadarChart, { title: 'Skor', axes, series, frame: false });
		expect(count(bare, /<figure/)).toBe(0);
		expect(count(bare, /<table/)).toBe(0);
		expect(count(bare, /role="img" aria-labelledby/)).toBe(1);
	});

	/** Each axis label as its lines, with the label's font size. */
	function axisLabels(h: string): [string, string[]][] {
		return [
			...h.matchAll(/<text class="axis-label"[^>]*font-size="(\d+)"[^>]*>([^]*?)<\/text>/g)
		].map((m) => [m[1], [...m[2].matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((t) => t[1])]);
	}

	it('RadarChart draws the server render at the width the page passes, capped at 1.25 × until measured', () => {
		const wide = ssr(RadarChart, { title: 'Skor', axes, series, width: 480 });
		expect(wide).toContain('<svg class="chart-main" viewBox="0 0 480 360" width="100%" role="img"');
		expect(wide).toContain('style="max-width: 600px;"');
		expect(html).toContain('viewBox="0 0 340 248"');
		expect(html).toContain('style="max-width: 425px;"');
	});

	it.each([
		[
			340,
			[
				['12', ['Smart', 'Governance']],
				['12', ['Smart', 'Branding']],
				['12', ['Smart', 'Economy']],
				['12', ['Smart Living']],
				['12', ['Smart', 'Society']],
				['12', ['Smart', 'Environment']]
			]
		],
		[
			600,
			[
				['12', ['Smart', 'Governance']],
				['12', ['Smart Branding']],
				['12', ['Smart Economy']],
				['12', ['Smart Living']],
				['12', ['Smart Society']],
				['12', ['Smart', 'Environment']]
			]
		]
	] as [number, [string, string[]][]][])(
		'RadarChart at %i px writes 12 px axis labels wrapped at 14 characters',
		(width, expected) => {
			expect(axisLabels(ssr(RadarChart, { title: 'Skor', axes, series, width }))).toEqual(expected);
		}
	);

	it('RadarChart wraps at labelChars', () => {
		const h = ssr(RadarChart, { title: 'Skor', axes, series, width: 600, labelChars: 20 });
		expect(axisLabels(h).map(([, lines]) => lines.length)).toEqual([1, 1, 1, 1, 1, 1]);
	});

	it('RadarChart with focusable={false} is one image with no tab stop, its points drawn inside it', () => {
		const off = ssr(RadarChart, { title: 'Skor', axes, series, max: 2000, focusable: false });
		expect(count(off, /tabindex/)).toBe(0);
		expect(count(off, /role="img"/)).toBe(1);
		expect(count(off, /class="chart-points"/)).toBe(0);
		const picture = /<svg class="chart-main"[^]*?<\/svg>/.exec(off)?.[0] ?? '';
		expect(count(picture, /class="mark"/)).toBe(10);
		expect(tableRows(off)).toEqual(tableRows(html));
	});
});

describe('RadarChart ring values (server render)', () => {
	const gm = axesOf(GM100SC_LABELS);
	const values = (v: number[]) => Object.fromEntries(v.map((x, i) => [`d${i}`, x]));
	const html = ssr(RadarChart, {
		title: 'Skor',
		axes: gm,
		series: [
			{ key: '2018', label: '2018', values: values([52, 48, 55, 60, 50, 45]) },
			{ key: '2025', label: '2025', values: values([64, 58, 62, 66, 59, 61]) }
		],
		width: 480
	});
	const ticks = [
		...(/<g class="ticks"[^>]*>([^]*?)<\/g>/.exec(html)?.[1] ?? '').matchAll(
			/<text x="([-\d.]+)" y="([-\d.]+)" text-anchor="(\w+)">([^<]*)<\/text>/g
		)
	].map((m) => ({ x: Number(m[1]), y: Number(m[2]), anchor: m[3], text: m[4] }));

	it('RadarChart writes every ring value off the axes, with a white halo, over the outlines', () => {
		expect(ticks.map((t) => t.text)).toEqual(['20', '40', '60', '80', '100']);
		// Off the first (vertical) axis, where "Tata Kelola Cerdas" and the vertex markers sit.
		for (const t of ticks) expect(t.x).toBeGreaterThan(10);
		expect(html).toMatch(/<g class="ticks"[^>]*stroke="#ffffff"[^>]*paint-order="stroke"/);
		// Drawn after the series outlines, so a line passes under a value, never over it.
		expect(html.indexOf('class="ticks"')).toBeGreaterThan(html.lastIndexOf('class="series"'));
	});

	it('RadarChart keeps the "100" clear of the top axis label', () => {
		const hundred = ticks.find((t) => t.text === '100')!;
		const top = /<text class="axis-label" x="0" y="([-\d.]+)"/.exec(html);
		expect(top).not.toBeNull();
		// The top label's last line sits above the ring; "100" is written below the ring's top.
		expect(hundred.y).toBeGreaterThan(Number(top![1]) + 14 + 12);
	});
});
