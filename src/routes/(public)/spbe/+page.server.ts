import { comparisonGroup, config } from '$lib/server/config';
import { getConnection, getDb } from '$lib/server/db';
import * as indicators from '$lib/server/db/indicators';
import * as observations from '$lib/server/db/observations';
import * as regions from '$lib/server/db/regions';
import { scoring } from '$lib/server/scores';
import { parseBreakYears } from '$lib/server/scores';
import { publishedPredikat, spbeOfScores } from '$lib/server/spbe';
import type { PageServerLoad } from './$types';

/** The GM100SC indicator that carries the published SPBE index (data/indicators.csv). */
const PUBLISHED = 'spbe_index';
const SPBE_FRAMEWORK = 'spbe-2020';

export const load = (async () => {
	const { instance } = config();
	const db = getDb();
	const group = comparisonGroup(instance);
	const names = new Map(regions.list(db).map((r) => [r.code, r.name]));
	const meta = indicators.get(db, PUBLISHED);
	const published = meta
		? observations.listCurrent(db, { indicator: PUBLISHED, regions: group }).map((o) => {
				const predikat = publishedPredikat(o.value);
				return {
					regionCode: o.regionCode,
					regionName: names.get(o.regionCode) ?? o.regionCode,
					year: o.year,
					value: o.value,
					predikat: predikat ? { labelId: predikat.labelId, labelEn: predikat.labelEn } : null,
					source: o.source,
					sourceKind: o.sourceKind,
					referencePeriod: o.referencePeriod,
					note: o.note,
					illustrative: o.illustrative
				};
			})
		: [];
	published.sort(
		(a, b) => group.indexOf(a.regionCode) - group.indexOf(b.regionCode) || a.year - b.year
	);

	// The regulation's own computation from indicator levels, where levels were entered (the
	// self-assessment or the demo): one rule for index, rounding and predikat (src/lib/server/spbe.ts).
	const computed: {
		year: number;
		indexRounded: number | null;
		predikat: { labelId: string; labelEn: string } | null;
		domains: { code: string; index: number | null }[];
		assessed: number;
		total: number;
	}[] = [];
	let domainNames: { code: string; nameId: string; nameEn: string }[] = [];
	try {
		const ctx = scoring(getConnection(), { framework: SPBE_FRAMEWORK });
		domainNames = ctx.framework.nodes
			.filter((n) => n.parentCode === null)
			.map((n) => ({ code: n.code, nameId: n.nameId, nameEn: n.nameEn }));
		for (const year of ctx.years) {
			const scores = ctx.regionYear(instance.defaultRegion, year);
			const spbe = scores ? spbeOfScores(ctx, scores) : null;
			if (!spbe) continue;
			const total = ctx.framework.indicators.length;
			const assessed = total - spbe.missing.length;
			if (assessed === 0) continue;
			computed.push({
				year,
				indexRounded: spbe.index_rounded,
				predikat: spbe.predikat
					? { labelId: spbe.predikat.label_id, labelEn: spbe.predikat.label_en }
					: null,
				domains: spbe.domains.map((d) => ({ code: d.code, index: d.index })),
				assessed,
				total
			});
		}
	} catch {
		// No SPBE framework in this data folder: the page shows the published index only.
	}
	return {
		region: { code: instance.defaultRegion, name: names.get(instance.defaultRegion) ?? '' },
		published,
		breakYears: meta ? parseBreakYears(meta.breakYears) : [],
		breakNoteId: meta?.breakNoteId ?? '',
		breakNoteEn: meta?.breakNoteEn ?? '',
		computed,
		domainNames
	};
}) satisfies PageServerLoad;
