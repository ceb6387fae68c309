/**
 * The frame a downloaded chart image carries, so a picture shared on its own stays honest: the
 * title above the chart, and below it the legend, the notes the page shows beside the chart
 * (illustrative values, values carried forward from an earlier year), the source and the date and
 * address it was downloaded from. Text is wrapped to the image width.
 *
 * Pure: `imageLayout` places everything from the chart's size and the frame's texts, `frameMarkup`
 * turns the layout into SVG elements, `imageSvg` wraps them around the chart's own SVG. Widths are
 * estimated like every server-rendered chart text (`textWidth`: 0.6 em per character, a little
 * wide for a sans-serif, so a line wraps early rather than overflowing).
 */
import { markerPath, type MarkerShape } from '../charts/geometry/palette';
import { round2 } from '../charts/geometry/number';
import { textWidth, truncate, wrapWords } from '../charts/geometry/text';

/** One legend entry as the HTML legend draws it (see Legend.svelte). */
export interface ImageLegendItem {
	label: string;
	kind: 'line' | 'swatch' | 'hatch';
	color?: string;
	dash?: string;
	marker?: MarkerShape;
	hollow?: boolean;
}

export interface ImageTexts {
	title: string;
	legend: ImageLegendItem[];
	/** The notes beside the chart, in the order the page shows them. */
	notes: string[];
	/** The source line, worded: "Sumber: BPS Kabupaten Pati". */
	source?: string;
	/** When and where from, worded: "Diunduh 2025-05-12 dari https://…". */
	downloaded: string;
}

/** Sizes in px. */
export const IMAGE = {
	pad: 16,
	/** A narrow chart (a small multiple) is centred on at least this width, so text has room. */
	minWidth: 360,
	title: { size: 16, line: 20 },
	text: { size: 12, line: 16 },
	small: { size: 11, line: 14 },
	gap: 8,
	legendGap: 12,
	legendRow: 20,
	legendSpacing: 16,
	keyGap: 6
} as const;

const INK = '#1a1a1a';
const MUTED = '#4a4a4a';

export interface TextLine {
	x: number;
	/** Baseline. */
	y: number;
	text: string;
	size: number;
	fill: string;
	bold?: boolean;
}

export interface LegendEntry {
	item: ImageLegendItem;
	/** The label as drawn (shortened with an ellipsis when it would not fit one row). */
	label: string;
	/** Left edge of the key and the vertical centre of its row. */
	x: number;
	y: number;
	keyWidth: number;
}

export interface ImageLayout {
	width: number;
	height: number;
	chart: { x: number; y: number; width: number; height: number };
	lines: TextLine[];
	legend: LegendEntry[];
}

/**
 * Lines of at most `width` px at `size`: word-wrapped, and a word too long for a line (an
 * address) cut across lines rather than running off the image.
 * @example wrapToWidth('Sumber: BPS Kabupaten Pati', 100, 12) // ['Sumber: BPS', 'Kabupaten', 'Pati']
 */
export function wrapToWidth(text: string, width: number, size: number): string[] {
	const max = Math.max(1, Math.floor(width / textWidth('x', size)));
	return wrapWords(text, max).flatMap((line) => {
		const chars = [...line];
		if (chars.length <= max) return [line];
		const parts: string[] = [];
		for (let i = 0; i < chars.length; i += max) parts.push(chars.slice(i, i + max).join(''));
		return parts;
	});
}

const keyWidth = (item: ImageLegendItem) => (item.kind === 'line' ? 30 : 14);
/** Baseline of a line in a row of `line` px: three quarters down, as for 12 px text in 16 px rows. */
const baseline = (line: number) => Math.round(line * 0.75);

/**
 * Where the title, chart, legend entries and footer lines go in the downloaded image.
 * @example imageLayout({ width: 400, height: 300 }, { title: 'Skor', legend: [], notes: [], downloaded: 'Diunduh 2025-05-12' }).height // 382
 */
