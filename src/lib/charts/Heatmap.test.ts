import { describe, it, expect } from 'vitest';
import Heatmap from './Heatmap.svelte';
import { count, pointLabels, ssr, tableRows, texts } from './ssr';
import { axesOf, GM100SC_LABELS } from './test-fixtures';

const rows = [
	{ code: 'gov', label: 'Governance' },
	{ code: 'eco', label: 'Economy' }
];
const columns = [
	{ code: '2018', label: '2018' },
	{ code: '2024', label: '2024' }
];
const cells = [
	{ row: 'gov', col: '2018', value: 45.4 },
	{ row: 'gov', col: '2024', value: 1061.6, illustrative: true },
	{ row: 'eco', col: '2018', value: null }
];

describe('Heatmap (server render)', () => {
	const html = ssr(Heatmap, {
		title: 'Skor per tahun',
		rows,
		columns,
		cells,
		max: 2000,
		thresholds: [20, 40, 60, 80]
	});

	it('Heatmap renders an svg with role="img", title and a description of every cell', () => {
		expect(count(html, /role="img" aria-labelledby/)).toBe(1);
		expect(texts(html, 'title')).toEqual(['Skor per tahun']);
		expect(texts(html, 'desc')).toEqual([
			'Governance: 2018 45; 2024 1.062. Economy: 2018 tidak ada data; 2024 tidak ada data'
		]);
	});

	it('Heatmap draws one focusable cell per row × column, hatching and labelling the ones without data', () => {
		expect(count(html, /<rect class="mark"/)).toBe(4);
		expect(pointLabels(html)).toEqual([
			'Governance, 2018: 45',
			'Governance, 2024: 1.062 (ilustratif)',
			'Economy, 2018: tidak ada data',
			'Economy, 2024: tidak ada data'
		]);
		expect(count(html, /<rect class="mark"[^>]*fill="url\(#[^)]+-hatch\)"/)).toBe(2);
		expect(count(html, />tidak ada data<\/text>/)).toBe(2);
	});

	it('Heatmap writes each value in the cell in a colour that reads on its fill', () => {
		expect(html).toMatch(/fill="#21918c"[^>]*>[^]*?fill="#000000">45<\/text>/);
		expect(html).toMatch(/fill="#fde725"[^>]*>[^]*?fill="#000000">1\.062\*<\/text>/);
	});

	it('Heatmap lists the colour bins and the hatch in its legend', () => {
		expect(texts(html, 'li')).toEqual([
			'0–20',
			'20–40',
			'40–60',
			'60–80',
			'80–2.000',
			'tidak ada data'
		]);
	});

	it('Heatmap tables the grid in English when lang is en', () => {
		const en = ssr(Heatmap, { title: 'Scores', rows, columns, cells, lang: 'en', decimals: 1 });
		expect(tableRows(en)).toEqual([
			['Governance', '45.4', '1,061.6 *'],
			['Economy', '–', '–']
		]);
		expect(en).toContain('<th scope="col">Dimension</th>');
	});

	it('Heatmap writes "–" in cells too narrow for the no-data text', () => {
		const narrow = ssr(Heatmap, {
			title: 'S',
			rows,
			columns: [...columns, { code: 'x', label: 'X' }, { code: 'y', label: 'Y' }],
			cells,
			width: 200
		});
		expect(count(narrow, />tidak ada data<\/text>/)).toBe(0);
		expect(texts(narrow, 'li').at(-1)).toBe('– tidak ada data');
	});
});

describe('Heatmap labels (server render)', () => {
	const dims = axesOf(['Komposit', ...GM100SC_LABELS]);
	const regions = ['Pati', 'Kudus', 'Rembang', 'Jepara', 'Grobogan', 'Blora'].map((label) => ({
		code: label,
		label
	}));
	const html = ssr(Heatmap, { title: 'Skor', rows: dims, columns: regions, cells: [] });

	it('Heatmap turns crowded region headers so each ends above its own column, inside the chart', () => {
		const heads = [
			...html.matchAll(
				/<text transform="translate\(([\d.]+),(\d+)\) rotate\(45\)" text-anchor="end"[^>]*>([^<]*)<\/text>/g
			)
		];
		expect(heads.map((m) => m[3])).toEqual([
			'Pati',
			'Kudus',
			'Rembang',
			'Jepara',
			'Grobogan',
			'Blora'
		]);
		// The last header ("Blora") ends at the middle of the last column, inside the 340 px width.
		expect(Number(heads[5][1])).toBeLessThan(340);
	});

	it('Heatmap sizes the label column to the longest label and wraps the one past 40 % of the width', () => {
		const labels = [
			...html.matchAll(/<text x="0" y="[\d.]+" font-size="12"[^>]*>([^]*?)<\/text>/g)
		].map((m) => [...m[1].matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((t) => t[1]));
		expect(labels).toEqual([
			['Komposit'],
			['Tata Kelola', 'Cerdas'],
			['Branding Cerdas'],
			['Ekonomi Cerdas'],
			['Kehidupan Cerdas'],
			['Masyarakat Cerdas'],
			['Lingkungan Cerdas']
		]);
		expect(count(html, /…/)).toBe(0);
	});

	it('Heatmap shortens a row label only past two lines of the capped column, with its full name as tooltip', () => {
		const narrow = ssr(Heatmap, {
			title: 'Skor',
			rows: [{ code: 'x', label: 'Kabupaten Grobogan Selatan Raya' }],
			columns: [{ code: 'a', label: '2018' }],
			cells: [],
			width: 200
		});
		expect(narrow).toContain('<title>Kabupaten Grobogan Selatan Raya</title>');
		expect(narrow).toMatch(
			/<tspan x="0" dy="0">Kabupaten<\/tspan><tspan x="0" dy="14">Grobogan…<\/tspan>/
		);
	});

	it('Heatmap is one Tab stop: its first cell has tabindex="0", every other cell "-1"', () => {
		expect(count(html, /<g class="pt" tabindex="0"/)).toBe(1);
		expect(count(html, /<g class="pt" tabindex="-1"/)).toBe(7 * 6 - 1);
	});
});
