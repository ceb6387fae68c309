import type { GroupScore } from '$lib/scoring';
import { leansOnCarried } from '$lib/scorecard-basis';
import { resolveScorecard } from '$lib/server/scorecard';
import { illustrativeInputs } from '../compare/view';
import { progress } from './view';
import type { PageServerLoad } from './$types';

export const load = (async ({ url }) => {
	const sc = resolveScorecard(url);
	const { ctx, region } = sc;
	const dimensions = ctx.framework.nodes
		.filter((n) => n.parentCode === null)
		.map((n) => ({ code: n.code, nameId: n.nameId, nameEn: n.nameEn }));

	const illustrative = new Set<string>();
	const columns = ctx.years.map((year) => {
		const ry = ctx.regionYear(region.code, year);
		if (ry) for (const k of illustrativeInputs(ry.composite)) illustrative.add(k);
		const cell = (g: GroupScore | undefined) => ({
			score: g?.score ?? null,
			illustrative: g ? illustrativeInputs(g).length > 0 : false,
			carried: leansOnCarried(g)
		});
		return {
			year,
			composite: cell(ry?.composite),
			dimensions: Object.fromEntries(
				dimensions.map((d) => [d.code, cell(ry?.dimensions.find((g) => g.code === d.code))])
			)
		};
	});
	const rowProgress = (pick: (c: (typeof columns)[number]) => number | null) =>
		progress(
			columns.map((c) => ({ year: c.year, score: pick(c) })),
			sc.baseYear
		);

	return {
		region: { code: region.code, name: region.name },
		regions: sc.regions.map((r) => ({ code: r.code, name: r.name })),
		weights: sc.weights,
		baseYear: sc.baseYear,
		dimensions,
		columns,
		progress: {
			composite: rowProgress((c) => c.composite.score),
			dimensions: Object.fromEntries(
				dimensions.map((d) => [d.code, rowProgress((c) => c.dimensions[d.code].score)])
			)
		},
		illustrativeCount: illustrative.size,
		profile: {
			nameId: ctx.profile.nameId,
			nameEn: ctx.profile.nameEn,
			version: ctx.profile.version
		}
	};
}) satisfies PageServerLoad;
