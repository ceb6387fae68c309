import { describe, expect, it } from 'vitest';
import {
	escapeXml,
	frameMarkup,
	imageLayout,
	imageNotes,
	imageSvg,
	wrapToWidth,
	type ImageTexts
} from './image';

const radar: ImageTexts = {
	title: 'Skor dimensi Kabupaten Pati 2023',
	legend: [
		{ label: '2018', kind: 'line', color: '#0072B2', marker: 'circle' },
		{ label: '2023', kind: 'line', color: '#D55E00', dash: '6 3', marker: 'square' },
		{ label: 'ilustratif', kind: 'line', color: '#1a1a1a', marker: 'circle', hollow: true }
	],
	notes: ['Penanda berongga dan * = nilai ilustratif, bukan angka resmi'],
	source: 'Sumber: Rapor Cerdas',
	downloaded: 'Diunduh 2025-05-12 dari https://rapor.example/?region=33.18&year=2023'
};

describe('imageLayout()', () => {
	it('imageLayout() puts the title above the chart and legend, notes, source and date below it', () => {
		const layout = imageLayout({ width: 400, height: 300 }, radar);
		expect([layout.width, layout.height]).toEqual([432, 476]);
		expect(layout.chart).toEqual({ x: 16, y: 44, width: 400, height: 300 });
		expect(layout.lines.map((l) => [l.y, l.size, l.text])).toEqual([
			[31, 16, 'Skor dimensi Kabupaten Pati 2023'],
			[396, 12, 'Penanda berongga dan * = nilai ilustratif, bukan angka'],
			[412, 12, 'resmi'],
			[428, 12, 'Sumber: Rapor Cerdas'],
			[443, 11, 'Diunduh 2025-05-12 dari'],
			[457, 11, 'https://rapor.example/?region=33.18&year=2023']
		]);
		expect(layout.lines.map((l) => [l.x, l.fill, !!l.bold])).toEqual([
			[16, '#1a1a1a', true],
			[16, '#1a1a1a', false],
			[16, '#1a1a1a', false],
			[16, '#4a4a4a', false],
			[16, '#4a4a4a', false],
			[16, '#4a4a4a', false]
		]);
		expect(layout.legend.map((e) => [e.x, e.y, e.keyWidth, e.label])).toEqual([
			[16, 366, 30, '2018'],
			[96.8, 366, 30, '2023'],
			[177.6, 366, 30, 'ilustratif']
		]);
	});

	it('imageLayout() centres a narrow chart on the minimum width and wraps the legend into rows', () => {
		const layout = imageLayout(
			{ width: 260, height: 120 },
			{
				title: 'Peta',
				legend: [
					{ label: '0–20', kind: 'swatch', color: '#440154' },
					{ label: '20–40', kind: 'swatch', color: '#3b528b' },
					{
						label: 'Kelas dengan nama yang sangat panjang sekali',
						kind: 'swatch',
						color: '#21918c'
					},
					{ label: 'tidak ada data', kind: 'hatch' }
				],
				notes: [],
				downloaded: 'Diunduh 2025-05-12'
			}
		);
		expect(layout.width).toBe(392);
		expect(layout.chart).toEqual({ x: 66, y: 44, width: 260, height: 120 });
		// Row 1: 0–20 (14 + 6 + 28.8 px) and 20–40; the long label (336.8 px) and the last one do not
		// fit after them, so each starts a row.
		expect(layout.legend.map((e) => [e.x, e.y])).toEqual([
			[16, 186],
			[80.8, 186],
			[16, 206],
			[16, 226]
		]);
		expect(layout.lines.map((l) => [l.y, l.text])).toEqual([
			[31, 'Peta'],
			[255, 'Diunduh 2025-05-12']
		]);
		expect(layout.height).toBe(274);
	});

	it('imageLayout() shortens a legend label too long for a row with an ellipsis', () => {
		const label = 'x'.repeat(60);
		const [entry] = imageLayout(
			{ width: 100, height: 100 },
			{ title: 'T', legend: [{ label, kind: 'swatch' }], notes: [], downloaded: 'd' }
		).legend;
		// 360 px less the key (14) and its gap (6) is 340 px: 47 characters of 7.2 px.
		expect(entry.label).toBe('x'.repeat(46) + '…');
	});
});

