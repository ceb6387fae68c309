/**
 * The CSS class of a rating colour key. Kept apart from scorecard-labels, whose words need
 * Paraglide, so that the what-if island (`$lib/islands/whatif`) imports nothing of Paraglide's: the
 * island is bundled once for the server build and once for the client build, Paraglide's runtime
 * compiles differently in each, and the two bundles' hashed names then disagree, so `/` can name
 * a script the client build does not have (seen in one build of two).
 */

/** `rating-green` …, `rating-none` when unscored. */
export const ratingClass = (colour: string | null | undefined): string =>
	colour ? `rating-${colour}` : 'rating-none';
