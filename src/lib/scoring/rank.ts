/**
 * Ranks among regions and rank intervals from a Monte Carlo sensitivity analysis (JRC/OECD
 * Handbook on Constructing Composite Indicators, 2008): top-level weights are drawn at random and
 * the aggregation switches between arithmetic and geometric, and each region's rank is recorded.
 */

/**
 * Seeded PRNG (mulberry32): uniform numbers in [0, 1), the same sequence for the same seed on every
 * platform, so intervals are reproducible.
 * @example mulberry32(1)() // 0.6270739405881613
 */
export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * Competition ranks ("1224"): the one ranking rule of the app. The engine's ranks (and those of
 * every Monte Carlo draw), the what-if sliders, the peer pages' dimension ranks, the ranked bars
 * and the order of Kominfo's published results all come from here.
 *
 * - 1 = the highest score; a rank is 1 + the number of strictly higher scores, so equal scores
 *   share a rank and the next rank skips: [5, 7, 7, 1] → [3, 1, 1, 4].
 * - Scores are compared exactly as given, never rounded first (0 and -0 are equal). A caller that
 *   should rank what readers see passes the numbers as shown (Kominfo's published two-decimal
 *   index is such a number already).
 * - Only a finite number is a score: null, undefined, NaN and ±Infinity get 0 (unranked) and count
 *   for no one else's rank.
 *
 * Found by binary search in a natively sorted copy (no comparator callbacks: this runs once per
 * Monte Carlo draw). `out` and `sorted` are optional scratch space of the same length. Pure and
 * import-free, so browser code (the charts' geometry) may import this module without the engine.
 * @example Array.from(competitionRanks([50, 80, NaN, 80])) // [3, 1, 0, 1]
 * @example Array.from(competitionRanks([5, null, 5, Infinity])) // [1, 0, 1, 0]
 */
export function competitionRanks(
	scores: ArrayLike<number | null | undefined>,
	out: Int32Array = new Int32Array(scores.length),
	sorted: Float64Array = new Float64Array(scores.length)
): Int32Array {
	const n = scores.length;
	let m = 0;
	for (let i = 0; i < n; i++) {
		const s = scores[i];
		// Finite: x - x is 0 for a finite number, NaN for NaN and ±Infinity.
		if (typeof s === 'number' && s - s === 0) sorted[m++] = s;
	}
	const view = sorted.subarray(0, m).sort();
	for (let i = 0; i < n; i++) {
		const s = scores[i];
		if (typeof s !== 'number' || s - s !== 0) {
			out[i] = 0;
			continue;
		}
		// First position whose value is > s; everything from there up is strictly higher.
		let lo = 0;
		let hi = m;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (view[mid] <= s) lo = mid + 1;
			else hi = mid;
		}
		out[i] = m - lo + 1;
	}
	return out;
}

/**
 * Nearest-rank percentile of sorted values: the value at position ⌈p/100 × n⌉ (1-based).
 * @example percentileSorted([1, 2, 3, 4], 50) // 2
 */
export function percentileSorted(sorted: ArrayLike<number>, p: number): number {
	const n = sorted.length;
	if (n === 0) return NaN;
	const k = Math.min(n, Math.max(1, Math.ceil((p / 100) * n)));
	return sorted[k - 1];
}

/**
 * Rank intervals from per-draw ranks laid out draw-major (`ranks[d × nRegions + r]`, 0 = unranked):
 * the [low, high] nearest-rank percentiles of each region's ranks over the draws in which it was
 * ranked, widened to include its base rank (so the published rank always lies inside). Null for a
 * region without a base rank (0), whatever its draws say: an unranked region gets no interval.
 * Ranks are small integers, so a histogram replaces sorting.
 * @example rankIntervalsFromDraws(Int32Array.from([1, 2, 2, 1]), 2, 2, [1, 2], [5, 95]) // [[1, 2], [1, 2]]
 */
export function rankIntervalsFromDraws(
	ranks: Int32Array,
	nRegions: number,
	draws: number,
	baseRanks: ArrayLike<number>,
	percentiles: readonly [number, number]
): ([number, number] | null)[] {
	const hist = new Int32Array(nRegions * (nRegions + 1));
	const counts = new Int32Array(nRegions);
	for (let d = 0; d < draws; d++) {
		const off = d * nRegions;
		for (let r = 0; r < nRegions; r++) {
			const v = ranks[off + r];
			if (v > 0) {
				hist[r * (nRegions + 1) + v]++;
				counts[r]++;
			}
		}
	}
	const result: ([number, number] | null)[] = [];
	for (let r = 0; r < nRegions; r++) {
		const m = counts[r];
		const base = baseRanks[r];
		if (!(base > 0)) {
			result.push(null);
			continue;
		}
		if (m === 0) {
			result.push([base, base]);
			continue;
		}
		// Nearest-rank positions (1-based) of the two percentiles, as in percentileSorted.
		const kLo = Math.min(m, Math.max(1, Math.ceil((percentiles[0] / 100) * m)));
		const kHi = Math.min(m, Math.max(1, Math.ceil((percentiles[1] / 100) * m)));
		let lo = 0;
		let hi = 0;
		let cum = 0;
		const h = r * (nRegions + 1);
		for (let v = 1; v <= nRegions && hi === 0; v++) {
			cum += hist[h + v];
			if (lo === 0 && cum >= kLo) lo = v;
			if (cum >= kHi) hi = v;
		}
		result.push([Math.min(lo, base), Math.max(hi, base)]);
	}
	return result;
}
