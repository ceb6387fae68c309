import { describe, it, expect } from 'vitest';
import { render } from 'svelte/server';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import RegionMap from './RegionMap.svelte';
import { ATTRIBUTION } from './attribution';
import { parseRegionGeo } from './geo';
import { projectRegions } from './projection';

const load = (name: string) =>
	parseRegionGeo(
		readFileSync(fileURLToPath(new URL(`../../../../data/geo/${name}`, import.meta.url)), 'utf8')
	);
const jateng = load('jateng-kabupaten.geojson');
const pati = load('pati-kecamatan.geojson');

/** The rendered <svg>…</svg> of the map (the figure also holds the legend and the table). */
function svgOf(body: string): string {
	const start = body.indexOf('<svg class="chart-main region-map');
	return body.slice(start, body.indexOf('</svg>', start) + '</svg>'.length);
}
/** Opening tags of the focusable regions: <a class="r …"> or <g class="r …" tabindex="…">. */
function regionTags(svg: string): string[] {
	return svg.match(/<(a|g) class="r r\d+[^>]*>/g) ?? [];
}
/** The markup without Svelte's hydration comments. */
const clean = (html: string) => html.replace(/<!--[\s\S]*?-->/g, '');
const labelOf = (tag: string) => /aria-label="([^"]*)"/.exec(tag)?.[1];

// Six Jawa Tengah regions with a value, the rest without: the shape of the /compare map.
const scores = {
	'33.18': 61.54,
	'33.15': 48,
	'33.16': 35.5,
	'33.17': 72.25,
	'33.19': 80,
	'33.20': 19.9
};

