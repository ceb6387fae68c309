/**
 * Ranked bars: sort by score (nulls last), competition ranks (1, 2, 2, 4, from the one ranking
 * rule, `competitionRanks` of $lib/scoring/rank), and rank intervals from score intervals: a
 * region's best possible rank counts only rivals that beat it even at its upper bound, its worst
 * counts every rival that could beat its lower bound.
 */
import { ascending, descending } from 'd3-array';
// The pure, import-free module of the ranking rule, not $lib/scoring: no engine in the browser.
import { competitionRanks } from '../../scoring/rank';
import { isNum, round2 } from './number';

export interface RankInput {
	code: string;
	label: string;
	score: number | null;
	/** Lower and upper bound of the score (e.g. with missing indicators at worst and best). */
	low?: number | null;
	high?: number | null;
	/** Rank interval given by the caller (e.g. the scoring engine); computed when absent. */
	rankLow?: number | null;
	rankHigh?: number | null;
}

export interface Ranked extends RankInput {
	rank: number | null;
	/** Best possible rank (smallest number). */
	rankLow: number | null;
	/** Worst possible rank (largest number). */
	rankHigh: number | null;
}

/**
 * Items sorted by score, highest first (ties and nulls by label), with ranks and rank intervals.
 * @example rankItems([{ code: 'a', label: 'A', score: 1 }, { code: 'b', label: 'B', score: 2 }])[0].code === 'b'
 */
export function rankItems(items: RankInput[]): Ranked[] {
	const scored = items.filter((d) => isNum(d.score));
	const lo = (d: RankInput) => (isNum(d.low) ? d.low : (d.score as number));
	const hi = (d: RankInput) => (isNum(d.high) ? d.high : (d.score as number));
	const sorted = [...items].sort(
		(a, b) =>
			Number(isNum(b.score)) - Number(isNum(a.score)) ||
			descending(a.score ?? 0, b.score ?? 0) ||
			ascending(a.label, b.label)
	);
	const ranks = competitionRanks(sorted.map((d) => d.score));
	return sorted.map((d, i) => {
		if (!isNum(d.score)) return { ...d, rank: null, rankLow: null, rankHigh: null };
		const rank = ranks[i];
		const others = scored.filter((o) => o !== d);
		const rankLow = isNum(d.rankLow) ? d.rankLow : 1 + others.filter((o) => lo(o) > hi(d)).length;
		const rankHigh = isNum(d.rankHigh)
			? d.rankHigh
			: 1 + others.filter((o) => hi(o) > lo(d)).length;
		return { ...d, rank, rankLow, rankHigh };
	});
}

/**
 * The rank as text: '3' when certain, '2–4' as an interval, '' when unranked.
 * @example rankText(2, 4) === '2–4'
 */
export function rankText(low: number | null | undefined, high: number | null | undefined): string {
	if (!isNum(low) || !isNum(high))
		return isNum(low) ? String(low) : isNum(high) ? String(high) : '';
	return low === high ? String(low) : `${low}–${high}`;
}

export interface BarRow {
	y: number;
	height: number;
}

/**
 * Vertical slots of n bar rows starting at top: each row is rowHeight tall, the bar fills
 * `fill` of it, centred.
 * @example barRows(2, 10, 30, 0.6) // [{ y: 16, height: 18 }, { y: 46, height: 18 }]
 */
export function barRows(n: number, top: number, rowHeight: number, fill = 0.6): BarRow[] {
	const height = round2(rowHeight * fill);
	const inset = (rowHeight - height) / 2;
	return Array.from({ length: Math.max(0, n) }, (_, i) => ({
		y: round2(top + i * rowHeight + inset),
		height
	}));
}
