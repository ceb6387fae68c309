/**
 * Numbers as readers see them. A value is compared with a bound (a rating band, a map class) at
 * the precision it is written with, so a score written "50,0" is never in the band below 50.
 * Pure module: no Svelte, no SvelteKit, safe to import from the scoring engine and CLI scripts.
 */

const cache = new Map<number, Intl.NumberFormat>();

/**
 * A number rounded to `decimals` exactly as formatNumber() writes it: Intl rounds half away from
 * zero on the number's shortest decimal form, so 49.95 gives 50 and 1.005 gives 1.01 at 2
 * decimals (Math.round(x * 10 ** d) would disagree on both). Decimals are clamped to 0..20.
 * @example roundAsShown(49.95, 1) === 50; roundAsShown(49.94, 1) === 49.9
 */
export function roundAsShown(value: number, decimals: number): number {
	if (!Number.isFinite(value)) return value;
	const d = Math.max(0, Math.min(20, Math.trunc(decimals) || 0));
	let nf = cache.get(d);
	if (!nf) {
		nf = new Intl.NumberFormat('en-US', {
			minimumFractionDigits: 0,
			maximumFractionDigits: d,
			useGrouping: false
		});
		cache.set(d, nf);
	}
	return Number(nf.format(value)) + 0;
}
