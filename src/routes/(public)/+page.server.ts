import { group } from 'd3-array';
import { error } from '@sveltejs/kit';
import { config } from '$lib/server/config';
import { getDb } from '$lib/server/db';
import * as frameworks from '$lib/server/db/frameworks';
import * as indicators from '$lib/server/db/indicators';
import * as observations from '$lib/server/db/observations';
import * as regions from '$lib/server/db/regions';
import type { PageServerLoad } from './$types';

export const load = (async () => {
	const db = getDb();
	const { instance } = config();
	const region = regions.get(db, instance.defaultRegion);
	if (!region) error(500, `Configured region ${instance.defaultRegion} is not in the database.`);
	const [tree, list, values] = await Promise.all([
		frameworks.nodes(db, instance.defaultFramework),
		indicators.list(db, { framework: instance.defaultFramework }),
		observations.listCurrent(db, { region: region.code, framework: instance.defaultFramework })
	]);
	const byIndicator = group(values, (v) => v.indicatorCode);
	const rows = list.map((i) => {
		const series = byIndicator.get(i.code) ?? [];
		return {
			code: i.code,
			nameId: i.nameId,
			nameEn: i.nameEn,
			unit: i.unit,
			decimals: i.decimals,
			elementCode: i.elementCode,
			latest: series.at(-1) ?? null,
			series: series.map((v) => ({ year: v.year, value: v.value, illustrative: v.illustrative }))
		};
	});
	const dimensions = tree
		.filter((n) => n.parentCode === null)
		.map((d) => ({
			code: d.code,
			nameId: d.nameId,
			nameEn: d.nameEn,
			elements: tree
				.filter((e) => e.parentCode === d.code)
				.map((e) => ({
					code: e.code,
					nameId: e.nameId,
					nameEn: e.nameEn,
					indicators: rows.filter((r) => r.elementCode === e.code)
				}))
		}));
	return {
		region: { code: region.code, name: region.name },
		dimensions,
		illustrativeCount: rows.filter((r) => r.latest?.illustrative).length,
		// The chart shows the indicator with the longest real series: proof that CSV → SQLite → page works.
		chart:
			rows
				.filter((r) => r.series.length > 1)
				.sort((a, b) => b.series.length - a.series.length)[0] ?? null
	};
}) satisfies PageServerLoad;
