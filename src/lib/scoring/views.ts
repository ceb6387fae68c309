/**
 * The rich views of a scored call: one region and year as nested group and indicator objects, each
 * with its basis, trace, formula and trend detail, for the pages, the API and the exports. Built
 * from the engine's typed arrays (engine.ts, which does all the scoring) only when one is asked
 * for: a call scores every region and year, a page shows one.
 */
import { COVERAGE_EPSILON } from './aggregate.ts';
import { REASONS, R_INSUFFICIENT, R_NOT_APPLICABLE, R_STALE } from './codes.ts';
import type { ScoreResult } from './engine.ts';
import { groupFormula, indicatorFormula } from './formula.ts';
import { percentOfBenchmark, bandPoints } from './normalise.ts';
import { rateScore } from './rating.ts';
import { emptyTrendDetail, selectTarget, trendFromEnds, type YearValue } from './trend.ts';
import {
	TREND_STATES,
	type CompositeScore,
	type EngineIndicator,
	type GroupBasis,
	type GroupChildTrace,
	type GroupScore,
	type IndicatorScore,
	type NullReason,
	type RegionYearScore,
	type TrendDetail
} from './types.ts';

/** Whether any score of the view rests on an illustrative or a carried-forward value. */
interface Flags {
	illustrative: boolean;
	carried: boolean;
}

/**
 * Every indicator score in a tree of group scores, depth first (a group's own indicators before
 * its children's). Example: `indicatorScoresOf(regionYear.groups).length` = indicators scored.
 */
export function indicatorScoresOf(groups: readonly GroupScore[]): IndicatorScore[] {
	// One array, filled in place: pages call this per dimension on every render, and the old
	// flatMap of spreads built two arrays per group.
	const all: IndicatorScore[] = [];
	const visit = (gs: readonly GroupScore[]) => {
		for (const g of gs) {
			for (const i of g.indicators) all.push(i);
			visit(g.children);
		}
	};
	visit(groups);
	return all;
}

/**
 * The rich view of one region and year, with traces; null for a region or year not in the call.
 * `ScoreResult.regionYear` answers with it.
 * @example buildRegionYear(result, '33.18', 2022)?.composite.score // 58.2
 */
export function buildRegionYear(
	res: ScoreResult,
	regionCode: string,
	year: number
): RegionYearScore | null {
	const p = res.at(regionCode, year);
	if (!p) return null;
	const flags = { illustrative: false, carried: false };
	const root = buildGroup(res, p.r, p.yi, res.c.root, flags);
	const composite: CompositeScore = {
		...root,
		rank: res.rank(regionCode, year),
		rankInterval: res.rankInterval(regionCode, year),
		rankedRegions: res.rankedCount[p.yi]
	};
	return {
		regionCode,
		year,
		framework: res.framework,
		profile: res.profile,
		minCoverage: res.settings.minCoverage,
		compositeMinCoverage: res.settings.compositeMinCoverage,
		maxCarriedShare: res.settings.maxCarriedShare,
		targetCap: res.settings.targetCap,
		aggregation: res.settings.aggregation,
		geometricFloor: res.settings.geometricFloor,
		composite,
		dimensions: composite.children,
		hasIllustrative: flags.illustrative,
		hasCarriedForward: flags.carried
	};
}

/**
 * One group of the view, its child groups built first: score and reason, rating, basis, and the
 * trace its formula is written from.
 */
