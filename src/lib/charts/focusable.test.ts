import { describe, it, expect } from 'vitest';
import BulletChart from './BulletChart.svelte';
import Heatmap from './Heatmap.svelte';
import RankedBars from './RankedBars.svelte';
import SlopeChart from './SlopeChart.svelte';
import { count, pointLabels, pointTabindexes, ssr } from './ssr';

const rows = [
	{ code: 'gov', label: 'Governance' },
	{ code: 'eco', label: 'Economy' }
];
const columns = [
	{ code: '2018', label: '2018' },
	{ code: '2024', label: '2024' }
];
const regions = [
	{ code: '33.18', label: 'Pati', score: 61, from: 45, to: 61 },
	{ code: '33.19', label: 'Kudus', score: 58, from: 50, to: 58 },
	{ code: '33.17', label: 'Rembang', score: null, from: null, to: 50 }
];

// [chart, render(focusable), focusable points by default, marks drawn]
const charts = [
	[
		'Heatmap',
		(focusable?: boolean) =>
			ssr(Heatmap, {
				title: 'Skor',
				rows,
				columns,
				cells: [
					{ row: 'gov', col: '2018', value: 45 },
					{ row: 'gov', col: '2024', value: 61 },
					{ row: 'eco', col: '2018', value: null }
				],
				focusable
			}),
		4,
		4
	],
	[
		'RankedBars',
		(focusable?: boolean) => ssr(RankedBars, { title: 'Peringkat', items: regions, focusable }),
		2,
		2
	],
	[
		'SlopeChart',
		(focusable?: boolean) =>
			ssr(SlopeChart, { title: 'Skor', items: regions, fromYear: 2018, toYear: 2024, focusable }),
		3,
		7
	],
	[
		'BulletChart',
		(focusable?: boolean) =>
			ssr(BulletChart, { title: 'Skor', label: 'Pati', value: 55, target: 80, focusable }),
		1,
		2
	]
] as [string, (focusable?: boolean) => string, number, number][];

describe('focusable prop (server render)', () => {
	it.each(charts)(
		'%s has %i focusable points by default and none, in one role="img" with all %i marks, with focusable={false}',
		(_, render, points, marks) => {
			const on = render();
			const off = render(false);
			expect(pointLabels(on).length).toBe(points);
			expect(count(on, /class="chart-points"/)).toBe(1);
			expect(count(off, /tabindex/)).toBe(0);
			expect(count(off, /role="img"/)).toBe(1);
			expect(count(off, /class="chart-points"/)).toBe(0);
			// Every mark is still drawn, inside the picture.
			const picture = /<svg class="chart-main"[^]*?<\/svg>/.exec(off)?.[0] ?? '';
			expect(count(picture, /class="mark"/)).toBe(marks);
			expect(count(on, /class="mark"/)).toBe(marks);
		}
	);
});

describe('one Tab stop per chart (server render)', () => {
	it.each(charts)(
		'%s renders its first point with tabindex="0" and every other point with tabindex="-1"',
		(_, render, points) => {
			const html = render();
			expect(pointTabindexes(html)).toEqual(
				Array.from({ length: points }, (_, i) => (i === 0 ? 0 : -1))
			);
			expect(count(html, /tabindex="0"/)).toBe(1);
		}
	);

	it('two charts on one page each get their own Tab stop', () => {
		const a = charts[0][1]();
		const b = charts[1][1]();
		expect(count(a + b, /tabindex="0"/)).toBe(2);
	});
});