describe('frameMarkup()', () => {
	it('frameMarkup() draws the hatch pattern, the text lines and each legend key with its label', () => {
		const layout = imageLayout(
			{ width: 400, height: 300 },
			{
				title: 'Skor <2023>',
				legend: [
					{ label: 'Ada data', kind: 'swatch', color: '#21918c' },
					{ label: 'Tidak ada data', kind: 'hatch' }
				],
				notes: [],
				downloaded: 'Diunduh 2025-05-12'
			}
		);
		expect(layout.height).toBe(414);
		expect(frameMarkup(layout)).toBe(
			'<defs><pattern id="download-hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">' +
				'<rect width="4" height="4" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="4" stroke="#767676" stroke-width="1.5"/></pattern></defs>' +
				'<text x="16" y="31" font-size="16" font-weight="bold" fill="#1a1a1a">Skor &lt;2023&gt;</text>' +
				'<text x="16" y="395" font-size="11" fill="#4a4a4a">Diunduh 2025-05-12</text>' +
				'<rect x="16" y="359" width="14" height="14" fill="#21918c" stroke="#1a1a1a"/>' +
				'<text x="36" y="370" font-size="12" fill="#1a1a1a">Ada data</text>' +
				'<rect x="109.6" y="359" width="14" height="14" fill="url(#download-hatch)" stroke="#1a1a1a"/>' +
				'<text x="129.6" y="370" font-size="12" fill="#1a1a1a">Tidak ada data</text>'
		);
	});

	it('frameMarkup() draws a line key with its dash and a hollow marker for illustrative values', () => {
		const layout = imageLayout({ width: 400, height: 300 }, radar);
		const keys = frameMarkup(layout).match(/<line [^>]*\/>|<path [^>]*\/>/g);
		expect(keys).toEqual([
			'<line x1="17" y1="366" x2="45" y2="366" stroke="#0072B2" stroke-width="2"/>',
			'<path d="M4,0A4,4 0 1,1 -4,0A4,4 0 1,1 4,0Z" transform="translate(31,366)" fill="#0072B2" stroke="#0072B2" stroke-width="1"/>',
			'<line x1="97.8" y1="366" x2="125.8" y2="366" stroke="#D55E00" stroke-width="2" stroke-dasharray="6 3"/>',
			'<path d="M-3.6,-3.6L3.6,-3.6L3.6,3.6L-3.6,3.6Z" transform="translate(111.8,366)" fill="#D55E00" stroke="#D55E00" stroke-width="1"/>',
			'<line x1="178.6" y1="366" x2="206.6" y2="366" stroke="#1a1a1a" stroke-width="2"/>',
			'<path d="M4,0A4,4 0 1,1 -4,0A4,4 0 1,1 4,0Z" transform="translate(192.6,366)" fill="#ffffff" stroke="#1a1a1a" stroke-width="2"/>'
		]);
		expect(frameMarkup(layout)).toContain(
			'<text x="16" y="457" font-size="11" fill="#4a4a4a">https://rapor.example/?region=33.18&amp;year=2023</text>'
		);
	});
});

describe('imageSvg()', () => {
	it('imageSvg() wraps the frame and the chart, moved to its place, in one white SVG document', () => {
		const layout = imageLayout(
			{ width: 400, height: 300 },
			{ title: 'T', legend: [], notes: [], downloaded: 'd' }
		);
		const chart = '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"></svg>';
		expect(imageSvg(layout, chart)).toBe(
			`<svg xmlns="http://www.w3.org/2000/svg" width="432" height="382" viewBox="0 0 432 382" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif">` +
				'<rect width="432" height="382" fill="#ffffff"/>' +
				'<text x="16" y="31" font-size="16" font-weight="bold" fill="#1a1a1a">T</text>' +
				'<text x="16" y="363" font-size="11" fill="#4a4a4a">d</text>' +
				`<g transform="translate(16,44)">${chart}</g></svg>`
		);
	});
});

describe('wrapToWidth()', () => {
	it.each([
		['Sumber: BPS Kabupaten Pati', 100, 12, ['Sumber: BPS', 'Kabupaten', 'Pati']],
		['https://rapor.example/compare', 72, 12, ['https://ra', 'por.exampl', 'e/compare']],
		['pendek', 400, 12, ['pendek']],
		['', 400, 12, []]
	])('wrapToWidth(%j, %d, %d) gives %j', (text, width, size, lines) => {
		expect(wrapToWidth(text, width, size)).toEqual(lines);
	});
});

describe('imageNotes()', () => {
	const words = { illustrativeNote: 'ILUSTRATIF', carriedNote: 'TERBAWA' };
	it.each([
		[{ note: 'Catatan', illustrative: true, carried: true }, ['Catatan', 'ILUSTRATIF', 'TERBAWA']],
		[{ illustrative: false, carried: true }, ['TERBAWA']],
		[{ note: '', illustrative: false, carried: false }, []]
	])('imageNotes(%o) gives %j', (flags, notes) => {
		expect(imageNotes(flags, words)).toEqual(notes);
	});
});

describe('escapeXml()', () => {
	it('escapeXml() escapes &, <, > and double quotes', () => {
		expect(escapeXml(`a & <b> "c" 'd'`)).toBe(`a &amp; &lt;b&gt; &quot;c&quot; 'd'`);
	});
});
