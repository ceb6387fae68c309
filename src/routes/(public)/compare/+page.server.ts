import { error } from '@sveltejs/kit';
import { KOMINFO_2022_SOURCE } from '$lib/evaluation/kominfo';
import { config } from '$lib/server/config';
import { getDb } from '$lib/server/db';
import * as regions from '$lib/server/db/regions';
import { childRegions, mapGeometry } from '$lib/server/geo';
import { kominfo2022 } from '$lib/server/official';
import { parseYear, resolveScorecard } from '$lib/server/scorecard';
import type { GroupScore, RegionYearScore } from '$lib/scoring';
import {
	competitionRanks,
	defaultFromYear,
	illustrativeInputs,
	nearestYear,
	rankRange,
	shortRegionName
} from './view';
import {
	officialMapValues,
	OFFICIAL_MAP,
	parseMapMode,
	provinceShortName,
	scoreMapValues
} from './map';
import type { PageServerLoad } from './$types';

/** Width of the map's server drawing; the SVG scales to its box. */
const MAP_WIDTH = 600;

export const load = (async ({ url }) => {
	const sc = resolveScorecard(url);
	const { ctx, region, year } = sc;
	const dimensions = ctx.framework.nodes
		.filter((n) => n.parentCode === null)
		.map((n) => ({ code: n.code, nameId: n.nameId, nameEn: n.nameEn }));

	const dimension = url.searchParams.get('dimension') || null;
	if (dimension !== null && !dimensions.some((d) => d.code === dimension)) {
		error(404, `Unknown dimension "${dimension}".`);
	}
	const mapMode = parseMapMode(url.searchParams.get('map'));
	if (mapMode === null) error(404, `Unknown map "${url.searchParams.get('map')}".`);
	if (mapMode === 'official' && !kominfo2022()) {
		error(404, 'This data folder has no published evaluation results.');
	}
	const askedFrom = parseYear(url, 'from');
	const askedTo = parseYear(url, 'to');
	const from = askedFrom ?? defaultFromYear(sc.baseYear, ctx.scoredYears) ?? year;
	const to = askedTo ?? year;

	const regions = sc.regions.map((r) => ({
		code: r.code,
		name: r.name,
		short: shortRegionName(r.name)
	}));
	// Each value is counted once per region and year it was observed, however many charts show it.
	const illustrative = new Set<string>();
	const scoresOf = (code: string, y: number): RegionYearScore | null => {
		const ry = ctx.regionYear(code, y);
		if (ry) for (const k of illustrativeInputs(ry.composite)) illustrative.add(`${code}:${k}`);
		return ry;
	};
	const groupOf = (ry: RegionYearScore | null, code: string | null): GroupScore | null =>
		!ry
			? null
			: code === null
				? ry.composite
				: (ry.dimensions.find((d) => d.code === code) ?? null);
	const usesIllustrative = (g: GroupScore | null) => g !== null && illustrativeInputs(g).length > 0;

	const peers = regions.map((r) => {
		const ry = scoresOf(r.code, year);
		return {
			...r,
			composite: ry?.composite.score ?? null,
			compositeIllustrative: usesIllustrative(groupOf(ry, null)),
			rank: rankRange(ry?.composite.rank ?? null, ry?.composite.rankInterval ?? null),
			rankedRegions: ry?.composite.rankedRegions ?? 0,
			rating: ry?.composite.rating
				? {
						labelId: ry.composite.rating.labelId,
						labelEn: ry.composite.rating.labelEn,
						colour: ry.composite.rating.colour
					}
				: null,
			dimensions: Object.fromEntries(
				dimensions.map((d) => {
					const g = groupOf(ry, d.code);
					return [d.code, { score: g?.score ?? null, illustrative: usesIllustrative(g) }];
				})
			)
		};
	});
	const dimensionRanks = Object.fromEntries(
		dimensions.map((d) => {
			const ranks = competitionRanks(
				peers.map((p) => ({ code: p.code, score: p.dimensions[d.code].score }))
			);
			return [
				d.code,
				{
					rank: ranks.get(region.code) ?? null,
					of: [...ranks.values()].filter((r) => r !== null).length
				}
			];
		})
	);

	const slope = regions.map((r) => {
		const a = groupOf(scoresOf(r.code, from), dimension);
		const b = groupOf(scoresOf(r.code, to), dimension);
		return {
			code: r.code,
			name: r.name,
			short: r.short,
			from: a?.score ?? null,
			to: b?.score ?? null,
			illustrative: usesIllustrative(a) || usesIllustrative(b)
		};
	});

	const withCurrent = (years: readonly number[], ...extra: number[]) =>
		[...new Set([...years, ...extra])].sort((a, b) => a - b);
	const fromHasScores = ctx.scoredYears.includes(from);
	const toHasScores = ctx.scoredYears.includes(to);

	return {
		region: { code: region.code, name: region.name },
		year,
		yearHasScore: sc.yearHasScore,
		nearestScoredYear: sc.nearestScoredYear,
		anyScoredThisYear: ctx.scoredYears.includes(year),
		weights: sc.weights,
		dimension,
		dimensions,
		regions,
		peers,
		dimensionRanks,
		slope: {
			from,
			to,
			items: slope,
			fromNearest: fromHasScores ? null : nearestYear(ctx.scoredYears, from),
			toNearest: toHasScores ? null : nearestYear(ctx.scoredYears, to)
		},
		// Only what the reader chose goes back into links: defaults stay implicit.
		chosen: {
			from: askedFrom ?? undefined,
			to: askedTo ?? undefined,
			dimension: dimension ?? undefined,
			map: mapMode === 'official' ? OFFICIAL_MAP : undefined
		},
		options: {
			years: withCurrent(ctx.years, year),
			scoredYears: withCurrent(ctx.scoredYears, from, to)
		},
		illustrativeCount: illustrative.size,
		profile: {
			nameId: ctx.profile.nameId,
			nameEn: ctx.profile.nameEn,
			version: ctx.profile.version
		},
		sensitivity: {
			draws: ctx.profile.settings.sensitivity.draws,
			aggregation: ctx.profile.settings.sensitivity.includeGeometric
		},
		map: provinceMap(mapMode, dimension, peers)
	};
}) satisfies PageServerLoad;

/**
 * The province's kabupaten/kota coloured by our scores for the page's year and dimension, or by
 * Kominfo's published 2022 index; null when the data folder has no boundaries for them.
 */
function provinceMap(
	mode: 'scores' | 'official',
	dimension: string | null,
	peers: Parameters<typeof scoreMapValues>[0]
) {
	const { province } = config().instance;
	const onMap = childRegions(province, ['kabupaten', 'kota']).map((r) => r.code);
	const geometry = mapGeometry(onMap, MAP_WIDTH);
	if (!geometry) return null;
	const provinceName = regions.get(getDb(), province)?.name ?? province;
	const official = kominfo2022();
	const values =
		mode === 'official' && official
			? {
					values: officialMapValues(official.rows, onMap) as Record<string, number | null>,
					illustrative: {} as Record<string, boolean>
				}
			: scoreMapValues(peers, dimension);
	return {
		mode,
		geometry,
		...values,
		withData: Object.values(values.values).filter((v) => v !== null).length,
		// Only the regions we score have a scorecard to open.
		linked: peers.map((p) => p.code),
		province: provinceShortName(provinceName),
		source: {
			letter: KOMINFO_2022_SOURCE.letter,
			year: KOMINFO_2022_SOURCE.year,
			href: KOMINFO_2022_SOURCE.copyHref
		},
		officialAvailable: official !== null
	};
}