describe('RegionMap', () => {
	it('RegionMap of Jawa Tengah renders an SVG of at most 150 KB (budget of the page)', () => {
		const { body } = render(RegionMap, {
			props: {
				title: 'Skor komposit 2024',
				features: jateng,
				values: scores,
				selected: '33.18',
				hrefFor: (code: string) => `/wilayah/${code}`
			}
		});
		const bytes = Buffer.byteLength(svgOf(body), 'utf8');
		// Measured 81,362 bytes with region names and the roving tabindex (76,342 before; svelte
		// 5.57.3, d3-geo 3.1.2); data/geo/README.md records the earlier figure.
		expect(bytes).toBeLessThanOrEqual(150 * 1024);
		expect(bytes).toBeGreaterThan(50 * 1024);
	});

	it('RegionMap of Pati kecamatan renders 21 keyboard-focusable regions named "Name: value"', () => {
		const { body } = render(RegionMap, {
			props: {
				title: 'Akses internet rumah tangga',
				features: pati,
				values: new Map<string, number | null>([
					['33.18.08', 42.25],
					['33.18.10', null]
				]),
				unit: '%'
			}
		});
		const tags = regionTags(svgOf(body));
		expect(tags).toHaveLength(21);
		expect(tags.every((t) => t.includes('role="img"'))).toBe(true);
		// One Tab stop for the map (roving tabindex): without a selection, the first region.
		expect(tags.map((t) => /tabindex="(-?\d+)"/.exec(t)?.[1])).toEqual(
			Array.from({ length: 21 }, (_, i) => (i === 0 ? '0' : '-1'))
		);
		const labels = tags.map(labelOf);
		expect(labels[0]).toBe('Sukolilo: tidak ada data');
		expect(labels[7]).toBe('Juwana: 42,3%');
		expect(labels[9]).toBe('Pati: tidak ada data');
		expect(labels[20]).toBe('Trangkil: tidak ada data');
	});

	it('RegionMap makes regions links when hrefFor gives a URL, and focusable groups otherwise', () => {
		const { body } = render(RegionMap, {
			props: {
				title: 'Peta',
				features: jateng,
				values: scores,
				hrefFor: (code: string) => (code in scores ? `/compare?region=${code}` : null)
			}
		});
		const tags = regionTags(svgOf(body));
		expect(tags.filter((t) => t.startsWith('<a '))).toHaveLength(6);
		expect(tags.find((t) => t.includes('href="/compare?region=33.19"'))).toContain(
			'aria-label="Kabupaten Kudus: 80,0"'
		);
		expect(tags.filter((t) => t.startsWith('<g ') && t.includes('role="img"'))).toHaveLength(29);
		// Links and groups alike take part in the one Tab stop.
		expect(tags.filter((t) => t.includes('tabindex="0"'))).toHaveLength(1);
		expect(tags.filter((t) => t.includes('tabindex="-1"'))).toHaveLength(34);
	});

	it('RegionMap gives the one Tab stop to the selected region', () => {
		const { body } = render(RegionMap, {
			props: {
				title: 'Peta',
				features: jateng,
				values: scores,
				selected: '33.18',
				hrefFor: (code: string) => (code in scores ? `/?region=${code}` : null)
			}
		});
		const stops = regionTags(svgOf(body)).filter((t) => t.includes('tabindex="0"'));
		expect(stops.map(labelOf)).toEqual(['Kabupaten Pati: 61,5 (dipilih)']);
	});

	it('RegionMap fills values by class and hatches regions without data', () => {
		const { body } = render(RegionMap, {
			props: { title: 'Peta', features: jateng, values: scores }
		});
		const tags = regionTags(svgOf(body));
		const fillOf = (name: string) =>
			/ fill="([^"]*)"/.exec(tags.find((t) => t.includes(`aria-label="${name}:`))!)?.[1];
		// Quantile classes of the six values: one class per value, the top class holding two.
		expect(fillOf('Kabupaten Jepara')).toBe('#440154');
		expect(fillOf('Kabupaten Blora')).toBe('#3b528b');
		expect(fillOf('Kabupaten Grobogan')).toBe('#21918c');
		expect(fillOf('Kabupaten Pati')).toBe('#5ec962');
		expect(fillOf('Kabupaten Rembang')).toBe('#fde725');
		expect(fillOf('Kabupaten Kudus')).toBe('#fde725');
		expect(fillOf('Kota Semarang')).toMatch(/^url\(#.+-nodata\)$/);
		expect(body).toMatch(/<pattern id="[^"]+-nodata"/);
	});

	it('RegionMap outlines the selected region and names it as selected', () => {
		const { body } = render(RegionMap, {
			props: { title: 'Peta', features: jateng, values: scores, selected: '33.18' }
		});
		const svg = svgOf(body);
		const sel = /<path id="([^"]+-sel)"/.exec(svg)?.[1];
		expect(sel).toBeDefined();
		expect(
			svg.match(new RegExp(`<use href="#${sel}" stroke="#000000" stroke-width="2.5"`))
		).not.toBeNull();
		expect(
			regionTags(svg)
				.filter((t) => t.includes('(dipilih)'))
				.map(labelOf)
		).toEqual(['Kabupaten Pati: 61,5 (dipilih)']);
		expect(body).toContain('Kabupaten Pati (dipilih)');
	});

	it('RegionMap without a selection draws no outline', () => {
		const { body } = render(RegionMap, { props: { title: 'Peta', features: pati, values: {} } });
		expect(body).not.toContain('<use ');
		expect(body).not.toContain('-sel"');
	});

	it('RegionMap names the svg as a group (not role="img", since its regions are focusable)', () => {
		const { body } = render(RegionMap, {
			props: { title: 'Skor komposit', description: 'Uraian peta', features: pati, values: {} }
		});
		const svg = svgOf(body);
		const open = svg.slice(0, svg.indexOf('>'));
		expect(open).toContain('role="group"');
		expect(open).not.toContain('role="img"');
		const id = /aria-labelledby="([^"]+)"/.exec(open)?.[1];
		expect(svg).toContain(`<title id="${id}">Skor komposit</title>`);
		const desc = /aria-describedby="([^"]+)"/.exec(open)?.[1];
		expect(svg).toContain(`<desc id="${desc}">Uraian peta</desc>`);
	});

	it('RegionMap describes the map by default: count, highest and lowest', () => {
		const { body } = render(RegionMap, {
			props: { title: 'Peta', features: jateng, values: scores }
		});
		expect(svgOf(body)).toContain(
			'Peta 35 wilayah; 6 dengan data. Tertinggi: Kabupaten Kudus (80,0); terendah: Kabupaten Jepara (19,9).'
		);
	});

	it('RegionMap with equal intervals keeps the fixed 0–100 scale', () => {
		const { body } = render(RegionMap, {
			props: { title: 'Peta', features: jateng, values: scores, scheme: 'equal' }
		});
		const tags = regionTags(svgOf(body));
		const fillOf = (name: string) =>
			/ fill="([^"]*)"/.exec(tags.find((t) => t.includes(`aria-label="${name}:`))!)?.[1];
		expect(fillOf('Kabupaten Pati')).toBe('#5ec962');
		expect(fillOf('Kabupaten Rembang')).toBe('#5ec962');
		expect(fillOf('Kabupaten Kudus')).toBe('#fde725');
		const items = [...clean(body).matchAll(/<\/span> ([^<]+?)<\/li>/g)].map((m) => m[1]);
		expect(items.slice(0, 5)).toEqual([
			'0,0–20,0 (1 wilayah)',
			'20,0–40,0 (1 wilayah)',
			'40,0–60,0 (1 wilayah)',
			'60,0–80,0 (2 wilayah)',
			'80,0–100,0 (1 wilayah)'
		]);
		expect(body).not.toContain('class="map-note"');
	});

	it('RegionMap says when regions in neighbouring classes differ by less than a meaningful difference', () => {
		const close = { '33.18': 50, '33.15': 50.5, '33.16': 51.6, '33.17': 52, '33.19': 53 };
		const html = (minClassWidth?: number) =>
			clean(
				render(RegionMap, {
					props: { title: 'Peta', features: jateng, values: close, classes: 4, minClassWidth }
				}).body
			);
		const note = /<p class="map-note[^"]*">([^]*?)<\/p>/;
		expect(note.exec(html(2))?.[1].replace(/\s+/g, ' ').trim()).toBe(
			'Kelas dibagi menurut sebaran nilai (kuantil), dari nilai terendah sampai tertinggi; nilai yang sama dengan batas masuk kelas di atasnya. <strong>Selisih antar kelas kecil: dua wilayah di kelas yang bersebelahan bisa berselisih kurang dari 2 poin, jadi warna yang berbeda belum tentu berarti beda yang nyata.</strong>'
		);
		expect(html(0.4)).not.toContain('<strong>Selisih');
		expect(html()).not.toContain('<strong>Selisih');
	});

	it('RegionMap writes the selected region and the regions big enough for their name on the map', () => {
		const { body } = render(RegionMap, {
			props: { title: 'Peta', features: jateng, values: scores, selected: '33.18' }
		});
		const names = /<g class="names[^>]*>([^]*?)<\/g>/.exec(clean(body))?.[1] ?? '';
		const written = [...names.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
		expect(written).toContain('Pati');
		expect(names).toMatch(/<text [^>]*font-weight="700"[^>]*>Pati<\/text>/);
		expect(names).toMatch(/<text [^>]*class="[^"]*\bselected\b[^"]*"[^>]*>Pati<\/text>/);
		// Large regencies carry their names; small cities (Kota Magelang, Kota Salatiga) do not.
		expect(written).toEqual(expect.arrayContaining(['Cilacap', 'Grobogan', 'Blora']));
		expect(written).not.toContain('Kota Magelang');
		expect(written).not.toContain('Kota Salatiga');
		expect(written.length).toBeGreaterThanOrEqual(15);
	});

	it('RegionMap without names writes none', () => {
		const { body } = render(RegionMap, {
			props: { title: 'Peta', features: jateng, values: scores, names: false }
		});
		expect(body).not.toContain('class="names');
	});

	it('RegionMap on an English page names regions as BPS writes them in English', () => {
		const { body } = render(RegionMap, {
			props: { title: 'Map', features: jateng, values: scores, selected: '33.18', lang: 'en' }
		});
		const tags = regionTags(svgOf(body));
		expect(tags.filter((t) => t.includes('(selected)')).map(labelOf)).toEqual([
			'Pati Regency: 61.5 (selected)'
		]);
		expect(tags.map(labelOf)).toContain('Semarang City: no data');
		expect(clean(body)).toMatch(/<th scope="row"[^>]*>Pati Regency\s*<\/th>/);
	});

	it('RegionMap has a legend of five classes plus "tidak ada data", and a CSS tooltip per region', () => {
		const { body } = render(RegionMap, {
			props: { title: 'Peta', features: jateng, values: scores }
		});
		const legend = /<ul class="legend[^>]*aria-label="([^"]*)"[^>]*>([\s\S]*?)<\/ul>/.exec(
			clean(body)
		);
		expect(legend?.[1]).toBe('Keterangan: Nilai');
		const items = [...(legend?.[2] ?? '').matchAll(/<\/span> ([^<]+?)<\/li>/g)].map((m) => m[1]);
		expect(legend?.[2]).toMatch(/class="key box[^"]* hatch"[^>]*><\/span> tidak ada data<\/li>/);
		expect(items).toEqual([
			'19,9–35,5 (1 wilayah)',
			'35,5–48,0 (1 wilayah)',
			'48,0–61,5 (1 wilayah)',
			'61,5–72,3 (1 wilayah)',
			'72,3–80,0 (2 wilayah)',
			'tidak ada data'
		]);
		expect(body.match(/<g class="tip t\d+/g)).toHaveLength(35);
		expect(body).toContain('.r34:is(:hover,:focus)~.tips .t34{visibility:visible}');
	});

	it('RegionMap shows the licence attribution under the map and inside the SVG', () => {
		const { body } = render(RegionMap, { props: { title: 'Peta', features: pati, values: {} } });
		expect(svgOf(body)).toContain(`>${ATTRIBUTION.id}</text>`);
		expect(body).toMatch(
			new RegExp(
				`<p class="map-attribution[^"]*"><a href="https://data.humdata.org/dataset/cod-ab-idn"[^>]*>${ATTRIBUTION.id.replace(/[().]/g, '\\$&')}</a></p>`
			)
		);
	});

	it('RegionMap in English says "no data" and marks illustrative values', () => {
		const { body } = render(RegionMap, {
			props: {
				title: 'Map',
				lang: 'en',
				features: pati,
				values: { '33.18.08': 1234.5 },
				illustrative: { '33.18.08': true, '33.18.01': true },
				decimals: 0
			}
		});
		const labels = regionTags(svgOf(body)).map(labelOf);
		expect(labels[0]).toBe('Sukolilo: no data');
		expect(labels[7]).toBe('Juwana: 1,235 (illustrative)');
		expect(body).toContain(`>${ATTRIBUTION.en}</text>`);
	});

	it('RegionMap has a table alternative with one row per region and a CSV download', () => {
		const { body } = render(RegionMap, {
			props: { title: 'Peta', features: pati, values: { '33.18.08': 42.25 } }
		});
		expect(body.match(/<th scope="row"/g)).toHaveLength(21);
		expect(clean(body)).toMatch(
			/<th scope="row"[^>]*>Juwana<\/th><td[^>]*>33\.18\.08<\/td><td[^>]*>42,3<\/td>/
		);
		expect(body).toContain('download="peta.csv"');
	});

	it('RegionMap draws the same SVG from pre-projected geometry as from features', () => {
		const props = { title: 'Peta', values: scores, selected: '33.18' };
		const a = render(RegionMap, { props: { ...props, features: jateng } }).body;
		const b = render(RegionMap, {
			props: { ...props, geometry: projectRegions(jateng, 600) }
		}).body;
		expect(svgOf(b)).toBe(svgOf(a));
	});

	it('RegionMap with neither features nor geometry renders an empty map without failing', () => {
		const { body } = render(RegionMap, { props: { title: 'Peta', values: {} } });
		expect(regionTags(svgOf(body))).toHaveLength(0);
		expect(svgOf(body)).toContain('viewBox="0 0 600 16"');
	});
});
