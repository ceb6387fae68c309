import { PROGRAMME_KINDS, type ProgrammeKind } from '$lib/evaluation/programme-input';
import { config } from '$lib/server/config';
import { getConnection, getDb } from '$lib/server/db';
import * as regions from '$lib/server/db/regions';
import { pillarsOf, publicRegister } from '$lib/server/programmes';
import type { PageServerLoad } from './$types';

export const load = (async ({ url }) => {
	const { defaultRegion: region, defaultFramework: framework } = config().instance;
	const conn = getConnection();
	const pillars = pillarsOf(conn, framework);
	const asked = (name: string) => url.searchParams.get(name)?.trim() || null;
	// A filter value the page does not offer is ignored (the form shows "all"), never an error page.
	const pillar = pillars.some((p) => p.code === asked('pillar')) ? asked('pillar') : null;
	const kindAsked = asked('kind');
	const kind = (PROGRAMME_KINDS as readonly string[]).includes(kindAsked ?? '')
		? (kindAsked as ProgrammeKind)
		: null;
	const yearAsked = Number(asked('year'));
	const opdAsked = asked('opd')?.toUpperCase() ?? null;
	const all = publicRegister(conn, region, framework, {});
	const year = all.years.includes(yearAsked) ? yearAsked : null;
	const opd = opdAsked && all.opds.includes(opdAsked) ? opdAsked : null;
	const shown = publicRegister(conn, region, framework, { dimension: pillar, opd, year, kind });
	return {
		region: { code: region, name: regions.get(getDb(), region)?.name ?? region },
		pillars,
		filter: { pillar, opd, year, kind },
		opds: all.opds,
		years: all.years,
		registered: all.programmes.length,
		programmes: shown.programmes
	};
}) satisfies PageServerLoad;
