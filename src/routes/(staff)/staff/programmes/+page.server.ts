import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import {
	PROGRAMME_FIELDS,
	PROGRESS_FIELDS,
	type ProgrammeField,
	type ProgrammeProblem,
	type ProgrammeProblemField,
	type ProgressField
} from '$lib/evaluation/programme-input';
import { localizeHref } from '$lib/localize-href';
import { actorOf, requireCapability } from '$lib/server/auth/guard';
import { may, mayEditProgramme } from '$lib/server/auth/roles';
import { config } from '$lib/server/config';
import { fieldsOf, formId, text } from '$lib/server/form';
import { getConnection, getDb } from '$lib/server/db';
import * as regions from '$lib/server/db/regions';
import {
	approveProgress,
	createProgramme,
	deleteProgramme,
	pillarsOf,
	programmeFields,
	ProgrammeError,
	register,
	saveProgress,
	updateProgramme,
	type ProgrammeActor
} from '$lib/server/programmes';
import type { Actions, PageServerLoad } from './$types';

/** The signed-in person when the role table lets them `capability`; otherwise a recorded 403. */
function actor(
	event: RequestEvent,
	capability: 'staff' | 'manageProgrammes' | 'approveProgrammes'
): ProgrammeActor {
	const user = requireCapability(event, capability);
	return { user, address: actorOf(event).address };
}

type FormName = 'save' | 'progress' | 'approve' | 'delete';
interface Refusal {
	form: FormName;
	/** The programme a progress form belongs to. */
	programme: number | null;
	values: Record<string, string> | null;
	problems: readonly ProgrammeProblem<ProgrammeProblemField>[];
}

const failure = (status: 400 | 404 | 409, refusal: Partial<Refusal> & { form: FormName }) =>
	fail(status, {
		programme: null,
		values: null,
		problems: [],
		...refusal
	} satisfies Refusal);

/** A posted id that is not one: the form's problem names the field. */
const badId = (form: FormName, field: 'programme' | 'progress', value: string) =>
	failure(400, {
		form,
		problems: [{ field, code: value === '' ? 'required' : 'not_listed', value, params: {} }]
	});

/** The service's refusals: 403 as an error, the rest as the form's 400 or 404 with its problems. */
function refused(e: unknown, refusal: Partial<Refusal> & { form: FormName }) {
	if (!(e instanceof ProgrammeError)) throw e;
	if (e.status === 403) error(403, 'Forbidden');
	return failure(e.status, { ...refusal, problems: e.problems });
}

export const load = (async (event) => {
	const { user } = actor(event, 'staff');
	const conn = getConnection();
	const { defaultRegion: region, defaultFramework: framework } = config().instance;
	const editParam = event.url.searchParams.get('edit');
	const editId = editParam && /^\d{1,9}$/.test(editParam) ? Number(editParam) : null;
	const editing = editId === null ? null : (programmeFields(conn, editId) ?? null);
	if (editId !== null && !editing) error(404, `No programme no. ${editId}.`);
	const programmes = register(conn, region, framework).map((p) => ({
		...p,
		mayEdit: mayEditProgramme(user, p.opd)
	}));
	return {
		region: { code: region, name: regions.get(getDb(), region)?.name ?? region },
		pillars: pillarsOf(conn, framework),
		programmes,
		mayCreate: may(user, 'manageProgrammes'),
		mayApprove: may(user, 'approveProgrammes'),
		ownOpd: user.role === 'produsen' ? user.opd : null,
		editId: editing ? editId : null,
		editing,
		saved: event.url.searchParams.get('saved'),
		savedId: event.url.searchParams.get('id'),
		savedYear: event.url.searchParams.get('year')
	};
}) satisfies PageServerLoad;

const back = (query: string, anchor = '') =>
	localizeHref(`/staff/programmes?${query}`) + (anchor ? `#${anchor}` : '');

export const actions = {
	save: async (event) => {
		const who = actor(event, 'manageProgrammes');
		const form = await event.request.formData();
		const values = fieldsOf<ProgrammeField>(form, PROGRAMME_FIELDS);
		const rawId = text(form, 'id');
		const id = formId(form, 'id');
		if (rawId !== '' && id === null) return badId('save', 'programme', rawId);
		const { defaultRegion, defaultFramework } = config().instance;
		let savedId: number;
		try {
			if (id === null)
				savedId = createProgramme(getConnection(), who, defaultRegion, defaultFramework, values);
			else {
				updateProgramme(getConnection(), who, id, values);
				savedId = id;
			}
		} catch (e) {
			return refused(e, { form: 'save', values });
		}
		redirect(
			303,
			back(`saved=${id === null ? 'created' : 'updated'}&id=${savedId}`, `pg-${savedId}`)
		);
	},
	progress: async (event) => {
		const who = actor(event, 'manageProgrammes');
		const form = await event.request.formData();
		const values = fieldsOf<ProgressField>(form, PROGRESS_FIELDS);
		const programme = formId(form, 'programme');
		if (programme === null) return badId('progress', 'programme', text(form, 'programme'));
		try {
			saveProgress(getConnection(), who, programme, values);
		} catch (e) {
			return refused(e, { form: 'progress', programme, values });
		}
		redirect(
			303,
			back(`saved=progress&id=${programme}&year=${values.year?.trim() ?? ''}`, `pg-${programme}`)
		);
	},
	delete: async (event) => {
		const who = actor(event, 'manageProgrammes');
		const form = await event.request.formData();
		const id = formId(form, 'id');
		if (id === null) return badId('delete', 'programme', text(form, 'id'));
		// A plain form cannot ask "are you sure?": the box says it.
		if (text(form, 'confirm') !== 'yes')
			return failure(400, {
				form: 'delete',
				programme: id,
				problems: [{ field: 'programme', code: 'not_confirmed', value: '', params: {} }]
			});
		try {
			deleteProgramme(getConnection(), who, id);
		} catch (e) {
			return refused(e, { form: 'delete', programme: id });
		}
		redirect(303, back(`saved=deleted&id=${id}`));
	},
	approve: async (event) => {
		const who = actor(event, 'approveProgrammes');
		const form = await event.request.formData();
		const progress = formId(form, 'progress');
		if (progress === null) return badId('approve', 'progress', text(form, 'progress'));
		const programme = formId(form, 'programme');
		try {
			approveProgress(getConnection(), who, progress);
		} catch (e) {
			return refused(e, { form: 'approve', programme });
		}
		redirect(303, back(`saved=approved&id=${programme ?? ''}`, programme ? `pg-${programme}` : ''));
	}
} satisfies Actions;
