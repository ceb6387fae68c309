/**
 * The survey's results: per statement the mean of its 1–4 answers, n and a 95 % interval, with
 * "tidak tahu" counted apart; per sub-dimension and pillar the same over respondents, each
 * respondent's score being the mean of their own 1–4 answers in that group. Respondents, not
 * answers, are the independent units: pooling a person's three answers as three observations
 * would narrow the interval falsely. Pure module: no Svelte, no SvelteKit, no database.
 */
import { meanSummary, type MeanSummary } from './statistics';
import type { SurveyAnswer } from './response-input';
import type { SurveyStructure } from './structure';

export interface StatementResult extends MeanSummary {
	code: string;
	dontKnow: number;
}
export interface GroupResult extends MeanSummary {
	code: string;
}
export interface SurveyResults {
	/** Responses counted (each with at least one answer). */
	responses: number;
	statements: StatementResult[];
	subDimensions: GroupResult[];
	pillars: GroupResult[];
}

const mean = (xs: readonly number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;

/** Each respondent's mean over the given statements; respondents with no 1–4 answer there left out. */
function respondentScores(
	responses: readonly (readonly SurveyAnswer[])[],
	codes: ReadonlySet<string>
): number[] {
	return responses.flatMap((answers) => {
		const scores = answers
			.filter((a) => codes.has(a.code) && a.score !== null)
			.map((a) => a.score!);
		return scores.length > 0 ? [mean(scores)] : [];
	});
}

/**
 * Results of a survey from its responses (each a list of answers).
 * @example surveyResults(s, [[{ code: 'impact.smart-governance.4.1.1', score: 3 }]]).statements[0] // { code: '…4.1.1', n: 1, mean: 3, dontKnow: 0, … }
 */
export function surveyResults(
	survey: SurveyStructure,
	responses: readonly (readonly SurveyAnswer[])[]
): SurveyResults {
	const statements = survey.statements.map((s) => {
		const given = responses.flatMap((r) => r.filter((a) => a.code === s.code));
		return {
			code: s.code,
			...meanSummary(given.filter((a) => a.score !== null).map((a) => a.score!)),
			dontKnow: given.filter((a) => a.score === null).length
		};
	});
	const group = (code: string, codes: string[]) => ({
		code,
		...meanSummary(respondentScores(responses, new Set(codes)))
	});
	return {
		responses: responses.filter((r) => r.length > 0).length,
		statements,
		subDimensions: survey.pillars.flatMap((p) =>
			p.subDimensions.map((d) =>
				group(
					d.code,
					d.statements.map((s) => s.code)
				)
			)
		),
		pillars: survey.pillars.map((p) =>
			group(
				p.key,
				p.subDimensions.flatMap((d) => d.statements.map((s) => s.code))
			)
		)
	};
}
