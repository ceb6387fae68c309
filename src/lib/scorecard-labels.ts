/**
 * Words and glyphs for scores on every page, so a trend or rating reads the same everywhere and
 * never relies on colour alone.
 */
import { m } from '$lib/paraglide/messages';
import type { Polarity, TrendState } from '$lib/scoring/types';

const TREND_TEXT: Record<TrendState, () => string> = {
	on_track: m.trend_on_track,
	moderately_improving: m.trend_moderately_improving,
	stagnating: m.trend_stagnating,
	decreasing: m.trend_decreasing,
	improving: m.trend_improving,
	stable: m.trend_stable,
	worsening: m.trend_worsening,
	too_few_years: m.trend_too_few_years
};

/**
 * SDG-dashboard arrows: against a target ↑ on track, ↗ moderately improving, → stagnating,
 * ↓ decreasing; without one, the direction only: ⬈ improving, → stable, ⬊ worsening.
 */
const TREND_ARROW: Record<TrendState, string> = {
	on_track: '↑',
	moderately_improving: '↗',
	stagnating: '→',
	decreasing: '↓',
	improving: '⬈',
	stable: '→',
	worsening: '⬊',
	too_few_years: '·'
};

/**
 * The trend in the reader's language, e.g. "sesuai jalur". With the indicator's polarity, a
 * direction-only trend also says which way the value moved: "turun, membaik" for poverty.
 */
export function trendText(state: TrendState, polarity?: Polarity): string {
	if (polarity && (state === 'improving' || state === 'worsening')) {
		const up = (state === 'improving') === (polarity === 'higher');
		return m.trend_direction({
			direction: up ? m.trend_up() : m.trend_down(),
			state: TREND_TEXT[state]()
		});
	}
	return TREND_TEXT[state]();
}

/** The trend's arrow glyph; pair it with trendText, the glyph alone is decoration. */
export const trendArrow = (state: TrendState): string => TREND_ARROW[state];

const SOURCE_KIND_TEXT: Record<string, () => string> = {
	bps: m.source_kind_bps,
	salinan_bps: m.source_kind_salinan_bps,
	pemerintah: m.source_kind_pemerintah,
	berita: m.source_kind_berita,
	lainnya: m.source_kind_lainnya
};

/** Who published a value, in the reader's language; "not stated" for an empty or unknown kind. */
export const sourceKindLabel = (kind: string | null | undefined): string =>
	(kind ? SOURCE_KIND_TEXT[kind] : undefined)?.() ?? m.source_kind_none();

/**
 * A year in a picker, with what its data allow: "2024 · 3 dari 6 dimensi".
 * @example yearOptionLabel({ year: 2023, composite: false, scoredDimensions: 0, dimensions: 6, freshIndicators: 19 }) // '2023 · data belum cukup'
 */
export function yearOptionLabel(s: {
	year: number;
	composite: boolean;
	scoredDimensions: number;
	dimensions: number;
}): string {
	if (s.composite) return m.year_option_full({ year: s.year });
	if (s.scoredDimensions > 0)
		return m.year_option_partial({ year: s.year, scored: s.scoredDimensions, total: s.dimensions });
	return m.year_option_none({ year: s.year });
}
