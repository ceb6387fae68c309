import { resolveScorecard, parseYear, WEIGHT_MAX, WEIGHT_MIN } from '$lib/server/scorecard';
import { scoresInYear } from './year-scores.server';
import type { PageServerLoad } from './$types';

export const load = (async ({ url }) => {
	const card = resolveScorecard(url);
	const { ctx, region, year } = card;
	const scores = scoresInYear(card);

	// The overlaid radar year: the base assessment year unless the reader chose another.
	const compareAsked = parseYear(url, 'vs');
	const compareYear =
		compareAsked ??
		(card.scoredYears.includes(card.baseYear) ? card.baseYear : (card.scoredYears[0] ?? null));
	const compare =
		compareYear !== null && compareYear !== year && ctx.years.includes(compareYear)
			? ctx.regionYear(region.code, compareYear)
			: null;

	const sparkYears = ctx.years.filter((y) => y >= card.baseYear);
	const dimensions = scores.dimensions.map((d) => ({
		code: d.code,
		nameId: d.nameId,
		nameEn: d.nameEn,
		weight: d.weight,
		score: d.score,
		rating: d.rating,
		coverage: d.coverage,
		trend: d.trend,
		compareScore: compare?.dimensions.find((c) => c.code === d.code)?.score ?? null,
		spark: sparkYears.map((y) => ({
			year: y,
			value: ctx.result.groupScore(region.code, d.code, y)
		}))
	}));

	// Dimension scores of every compared region: enough for the browser to recompute the composite
	// and ranks with the scoring module when the reader moves a weight slider.
	const peers = ctx.regions.map((code) => ({
		code,
		dimensions: Object.fromEntries(
			dimensions.map((d) => [d.code, ctx.result.groupScore(code, d.code, year)])
		)
	}));
	const baseWeights = Object.fromEntries(
		ctx.framework.nodes.filter((n) => n.parentCode === null).map((n) => [n.code, n.weight])
	);

	return {
		region,
		regions: card.regions,
		year,
		years: ctx.years,
		scoredYears: card.scoredYears,
		yearHasScore: card.yearHasScore,
		nearestScoredYear: card.nearestScoredYear,
		baseYear: card.baseYear,
		compareYear: compare ? compareYear : null,
		composite: {
			score: scores.composite.score,
			rating: scores.composite.rating,
			coverage: scores.composite.coverage,
			rank: scores.composite.rank,
			rankInterval: scores.composite.rankInterval,
			rankedRegions: scores.composite.rankedRegions
		},
		dimensions,
		hasIllustrative: scores.hasIllustrative || Boolean(compare?.hasIllustrative),
		hasCarriedForward: scores.hasCarriedForward,
		whatIf: {
			weights: card.weights,
			baseWeights,
			min: WEIGHT_MIN,
			max: WEIGHT_MAX,
			peers,
			settings: {
				aggregation: ctx.profile.settings.aggregation,
				minCoverage: ctx.profile.settings.minCoverage,
				geometricFloor: ctx.profile.settings.geometricFloor,
				ratingBands: ctx.profile.settings.ratingBands
			}
		}
	};
}) satisfies PageServerLoad;
