import { error, fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/localize-href';
import { qrPath } from '$lib/server/auth/totp';
import { config } from '$lib/server/config';
import { getConnection } from '$lib/server/db';
import {
	closeSurvey,
	enterPaperForm,
	importPaperForms,
	latestResponses,
	openSurvey,
	PROGRAMMES_PER_SUB,
	programmeChoices,
	saveSettings,
	SurveyError,
	surveyView,
	type SurveyErrorCode,
	withdrawResponse,
	type ProgrammeField
} from '$lib/server/surveys';
import type { PaperFileProblem, ResponseProblem, RowProblem } from '$lib/survey/response-input';
import { surveyManager, yearParam } from '../manager.server';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

type Form = 'settings' | 'status' | 'paper' | 'import' | 'withdraw';

/** The service's refusals: 403 and 404 as errors, the rest as the named form's 400 or 409. */
function refused(e: unknown, form: Form, values: Record<string, string> = {}) {
	if (!(e instanceof SurveyError)) throw e;
	if (e.status === 403) error(403, 'Forbidden');
	if (e.status === 404) error(404, 'No survey for this year.');
	return fail(e.status === 409 ? 409 : 400, {
		form,
		code: e.code,
		field: e.field,
		problems: e.problems as (ResponseProblem | RowProblem)[],
		fileProblem: e.fileProblem as PaperFileProblem | null,
		values
	});
}

function yearOf(event: RequestEvent): number {
	const year = yearParam(event.params.year);
	if (year === null) error(404, 'No survey for this year.');
	return year;
}

/** A withdrawal's own words for a forged or withdrawn response id and for a closed survey. */
const WITHDRAW_REFUSALS: Partial<Record<SurveyErrorCode, string>> = {
	not_found: 'response_not_found',
	closed: 'withdraw_closed'
};

const fieldsOf = (form: FormData) => {
	const fields: Record<string, string> = {};
	for (const [k, v] of form) if (typeof v === 'string') fields[k] = v;
	return fields;
};

export const load = (async (event) => {
	surveyManager(event);
	const year = yearOf(event);
	const { dataDir, instance } = config();
	const view = surveyView(getConnection(), year, dataDir);
	if (!view) error(404, `No survey for ${year}.`);
	const link = `${event.url.origin}${localizeHref(`/survey/${year}`)}`;
	return {
		...view,
		link,
		qr: qrPath(link),
		latest: latestResponses(getConnection(), year),
		choices: programmeChoices(getConnection(), instance.defaultRegion, instance.defaultFramework),
		slots: PROGRAMMES_PER_SUB,
		saved: event.url.searchParams.get('saved'),
		count: event.url.searchParams.get('count')
	};
}) satisfies PageServerLoad;

const back = (year: number, saved: string) => localizeHref(`/staff/survey/${year}?saved=${saved}`);

export const actions = {
	settings: async (event) => {
		const actor = surveyManager(event);
		const year = yearOf(event);
		const fields = fieldsOf(await event.request.formData());
		// Slots arrive as programme.<sub-dimension>.<position> (register id) and name.<…> (typed).
		const programmes: ProgrammeField[] = [];
		for (const [k, v] of Object.entries(fields)) {
			const match = /^(programme|name)\.(.+)\.(\d)$/.exec(k);
			if (!match || match[1] !== 'programme') continue;
			programmes.push({
				subDimension: match[2],
				position: Number(match[3]),
				programmeId: v,
				name: fields[`name.${match[2]}.${match[3]}`] ?? ''
			});
		}
		try {
			saveSettings(
				getConnection(),
				actor,
				year,
				{ closesOn: fields.closes_on ?? '', programmes },
				config().dataDir
			);
		} catch (e) {
			return refused(e, 'settings', fields);
		}
		redirect(303, back(year, 'settings'));
	},
	open: async (event) => {
		const actor = surveyManager(event);
		const year = yearOf(event);
		try {
			openSurvey(getConnection(), actor, year);
		} catch (e) {
			return refused(e, 'status');
		}
		redirect(303, back(year, 'open'));
	},
	close: async (event) => {
		const actor = surveyManager(event);
		const year = yearOf(event);
		try {
			closeSurvey(getConnection(), actor, year);
		} catch (e) {
			return refused(e, 'status');
		}
		redirect(303, back(year, 'closed'));
	},
	withdraw: async (event) => {
		const actor = surveyManager(event);
		const year = yearOf(event);
		const fields = fieldsOf(await event.request.formData());
		try {
			withdrawResponse(
				getConnection(),
				actor,
				year,
				Number(fields.response ?? ''),
				fields.reason ?? ''
			);
		} catch (e) {
			const code = e instanceof SurveyError ? WITHDRAW_REFUSALS[e.code] : undefined;
			if (code)
				return fail((e as SurveyError).status, {
					form: 'withdraw' as Form,
					code,
					field: '',
					problems: [],
					fileProblem: null,
					values: fields
				});
			return refused(e, 'withdraw', fields);
		}
		redirect(303, back(year, 'withdrawn'));
	},
	paper: async (event) => {
		const actor = surveyManager(event);
		const year = yearOf(event);
		const fields = fieldsOf(await event.request.formData());
		try {
			enterPaperForm(getConnection(), actor, year, fields, config().dataDir);
		} catch (e) {
			return refused(e, 'paper', fields);
		}
		redirect(303, back(year, 'paper'));
	},
	import: async (event) => {
		const actor = surveyManager(event);
		const year = yearOf(event);
		const file = (await event.request.formData()).get('file');
		if (!(file instanceof File) || file.size === 0)
			return fail(400, {
				form: 'import' as Form,
				code: 'no_file',
				field: '',
				problems: [],
				fileProblem: null,
				values: {}
			});
		let count: number;
		try {
			count = importPaperForms(
				getConnection(),
				actor,
				year,
				{ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
				config().dataDir
			);
		} catch (e) {
			return refused(e, 'import');
		}
		redirect(303, `${back(year, 'imported')}&count=${count}`);
	}
} satisfies Actions;
