import { describe, expect, it } from 'vitest';
import { surveyResults } from './results';
import type { SurveyStructure } from './structure';

const st = (code: string) => ({ code, itemNo: '', question: '', statement: '' });
const survey: SurveyStructure = {
	year: 2023,
	pillars: [
		{
			key: 'smart-governance',
			name: 'Smart Governance',
			dimension: 'governance',
			subDimensions: [
				{ code: 'smart-governance.4.1', number: '4.1', name: 'x', statements: [st('a'), st('b')] },
				{ code: 'smart-governance.4.2', number: '4.2', name: 'y', statements: [st('c')] }
			]
		}
	],
	statements: [st('a'), st('b'), st('c')]
};

describe('surveyResults()', () => {
	const results = surveyResults(survey, [
		[
			{ code: 'a', score: 4 },
			{ code: 'b', score: 2 },
			{ code: 'c', score: null }
		],
		[
			{ code: 'a', score: 2 },
			{ code: 'c', score: 3 }
		],
		[{ code: 'b', score: null }]
	]);

	it('gives a statement mean and n over 1–4 answers, "tidak tahu" counted apart', () => {
		expect(results.statements[0]).toMatchObject({ code: 'a', n: 2, mean: 3, dontKnow: 0 });
		expect(results.statements[1]).toMatchObject({
			code: 'b',
			n: 1,
			mean: 2,
			dontKnow: 1,
			low: null
		});
		expect(results.statements[2]).toMatchObject({ code: 'c', n: 1, mean: 3, dontKnow: 1 });
	});

	it('scores a sub-dimension over respondents, each by the mean of their own answers', () => {
		// Respondent 1: (4 + 2) / 2 = 3; respondent 2: 2; respondent 3 gave only "tidak tahu".
		expect(results.subDimensions[0]).toMatchObject({
			code: 'smart-governance.4.1',
			n: 2,
			mean: 2.5
		});
		// s = 0.7071068, t(0.975, 1) = 12.7062047 → 2.5 ± 6.3531024.
		expect(results.subDimensions[0].low).toBeCloseTo(2.5 - 6.3531024, 6);
		expect(results.pillars[0]).toMatchObject({ code: 'smart-governance', n: 2, mean: 2.75 });
		expect(results.responses).toBe(3);
	});

	it('gives an empty survey n = 0 and no mean everywhere', () => {
		const none = surveyResults(survey, []);
		expect(none.responses).toBe(0);
		expect(none.pillars[0]).toEqual({
			code: 'smart-governance',
			n: 0,
			mean: null,
			sd: null,
			low: null,
			high: null
		});
	});
});
