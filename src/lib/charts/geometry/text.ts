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
