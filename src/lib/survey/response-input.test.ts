import { describe, expect, it } from 'vitest';
import { checkResponse, paperColumns, parseScore, readPaperForms } from './response-input';
import type { SurveyStructure } from './structure';

const A = 'impact.smart-governance.4.1.1';
const B = 'impact.smart-governance.4.1.2';
const survey: Pick<SurveyStructure, 'statements'> = {
	statements: [A, B].map((code) => ({ code, itemNo: '', question: '', statement: '' }))
};
const bytes = (text: string) => new TextEncoder().encode(text);

describe('parseScore()', () => {
	it.each([
		['1', 1],
		[' 4 ', 4],
		['tt', null],
		['Tidak tahu', null],
		['', undefined],
		['   ', undefined],
		['0', 'invalid'],
		['5', 'invalid'],
		['2.5', 'invalid'],
		['NaN', 'invalid']
	])('reads %j as %j', (text, expected) => {
		expect(parseScore(text)).toBe(expected);
	});
});

describe('checkResponse()', () => {
	it('keeps the answers in the form’s order, "tidak tahu" as null, and skips blanks', () => {
		expect(
			checkResponse({ [`answer.${B}`]: 'tt', [`answer.${A}`]: '3', age_band: '30-44' }, survey)
		).toEqual({
			ok: true,
			response: {
				answers: [
					{ code: A, score: 3 },
					{ code: B, score: null }
				],
				ageBand: '30-44'
			}
		});
		expect(checkResponse({ [`answer.${A}`]: '1', [`answer.${B}`]: '' }, survey)).toEqual({
			ok: true,
			response: { answers: [{ code: A, score: 1 }], ageBand: null }
		});
	});

	it('names every problem at once: an answer off the scale, a forged statement, a bad age band', () => {
		expect(
			checkResponse(
				{ [`answer.${A}`]: '5', 'answer.impact.forged.9.9.9': '2', age_band: '12' },
				survey
			)
		).toEqual({
			ok: false,
			problems: [
				{ code: 'off_scale', statement: A, value: '5' },
				{ code: 'unknown_statement', statement: 'impact.forged.9.9.9' },
				{ code: 'bad_age_band', value: '12' }
			]
		});
	});

	it('refuses a form with nothing answered', () => {
		expect(checkResponse({ [`answer.${A}`]: '' }, survey)).toEqual({
			ok: false,
			problems: [{ code: 'no_answers' }]
		});
	});
});

describe('readPaperForms()', () => {
	it('reads a semicolon file with any column order, blank lines skipped', () => {
		const text = `${B};usia;${A}\r\ntt;60+;4\r\n\r\n2;;\r\n`;
		expect(readPaperForms(bytes(text), survey)).toEqual({
			ok: true,
			responses: [
				{
					answers: [
						{ code: A, score: 4 },
						{ code: B, score: null }
					],
					ageBand: '60+'
				},
				{ answers: [{ code: B, score: 2 }], ageBand: null }
			]
		});
	});

	it('gives every row’s problems with its line, and no responses', () => {
		const text = `usia,${A},${B}\n,3,4\n,7,\n99,,\n`;
		expect(readPaperForms(bytes(text), survey)).toEqual({
			ok: false,
			problems: [
				{ row: 3, code: 'off_scale', statement: A, value: '7' },
				{ row: 4, code: 'bad_age_band', value: '99' }
			]
		});
	});

	it('refuses a file with a column that names no statement of the survey', () => {
		expect(readPaperForms(bytes(`usia,${A},impact.forged.1\n,3,4\n`), survey)).toEqual({
			ok: false,
			fileProblem: { code: 'unknown_columns', columns: ['impact.forged.1'] }
		});
	});

	it('refuses a header-only file and a row with too few cells', () => {
		expect(readPaperForms(bytes(`usia,${A}\n`), survey)).toEqual({
			ok: false,
			fileProblem: { code: 'no_rows' }
		});
		expect(readPaperForms(bytes(`usia,${A}\n,3\n4\n`), survey)).toEqual({
			ok: false,
			fileProblem: { code: 'cell_count', row: 3, expected: 2, found: 1 }
		});
	});

	it('gives the template’s columns: usia, then the statements', () => {
		expect(paperColumns(survey)).toEqual(['usia', A, B]);
	});
});
