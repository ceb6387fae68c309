import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { config } from '$lib/server/config';
import { getConnection } from '$lib/server/db';
import { evidenceStore } from '$lib/server/evidence';
import {
	addEvidenceFile,
	addEvidenceLink,
	assignItem,
	expectScore,
	finalise,
	removeEvidence,
	reopen,
	reviewItem,
	saveItem,
	submitItem,
	type ItemContent
} from '$lib/server/submissions/service';
import { workspace } from '$lib/server/submissions/workspace';
import { localizeHref } from '$lib/localize-href';
import { sanitiseFileName } from '$lib/submission/files';
import {
	attempt,
	formId,
	idParam,
	requireSubmissionRole,
	text,
	type Need
} from '$lib/server/submissions/guard';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
	const actor = requireSubmissionRole(event, 'read');
	const id = idParam(event.params.id);
	const view = workspace(
		getConnection(),
		id,
		actor.user,
		config().dataDir,
		event.url.searchParams.get('group')
	);
	if (!view) error(404, 'Not found');
	return { ...view, region: config().instance.nameId, done: event.url.searchParams.get('done') };
}) satisfies PageServerLoad;

/**
 * The common start of every action: the role, the submission id and the form; `required` form
 * ids must be present (an empty form is a 400, before anything is looked up).
 */
async function start(event: RequestEvent, need: Need, required: string[]) {
	const actor = requireSubmissionRole(event, need);
	const form = await event.request.formData();
	const ids: Record<string, number> = {};
	for (const name of required) {
		const v = formId(form, name);
		if (v === null)
			return { failure: fail(400, { code: 'invalid_input', detail: { fields: [name] } }) };
		ids[name] = v;
	}
	return { actor, form, ids, submission: idParam(event.params.id) };
}

/** An item's answer form: the answer, an instrument item's self-score, the justification. */
function itemContent(form: FormData): ItemContent {
	return {
		answer: text(form, 'answer'),
		selfScore: form.has('self_score') ? text(form, 'self_score') : null,
		justification: text(form, 'justification')
	};
}

/** After a write: back to the item in its group, saying what was done. */
function back(event: RequestEvent, submission: number, form: FormData, done: string): never {
	const group = text(form, 'group');
	const item = text(form, 'item');
	const query = new URLSearchParams({ done });
	if (group) query.set('group', group);
	redirect(
		303,
		localizeHref(`/staff/submissions/${submission}?${query}`) + (item ? `#item-${item}` : '')
	);
}

export const actions = {
	save: async (event) => {
		const s = await start(event, 'edit', ['item']);
		if ('failure' in s) return s.failure;
		const r = await attempt(() =>
			saveItem(getConnection(), s.actor, s.submission, s.ids.item, itemContent(s.form))
		);
		if (!r.ok) return r.failure;
		back(event, s.submission, s.form, 'saved');
	},
	submit: async (event) => {
		const s = await start(event, 'edit', ['item']);
		if ('failure' in s) return s.failure;
		const content = s.form.has('answer') ? itemContent(s.form) : undefined;
		const r = await attempt(() =>
			submitItem(getConnection(), s.actor, s.submission, s.ids.item, content)
		);
		if (!r.ok) return r.failure;
		back(event, s.submission, s.form, 'submitted');
	},
	return: async (event) => {
		const s = await start(event, 'review', ['item']);
		if ('failure' in s) return s.failure;
		const r = await attempt(() =>
			reviewItem(
				getConnection(),
				s.actor,
				s.submission,
				s.ids.item,
				'return',
				text(s.form, 'comment')
			)
		);
		if (!r.ok) return r.failure;
		back(event, s.submission, s.form, 'returned');
	},
	accept: async (event) => {
		const s = await start(event, 'review', ['item']);
		if ('failure' in s) return s.failure;
		const r = await attempt(() =>
			reviewItem(getConnection(), s.actor, s.submission, s.ids.item, 'accept', null)
		);
		if (!r.ok) return r.failure;
		back(event, s.submission, s.form, 'accepted');
	},
	expect: async (event) => {
		const s = await start(event, 'review', ['item']);
		if ('failure' in s) return s.failure;
		const r = await attempt(() =>
			expectScore(
				getConnection(),
				s.actor,
				s.submission,
				s.ids.item,
				text(s.form, 'expected_score')
			)
		);
		if (!r.ok) return r.failure;
		back(event, s.submission, s.form, 'expected');
	},
	assign: async (event) => {
		const s = await start(event, 'review', ['item']);
		if ('failure' in s) return s.failure;
		const r = await attempt(() =>
			assignItem(getConnection(), s.actor, s.submission, s.ids.item, {
				opd: text(s.form, 'opd'),
				dueDate: text(s.form, 'due_date')
			})
		);
		if (!r.ok) return r.failure;
		back(event, s.submission, s.form, 'assigned');
	},
	upload: async (event) => {
		const s = await start(event, 'edit', ['item']);
		if ('failure' in s) return s.failure;
		const file = s.form.get('file');
		if (!(file instanceof File) || file.size === 0) {
			return fail(400, { code: 'evidence_rejected', detail: { reason: 'empty' } });
		}
		const store = evidenceStore();
		// Refuse before reading a byte more than the limit.
		if (file.size > store.maxBytes) {
			const name = sanitiseFileName(file.name);
			return fail(400, { code: 'evidence_rejected', detail: { reason: 'too_large', name } });
		}
		const bytes = new Uint8Array(await file.arrayBuffer());
		const r = await attempt(() =>
			addEvidenceFile(getConnection(), store, s.actor, s.submission, s.ids.item, {
				bytes,
				name: file.name
			})
		);
		if (!r.ok) return r.failure;
		back(event, s.submission, s.form, 'uploaded');
	},
	link: async (event) => {
		const s = await start(event, 'edit', ['item']);
		if ('failure' in s) return s.failure;
		const r = await attempt(() =>
			addEvidenceLink(getConnection(), s.actor, s.submission, s.ids.item, {
				url: text(s.form, 'url'),
				label: text(s.form, 'label')
			})
		);
		if (!r.ok) return r.failure;
		back(event, s.submission, s.form, 'linked');
	},
	deleteEvidence: async (event) => {
		const s = await start(event, 'edit', ['evidence']);
		if ('failure' in s) return s.failure;
		const r = await attempt(() =>
			removeEvidence(getConnection(), evidenceStore(), s.actor, s.submission, s.ids.evidence)
		);
		if (!r.ok) return r.failure;
		back(event, s.submission, s.form, 'deleted');
	},
	finalise: async (event) => {
		const s = await start(event, 'review', []);
		if ('failure' in s) return s.failure;
		if (s.form.get('confirm') !== 'yes')
			return fail(400, { code: 'invalid_input', detail: { fields: ['confirm'] } });
		const r = await attempt(() =>
			finalise(getConnection(), s.actor, s.submission, config().dataDir)
		);
		if (!r.ok) return r.failure;
		redirect(303, localizeHref(`/staff/submissions/${s.submission}/snapshots/${r.value}`));
	},
	reopen: async (event) => {
		const s = await start(event, 'review', []);
		if ('failure' in s) return s.failure;
		if (s.form.get('confirm') !== 'yes')
			return fail(400, { code: 'invalid_input', detail: { fields: ['confirm'] } });
		const r = await attempt(() => reopen(getConnection(), s.actor, s.submission));
		if (!r.ok) return r.failure;
		back(event, s.submission, s.form, 'reopened');
	}
} satisfies Actions;
