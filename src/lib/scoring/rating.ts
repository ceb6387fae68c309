/** Ratings: a score's band from the profile (SDG-dashboard style traffic lights). */

/** Scores this close below a band edge still reach the band (floating-point rounding of means). */
export const BAND_EPSILON = 1e-9;

/**
 * The band whose range holds the score; a score on an edge belongs to the upper band. Bands are
 * ordered highest first, as the profile parser guarantees. Null for a null or NaN score.
 * @example rate(80, DEFAULT_RATING_BANDS)?.id // 'achieved'
 */
export function rate<B extends { min: number }>(
	score: number | null,
	bands: readonly B[]
): B | null {
	if (score === null || Number.isNaN(score)) return null;
	for (const b of bands) if (score >= b.min - BAND_EPSILON) return b;
	return bands.length ? bands[bands.length - 1] : null;
}
