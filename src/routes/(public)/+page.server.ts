import { getConnection } from '$lib/server/db';
import { untilNextWriteByKey } from '$lib/server/db/data-version';
import * as indicators from '$lib/server/db/indicators';
import { officialResults } from '$lib/server/official';
import { resolveScorecard, parseYear, WEIGHT_MAX, WEIGHT_MIN } from '$lib/server/scorecard';
import { basisView, missingIndicators } from '$lib/scorecard-basis';
import { ServerOnly } from '$lib/server-only';
import { scoresInYear } from './year-scores.server';
import type { PageServerLoad } from './$types';

// Not hydrated: the scorecard's charts and tables respond to nothing, and hydrating them cost a phone
// some 90 KB of JavaScript and every render a serialised copy of this data. The what-if sliders are
// the page's one script, $lib/islands/whatif, fed by a JSON block (+page.svelte).
export const csr = false;

export const load = (({ url }) => ({
	// Read by the server render only (csr = false): never serialised ($lib/server-only).
	overview: new ServerOnly(keptOverview(url))
})) satisfies PageServerLoad;

// The overview of each query string, kept until the next write to the database. Without the page
// cache (a signed-in reader, a first look at some weights) every render built the same view of
// the same cached scores again: 11 % of the server's time rendering `/` (a --cpu-prof profile
// under autocannon). It reads only the query string and the database, so those are the key; the
// render never changes it (the charts sort copies).
const keptOverview = (url: URL) =>
	untilNextWriteByKey(getConnection(), 'overview', url.search, 100, () => overview(url));

/** Everything the scorecard shows for the region and year in `url`. */
export type Overview = ReturnType<typeof overview>;

function overview(url: URL) {
	const card = resolveScorecard(url);
	const { ctx, region, year } = card;
	const scores = scoresInYear(card);
	const opdOf = indicators.opdByCode(getConnection(), ctx.framework.code);

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
		reason: d.reason,
		rating: d.rating,
		coverage: d.coverage,
		basis: basisView(d.basis),
		trend: d.trend,
		missing: d.score === null ? missingIndicators(d, opdOf) : [],
		compareScore: compare?.dimensions.find((c) => c.code === d.code)?.score ?? null,
		spark: sparkYears.map((y) => ({
			year: y,
			value: ctx.result.groupScore(region.code, d.code, y)
		}))
	}));

	// Dimension scores of every compared region with any: enough for the browser to recompute the
	// composite and ranks with the scoring module when the reader moves a weight slider. A region
	// with no dimension score has no composite under any weights, so it changes no rank.
	const peers = ctx.regions
		.map((code) => ({
			code,
			dimensions: Object.fromEntries(
				dimensions.map((d) => [d.code, ctx.result.groupScore(code, d.code, year)])
			)
		}))
		.filter((p) => p.code === region.code || Object.values(p.dimensions).some((s) => s !== null));
	const baseWeights = Object.fromEntries(
		ctx.framework.nodes.filter((n) => n.parentCode === null).map((n) => [n.code, n.weight])
	);

	return {
		region,
		regions: card.regions,
		year,
		yearAsked: card.yearAsked,
		years: ctx.years,
		yearStatuses: card.yearStatuses,
		scoredYears: card.scoredYears,
		yearHasScore: card.yearHasScore,
		nearestScoredYear: card.nearestScoredYear,
		baseYear: card.baseYear,
		compareYear: compare ? compareYear : null,
		composite: {
			score: scores.composite.score,
			rating: scores.composite.rating,
			coverage: scores.composite.coverage,
			basis: basisView(scores.composite.basis),
			rank: scores.composite.rank,
			rankInterval: scores.composite.rankInterval,
			rankedRegions: scores.composite.rankedRegions
		},
		dimensions,
		// Kominfo's own results for the region: shown beside our index, never inside it.
		official: officialResults(region.code).map((r) => ({
			table: r.table,
			year: r.year,
			cohortId: r.cohortId,
			cohortEn: r.cohortEn,
			letter: r.letter,
			copyHref: r.copyHref,
			final: r.final,
			rank: r.rank,
			ranked: r.ranked
		})),
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
				minCoverage: ctx.profile.settings.compositeMinCoverage,
				geometricFloor: ctx.profile.settings.geometricFloor,
				ratingBands: ctx.profile.settings.ratingBands
			}
		},
		minCoverage: ctx.profile.settings.minCoverage,
		maxCarriedShare: ctx.profile.settings.maxCarriedShare
	};
}
