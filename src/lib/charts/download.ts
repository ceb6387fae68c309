/**
 * Client-side image downloads of a rendered chart. ChartFrame loads this module on the first click
 * of an image button, so the page's own script does not carry it. The chart is drawn as two stacked SVGs (the picture with
 * role="img" and the layer of focusable points above it); the export merges them into one file,
 * drops the hover tooltips and inlines the few styles the picture needs. Given the frame's texts,
 * it then draws the title above and the legend, notes, source and download date below
 * (`$lib/downloads/image`), so a shared image keeps what makes it honest.
 */
import {
	imageLayout,
	imageNotes,
	imageSvg,
	type ImageLegendItem,
	type ImageTexts
} from '../downloads/image';
import type { MarkerShape } from './geometry/palette';

const EXPORT_STYLE =
	'text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:12px;fill:#1a1a1a}' +
	'.tip{display:none}';

/** One standalone SVG document from a chart root (`.chart-root` element). */
export function chartSvgMarkup(root: Element): string {
	const main = root.querySelector('svg.chart-main');
	if (!main) throw new Error('chartSvgMarkup(): no svg.chart-main inside the chart root');
	const svg = main.cloneNode(true) as SVGSVGElement;
	const overlay = root.querySelector('svg.chart-points');
	if (overlay) {
		const g = document.createElementNS('http://www.w3.org/2000/svg', 'g');
		for (const child of Array.from(overlay.childNodes)) g.appendChild(child.cloneNode(true));
		svg.appendChild(g);
	}
	svg.querySelectorAll('.tip').forEach((el) => el.remove());
	svg.querySelectorAll('[tabindex]').forEach((el) => el.removeAttribute('tabindex'));
	const [, , w, h] = (svg.getAttribute('viewBox') ?? '0 0 300 150').split(/\s+/).map(Number);
	svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
	svg.setAttribute('width', String(w));
	svg.setAttribute('height', String(h));
	svg.removeAttribute('style');
	const style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
	style.textContent = EXPORT_STYLE;
	const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
	bg.setAttribute('width', '100%');
	bg.setAttribute('height', '100%');
	bg.setAttribute('fill', '#ffffff');
	svg.insertBefore(bg, svg.firstChild);
	svg.insertBefore(style, svg.firstChild);
	return new XMLSerializer().serializeToString(svg);
}

/**
 * The legend entries of a chart frame as drawn (Legend.svelte's data-* attributes); a series the
 * reader has hidden is not in the picture, so not in its legend either.
 */
export function legendFromDom(frame: Element): ImageLegendItem[] {
	const out: ImageLegendItem[] = [];
	for (const li of Array.from(frame.querySelectorAll<HTMLElement>('ul.legend > li'))) {
		const d = li.dataset;
		const box = li.querySelector<HTMLInputElement>('input[type="checkbox"]');
		if (d.hidden === 'true' || (box && !box.checked)) continue;
		const kind = d.kind === 'swatch' || d.kind === 'hatch' ? d.kind : 'line';
		out.push({
			label: d.label ?? li.textContent?.trim() ?? '',
			kind,
			color: d.color,
			dash: d.dash,
			marker: d.marker as MarkerShape | undefined,
			hollow: d.hollow === 'true'
		});
	}
	return out;
}

/** What a chart frame knows about the chart besides its drawing, and the words to say it. */
export interface FrameInfo {
	title: string;
	note?: string;
	/** Worded: "Sumber: BPS". */
	source?: string;
	/** Whether the table flags any value as illustrative or carried forward. */
	illustrative: boolean;
	carried: boolean;
	words: {
		illustrativeNote: string;
		carriedNote: string;
		downloaded: (date: string, url: string) => string;
	};
}

/**
 * The texts drawn around a chart in its image: the frame's title, legend (read from the figure),
 * notes and source, and today's date with the page's address.
 */
export function frameTexts(figure: Element, info: FrameInfo): ImageTexts {
	return {
		title: info.title,
		legend: legendFromDom(figure),
		notes: imageNotes(
			{ note: info.note, illustrative: info.illustrative, carried: info.carried },
			info.words
		),
		source: info.source,
		downloaded: info.words.downloaded(todayIso(), location.href)
	};
}

/** The chart's SVG, framed with its texts when given. */
function imageMarkup(root: Element, texts?: ImageTexts): string {
	const chart = chartSvgMarkup(root);
	if (!texts) return chart;
	const main = root.querySelector('svg.chart-main');
	const [, , w, h] = (main?.getAttribute('viewBox') ?? '0 0 300 150').split(/\s+/).map(Number);
	return imageSvg(imageLayout({ width: w, height: h }, texts), chart);
}

/**
 * Today in the reader's time zone, as YYYY-MM-DD (the date a downloaded image says it was taken).
 * @example todayIso() // '2025-05-12'
 */
export function todayIso(now = new Date()): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function save(href: string, filename: string): void {
	const a = document.createElement('a');
	a.href = href;
	a.download = filename;
	document.body.appendChild(a);
	a.click();
	a.remove();
}

/** Saves the chart as an .svg file, framed with `texts` when given. */
export function downloadSvg(root: Element, filename: string, texts?: ImageTexts): void {
	const blob = new Blob([imageMarkup(root, texts)], { type: 'image/svg+xml;charset=utf-8' });
	const url = URL.createObjectURL(blob);
	save(url, `${filename}.svg`);
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Saves the chart as a .png file, framed with `texts` when given, drawn at `scale` times its size
 * for sharp print.
 */
export async function downloadPng(
	root: Element,
	filename: string,
	texts?: ImageTexts,
	scale = 2
): Promise<void> {
	const markup = imageMarkup(root, texts);
	const img = new Image();
	img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
	await img.decode();
	const canvas = document.createElement('canvas');
	canvas.width = Math.round(img.naturalWidth * scale);
	canvas.height = Math.round(img.naturalHeight * scale);
	const ctx = canvas.getContext('2d');
	if (!ctx) throw new Error('downloadPng(): canvas 2D context unavailable');
	ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
	const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
	if (!blob) throw new Error('downloadPng(): the canvas produced no image');
	const url = URL.createObjectURL(blob);
	save(url, `${filename}.png`);
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}
