/** Ratings: a score's band from the profile (SDG-dashboard style traffic lights). */
import { roundAsShown } from '../rounding.ts';

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

/**
 * Decimals a score is written with on every page (formatScore's default); a score's band is read
 * at this precision, so the band and the number beside it always agree.
 */
export const SCORE_DECIMALS = 1;

/**
 * The band of a score as readers see it: the score is first rounded as it is written
 * (SCORE_DECIMALS), so a 49,95 written "50,0" gets the band that starts at 50, never the one below.
 * The one place scores get their band: the engine and the what-if sliders both call it.
 * @example rateScore(49.95, DEFAULT_RATING_BANDS)?.id // 'significant_challenges'
 */
export function rateScore<B extends { min: number }>(
	score: number | null,
	bands: readonly B[]
): B | null {
	if (score === null || Number.isNaN(score)) return null;
	return rate(roundAsShown(score, SCORE_DECIMALS), bands);
}
