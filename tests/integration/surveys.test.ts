import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedIfEmpty } from '../../src/lib/server/seed';
import {
	closedStatementResults,
	closeSurvey,
	createSurvey,
	enterPaperForm,
	importPaperForms,
	latestResponses,
	openSurvey,
	saveSettings,
	submitResponse,
	SurveyError,
	surveyView,
	withdrawResponse,
	type SurveyActor
} from '../../src/lib/server/surveys';
import { tempDatabase } from './helpers';

const DATA = path.resolve('data');
const A = 'impact.smart-governance.4.1.1';
const B = 'impact.smart-governance.4.1.2';
const walidata: SurveyActor = {
	user: { id: 1, username: 'wali', role: 'walidata', opd: null },
	address: '127.0.0.1'
};
const viewer: SurveyActor = { ...walidata, user: { ...walidata.user, role: 'viewer' } };
const NOW = new Date('2023-06-01T03:00:00Z');
const ENV = { SURVEY_ADDRESS_LIMIT: '3' };
const answer = (a: string, b = '') => ({ [`answer.${A}`]: a, [`answer.${B}`]: b });

let conn: ReturnType<typeof tempDatabase>;
const count = () => {
	const v = surveyView(conn, 2023, DATA, NOW)!;
	return v.counts.online + v.counts.paper;
};
const refusal = (f: () => unknown) => {
	try {
		f();
	} catch (e) {
		if (e instanceof SurveyError) return { status: e.status, code: e.code, problems: e.problems };
		throw e;
	}
	return null;
};
const send = (fields: Record<string, string>, address: string, device: string | null) =>
	submitResponse(conn, 2023, fields, { address, device }, DATA, ENV, NOW);

beforeAll(() => {
	conn = tempDatabase();
	seedIfEmpty(conn, DATA);
	createSurvey(conn, walidata, { year: '2023', closesOn: '2023-06-30' }, DATA, NOW);
});
afterAll(() => conn.close());

