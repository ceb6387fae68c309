/**
 * Words and glyphs for scores on every page, so a trend or rating reads the same everywhere and
 * never relies on colour alone.
 */
import { m } from '$lib/paraglide/messages';
import type { TrendState } from '$lib/scoring/types';

const TREND_TEXT: Record<TrendState, () => string> = {
	on_track: m.trend_on_track,
	moderately_improving: m.trend_moderately_improving,
	stagnating: m.trend_stagnating,
	decreasing: m.trend_decreasing,
	no_target: m.trend_no_target,
	too_few_years: m.trend_too_few_years
};

/** SDG-dashboard arrows: ↑ on track, ↗ moderately improving, → stagnating, ↓ decreasing. */
const TREND_ARROW: Record<TrendState, string> = {
	on_track: '↑',
	moderately_improving: '↗',
	stagnating: '→',
	decreasing: '↓',
	no_target: '·',
	too_few_years: '·'
};

/** The trend in the reader's language, e.g. "sesuai jalur". */
export const trendText = (state: TrendState): string => TREND_TEXT[state]();

/** The trend's arrow glyph; pair it with trendText, the glyph alone is decoration. */
export const trendArrow = (state: TrendState): string => TREND_ARROW[state];

/** CSS class of a rating colour key (`rating-green` …), `rating-none` when unscored. */
export const ratingClass = (colour: string | null | undefined): string =>
	colour ? `rating-${colour}` : 'rating-none';
