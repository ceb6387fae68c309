import { error } from '@sveltejs/kit';
import { comparisonGroup, config } from '$lib/server/config';
import { getDb } from '$lib/server/db';
import * as indicators from '$lib/server/db/indicators';
import * as observations from '$lib/server/db/observations';
import * as regions from '$lib/server/db/regions';
import { childRegions, mapGeometry } from '$lib/server/geo';
import { officialTables } from '$lib/server/official';
import { parseYear, resolveScorecard } from '$lib/server/scorecard';
import { leansOnCarried } from '$lib/scorecard-basis';
import type { GroupScore, RegionYearScore } from '$lib/scoring';
import {
	defaultFromYear,
	illustrativeInputs,
	nearestYear,
	rankRange,
	ranksByCode,
	shortRegionName
} from './view';
import {
	indicatorMapValues,
	INDICATOR_MAP,
	mapIndicators,
	officialMapValues,
	OFFICIAL_MAP,
	parseMapMode,
	provinceShortName,
	scoreMapValues,
	type MapMode
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
	const mapMode = parseMapMode(url.searchParams.get('map'), ctx.scoredYears.includes(year));
	if (mapMode === null) error(404, `Unknown map "${url.searchParams.get('map')}".`);
	const askedLayer = url.searchParams.get('indicator') || null;
	if (askedLayer !== null && !ctx.framework.indicators.some((i) => i.code === askedLayer)) {
		error(404, `Unknown indicator "${askedLayer}".`);
	}
	if (mapMode === 'official' && officialTables().length === 0) {
		error(404, 'This data folder has no published evaluation results.');
	}
	const askedFrom = parseYear(url, 'from');
	const askedTo = parseYear(url, 'to');
	const from = askedFrom ?? defaultFromYear(sc.baseYear, ctx.scoredYears) ?? year;
	const to = askedTo ?? year;

	// The comparison is with the instance's neighbours (data/instance.json), plus the region asked
	// for; the map shows the whole province. Ranks are the engine's, among all regions scored.
	const group = new Set([...comparisonGroup(config().instance), region.code]);
	const regions = sc.regions
		.filter((r) => group.has(r.code))
		.map((r) => ({
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
			compositeCarried: leansOnCarried(groupOf(ry, null)),
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
					return [
						d.code,
						{
							score: g?.score ?? null,
							illustrative: usesIllustrative(g),
							carried: leansOnCarried(g)
						}
					];
				})
			)
		};
	});
	const dimensionRanks = Object.fromEntries(
		dimensions.map((d) => {
			const ranks = ranksByCode(
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
			map:
				url.searchParams.get('map') === OFFICIAL_MAP
					? OFFICIAL_MAP
					: url.searchParams.get('map') === INDICATOR_MAP
						? INDICATOR_MAP
						: undefined,
			indicator: askedLayer ?? undefined
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
		anyScoresEver: ctx.scoredYears.length > 0,
		map: provinceMap(mapMode, dimension, peers, {
			year,
			indicator: askedLayer,
			framework: ctx.framework.code
		})
	};
}) satisfies PageServerLoad;

/**
 * The province's kabupaten/kota coloured by our scores for the page's year and dimension, or by
 * the final index of Kominfo's newest published evaluation (every cohort table of that year); null
 * when the data folder has no boundaries for them.
 */
function provinceMap(
	mode: MapMode,
	dimension: string | null,
	peers: Parameters<typeof scoreMapValues>[0],
	at: { year: number; indicator: string | null; framework: string }
) {
	const { province } = config().instance;
	const onMap = childRegions(province, ['kabupaten', 'kota']).map((r) => r.code);
	const geometry = mapGeometry(onMap, MAP_WIDTH);
	if (!geometry) return null;
	const db = getDb();
	const provinceName = regions.get(db, province)?.name ?? province;
	// One indicator's published values on the map: the indicators with values that year, the one
	// asked for or else the one with the most regions.
	const yearValues = observations.listCurrent(db, {
		framework: at.framework,
		regions: onMap,
		year: at.year
	});
	const meta = new Map(indicators.list(db, { framework: at.framework }).map((i) => [i.code, i]));
	const layers = mapIndicators(yearValues, onMap, at.year).map((l) => ({
		...l,
		nameId: meta.get(l.code)?.nameId ?? l.code,
		nameEn: meta.get(l.code)?.nameEn ?? l.code
	}));
	const layerCode = at.indicator ?? layers[0]?.code ?? null;
	const layerMeta = layerCode ? meta.get(layerCode) : undefined;
	const layer = layerMeta
		? {
				code: layerMeta.code,
				nameId: layerMeta.nameId,
				nameEn: layerMeta.nameEn,
				unit: layerMeta.unit,
				decimals: layerMeta.decimals,
				polarity: layerMeta.polarity,
				year: at.year,
				options: layers
			}
		: null;
	const tables = officialTables();
	const newest = tables.filter((t) => t.year === tables[0]?.year);
	const values =
		mode === 'indicator'
			? indicatorMapValues(yearValues, layerCode ?? '', at.year, onMap)
			: mode === 'official' && newest.length
				? {
						values: officialMapValues(
							newest.flatMap((t) => t.evaluation.rows),
							onMap
						) as Record<string, number | null>,
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
			letter: newest[0]?.letter ?? '',
			year: newest[0]?.year ?? null,
			href: newest[0]?.copyHref ?? ''
		},
		officialAvailable: newest.length > 0,
		layer
	};
}
