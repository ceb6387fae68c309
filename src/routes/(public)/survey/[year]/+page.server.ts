import { randomBytes } from 'node:crypto';
import { error, fail, redirect, type Cookies } from '@sveltejs/kit';
import { localizeHref } from '$lib/localize-href';
import { config } from '$lib/server/config';
import { getConnection } from '$lib/server/db';
import { HONEYPOT_FIELD, submitResponse, surveyView, SurveyError } from '$lib/server/surveys';
import type { ResponseProblem } from '$lib/survey/response-input';
import type { Actions, PageServerLoad } from './$types';

/** The device cookie the duplicate check reads: random, kept a year, never linked to a person. */
const DEVICE_COOKIE = 'survey_device';

function deviceOf(cookies: Cookies, secure: boolean): string {
	const known = cookies.get(DEVICE_COOKIE);
	if (known && /^[A-Za-z0-9_-]{22}$/.test(known)) return known;
	const made = randomBytes(16).toString('base64url');
	cookies.set(DEVICE_COOKIE, made, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure,
		maxAge: 365 * 24 * 3600
	});
	return made;
}

// Not hydrated: the form is a plain POST that needs no script, and a resident on a phone over a
// mobile network answers it as soon as the HTML arrives, without waiting for (or racing) the app's
// JavaScript.
export const csr = false;

const yearOf = (param: string) => (/^\d{4}$/.test(param) ? Number(param) : null);

export const load = (async ({ params, url, setHeaders }) => {
	// Open or closed depends on the date as well as on staff: never kept by the page cache.
	setHeaders({ 'cache-control': 'no-store' });
	const year = yearOf(params.year);
	const view = year === null ? undefined : surveyView(getConnection(), year, config().dataDir);
	if (!view || view.structure.statements.length === 0) error(404, 'No survey for this year.');
	const pillar = url.searchParams.get('pilar');
	return {
		year: view.survey.year,
		status: view.survey.status,
		closesOn: view.survey.closesOn,
		takingAnswers: view.takingAnswers,
		structure: view.structure,
		programmes: view.programmes,
		pillar: view.structure.pillars.some((p) => p.key === pillar) ? pillar : null,
		sent: url.searchParams.get('sent') === '1',
		honeypot: HONEYPOT_FIELD
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const year = yearOf(event.params.year);
		if (year === null) error(404, 'No survey for this year.');
		const form = await event.request.formData();
		const fields: Record<string, string> = {};
		for (const [k, v] of form) if (typeof v === 'string') fields[k] = v;
		const device = deviceOf(event.cookies, event.url.protocol === 'https:');
		try {
			submitResponse(
				getConnection(),
				year,
				fields,
				{ address: event.getClientAddress(), device },
				config().dataDir
			);
		} catch (e) {
			if (!(e instanceof SurveyError)) throw e;
			if (e.code === 'not_found') error(404, 'No survey for this year.');
			const { [HONEYPOT_FIELD]: _trap, ...values } = fields;
			return fail(e.status, {
				code: e.code,
				problems: e.problems as ResponseProblem[],
				retryMinutes: e.retryMinutes,
				values
			});
		}
		const pillar = event.url.searchParams.get('pilar');
		redirect(
			303,
			localizeHref(`/survey/${year}?sent=1${pillar ? `&pilar=${encodeURIComponent(pillar)}` : ''}`)
		);
	}
} satisfies Actions;
