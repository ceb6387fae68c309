import { error, fail, redirect } from '@sveltejs/kit';
import { config } from '$lib/server/config';
import { getConnection } from '$lib/server/db';
import * as indicators from '$lib/server/db/indicators';
import * as observations from '$lib/server/db/observations';
import { commitBatch } from '$lib/server/db/imports';
import { TARGET_DOCUMENTS } from '$lib/domain';
import { targetHistory } from '$lib/server/db/target-history';
import { writeAudit } from '$lib/server/audit';
import { actorOf, requireCapability, requireTargetAccess } from '$lib/server/auth/guard';
import { mayEditTargets } from '$lib/server/auth/roles';
import { localizeHref } from '$lib/localize-href';
import { getLocale } from '$lib/paraglide/runtime';
import {
	readTargetForm,
	targetDoubts,
	validateTarget,
	type TargetDoubt,
	type TargetFacts
} from './form';

const NO_DOUBTS: TargetDoubt[] = [];
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
	const user = requireCapability(event, 'editTargets');
	const conn = getConnection();
	const { instance } = config();
	const list = indicators
		.list(conn.db, { framework: instance.defaultFramework })
		.filter((i) => mayEditTargets(user, i.opd));
	const code = event.url.searchParams.get('indicator') ?? list[0]?.code ?? null;
	let selected = null;
	if (code) {
		const indicator = indicators.get(conn.db, code);
		if (!indicator) error(404, `Unknown indicator "${code}".`);
		// Data-level check: another OPD's indicator id in the URL gets a recorded 403.
		requireTargetAccess(event, user, indicator);
		const history = targetHistory(conn, instance.defaultRegion, code);
		const year = Number(event.url.searchParams.get('year'));
		selected = {
			code: indicator.code,
			nameId: indicator.nameId,
			nameEn: indicator.nameEn,
			unit: indicator.unit,
			polarity: indicator.polarity,
			valueType: indicator.valueType,
			opd: indicator.opd,
			history,
			current: history.filter((h) => h.supersededBy === null),
			prefill: history.find((h) => h.supersededBy === null && h.year === year) ?? null
		};
	}
	return {
		region: instance.nameId,
		indicators: list.map((i) => ({ code: i.code, nameId: i.nameId, nameEn: i.nameEn, opd: i.opd })),
		selected,
		documents: TARGET_DOCUMENTS,
		demo: config().demo,
		saved: event.url.searchParams.get('saved')
	};
}) satisfies PageServerLoad;

export const actions = {
	save: async (event) => {
		const user = requireCapability(event, 'editTargets');
		const form = await event.request.formData();
		const code = String(form.get('indicator') ?? '');
		const conn = getConnection();
		const indicator = code ? indicators.get(conn.db, code) : undefined;
		const values = readTargetForm(form);
		if (!indicator) {
			return fail(400, {
				values,
				errors: [
					{
						field: 'indicator_code',
						kind: 'other' as const,
						code: 'foreign-key-error' as const,
						message: { id: 'Indikator tidak dikenal.', en: 'Unknown indicator.' }
					}
				],
				doubts: NO_DOUBTS
			});
		}
		requireTargetAccess(event, user, indicator);
		const { instance } = config();
		const result = validateTarget(
			values,
			getLocale(),
			instance.defaultRegion,
			code,
			{
				valueType: indicator.valueType,
				unit: indicator.unit,
				method: indicator.method,
				worst: indicator.worst,
				best: indicator.best,
				frameworkCode: indicator.frameworkCode
			},
			{ allowIllustrative: config().demo }
		);
		if (!result.ok) return fail(400, { values, errors: result.errors, doubts: NO_DOUBTS });
		const row = result.row;
		const actor = actorOf(event);
		const current = targetHistory(conn, instance.defaultRegion, code).filter(
			(h) => h.supersededBy === null
		);
		const before = current.find((h) => h.year === row.year);
		// A plausible slip (far from the latest value, against the polarity) is saved only once the
		// user has seen why it looks wrong and confirmed it.
		const latest = observations
			.listCurrent(conn.db, {
				region: instance.defaultRegion,
				indicator: code
			})
			.at(-1);
		const facts: TargetFacts = {
			polarity: indicator.polarity,
			worst: indicator.worst,
			best: indicator.best,
			latest: latest ? { year: latest.year, value: latest.value } : null,
			targets: current
				.filter((h) => h.year !== row.year)
				.map((h) => ({ year: h.year, value: h.value }))
		};
		const doubts = targetDoubts({ year: row.year, value: row.value }, facts);
		if (doubts.length > 0 && values.confirm !== 'yes')
			return fail(400, { values, errors: [], doubts });
		const commit = commitBatch(
			conn,
			{
				kind: 'targets',
				fileName: `staff form: ${code} ${row.year}`,
				sha256: result.sha256,
				shape: 'long',
				dialect: { source: 'staff/targets form', locale: getLocale() },
				actor: user.username
			},
			{
				targets: [
					{
						regionCode: row.regionCode,
						indicatorCode: row.indicatorCode,
						year: row.year,
						value: row.value,
						documentType: row.documentType,
						documentRef: row.documentRef,
						source: row.source,
						note: row.note ?? '',
						illustrative: row.illustrative ?? false
					}
				]
			},
			{
				audit: (sqlite, committed) =>
					writeAudit(sqlite, actor, {
						action: 'target.save',
						entityType: 'target',
						entityId: `${row.regionCode}/${row.indicatorCode}/${row.year}`,
						before: before
							? {
									value: before.value,
									documentType: before.documentType,
									documentRef: before.documentRef,
									source: before.source
								}
							: null,
						after: {
							value: row.value,
							documentType: row.documentType,
							documentRef: row.documentRef,
							source: row.source,
							importId: committed.importId,
							...(doubts.length > 0 ? { confirmed: doubts.map((d) => d.code) } : {})
						}
					})
			}
		);
		const saved = commit.status === 'committed' ? 'committed' : 'unchanged';
		redirect(
			303,
			localizeHref(
				`/staff/targets?indicator=${encodeURIComponent(code)}&year=${row.year}&saved=${saved}`
			)
		);
	}
} satisfies Actions;
