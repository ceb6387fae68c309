import { methodologyText } from '$lib/scoring';
import { config } from '$lib/server/config';
import { getConnection, getDb } from '$lib/server/db';
import * as frameworks from '$lib/server/db/frameworks';
import * as indicators from '$lib/server/db/indicators';
import { spbeLevels } from '$lib/server/submissions/reference';
import { scoring } from '$lib/server/scores';
import type { PageServerLoad } from './$types';

const SPBE = 'spbe-2020';

function tree(db: ReturnType<typeof getDb>, code: string) {
	const nodes = frameworks.nodes(db, code);
	const list = indicators.list(db, { framework: code });
	return nodes
		.filter((n) => n.parentCode === null)
		.map((top) => ({
			...top,
			children: nodes
				.filter((n) => n.parentCode === top.code)
				.map((child) => ({
					...child,
					indicators: list.filter((i) => i.elementCode === child.code)
				}))
		}));
}

export const load = (async () => {
	const db = getDb();
	const fwCode = config().instance.defaultFramework;
	const { profile, framework } = scoring(getConnection(), { framework: fwCode });
	const spbe = frameworks.get(db, SPBE);
	return {
		framework: { code: framework.code, nameId: framework.nameId, nameEn: framework.nameEn },
		profile: {
			code: profile.code,
			version: profile.version,
			nameId: profile.nameId,
			nameEn: profile.nameEn,
			settings: profile.settings
		},
		methodology: methodologyText(profile.settings),
		tree: tree(db, fwCode),
		spbe: spbe
			? {
					nameId: spbe.nameId,
					nameEn: spbe.nameEn,
					tree: tree(db, SPBE),
					levels: spbeLevels(config().dataDir)
				}
			: null
	};
}) satisfies PageServerLoad;
