/**
 * Numbers as every chart treats them: only a finite number is a value (null, undefined, NaN and
 * ±Infinity are "no data", never drawn as 0), and coordinates are written to 0.01 px.
 */

/**
 * Whether v is a value to draw: a finite number.
 * @example isNum(0) === true; isNum(null) === false; isNum(NaN) === false
 */
export function isNum(v: unknown): v is number {
	return typeof v === 'number' && Number.isFinite(v);
}

/**
 * Rounds to 0.01 px: SVG coordinates finer than that only bloat the HTML. Normalises -0 to 0.
 * @example round2(134.6666) === 134.67
 */
export function round2(v: number): number {
	return Math.round(v * 100) / 100 + 0;
}
