import { fail, redirect } from '@sveltejs/kit';
import { getConnection } from '$lib/server/db';
import { indicatorOpd, listIndicatorOpds, setIndicatorOpd } from '$lib/server/db/assignments';
import { actorOf, requireCapability } from '$lib/server/auth/guard';
import { normaliseOpd, OPD_PATTERN } from '$lib/domain';
import { localizeHref } from '$lib/localize-href';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
	requireCapability(event, 'assignOpd');
	const indicators = listIndicatorOpds(getConnection());
	return {
		indicators,
		opds: [...new Set(indicators.map((i) => i.opd).filter(Boolean))].sort(),
		done: event.url.searchParams.has('done')
	};
}) satisfies PageServerLoad;

export const actions = {
	setOpd: async (event) => {
		requireCapability(event, 'assignOpd');
		const form = await event.request.formData();
		const code = String(form.get('indicator') ?? '');
		const opd = normaliseOpd(String(form.get('opd') ?? ''));
		const conn = getConnection();
		const errors: Record<string, string[]> = {};
		if (indicatorOpd(conn, code) === undefined) errors.indicator = ['indicator-not-found'];
		if (opd !== '' && !OPD_PATTERN.test(opd)) errors.opd = ['opd-invalid'];
		if (Object.keys(errors).length) return fail(400, { indicator: code, errors });
		setIndicatorOpd(conn, code, opd, actorOf(event));
		redirect(303, localizeHref(`/staff/indicators?done=1#${encodeURIComponent(code)}`));
	}
} satisfies Actions;
