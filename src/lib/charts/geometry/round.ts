/**
 * Rounds to 0.01 px: SVG coordinates finer than that only bloat the HTML. Normalises -0 to 0.
 * @example round2(134.6666) === 134.67
 */
export function round2(v: number): number {
	return Math.round(v * 100) / 100 + 0;
}
