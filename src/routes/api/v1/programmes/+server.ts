import { json } from '@sveltejs/kit';
import { PROGRAMME_KINDS, type ProgrammeKind } from '$lib/evaluation/programme-input';
import { parseQuery, QueryError, withQuery } from '$lib/server/api';
import { config } from '$lib/server/config';
import { getConnection } from '$lib/server/db';
import * as regions from '$lib/server/db/regions';
import { pillarsOf, publicRegister, type PublicProgramme } from '$lib/server/programmes';
import type { RequestHandler } from './$types';

function apiProgramme(p: PublicProgramme) {
	return {
		id: p.id,
		name: p.name,
		element: p.elementCode,
		pillar: p.dimension,
		kind: p.kind,
		opd: p.opd,
		start_year: p.startYear,
		masterplan_title: p.masterplanTitle,
		masterplan_page: p.masterplanPage,
		budget_source: p.budgetSource,
		budget: p.budget,
		quick_win: p.quickWin,
		source: p.source,
		progress: p.progress
	};
}

/**
 * The instance's programme register as `/programmes` shows it: the masterplan's programmes and
 * action plans with their approved progress only (a draft is not public), filtered by pillar, OPD,
 * year and kind. An unknown pillar or kind is a 400 that lists the known ones.
 */
export const GET: RequestHandler = ({ url }) =>
	withQuery(() => {
		const q = parseQuery(url, { pillar: 'code', opd: 'string', year: 'year', kind: 'string' });
		const { defaultRegion, defaultFramework } = config().instance;
		const conn = getConnection();
		const pillars = pillarsOf(conn, defaultFramework).map((p) => p.code);
		if (q.pillar !== undefined && !pillars.includes(q.pillar))
			throw new QueryError(
				'pillar',
				`Unknown pillar "${q.pillar}". Known pillars: ${pillars.join(', ')}.`
			);
		if (q.kind !== undefined && !(PROGRAMME_KINDS as readonly string[]).includes(q.kind))
			throw new QueryError(
				'kind',
				`Unknown kind "${q.kind}". Known kinds: ${PROGRAMME_KINDS.join(', ')}.`
			);
		const shown = publicRegister(conn, defaultRegion, defaultFramework, {
			dimension: q.pillar ?? null,
			opd: q.opd?.trim().toUpperCase() || null,
			year: q.year ?? null,
			kind: (q.kind as ProgrammeKind | undefined) ?? null
		});
		return json({
			region: { code: defaultRegion, name: regions.get(conn.db, defaultRegion)?.name ?? '' },
			framework: defaultFramework,
			approved_only: true,
			programmes: shown.programmes.map(apiProgramme)
		});
	});
