import { error } from '@sveltejs/kit';
import { displayRegionName, weightsOf } from '$lib/evaluation/kominfo';
import { comparisonGroup, config } from '$lib/server/config';
import { getConnection, getDb } from '$lib/server/db';
import * as regions from '$lib/server/db/regions';
import { childRegions } from '$lib/server/geo';
import { officialTables } from '$lib/server/official';
import { officialHistory } from '$lib/server/official-results';
import { provinceShortName } from '../compare/map';
import { officialRows, reproduction } from './view';
import type { PageServerLoad } from './$types';

/** The tolerance the project's documents state for the recomputed index (DOMAIN.md). */
const TOLERANCE = 0.01;

export const load = (async ({ url }) => {
	const tables = officialTables();
	if (tables.length === 0) error(404, 'This data folder has no published evaluation results.');
	const { dataDir, instance } = config();
	const defaultRegion = instance.defaultRegion;
	// Opens on the newest table the default region took part in, else the newest table.
	const asked = url.searchParams.get('table');
	const table = asked
		? tables.find((t) => t.code === asked)
		: (tables.find((t) =>
				t.evaluation.rows.some((r) => r.tookPart && r.regionCode === defaultRegion)
			) ?? tables[0]);
	if (!table) error(404, `Unknown table "${asked}".`);
	const evaluation = table.evaluation;
	const name = (code: string) => regions.get(getDb(), code)?.name ?? code;
	const provinceCodes = new Set(childRegions(instance.province).map((r) => r.code));
	const weights = weightsOf(evaluation.parts);
	const rows = officialRows(evaluation.rows, weights, provinceCodes);
	// The default region's own history first, then its peers' (data/instance.json), each from the
	// bundled letters and the results staff recorded since.
	const conn = getConnection();
	const histories = comparisonGroup(instance)
		.filter((code) => regions.get(conn.db, code))
		.map((code) => ({
			code,
			name: name(code),
			entries: officialHistory(conn, code, dataDir).entries
		}));
	return {
		histories,
		tables: tables.map((t) => ({
			code: t.code,
			year: t.year,
			cohortId: t.cohortId,
			cohortEn: t.cohortEn
		})),
		table: table.code,
		source: {
			letter: table.letter,
			issuer: table.issuer,
			year: table.year,
			cohortId: table.cohortId,
			cohortEn: table.cohortEn,
			copyHref: table.copyHref
		},
		parts: evaluation.parts.map((p) => ({ key: p.key, weight: p.weight })),
		rows,
		notTaken: evaluation.rows.filter((r) => !r.tookPart).map((r) => displayRegionName(r.region)),
		reproduction: reproduction(rows, TOLERANCE),
		province: provinceShortName(name(instance.province)),
		defaultRegion: {
			code: defaultRegion,
			name: name(defaultRegion),
			listed: rows.some((r) => r.code === defaultRegion)
		}
	};
}) satisfies PageServerLoad;
