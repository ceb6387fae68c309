/**
 * Text measuring and placing without a DOM: charts render on the server, where no font metrics
 * exist, so widths are estimated from the character count (0.6 em per character over-estimates
 * a sans-serif slightly, which errs on the side of no overlap).
 */

const EM_PER_CHAR = 0.6;

/**
 * Estimated width in px of a line of text at a font size.
 * @example textWidth('2024', 12) === 28.8
 */
export function textWidth(text: string, fontSize: number): number {
	return Math.round([...text].length * fontSize * EM_PER_CHAR * 10) / 10;
}

/**
 * Greedy word wrap into lines of at most maxChars characters (a longer word keeps its own line).
 * @example wrapWords('Smart Environment', 10) // ['Smart', 'Environment']
 */
export function wrapWords(text: string, maxChars: number): string[] {
	const lines: string[] = [];
	for (const word of text.trim().split(/\s+/).filter(Boolean)) {
		const last = lines.at(-1);
		if (last !== undefined && last.length + 1 + word.length <= maxChars) {
			lines[lines.length - 1] = `${last} ${word}`;
		} else {
			lines.push(word);
		}
	}
	return lines;
}

/**
 * Shortens text to maxChars characters, ending in an ellipsis when cut.
 * @example truncate('Kabupaten Grobogan', 10) === 'Kabupaten…'
 */
export function truncate(text: string, maxChars: number): string {
	const chars = [...text];
	if (chars.length <= maxChars) return text;
	if (maxChars <= 1) return '…';
	return (
		chars
			.slice(0, maxChars - 1)
			.join('')
			.trimEnd() + '…'
	);
}

export interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface TooltipBox extends Box {
	lineHeight: number;
	padding: number;
}

/**
 * Where a tooltip with these lines goes: centred above the anchor, kept inside the chart,
 * flipped below the anchor when there is no room above.
 * @example tooltipBox(10, 50, ['45,2'], 12, { width: 200, height: 100 }) // { x: 0, y: 19, width: 37, height: 23, ... }
 */
export function tooltipBox(
	anchorX: number,
	anchorY: number,
	lines: string[],
	fontSize: number,
	bounds: { width: number; height: number },
	gap = 8
): TooltipBox {
	const padding = Math.round(fontSize / 3);
	const lineHeight = Math.round(fontSize * 1.25);
	const width = Math.ceil(Math.max(0, ...lines.map((l) => textWidth(l, fontSize))) + 2 * padding);
	const height = lines.length * lineHeight + 2 * padding;
	const x = Math.max(0, Math.min(bounds.width - width, anchorX - width / 2));
	let y = anchorY - gap - height;
	if (y < 0) y = Math.min(bounds.height - height, anchorY + gap);
	return { x: Math.round(x), y: Math.round(Math.max(0, y)), width, height, lineHeight, padding };
}

/**
 * The box a line of text takes around its anchor point (x, baseline y): the ascent is taken as
 * 0.8 em above the baseline and the descent 0.2 em below it, the width from textWidth().
 * @example textBox('100', 10, 20, 10, 'start') // { x: 10, y: 12, width: 18, height: 10 }
 */
export function textBox(
	text: string,
	x: number,
	y: number,
	fontSize: number,
	anchor: 'start' | 'middle' | 'end' = 'start'
): Box {
	const width = textWidth(text, fontSize);
	const left = anchor === 'start' ? x : anchor === 'end' ? x - width : x - width / 2;
	return {
		x: Math.round(left * 100) / 100,
		y: Math.round((y - 0.8 * fontSize) * 100) / 100,
		width,
		height: fontSize
	};
}

/**
 * Whether two boxes overlap, with `gap` px of clearance required between them (touching edges do
 * not overlap when gap is 0).
 * @example boxesOverlap({ x: 0, y: 0, width: 10, height: 10 }, { x: 10, y: 0, width: 5, height: 5 }) === false
 */
export function boxesOverlap(a: Box, b: Box, gap = 0): boolean {
	return (
		a.x < b.x + b.width + gap &&
		b.x < a.x + a.width + gap &&
		a.y < b.y + b.height + gap &&
		b.y < a.y + a.height + gap
	);
}

/**
 * Whether the segment from (x1, y1) to (x2, y2) passes through a box (Liang–Barsky clipping).
 * @example segmentHitsBox(0, 5, 20, 5, { x: 5, y: 0, width: 5, height: 10 }) === true
 */
export function segmentHitsBox(x1: number, y1: number, x2: number, y2: number, box: Box): boolean {
	const dx = x2 - x1;
	const dy = y2 - y1;
	let t0 = 0;
	let t1 = 1;
	const edges: [number, number][] = [
		[-dx, x1 - box.x],
		[dx, box.x + box.width - x1],
		[-dy, y1 - box.y],
		[dy, box.y + box.height - y1]
	];
	for (const [p, q] of edges) {
		if (p === 0) {
			if (q < 0) return false;
			continue;
		}
		const t = q / p;
		if (p < 0) t0 = Math.max(t0, t);
		else t1 = Math.min(t1, t);
		if (t0 > t1) return false;
	}
	return true;
}