function buildGroup(res: ScoreResult, r: number, yi: number, g: number, flags: Flags): GroupScore {
	const { c, settings } = res;
	const nG = c.groups.length;
	const off = (yi * res.regions.length + r) * nG;
	const grp = c.groups[g];
	const children = grp.childGroups.map((k) => buildGroup(res, r, yi, k, flags));
	const indicators = grp.childIndicators.map((i) => buildIndicator(res, r, yi, i, flags));
	const score = res.grpScore[off + g];
	const coverage = res.grpCoverage[off + g];
	const notApplicable = res.grpNA[yi * nG + g] === 1;
	const child = (
		kind: 'group' | 'indicator',
		ch: { code: string; weight: number; score: number | null; reason: NullReason | null }
	): GroupChildTrace => {
		const applicable = ch.reason !== 'not_applicable';
		return {
			code: ch.code,
			kind,
			weight: ch.weight,
			score: ch.score,
			applicable,
			scored: applicable && ch.weight > 0 && ch.score !== null
		};
	};
	const childTraces: GroupChildTrace[] = [
		...children.map((ch) => child('group', ch)),
		...indicators.map((ind) => child('indicator', ind))
	];
	let scoredWeight = 0;
	let totalWeight = 0;
	for (const ch of childTraces) {
		if (ch.weight > 0 && ch.applicable) totalWeight += ch.weight;
		if (ch.scored) scoredWeight += ch.weight;
	}
	const geometric = settings.aggregation === 'geometric';
	const isRoot = g === c.root;
	const minCoverage = isRoot ? settings.compositeMinCoverage : settings.minCoverage;
	const carriedShare = res.grpCarried[off + g];
	const basis: GroupBasis = {
		indicators: 0,
		scored: 0,
		carried: 0,
		illustrative: 0,
		carriedShare
	};
	for (const ch of children) {
		basis.indicators += ch.basis.indicators;
		basis.scored += ch.basis.scored;
		basis.carried += ch.basis.carried;
		basis.illustrative += ch.basis.illustrative;
	}
	for (const ind of indicators) {
		if (!(ind.weight > 0) || ind.reason === 'not_applicable') continue;
		basis.indicators++;
		if (ind.score === null) continue;
		basis.scored++;
		if (ind.carriedForward) basis.carried++;
		if (ind.illustrative) basis.illustrative++;
	}
	const maxCarriedShare = c.limitsCarried[g] === 1 ? settings.maxCarriedShare : null;
	const s = score === score ? score : null;
	const geometricFloor = geometric ? settings.geometricFloor : null;
	const formula = groupFormula(
		{
			score: s,
			notApplicable,
			year: res.years[yi],
			aggregation: settings.aggregation,
			geometricFloor,
			children: childTraces,
			scoredWeight,
			totalWeight,
			coverage,
			minCoverage,
			carriedShare,
			maxCarriedShare
		},
		'en'
	);
	// Stale: enough inputs, but too many of them (or of the children that had enough) are old.
	let staleWeight = 0;
	for (const ch of children) {
		if (ch.reason === 'stale_data' && ch.weight > 0) staleWeight += ch.weight;
	}
	const stale =
		totalWeight > 0 &&
		(scoredWeight + staleWeight) / totalWeight >= minCoverage - COVERAGE_EPSILON &&
		(staleWeight > 0 ||
			(maxCarriedShare !== null && carriedShare > maxCarriedShare + COVERAGE_EPSILON));
	return {
		code: grp.code,
		level: grp.level,
		nameId: grp.nameId,
		nameEn: grp.nameEn,
		weight: grp.weight,
		score: s,
		reason:
			s !== null
				? null
				: REASONS[notApplicable ? R_NOT_APPLICABLE : stale ? R_STALE : R_INSUFFICIENT],
		rating: rateScore(s, settings.ratingBands),
		coverage,
		basis,
		trend: TREND_STATES[res.grpTrend[off + g]],
		children,
		indicators,
		trace: {
			aggregation: settings.aggregation,
			minCoverage,
			maxCarriedShare,
			carriedShare,
			geometricFloor,
			children: childTraces,
			scoredWeight,
			totalWeight,
			coverage,
			formula
		}
	};
}

/**
 * One indicator of the view: the value and year used, target, score, trend detail and trace; sets
 * `flags` when a score rests on an illustrative or carried-forward value.
 */
