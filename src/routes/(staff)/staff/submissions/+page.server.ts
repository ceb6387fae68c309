import { fail, redirect } from '@sveltejs/kit';
import { config } from '$lib/server/config';
import { getConnection } from '$lib/server/db';
import { mayReview } from '$lib/server/auth/roles';
import { isYearInRange } from '$lib/import/types';
import { createSubmission } from '$lib/server/submissions/service';
import { instrument } from '$lib/server/submissions/reference';
import { weightSetFor } from '$lib/submission/instrument';
import { listWithCompleteness } from '$lib/server/submissions/workspace';
import { localizeHref } from '$lib/localize-href';
import type { SubmissionKind } from '$lib/submission/types';
import { attempt, requireSubmissionRole, text } from '$lib/server/submissions/guard';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
	const actor = requireSubmissionRole(event, 'read');
	const conn = getConnection();
	const { dataDir, instance } = config();
	const sets = instrument(dataDir).weightSets;
	const thisYear = new Date().getUTCFullYear();
	return {
		submissions: listWithCompleteness(conn),
		// The region's cohort (instance.json kominfo_cohort) picks the set a new workspace starts with.
		defaultWeightSet: weightSetFor(sets, instance.kominfoCohort ?? '', thisYear)?.set.code ?? null,
		weightSets: sets.map((w) => ({
			code: w.code,
			nameId: w.nameId,
			nameEn: w.nameEn,
			weights: w.weights,
			instrumentYear: w.instrumentYear,
			source: w.source
		})),
		canCreate: mayReview(actor.user),
		region: instance.nameId,
		thisYear
	};
}) satisfies PageServerLoad;

export const actions = {
	create: async (event) => {
		const actor = requireSubmissionRole(event, 'review');
		const form = await event.request.formData();
		const kind = text(form, 'kind');
		const year = Number(text(form, 'year'));
		const errors: string[] = [];
		if (kind !== 'gm100sc' && kind !== 'spbe') errors.push('kind');
		if (!isYearInRange(year)) errors.push('year');
		if (errors.length) return fail(400, { code: 'invalid_input', detail: { fields: errors } });
		const { dataDir, instance } = config();
		const result = await attempt(() =>
			createSubmission(
				getConnection(),
				actor,
				{
					kind: kind as SubmissionKind,
					year,
					regionCode: instance.defaultRegion,
					weightSet: kind === 'gm100sc' ? text(form, 'weight_set') : null,
					title: text(form, 'title')
				},
				dataDir
			)
		);
		if (!result.ok) return result.failure;
		redirect(303, localizeHref(`/staff/submissions/${result.value}`));
	}
} satisfies Actions;
