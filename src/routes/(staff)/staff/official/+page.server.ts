import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import {
	RESULT_COLUMNS,
	type ResultFields,
	type ResultFileProblem,
	type ResultProblem,
	type RowProblem
} from '$lib/evaluation/result-input';
import { localizeHref } from '$lib/localize-href';
import { actorOf, requireCapability } from '$lib/server/auth/guard';
import { comparisonGroup, config } from '$lib/server/config';
import { getConnection, getDb } from '$lib/server/db';
import * as regions from '$lib/server/db/regions';
import {
	deleteResult,
	importResults,
	OfficialResultError,
	recordedResults,
	recordResult,
	resultFields,
	updateResult,
	type OfficialActor
} from '$lib/server/official-results';
import { instrument } from '$lib/server/submissions/reference';
import { fieldsOf, formId } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

/** The signed-in person when they may record results; otherwise a recorded 403. */
function recorder(event: RequestEvent): OfficialActor {
	const user = requireCapability(event, 'recordOfficialResults');
	return { user, address: actorOf(event).address };
}

const postedFields = (form: FormData): ResultFields => fieldsOf(form, RESULT_COLUMNS);
const idOf = (form: FormData) => formId(form, 'id');

interface Refusal {
	values: ResultFields | null;
	problems: readonly (ResultProblem | RowProblem)[];
	fileProblem: ResultFileProblem | null;
	/** The uploaded file's name. */
	file: string;
	noFile: boolean;
}

/** A 400 in the one shape the page reads, naming the form it answers. */
const failure = (form: 'save' | 'delete' | 'import', refusal: Partial<Refusal> = {}) =>
	fail(400, {
		form,
		values: null,
		problems: [],
		fileProblem: null,
		file: '',
		noFile: false,
		...refusal
	} satisfies Refusal & { form: string });

/** The service's refusals: 403 and 404 as errors, the rest as the form's 400. */
function refused(e: unknown, form: 'save' | 'import', refusal: Partial<Refusal>) {
	if (!(e instanceof OfficialResultError)) throw e;
	if (e.status === 403) error(403, 'Forbidden');
	if (e.status === 404) error(404, 'Not found');
	return failure(form, { ...refusal, problems: e.problems, fileProblem: e.fileProblem });
}

export const load = (async (event) => {
	recorder(event);
	const conn = getConnection();
	const { dataDir, instance } = config();
	const editParam = event.url.searchParams.get('edit');
	const editId = editParam && /^\d{1,9}$/.test(editParam) ? Number(editParam) : null;
	const editing = editId === null ? null : (resultFields(conn, editId) ?? null);
	if (editId !== null && !editing) error(404, `No recorded result no. ${editId}.`);
	// The region and its peers first: the results staff most often type in.
	const group = comparisonGroup(instance);
	const places = regions
		.list(getDb())
		.filter((r) => r.kind === 'kabupaten' || r.kind === 'kota')
		.sort(
			(a, b) =>
				(group.includes(a.code) ? group.indexOf(a.code) : group.length) -
					(group.includes(b.code) ? group.indexOf(b.code) : group.length) ||
				a.name.localeCompare(b.name)
		)
		.map((r) => ({ code: r.code, name: r.name }));
	return {
		recorded: recordedResults(conn, dataDir),
		regions: places,
		defaultRegion: instance.defaultRegion,
		weightSets: instrument(dataDir).weightSets.map((w) => ({
			code: w.code,
			nameId: w.nameId,
			nameEn: w.nameEn,
			weights: w.weights
		})),
		columns: RESULT_COLUMNS,
		editId: editing ? editId : null,
		editing,
		saved: event.url.searchParams.get('saved'),
		savedId: event.url.searchParams.get('id'),
		savedCount: event.url.searchParams.get('count')
	};
}) satisfies PageServerLoad;

const back = (query: string) => localizeHref(`/staff/official?${query}`);

export const actions = {
	save: async (event) => {
		const actor = recorder(event);
		const form = await event.request.formData();
		const values = postedFields(form);
		const id = idOf(form);
		const { dataDir } = config();
		let savedId: number;
		try {
			if (id === null) savedId = recordResult(getConnection(), actor, values, dataDir);
			else {
				updateResult(getConnection(), actor, id, values, dataDir);
				savedId = id;
			}
		} catch (e) {
			return refused(e, 'save', { values });
		}
		redirect(303, back(`saved=${id === null ? 'created' : 'updated'}&id=${savedId}`));
	},
	delete: async (event) => {
		const actor = recorder(event);
		const id = idOf(await event.request.formData());
		if (id === null) return failure('delete');
		try {
			deleteResult(getConnection(), actor, id);
		} catch (e) {
			return refused(e, 'save', {});
		}
		redirect(303, back(`saved=deleted&id=${id}`));
	},
	import: async (event) => {
		const actor = recorder(event);
		const file = (await event.request.formData()).get('file');
		if (!(file instanceof File) || file.size === 0) return failure('import', { noFile: true });
		let ids: number[];
		try {
			ids = importResults(
				getConnection(),
				actor,
				{ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
				config().dataDir
			);
		} catch (e) {
			return refused(e, 'import', { file: file.name });
		}
		redirect(303, back(`saved=imported&count=${ids.length}`));
	}
} satisfies Actions;