function buildIndicator(
	res: ScoreResult,
	r: number,
	yi: number,
	i: number,
	flags: Flags
): IndicatorScore {
	const { c, settings } = res;
	const ind: EngineIndicator = c.indicators[i];
	const nInd = c.indicators.length;
	const k = (yi * res.regions.length + r) * nInd + i;
	const Y = res.years[yi];
	const su = res.indYearUsed[k];
	const cell = (r * nInd + i) * res.nSpan;
	const value = su >= 0 ? res.values[cell + su] : null;
	const yearUsed = su >= 0 ? su + res.yMin : null;
	const o = su >= 0 ? res.obs[res.obsRef[cell + su]] : null;
	const illustrative = o?.illustrative === true;
	const carriedForward = yearUsed !== null && yearUsed !== Y;
	const weight = c.indWeight[i];
	const scoreRaw = res.indScore[k];
	const score = scoreRaw === scoreRaw ? scoreRaw : null;
	const reason = REASONS[res.indReason[k]];
	if (score !== null) {
		if (illustrative) flags.illustrative = true;
		if (carriedForward) flags.carried = true;
	}
	const t = selectTarget(
		res.targets,
		Y,
		res.targetStart[r * nInd + i],
		res.targetStart[r * nInd + i + 1]
	);
	const trendDetail = buildTrendDetail(res, cell, Y, ind, t, i);
	const pct =
		ind.method === 'bands' && value !== null
			? percentOfBenchmark(value, ind.benchmark, ind.polarity)
			: null;
	const points =
		ind.method === 'bands' && value !== null
			? bandPoints(value, ind.benchmark, ind.polarity)
			: null;
	const formula = indicatorFormula(
		{
			method: ind.method,
			polarity: ind.polarity,
			value,
			worst: ind.worst,
			best: ind.best,
			target: t ? t.value : null,
			targetYear: t ? t.year : null,
			benchmark: ind.benchmark,
			percentOfBenchmark: pct,
			points,
			targetCap: settings.targetCap,
			score,
			reason,
			yearFrom: ind.yearFrom ?? null
		},
		'en'
	);
	return {
		code: ind.code,
		nameId: ind.nameId ?? ind.code,
		nameEn: ind.nameEn ?? ind.code,
		unit: ind.unit ?? '',
		method: ind.method,
		polarity: ind.polarity,
		valueType: ind.valueType,
		weight,
		context: !(weight > 0),
		yearFrom: ind.yearFrom ?? null,
		value,
		yearUsed,
		carriedForward,
		illustrative,
		worst: ind.worst,
		best: ind.best,
		benchmark: ind.benchmark,
		target: t ? t.value : null,
		targetYear: t ? t.year : null,
		score,
		reason,
		trend: trendDetail.state,
		trendDetail,
		trace: {
			method: ind.method,
			polarity: ind.polarity,
			value,
			yearUsed,
			carriedForward,
			illustrative,
			source: o?.source ?? null,
			sourceKind: o ? (o.sourceKind ?? '') : null,
			referencePeriod: o ? (o.referencePeriod ?? '') : null,
			worst: ind.worst,
			best: ind.best,
			target: t ? t.value : null,
			targetYear: t ? t.year : null,
			benchmark: ind.benchmark,
			percentOfBenchmark: pct,
			points,
			targetCap: ind.method === 'target' ? settings.targetCap : null,
			weight,
			formula
		}
	};
}

/**
 * One indicator's trend with its numbers (ends, points, target), found again from the values the
 * way scoreIndicators found its state: only a view shows the numbers, so the scoring keeps none.
 */
function buildTrendDetail(
	res: ScoreResult,
	cell: number,
	Y: number,
	ind: EngineIndicator,
	t: YearValue | null,
	i: number
): TrendDetail {
	const out = emptyTrendDetail('too_few_years');
	const ys = Y - res.yMin;
	let first = -1;
	let last = -1;
	let points = 0;
	const from = res.segmentOffset(i, Y);
	for (let s = Math.max(from, ys - res.settings.trend.years + 1); s <= ys; s++) {
		if (res.values[cell + s] === res.values[cell + s]) {
			if (first < 0) first = s;
			last = s;
			points++;
		}
	}
	trendFromEnds(
		first + res.yMin,
		first >= 0 ? res.values[cell + first] : NaN,
		last + res.yMin,
		last >= 0 ? res.values[cell + last] : NaN,
		points,
		t,
		ind.polarity,
		res.settings.trend,
		out,
		res.indRange[i]
	);
	return out;
}