describe('the survey service', () => {
	it('refuses a viewer (403) and a year without survey statements (2022)', () => {
		expect(refusal(() => openSurvey(conn, viewer, 2023, NOW))?.status).toBe(403);
		expect(
			refusal(() =>
				createSurvey(conn, walidata, { year: '2022', closesOn: '2023-06-30' }, DATA, NOW)
			)
		).toMatchObject({ status: 400, code: 'no_statements' });
	});

	it('refuses answers while the survey is a draft, and takes them once open', () => {
		expect(refusal(() => send(answer('3'), '10.0.0.1', 'dev-1'))).toMatchObject({
			status: 409,
			code: 'closed'
		});
		openSurvey(conn, walidata, 2023, NOW);
		expect(send(answer('3', 'tt'), '10.0.0.1', 'dev-1')).toHaveProperty('id');
		expect(count()).toBe(1);
	});

	it('refuses an answer off the scale and a forged statement, saving nothing', () => {
		expect(refusal(() => send(answer('5'), '10.0.0.2', 'dev-2'))).toEqual({
			status: 400,
			code: 'invalid',
			problems: [{ code: 'off_scale', statement: A, value: '5' }]
		});
		expect(
			refusal(() =>
				send({ 'answer.impact.forged.1.1.1': '2', ...answer('2') }, '10.0.0.2', 'dev-2')
			)?.problems
		).toEqual([{ code: 'unknown_statement', statement: 'impact.forged.1.1.1' }]);
		expect(count()).toBe(1);
	});

	it('refuses a second response from one device, and the same answers again from one address', () => {
		expect(refusal(() => send(answer('1'), '10.0.0.9', 'dev-1'))?.code).toBe('duplicate');
		expect(refusal(() => send(answer('3', 'tt'), '10.0.0.1', 'dev-new'))?.code).toBe('duplicate');
		expect(count()).toBe(1);
	});

	it('thanks and drops a filled honeypot', () => {
		expect(send({ ...answer('4'), website: 'http://spam' }, '10.0.0.3', 'dev-3')).toEqual({
			trapped: true
		});
		expect(count()).toBe(1);
	});

	it('stops a burst from one address at SURVEY_ADDRESS_LIMIT an hour (429), others unaffected', () => {
		send(answer('1'), '10.0.0.5', 'b-1');
		send(answer('2'), '10.0.0.5', 'b-2');
		send(answer('3'), '10.0.0.5', 'b-3');
		expect(refusal(() => send(answer('4'), '10.0.0.5', 'b-4'))).toMatchObject({
			status: 429,
			code: 'rate_limited'
		});
		// An hour later the address may send again.
		const later = new Date(NOW.getTime() + 61 * 60_000);
		expect(
			submitResponse(
				conn,
				2023,
				answer('4'),
				{ address: '10.0.0.5', device: 'b-4' },
				DATA,
				ENV,
				later
			)
		).toHaveProperty('id');
		expect(send(answer('2'), '10.0.0.6', 'c-1')).toHaveProperty('id');
		expect(count()).toBe(6);
	});

	it('refuses a forged programme id and saves a typed one, all or nothing', () => {
		const slot = (programmeId: string, name: string, position = 1) => ({
			subDimension: 'smart-governance.4.1',
			position,
			programmeId,
			name
		});
		expect(
			refusal(() =>
				saveSettings(
					conn,
					walidata,
					2023,
					{
						closesOn: '2023-06-30',
						programmes: [slot('', 'Mal Pelayanan Publik'), slot('999999', '', 2)]
					},
					DATA
				)
			)
		).toMatchObject({ status: 400, code: 'unknown_programme' });
		expect(surveyView(conn, 2023, DATA, NOW)!.programmes).toEqual({});
		saveSettings(
			conn,
			walidata,
			2023,
			{ closesOn: '2023-06-30', programmes: [slot('', 'Mal Pelayanan Publik')] },
			DATA
		);
		expect(surveyView(conn, 2023, DATA, NOW)!.programmes['smart-governance.4.1']).toEqual([
			{ position: 1, programmeId: null, name: 'Mal Pelayanan Publik' }
		]);
	});

	it('imports a paper-form CSV only when every row is valid', () => {
		const csv = (text: string) => ({ name: 'kertas.csv', bytes: new TextEncoder().encode(text) });
		expect(
			refusal(() => importPaperForms(conn, walidata, 2023, csv(`usia;${A}\n;3\n;9\n`), DATA, NOW))
		).toEqual({
			status: 400,
			code: 'invalid',
			problems: [{ row: 3, code: 'off_scale', statement: A, value: '9' }]
		});
		expect(count()).toBe(6);
		expect(
			importPaperForms(conn, walidata, 2023, csv(`usia;${A};${B}\n30-44;4;3\n;2;tt\n`), DATA, NOW)
		).toBe(2);
		enterPaperForm(conn, walidata, 2023, answer('3', '3'), DATA, NOW);
		expect(count()).toBe(9);
	});

	it('withdraws a paper form typed in wrong, with its reason in the audit log; refuses a viewer, a forged id and no reason', () => {
		const wrong = enterPaperForm(conn, walidata, 2023, answer('1', '1'), DATA, NOW);
		expect(count()).toBe(10);
		expect(latestResponses(conn, 2023)[0]).toMatchObject({
			id: wrong,
			channel: 'paper',
			enteredBy: 'wali',
			answered: 2
		});
		expect(refusal(() => withdrawResponse(conn, viewer, 2023, wrong, 'salah ketik'))?.status).toBe(
			403
		);
		expect(
			refusal(() => withdrawResponse(conn, walidata, 2023, 999_999, 'salah ketik'))
		).toMatchObject({
			status: 404,
			code: 'not_found'
		});
		expect(refusal(() => withdrawResponse(conn, walidata, 2023, wrong, '  '))).toMatchObject({
			status: 400,
			code: 'no_reason'
		});
		expect(
			refusal(() => withdrawResponse(conn, walidata, 2023, wrong, 'x'.repeat(501)))?.code
		).toBe('no_reason');
		expect(count()).toBe(10);

		withdrawResponse(conn, walidata, 2023, wrong, ' Form kertas no. 12 salah ketik ');
		expect(count()).toBe(9);
		expect(latestResponses(conn, 2023).map((r) => r.id)).not.toContain(wrong);
		const answersLeft = conn.sqlite
			.prepare('SELECT count(*) AS n FROM survey_answers WHERE response_id = ?')
			.get(wrong) as { n: number };
		expect(answersLeft.n).toBe(0);
		const audit = conn.sqlite
			.prepare(
				`SELECT action, before, after FROM audit_log WHERE action IN ('survey.response_withdrawn', 'auth.denied') ORDER BY id DESC LIMIT 2`
			)
			.all() as { action: string; before: string; after: string }[];
		expect(audit.map((a) => a.action)).toEqual(['survey.response_withdrawn', 'auth.denied']);
		expect(JSON.parse(audit[0].before)).toMatchObject({ id: wrong, channel: 'paper', answered: 2 });
		expect(JSON.parse(audit[0].after)).toEqual({ reason: 'Form kertas no. 12 salah ketik' });
	});

	it('gives no results to the workspace before closing, then the statement’s mean, n and interval', () => {
		expect(closedStatementResults(conn, 2023, DATA).size).toBe(0);
		closeSurvey(conn, walidata, 2023, NOW);
		// A: 3, 1, 2, 3, 4, 2, 4, 2, 3 → mean 24 / 9.
		const a = closedStatementResults(conn, 2023, DATA).get(A)!;
		expect(a).toMatchObject({ n: 9, dontKnow: 0, year: 2023, responses: 9 });
		expect(a.mean).toBeCloseTo(24 / 9, 12);
		expect(a.low).not.toBeNull();
		expect(closedStatementResults(conn, 2023, DATA).get(B)).toMatchObject({ n: 2, dontKnow: 2 });
	});

	it('refuses public answers and paper forms once closed', () => {
		expect(refusal(() => send(answer('2'), '10.0.0.7', 'd-1'))?.code).toBe('closed');
		expect(refusal(() => enterPaperForm(conn, walidata, 2023, answer('2'), DATA, NOW))?.code).toBe(
			'closed'
		);
		// Published results stay as published: withdrawing needs the survey opened again.
		const first = latestResponses(conn, 2023).at(-1)!.id;
		expect(refusal(() => withdrawResponse(conn, walidata, 2023, first, 'spam'))).toMatchObject({
			status: 409,
			code: 'closed'
		});
		expect(count()).toBe(9);
	});
});
