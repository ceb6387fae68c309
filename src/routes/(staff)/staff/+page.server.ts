import { config } from '$lib/server/config';
import { getConnection } from '$lib/server/db';
import * as audit from '$lib/server/db/audit';
import { history } from '$lib/server/db/import-history';
import * as indicators from '$lib/server/db/indicators';
import * as observations from '$lib/server/db/observations';
import { requireCapability } from '$lib/server/auth/guard';
import { may, mayEditTargets, OPD_SCOPED } from '$lib/server/auth/roles';
import { regionYearScores } from '$lib/server/scores';
import { producerTodo } from '$lib/server/submissions/workspace';
import { indicatorScoresOf } from '$lib/scoring';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
	const user = requireCapability(event, 'staff');
	const conn = getConnection();
	const { instance } = config();
	const seesAll = may(user, 'readAudit');
	const scoped = OPD_SCOPED.includes(user.role);
	const all = indicators.list(conn.db, { framework: instance.defaultFramework });
	const mine = scoped ? all.filter((i) => i.opd === user.opd) : all;
	const opdOf = new Map(mine.map((i) => [i.code, i.opd]));

	const latestYear = observations.latestYear(
		conn,
		instance.defaultRegion,
		instance.defaultFramework
	);
	const present = new Set(
		latestYear === null
			? []
			: observations.indicatorsObserved(conn, instance.defaultRegion, latestYear)
	);
	const missing = mine
		.filter((i) => !present.has(i.code))
		.map((i) => ({ code: i.code, nameId: i.nameId, nameEn: i.nameEn, opd: i.opd }));

	// Off-track list from the scoring engine; left out (null) if scoring cannot run on this data.
	let offTrack:
		| {
				code: string;
				nameId: string;
				nameEn: string;
				trend: string;
				opd: string;
				/** The user may set this indicator's targets: the list links to its target form. */
				targetForm: boolean;
		  }[]
		| null = null;
	if (latestYear !== null) {
		try {
			const { scores } = regionYearScores(conn, {
				framework: instance.defaultFramework,
				region: instance.defaultRegion,
				year: latestYear
			});
			offTrack = indicatorScoresOf(scores.dimensions)
				.filter((s) => opdOf.has(s.code) && (s.trend === 'decreasing' || s.trend === 'stagnating'))
				.map((s) => ({
					code: s.code,
					nameId: s.nameId,
					nameEn: s.nameEn,
					trend: s.trend,
					opd: opdOf.get(s.code) ?? '',
					targetForm: mayEditTargets(user, opdOf.get(s.code) ?? '')
				}));
		} catch (e) {
			console.error('staff home: scoring failed', e);
		}
	}

	const recentImports = history(conn, { limit: 10, actor: scoped ? user.username : undefined });
	const recentAudit = audit.list(conn.db, seesAll ? {} : { actor: user.username }, {
		limit: 10,
		offset: 0
	});
	// The producer's to-do in the open submissions; dates are compared as the server's UTC day.
	const todo = producerTodo(conn, user, new Date().toISOString().slice(0, 10));
	return {
		todo,
		scope: {
			opd: scoped ? user.opd : null,
			framework: instance.defaultFramework
		},
		region: instance.nameId,
		latestYear,
		missing,
		offTrack,
		recentImports,
		recentAudit,
		auditIsMine: !seesAll
	};
}) satisfies PageServerLoad;
