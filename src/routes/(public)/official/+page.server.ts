import { error } from '@sveltejs/kit';
import { KOMINFO_2022_SOURCE, displayRegionName, weightsOf } from '$lib/evaluation/kominfo';
import { config } from '$lib/server/config';
import { getDb } from '$lib/server/db';
import * as regions from '$lib/server/db/regions';
import { childRegions } from '$lib/server/geo';
import { kominfo2022 } from '$lib/server/official';
import { provinceShortName } from '../compare/map';
import { officialRows, reproduction } from './view';
import type { PageServerLoad } from './$types';

/** The tolerance the project's documents state for the recomputed index (DOMAIN.md). */
const TOLERANCE = 0.01;

export const load = (async () => {
	const evaluation = kominfo2022();
	if (!evaluation) error(404, 'This data folder has no published evaluation results.');
	const { instance } = config();
	const name = (code: string) => regions.get(getDb(), code)?.name ?? code;
	const provinceCodes = new Set(childRegions(instance.province).map((r) => r.code));
	const weights = weightsOf(evaluation.dimensions);
	const rows = officialRows(evaluation.rows, weights, provinceCodes);
	const defaultRegion = instance.defaultRegion;
	return {
		source: {
			letter: KOMINFO_2022_SOURCE.letter,
			issuer: KOMINFO_2022_SOURCE.issuer,
			year: KOMINFO_2022_SOURCE.year,
			copyHref: KOMINFO_2022_SOURCE.copyHref
		},
		dimensions: evaluation.dimensions.map((d) => ({ key: d.key, weight: d.weight })),
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
