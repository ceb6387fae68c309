/**
 * The scores a scorecard page shows: its region in its year, with its what-if weights. Shared by
 * the overview, dimension and indicator pages, so a year outside the scored range behaves the same
 * on all three: it is scored alone and the page still renders (null scores, zero coverage, a notice).
 */
import { getConnection } from '$lib/server/db';
import type { Scorecard } from '$lib/server/scorecard';
import { regionYearScores } from '$lib/server/scores';

/** @example scoresInYear(resolveScorecard(url)).composite.score */
export function scoresInYear(sc: Scorecard) {
	return (
		sc.ctx.regionYear(sc.region.code, sc.year) ??
		regionYearScores(getConnection(), {
			framework: sc.ctx.framework.code,
			region: sc.region.code,
			year: sc.year,
			weights: sc.weightOverrides
		}).scores
	);
}
