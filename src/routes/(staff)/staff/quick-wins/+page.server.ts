import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import {
	QUICK_WIN_FIELDS,
	RISK_FIELDS,
	type QuickWinField,
	type QuickWinProblem,
	type RiskField
} from '$lib/evaluation/quick-win-input';
import { localizeHref } from '$lib/localize-href';
import { actorOf, requireCapability } from '$lib/server/auth/guard';
import { config } from '$lib/server/config';
import { fieldsOf, formId } from '$lib/server/form';
import { getConnection, getDb } from '$lib/server/db';
import * as regions from '$lib/server/db/regions';
import {
	addRisk,
	carryRisks,
	closeRisk,
	createQuickWin,
	deleteRisk,
	quickWinFields,
	QuickWinError,
	regionQuickWins,
	updateQuickWin,
	type QuickWinActor
} from '$lib/server/quick-wins';
import type { Actions, PageServerLoad } from './$types';

/** The signed-in person when they may manage quick wins; otherwise a recorded 403. */
function manager(event: RequestEvent): QuickWinActor {
	const user = requireCapability(event, 'manageQuickWins');
	return { user, address: actorOf(event).address };
}

type FormName = 'save' | 'risk' | 'close' | 'carry' | 'risk_delete';
interface Refusal {
	form: FormName;
	/** The quick win a risk or carry form belongs to. */
	quickWin: number | null;
	values: Record<string, string> | null;
	problems: readonly QuickWinProblem[];
	yearLimit: boolean;
	/** A risk_delete refused because the risk was carried on. */
	carried: boolean;
}

const failure = (refusal: Partial<Refusal> & { form: FormName }) =>
	fail(400, {
		quickWin: null,
		values: null,
		problems: [],
		yearLimit: false,
		carried: false,
		...refusal
	} satisfies Refusal);

/** The service's refusals: 403 and 404 as errors, the rest as the form's 400. */
function refused(e: unknown, refusal: Partial<Refusal> & { form: FormName }) {
	if (!(e instanceof QuickWinError)) throw e;
	if (e.status === 403) error(403, 'Forbidden');
	if (e.status === 404) error(404, 'Not found');
	return failure({
		...refusal,
		problems: e.problems,
		yearLimit: e.code === 'year_limit',
		carried: e.code === 'carried'
	});
}

export const load = (async (event) => {
	manager(event);
	const conn = getConnection();
	const region = config().instance.defaultRegion;
	const editParam = event.url.searchParams.get('edit');
	const editId = editParam && /^\d{1,9}$/.test(editParam) ? Number(editParam) : null;
	const editing = editId === null ? null : (quickWinFields(conn, editId) ?? null);
	if (editId !== null && !editing) error(404, `No quick win no. ${editId}.`);
	return {
		region: { code: region, name: regions.get(getDb(), region)?.name ?? region },
		quickWins: regionQuickWins(conn, region),
		editId: editing ? editId : null,
		editing,
		saved: event.url.searchParams.get('saved'),
		savedId: event.url.searchParams.get('id'),
		savedCount: event.url.searchParams.get('count'),
		savedYear: event.url.searchParams.get('year')
	};
}) satisfies PageServerLoad;

const back = (query: string, anchor = '') =>
	localizeHref(`/staff/quick-wins?${query}`) + (anchor ? `#${anchor}` : '');

export const actions = {
	save: async (event) => {
		const actor = manager(event);
		const form = await event.request.formData();
		const values = fieldsOf<QuickWinField>(form, QUICK_WIN_FIELDS);
		const id = formId(form, 'id');
		let savedId: number;
		try {
			if (id === null)
				savedId = createQuickWin(getConnection(), actor, config().instance.defaultRegion, values);
			else {
				updateQuickWin(getConnection(), actor, id, values);
				savedId = id;
			}
		} catch (e) {
			return refused(e, { form: 'save', values });
		}
		redirect(
			303,
			back(`saved=${id === null ? 'created' : 'updated'}&id=${savedId}`, `qw-${savedId}`)
		);
	},
	risk: async (event) => {
		const actor = manager(event);
		const form = await event.request.formData();
		const values = fieldsOf<RiskField>(form, RISK_FIELDS);
		const quickWin = formId(form, 'quick_win');
		if (quickWin === null) return failure({ form: 'risk', values });
		try {
			addRisk(getConnection(), actor, quickWin, values);
		} catch (e) {
			return refused(e, { form: 'risk', quickWin, values });
		}
		redirect(303, back(`saved=risk&id=${quickWin}`, `qw-${quickWin}`));
	},
	close: async (event) => {
		const actor = manager(event);
		const risk = formId(await event.request.formData(), 'risk');
		if (risk === null) return failure({ form: 'close' });
		try {
			closeRisk(getConnection(), actor, risk);
		} catch (e) {
			return refused(e, { form: 'close' });
		}
		redirect(303, back(`saved=closed`));
	},
	risk_delete: async (event) => {
		const actor = manager(event);
		const risk = formId(await event.request.formData(), 'risk');
		if (risk === null) return failure({ form: 'risk_delete' });
		try {
			deleteRisk(getConnection(), actor, risk);
		} catch (e) {
			return refused(e, { form: 'risk_delete' });
		}
		redirect(303, back(`saved=risk_deleted`));
	},
	carry: async (event) => {
		const actor = manager(event);
		const form = await event.request.formData();
		const quickWin = formId(form, 'quick_win');
		const from = formId(form, 'from');
		if (quickWin === null || from === null)
			return failure({ form: 'carry', quickWin, yearLimit: true });
		let ids: number[];
		try {
			ids = carryRisks(getConnection(), actor, quickWin, from);
		} catch (e) {
			return refused(e, { form: 'carry', quickWin });
		}
		redirect(
			303,
			back(`saved=carried&id=${quickWin}&count=${ids.length}&year=${from + 1}`, `qw-${quickWin}`)
		);
	}
} satisfies Actions;
