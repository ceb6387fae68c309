import { error } from '@sveltejs/kit';
import { group as groupBy } from 'd3-array';
import { getLocale } from '$lib/paraglide/runtime';
import type { GroupScore, IndicatorScore } from '$lib/scoring/types';
import { getDb } from '$lib/server/db';
import * as indicators from '$lib/server/db/indicators';
import * as observations from '$lib/server/db/observations';
import * as targets from '$lib/server/db/targets';
import { resolveScorecard } from '$lib/server/scorecard';
import { basisView, missingIndicators } from '$lib/scorecard-basis';
import { WEIGHT_PREFIX } from '$lib/scorecard-url';
import { indicatorChart } from '../../indicators/series';
import { scoresInYear } from '../../year-scores.server';
import type { PageServerLoad } from './$types';

function group(g: GroupScore, opdOf: ReadonlyMap<string, string>) {
	return {
		code: g.code,
		nameId: g.nameId,
		nameEn: g.nameEn,
		score: g.score,
		reason: g.reason,
		rating: g.rating
			? { colour: g.rating.colour, labelId: g.rating.labelId, labelEn: g.rating.labelEn }
			: null,
		coverage: g.coverage,
		basis: basisView(g.basis),
		missing: g.score === null ? missingIndicators(g, opdOf) : [],
		trend: g.trend
	};
}

/** Printed date in the reader's language, in Pati's time zone (the date on a paper rapor). */
function printedDate(locale: 'id' | 'en'): string {
	return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', {
		dateStyle: 'long',
		timeZone: 'Asia/Jakarta'
	}).format(new Date());
}

export const load = (async ({ url, params }) => {
	const sc = resolveScorecard(url);
	const { ctx, region, year } = sc;
	const node = ctx.framework.nodes.find((n) => n.code === params.code && n.parentCode === null);
	if (!node) error(404, `Unknown dimension "${params.code}".`);

	const dimension = scoresInYear(sc).dimensions.find((d) => d.code === node.code)!;

	const db = getDb();
	const framework = ctx.framework.code;
	const [meta, values, goals] = await Promise.all([
		indicators.list(db, { framework }),
		observations.listCurrent(db, { region: region.code, framework }),
		targets.listCurrent(db, { region: region.code })
	]);
	const decimalsOf = new Map(meta.map((i) => [i.code, i.decimals]));
	const opdOf = new Map(meta.map((i) => [i.code, i.opd]));
	// Grouped once: the region's values and targets of every indicator, not a scan per indicator.
	const valuesByIndicator = groupBy(values, (v) => v.indicatorCode);
	const goalsByIndicator = groupBy(goals, (t) => t.indicatorCode);

	let illustrativeCount = 0;
	const row = (i: IndicatorScore) => {
		const own = valuesByIndicator.get(i.code) ?? [];
		const goalsOf = goalsByIndicator.get(i.code) ?? [];
		const chart = indicatorChart(
			own.map((v) => ({ ...v, regionCode: region.code })),
			goalsOf.map((t) => ({ year: t.year, value: t.value, illustrative: t.illustrative })),
			region,
			[],
			[]
		);
		illustrativeCount +=
			chart.region.points.filter((p) => p.illustrative).length +
			chart.target.filter((p) => p.illustrative).length;
		const targetRow = goalsOf.find((t) => t.year === i.targetYear);
		const used = own.find((v) => v.year === i.yearUsed);
		return {
			code: i.code,
			nameId: i.nameId,
			nameEn: i.nameEn,
			unit: i.unit,
			decimals: decimalsOf.get(i.code) ?? null,
			value: i.value,
			yearUsed: i.yearUsed,
			carriedForward: i.carriedForward,
			illustrative: i.illustrative,
			target: i.target,
			targetYear: i.targetYear,
			targetIllustrative: targetRow?.illustrative ?? false,
			score: i.score,
			reason: i.reason,
			trend: i.trend,
			polarity: i.polarity,
			source: i.trace.source,
			sourceKind: i.trace.sourceKind,
			referencePeriod: i.trace.referencePeriod,
			note: used?.note ?? '',
			series: chart.region.points,
			targets: chart.target
		};
	};

	const elements = [
		...dimension.children.map((e) => ({ ...group(e, opdOf), indicators: e.indicators.map(row) })),
		...(dimension.indicators.length
			? [{ ...group(dimension, opdOf), indicators: dimension.indicators.map(row) }]
			: [])
	];

	return {
		dimension: group(dimension, opdOf),
		elements,
		region: { code: region.code, name: region.name },
		year,
		years: ctx.years,
		yearStatuses: sc.yearStatuses,
		minCoverage: ctx.profile.settings.minCoverage,
		maxCarriedShare: ctx.profile.settings.maxCarriedShare,
		yearHasScore: sc.yearHasScore,
		nearestScoredYear: sc.nearestScoredYear,
		regions: sc.regions.map((r) => ({ code: r.code, name: r.name })),
		weights: sc.weights,
		keep: [...url.searchParams].filter(([k]) => k.startsWith(WEIGHT_PREFIX)),
		illustrativeCount,
		printedAt: printedDate(getLocale()),
		pageUrl: url.href
	};
}) satisfies PageServerLoad;
