/**
 * Client-side image downloads of a rendered chart. Only called from click handlers, so importing
 * this module during SSR is harmless. The chart is drawn as two stacked SVGs (the picture with
 * role="img" and the layer of focusable points above it); the export merges them into one file,
 * drops the hover tooltips and inlines the few styles the picture needs.
 */

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

function save(href: string, filename: string): void {
	const a = document.createElement('a');
	a.href = href;
	a.download = filename;
	document.body.appendChild(a);
	a.click();
	a.remove();
}

/** Saves the chart as an .svg file. */
export function downloadSvg(root: Element, filename: string): void {
	const blob = new Blob([chartSvgMarkup(root)], { type: 'image/svg+xml;charset=utf-8' });
	const url = URL.createObjectURL(blob);
	save(url, `${filename}.svg`);
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Saves the chart as a .png file, drawn at `scale` times its size for sharp print. */
export async function downloadPng(root: Element, filename: string, scale = 2): Promise<void> {
	const markup = chartSvgMarkup(root);
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