export function imageLayout(
	chart: { width: number; height: number },
	texts: ImageTexts
): ImageLayout {
	const width = Math.round(Math.max(chart.width, IMAGE.minWidth) + 2 * IMAGE.pad);
	const inner = width - 2 * IMAGE.pad;
	const lines: TextLine[] = [];
	let y = IMAGE.pad;
	const block = (
		text: string,
		style: { size: number; line: number },
		fill: string,
		bold = false
	) => {
		for (const t of wrapToWidth(text, inner, style.size)) {
			lines.push({
				x: IMAGE.pad,
				y: y + baseline(style.line),
				text: t,
				size: style.size,
				fill,
				bold
			});
			y += style.line;
		}
	};

	block(texts.title, IMAGE.title, INK, true);
	y += IMAGE.gap;
	const placed = {
		x: round2((width - chart.width) / 2),
		y,
		width: chart.width,
		height: chart.height
	};
	y += chart.height;

	const legend: LegendEntry[] = [];
	if (texts.legend.length) {
		y += IMAGE.legendGap;
		let x = IMAGE.pad;
		let row = 0;
		for (const item of texts.legend) {
			const key = keyWidth(item);
			const room = inner - key - IMAGE.keyGap;
			const label = truncate(
				item.label,
				Math.max(1, Math.floor(room / textWidth('x', IMAGE.text.size)))
			);
			const w = key + IMAGE.keyGap + textWidth(label, IMAGE.text.size);
			if (x > IMAGE.pad && x + w > IMAGE.pad + inner) {
				row += 1;
				x = IMAGE.pad;
			}
			legend.push({
				item,
				label,
				x: round2(x),
				y: y + row * IMAGE.legendRow + IMAGE.legendRow / 2,
				keyWidth: key
			});
			x += w + IMAGE.legendSpacing;
		}
		y += (row + 1) * IMAGE.legendRow;
	}

	y += IMAGE.gap;
	for (const note of texts.notes) block(note, IMAGE.text, INK);
	if (texts.source) block(texts.source, IMAGE.text, MUTED);
	block(texts.downloaded, IMAGE.small, MUTED);
	y += IMAGE.pad;
	return { width, height: y, chart: placed, lines, legend };
}

/**
 * Text for SVG: `&`, `<`, `>` and `"` escaped (for element content and attribute values alike).
 * @example escapeXml('a < "b"') === 'a &lt; &quot;b&quot;'
 */
export function escapeXml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
}

export const HATCH_ID = 'download-hatch';

function keyMarkup(e: LegendEntry): string {
	const { item, x, y } = e;
	const color = escapeXml(item.color ?? INK);
	if (item.kind === 'line') {
		const dash = item.dash ? ` stroke-dasharray="${escapeXml(item.dash)}"` : '';
		let out = `<line x1="${round2(x + 1)}" y1="${y}" x2="${round2(x + 29)}" y2="${y}" stroke="${color}" stroke-width="2"${dash}/>`;
		if (item.marker) {
			const fill = item.hollow ? '#ffffff' : color;
			out += `<path d="${markerPath(item.marker, 4)}" transform="translate(${round2(x + 15)},${y})" fill="${fill}" stroke="${color}" stroke-width="${item.hollow ? 2 : 1}"/>`;
		}
		return out;
	}
	const fill = item.kind === 'hatch' ? `url(#${HATCH_ID})` : color;
	return `<rect x="${x}" y="${y - 7}" width="14" height="14" fill="${fill}" stroke="${INK}"/>`;
}

/**
 * The SVG elements of the frame: the hatch pattern when a legend entry needs it, every text line,
 * and each legend key with its label.
 * @example frameMarkup(imageLayout(size, texts)) // '<text x="16" y="31" font-size="16" font-weight="bold" fill="#1a1a1a">Skor</text>…'
 */
export function frameMarkup(layout: ImageLayout): string {
	let out = '';
	if (layout.legend.some((e) => e.item.kind === 'hatch')) {
		// Legend.svelte's hatch: white with grey 45° lines.
		out +=
			`<defs><pattern id="${HATCH_ID}" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
			'<rect width="4" height="4" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="4" stroke="#767676" stroke-width="1.5"/></pattern></defs>';
	}
	for (const l of layout.lines) {
		const weight = l.bold ? ' font-weight="bold"' : '';
		out += `<text x="${l.x}" y="${l.y}" font-size="${l.size}"${weight} fill="${l.fill}">${escapeXml(l.text)}</text>`;
	}
	for (const e of layout.legend) {
		out += keyMarkup(e);
		out += `<text x="${round2(e.x + e.keyWidth + IMAGE.keyGap)}" y="${e.y + 4}" font-size="${IMAGE.text.size}" fill="${INK}">${escapeXml(e.label)}</text>`;
	}
	return out;
}

/**
 * One standalone SVG document: white background, the frame, and the chart's own SVG (a complete
 * `<svg>` element of `layout.chart`'s size) placed inside it.
 * @example imageSvg(layout, '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300">…</svg>')
 */
export function imageSvg(layout: ImageLayout, chartMarkup: string): string {
	const { width, height, chart } = layout;
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"` +
		` font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif">` +
		`<rect width="${width}" height="${height}" fill="#ffffff"/>` +
		frameMarkup(layout) +
		`<g transform="translate(${chart.x},${chart.y})">${chartMarkup}</g>` +
		'</svg>'
	);
}

/**
 * The notes an image carries, as the page shows them beside the chart: the chart's own note, then
 * the table's illustrative and carried-forward footnotes when any value is so flagged.
 * @example imageNotes({ note: 'Contoh', illustrative: true, carried: false }, words) // ['Contoh', 'Penanda berongga dan * = nilai ilustratif, bukan angka resmi']
 */
export function imageNotes(
	flags: { note?: string; illustrative: boolean; carried: boolean },
	words: { illustrativeNote: string; carriedNote: string }
): string[] {
	return [
		flags.note,
		flags.illustrative ? words.illustrativeNote : undefined,
		flags.carried ? words.carriedNote : undefined
	].filter((n): n is string => !!n);
}
