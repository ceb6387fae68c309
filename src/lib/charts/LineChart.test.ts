import { describe, it, expect } from 'vitest';
import LineChart from './LineChart.svelte';
import { count, pointLabels, pointTabindexes, ssr, tableRows, texts } from './ssr';

/** The text of each legend entry. */
function legendItems(html: string): string[] {
	const list = /<ul class="legend"[^>]*>([^]*?)<\/ul>/.exec(html)?.[1] ?? '';
	return texts(list, 'li');
}

/** The value-axis tick labels in drawing order (lowest value first). */
function tickLabels(html: string): string[] {
	return [...html.matchAll(/<text class="tick"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
}

/** The CSV text behind the download link. */
function csv(html: string): string {
	const href = /href="data:text\/csv;charset=utf-8,([^"]*)"/.exec(html)?.[1] ?? '';
	return decodeURIComponent(href).replace(/^\uFEFF/, '');
}

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
			'Pati: 2018 75,1 tahun; 2019 tidak ada data; 2020 75,6 tahun (ilustratif); 2021 1.076,0 tahun. Target: 76,5 tahun'
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

	it('LineChart leaves a peer listed in hiddenPeers out of the drawing, the table and the legend', () => {
		const hidden = ssr(LineChart, { title: 'AHH', region, peers, hiddenPeers: ['rembang'] });
		expect(count(hidden, /<path class="series"/)).toBe(2);
		expect(tableRows(hidden).map((r) => r.length)).toEqual([3, 3, 3, 3]);
		// Without JavaScript there is no checkbox to say "hidden", so the legend lists what is drawn.
		expect(legendItems(hidden)).toEqual(['Pati', 'Kudus', 'ilustratif']);
		expect(hidden).not.toContain('Rembang');
		expect(count(hidden, /type="checkbox"/)).toBe(0);
	});

	it('LineChart lists every peer in the legend when none is hidden', () => {
		expect(legendItems(html)).toEqual(['Pati', 'Kudus', 'Rembang', 'Target', 'ilustratif']);
	});

	it('LineChart draws yearly target points as focusable filled diamonds', () => {
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
		// After the region's points: the region's first year is the chart's Tab stop.
		expect(pointLabels(t).slice(-2)).toEqual(['Target, 2020: 80', 'Target, 2024: 90.5']);
		expect(pointLabels(t)[0]).toBe('Pati, 2018: 75.1');
		expect(count(t, /<path class="mark" d="M0,-[\d.]+L[^"]*" [^>]*fill="#1a1a1a"/)).toBe(2);
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

	it.each([
		[
			'0,32–0,34 with decimals 2',
			[0.3212, 0.3389],
			2,
			'id',
			['0,320', '0,325', '0,330', '0,335', '0,340']
		],
		[
			'2,5–2,7 million with decimals 2',
			[2512345.5, 2698765.25],
			2,
			'id',
			['2.500.000', '2.550.000', '2.600.000', '2.650.000', '2.700.000']
		],
		['0–1 with decimals 0', [0.1, 0.9], 0, 'en', ['0.0', '0.2', '0.4', '0.6', '0.8', '1.0']],
		['45–65 without decimals', [45, 61.5], undefined, 'id', ['45', '50', '55', '60', '65']]
	] as [string, number[], number | undefined, 'id' | 'en', string[]][])(
		'LineChart writes value-axis ticks of %s with the precision of the tick step',
		(_, values, decimals, lang, labels) => {
			const h = ssr(LineChart, {
				title: 'T',
				lang,
				decimals,
				region: {
					key: 'r',
					label: 'R',
					points: values.map((value, i) => ({ year: 2020 + i, value }))
				}
			});
			expect(tickLabels(h)).toEqual(labels);
		}
	);

	it('LineChart keeps `decimals` for points and the table while ticks use the step', () => {
		const h = ssr(LineChart, {
			title: 'T',
			decimals: 2,
			region: {
				key: 'r',
				label: 'R',
				points: [
					{ year: 2020, value: 2512345.5 },
					{ year: 2021, value: 2698765.25 }
				]
			}
		});
		expect(pointLabels(h)).toEqual(['R, 2020: 2.512.345,50', 'R, 2021: 2.698.765,25']);
		expect(tableRows(h)).toEqual([
			['2020', '2.512.345,50'],
			['2021', '2.698.765,25']
		]);
	});

	describe('illustrative targets', () => {
		const t = ssr(LineChart, {
			title: 'Skor',
			lang: 'en',
			region: { key: 'pati', label: 'Pati', points: [{ year: 2020, value: 70 }] },
			target: [
				{ year: 2020, value: 80 },
				{ year: 2024, value: 90.5, illustrative: true }
			]
		});

		it('LineChart draws an illustrative target hollow and an official one filled', () => {
			const diamonds = [
				...t.matchAll(/<path class="mark" d="M0,-[\d.]+L[^"]*" transform="[^"]*" fill="([^"]*)"/g)
			].map((m) => m[1]);
			expect(diamonds).toEqual(['#1a1a1a', '#ffffff']);
			expect(pointLabels(t)).toEqual([
				'Pati, 2020: 70',
				'Target, 2020: 80',
				'Target, 2024: 90.5 (illustrative)'
			]);
		});

		it('LineChart notes illustrative targets in the legend', () => {
			expect(legendItems(t)).toEqual(['Pati', 'Target', 'Target (illustrative)']);
		});

		it('LineChart stars the illustrative target in the table and flags it in the CSV', () => {
			expect(tableRows(t)).toEqual([
				['2020', '70', '80'],
				['2024', '–', '90.5 *']
			]);
			expect(csv(t)).toBe(
				'Year,Pati,Pati (precise),Target,Target (precise),Target (illustrative)\r\n' +
					'2020,70,70,80,80,no\r\n2024,,,90.5,90.5,yes\r\n'
			);
			expect(texts(t, 'desc')).toEqual([
				'Pati: 2020 70. Target: 2020 80; 2024 90.5 (illustrative)'
			]);
		});

		it('LineChart lists only "Target (illustrative)" when every target is illustrative', () => {
			const all = ssr(LineChart, {
				title: 'Skor',
				lang: 'en',
				region: { key: 'pati', label: 'Pati', points: [{ year: 2020, value: 70 }] },
				target: [{ year: 2024, value: 90, illustrative: true }]
			});
			expect(legendItems(all)).toEqual(['Pati', 'Target (illustrative)']);
		});
	});

	describe('focusable={false}', () => {
		const props = {
			title: 'Angka harapan hidup',
			region,
			peers,
			target: [
				{ year: 2018, value: 76 },
				{ year: 2021, value: 77, illustrative: true }
			],
			decimals: 1
		};
		const on = ssr(LineChart, props);
		const off = ssr(LineChart, { ...props, focusable: false });

		it('LineChart without focusable points has no tab stop and one role="img" and no points layer', () => {
			expect(count(off, /tabindex/)).toBe(0);
			expect(count(off, /role="img"/)).toBe(1);
			expect(count(off, /class="chart-points"/)).toBe(0);
			expect(count(off, /role="group" aria-label="Titik data/)).toBe(0);
			// One Tab stop for the whole chart (roving tabindex): the first point.
			expect(pointTabindexes(on)).toEqual([0, -1, -1, -1, -1]);
		});

		it('LineChart without focusable points still draws every mark inside the picture, and the table', () => {
			const picture = /<svg class="chart-main"[^]*?<\/svg>/.exec(off)?.[0] ?? '';
			expect(count(picture, /class="mark"/)).toBe(count(on, /class="mark"/));
			expect(count(picture, /class="mark"/)).toBe(3 + 3 + 2);
			expect(count(off, /class="tip"/)).toBe(0);
			expect(tableRows(off)).toEqual(tableRows(on));
		});
	});
});

describe('LineChart peers and targets (server render)', () => {
	const five = ['Kudus', 'Rembang', 'Jepara', 'Grobogan', 'Blora'].map((label, k) => ({
		key: label.toLowerCase(),
		label,
		points: [
			{ year: 2018, value: 10 + k },
			{ year: 2023, value: 15 + k }
		]
	}));
	const html = ssr(LineChart, {
		title: 'Indikator',
		region,
		peers: five,
		target: [
			{ year: 2020, value: 14 },
			{ year: 2023, value: 20 }
		]
	});
	const attr = (tag: string, name: string) => new RegExp(` ${name}="([^"]*)"`).exec(tag)?.[1] ?? '';
	const strokes = (html.match(/<path class="series"[^>]*>/g) ?? []).map((t) => [
		attr(t, 'stroke'),
		attr(t, 'stroke-dasharray')
	]);

	it('LineChart draws each of five peers in its own colour and dash, none black, none dashed like the target', () => {
		// Drawn last-first, so the region (blue, solid) comes last.
		expect(strokes).toEqual([
			['#882255', '10 4'],
			['#9E6B00', '1 2'],
			['#CC79A7', '8 3 2 3'],
			['#009E73', '2 3'],
			['#D55E00', '6 3'],
			['#0072B2', '']
		]);
		expect(html).toMatch(/<path class="target"[^>]*stroke="#1a1a1a"[^>]*stroke-dasharray="4 4"/);
	});

	it('LineChart keeps diamonds for the target: peers get other markers', () => {
		// Peer markers are drawn in the picture; target and region points in the points layer.
		const picture = /<svg class="chart-main"[^]*?<\/svg>/.exec(html)?.[0] ?? '';
		const diamond = 'M0,-3.9L3.9,0L0,3.9L-3.9,0Z';
		expect(picture).not.toContain(diamond);
		expect(count(html, /d="M0,-4.55L4.55,0L0,4.55L-4.55,0Z"/)).toBe(2);
	});

	it('LineChart legend shows the target apart from every peer', () => {
		expect(legendItems(html)).toEqual([
			'Pati',
			'Kudus',
			'Rembang',
			'Jepara',
			'Grobogan',
			'Blora',
			'Target',
			'ilustratif'
		]);
		const items = /<ul class="legend"[^>]*>([^]*?)<\/ul>/.exec(html)?.[1].split('</li>') ?? [];
		const line = (label: string) =>
			/<line [^>]*>/.exec(items.find((li) => li.trim().endsWith(label)) ?? '')?.[0] ?? '';
		expect([attr(line('Target'), 'stroke'), attr(line('Target'), 'stroke-dasharray')]).toEqual([
			'#1a1a1a',
			'4 4'
		]);
		expect([attr(line('Kudus'), 'stroke'), attr(line('Kudus'), 'stroke-dasharray')]).toEqual([
			'#D55E00',
			'6 3'
		]);
	});
});
