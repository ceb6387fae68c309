import { error } from '@sveltejs/kit';
import { comparisonGroup, config } from '$lib/server/config';
import { getDb } from '$lib/server/db';
import * as frameworks from '$lib/server/db/frameworks';
import * as indicators from '$lib/server/db/indicators';
import * as observations from '$lib/server/db/observations';
import * as regions from '$lib/server/db/regions';
import {
	availabilityYears,
	countByYear,
	countStatuses,
	statusMatrix,
	type Status,
	type StatusCounts
} from '$lib/availability';
import type { PageServerLoad } from './$types';

export const load = (async ({ url }) => {
	const db = getDb();
	const { instance } = config();

	const allFrameworks = frameworks.list(db);
	const frameworkCode = url.searchParams.get('framework') || instance.defaultFramework;
	const framework = allFrameworks.find((f) => f.code === frameworkCode);
	if (!framework) error(404, `Unknown framework "${frameworkCode}".`);

	const allRegions = regions.list(db);
	const peerCodes = comparisonGroup(instance).filter((c) =>
		allRegions.some((r) => r.code === c)
	);
	const regionCode = url.searchParams.get('region') || instance.defaultRegion;
	// Any kabupaten/kota may be looked at (every scorecard links here); the comparison table below
	// stays with the instance's own group, plus the region asked for.
	const asked = allRegions.find((r) => r.code === regionCode);
	if (!asked || (asked.kind !== 'kabupaten' && asked.kind !== 'kota')) {
		error(404, `Unknown region "${regionCode}".`);
	}
	if (!peerCodes.includes(regionCode)) peerCodes.push(regionCode);

	const [nodes, list, values] = [
		frameworks.nodes(db, framework.code),
		indicators.list(db, { framework: framework.code }),
		observations.listCurrent(db, { framework: framework.code, regions: peerCodes })
	];
	const years = availabilityYears(
		framework.yearFrom,
		framework.yearTo,
		values.map((v) => v.year)
	);
	const inRange = (y: number) => y >= (years[0] ?? 0) && y <= (years.at(-1) ?? 0);
	const byRegion = new Map<string, typeof values>();
	for (const v of values) {
		if (!inRange(v.year)) continue;
		const bucket = byRegion.get(v.regionCode) ?? [];
		bucket.push(v);
		byRegion.set(v.regionCode, bucket);
	}
	// Each compared region's matrix is built once: the chosen region's also fills the tables above.
	const matrices = new Map(
		peerCodes.map((code) => [code, statusMatrix(list, byRegion.get(code) ?? [], years)])
	);
	const matrix = matrices.get(regionCode)!;
	const statusesOf = (codes: string[]): Status[][] => codes.map((c) => matrix.get(c) ?? []);
	const dimensions = nodes
		.filter((n) => n.parentCode === null)
		.map((d) => {
			const members = list.filter((i) => i.dimensionCode === d.code);
			const rows = statusesOf(members.map((i) => i.code));
			return {
				code: d.code,
				nameId: d.nameId,
				nameEn: d.nameEn,
				byYear: countByYear(rows),
				total: countStatuses(rows.flat()),
				indicators: members.map((i) => ({
					code: i.code,
					nameId: i.nameId,
					nameEn: i.nameEn,
					context: i.weight === 0,
					opd: i.opd,
					statuses: matrix.get(i.code) ?? []
				}))
			};
		});

	const regionName = (code: string) => allRegions.find((r) => r.code === code)?.name ?? code;
	const peers = peerCodes.map((code) => {
		const rows = [...matrices.get(code)!.values()];
		return {
			code,
			name: regionName(code),
			byYear: countByYear(rows),
			total: countStatuses(rows.flat())
		};
	});
	const total: StatusCounts = countStatuses(dimensions.flatMap((d) => d.indicators.flatMap((i) => i.statuses)));

	return {
		framework: { code: framework.code, nameId: framework.nameId, nameEn: framework.nameEn },
		frameworks: allFrameworks.map((f) => ({ code: f.code, nameId: f.nameId, nameEn: f.nameEn })),
		isDefaultFramework: framework.code === instance.defaultFramework,
		region: { code: regionCode, name: regionName(regionCode) },
		isDefaultRegion: regionCode === instance.defaultRegion,
		regions: peerCodes.map((code) => ({ code, name: regionName(code) })),
		years,
		indicatorCount: list.length,
		dimensions,
		peers,
		total
	};
}) satisfies PageServerLoad;
