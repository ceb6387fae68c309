import { conflictsOf } from '$lib/server/conflicts';
import { getDb } from '$lib/server/db';
import { parseBreakYears } from '$lib/server/scores';
import * as observations from '$lib/server/db/observations';
import { childRegions, mapGeometry } from '$lib/server/geo';
import type { IndicatorScore } from '$lib/scoring/types';
import { WEIGHT_PREFIX } from '$lib/scorecard-url';
import { scoresInYear } from '../../year-scores.server';
import { peersParam } from '../series';
import { kecamatanMapView } from './kecamatan';
import { indicatorView } from './load.server';
import type { PageServerLoad } from './$types';

/** Width of the kecamatan map's server drawing; the SVG scales to its box. */
const KECAMATAN_MAP_WIDTH = 480;

/** The indicator over the region's kecamatan (null when none has a value: no map at all). */
function kecamatanMap(region: string, indicator: string, year: number, valueType: string) {
	const kecamatan = childRegions(region, ['kecamatan']);
	if (kecamatan.length === 0) return null;
	const codes = kecamatan.map((k) => k.code);
	const view = kecamatanMapView(
		observations.listCurrent(getDb(), { indicator, regions: codes }),
		kecamatan,
		year,
		valueType
	);
	if (!view) return null;
	return { ...view, geometry: mapGeometry(codes, KECAMATAN_MAP_WIDTH) };
}

export const load = (async ({ url, params }) => {
	const { sc, meta, peers, shownPeers, values, goals, chart } = indicatorView(url, params.code);
	const { ctx, region, year } = sc;

	const scores = scoresInYear(sc);
	let score: IndicatorScore | undefined;
	let dimension = scores.dimensions[0];
	let element = dimension;
	for (const d of scores.dimensions) {
		for (const e of [d, ...d.children]) {
			const hit = e.indicators.find((i) => i.code === params.code);
			if (hit) [score, dimension, element] = [hit, d, e];
		}
	}
	const s = score!;

	const names = new Map(sc.regions.map((r) => [r.code, r.name]));
	const order = [region.code, ...peers.map((p) => p.code)];
	const table = values
		.map((v) => ({
			regionCode: v.regionCode,
			regionName: names.get(v.regionCode) ?? v.regionCode,
			year: v.year,
			value: v.value,
			illustrative: v.illustrative,
			source: v.source,
			sourceKind: v.sourceKind,
			referencePeriod: v.referencePeriod,
			note: v.note
		}))
		.sort((a, b) => order.indexOf(a.regionCode) - order.indexOf(b.regionCode) || a.year - b.year);
	const illustrativeValues = table.filter((v) => v.illustrative).length;
	const realSources = [...new Set(table.filter((v) => !v.illustrative).map((v) => v.source))];
	const peersKept = url.searchParams.has('peers') ? peersParam(shownPeers) : null;
	const kecamatan = kecamatanMap(region.code, meta.code, year, meta.valueType);

	return {
		indicator: {
			code: meta.code,
			nameId: meta.nameId,
			nameEn: meta.nameEn,
			descriptionId: meta.descriptionId,
			descriptionEn: meta.descriptionEn,
			unit: meta.unit,
			decimals: meta.decimals,
			polarity: meta.polarity,
			valueType: meta.valueType,
			method: meta.method,
			worst: meta.worst,
			best: meta.best,
			benchmark: meta.benchmark,
			weight: meta.weight,
			opd: meta.opd,
			definitionSource: meta.definitionSource,
			yearFrom: meta.yearFrom,
			breakYears: parseBreakYears(meta.breakYears),
			breakNoteId: meta.breakNoteId,
			breakNoteEn: meta.breakNoteEn
		},
		dimension: { code: dimension.code, nameId: dimension.nameId, nameEn: dimension.nameEn },
		element: { code: element.code, nameId: element.nameId, nameEn: element.nameEn },
		score: {
			value: s.value,
			yearUsed: s.yearUsed,
			carriedForward: s.carriedForward,
			illustrative: s.illustrative,
			score: s.score,
			reason: s.reason,
			trend: s.trend,
			polarity: s.polarity,
			trendDetail: s.trendDetail,
			trace: s.trace
		},
		chart,
		peers: peers.map((p) => ({ code: p.code, name: p.name })),
		shownPeers,
		peersKept,
		table,
		targets: goals.map((t) => ({
			year: t.year,
			value: t.value,
			documentType: t.documentType,
			documentRef: t.documentRef,
			source: t.source,
			illustrative: t.illustrative
		})),
		conflicts: conflictsOf(meta.code, order).map((c) => ({
			...c,
			regionName: names.get(c.regionCode) ?? c.regionCode
		})),
		quality: { total: table.length, illustrative: illustrativeValues, realSources },
		illustrativeCount:
			illustrativeValues +
			goals.filter((t) => t.illustrative).length +
			(kecamatan?.illustrativeCount ?? 0),
		kecamatan,
		region: { code: region.code, name: region.name },
		year,
		years: ctx.years,
		yearStatuses: sc.yearStatuses,
		yearHasScore: sc.yearHasScore,
		nearestScoredYear: sc.nearestScoredYear,
		regions: sc.regions.map((r) => ({ code: r.code, name: r.name })),
		weights: sc.weights,
		keepWeights: [...url.searchParams].filter(([k]) => k.startsWith(WEIGHT_PREFIX))
	};
}) satisfies PageServerLoad;
