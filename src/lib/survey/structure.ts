/**
 * The residents' survey as the instrument lays it out: Impact's `survey` items (2023: 6 pillars ×
 * 3 sub-dimensions × 3 statements), grouped by pillar and sub-dimension, each statement worded
 * for a respondent, and the answer scale. Pure module: no Svelte, no SvelteKit, no database.
 */
import type { InstrumentItem } from '../submission/instrument';

/**
 * The answers a respondent may give: the instrument's scale 1–4 and "tidak tahu" (don't know),
 * which is counted apart and never enters a mean. The labels of 1–4 are this project's own:
 * Kominfo's reports print the scale, not its words.
 */
export const SURVEY_SCORES = [1, 2, 3, 4] as const;
export type SurveyScore = (typeof SURVEY_SCORES)[number];
/** The form's and the CSV import's value for "tidak tahu". */
export const DONT_KNOW = 'tt';

export interface SurveyStatement {
	/** The instrument item's code, e.g. `impact.smart-governance.4.1.1`: what a workspace item names. */
	code: string;
	itemNo: string;
	/** The question as the ministry prints it. */
	question: string;
	/** The same, worded as a statement a resident rates. */
	statement: string;
}

export interface SurveySubDimension {
	/** `<pillar>.<number>`, e.g. `smart-governance.4.1`: unique within a survey. */
	code: string;
	number: string;
	name: string;
	statements: SurveyStatement[];
}

export interface SurveyPillar {
	/** The code's second segment, e.g. `smart-governance`. */
	key: string;
	/** As the instrument prints it, e.g. "Smart Governance". */
	name: string;
	/** The GM100SC dimension whose programmes the pillar's sub-dimensions name, e.g. `governance`. */
	dimension: string;
	subDimensions: SurveySubDimension[];
}

export interface SurveyStructure {
	year: number;
	pillars: SurveyPillar[];
	/** Every statement in the form's order. */
	statements: SurveyStatement[];
}

const ASKED = /berapa rata-rata nilai\s+/i;

/**
 * A question worded as a statement: the part after "berapa rata-rata nilai", capitalised, with
 * its question mark dropped.
 * @example statementOf('… berapa rata-rata nilai layanan dapat diakses secara daring?') // 'Layanan dapat diakses secara daring.'
 */
export function statementOf(question: string): string {
	const at = question.search(ASKED);
	const rest = at < 0 ? question : question.slice(at).replace(ASKED, '');
	const text = rest.trim().replace(/\?+$/, '').trim();
	return text.charAt(0).toUpperCase() + text.slice(1) + '.';
}

/** "Smart Governance | 4.1 Sub Dimensi: Layanan Publik (…)" → its pillar, number and name. */
function headingOf(element: string) {
	const [pillar, sub = ''] = element.split('|').map((s) => s.trim());
	const match = /^(\d+(?:\.\d+)*)\s+Sub Dimensi:\s*(.*)$/i.exec(sub);
	return { pillar, number: match?.[1] ?? sub, name: (match?.[2] ?? sub).trim() };
}

/**
 * The survey of one instrument year from its items; items other than Impact's `survey` ones are
 * left out.
 * @example surveyStructure(items2023).statements.length // 54
 */
export function surveyStructure(year: number, items: readonly InstrumentItem[]): SurveyStructure {
	const pillars: SurveyPillar[] = [];
	const statements: SurveyStatement[] = [];
	for (const item of items) {
		if (item.part !== 'impact' || item.answerKind !== 'survey') continue;
		const key = item.code.split('.')[1];
		const heading = headingOf(item.element);
		let pillar = pillars.find((p) => p.key === key);
		if (!pillar) {
			pillar = {
				key,
				name: heading.pillar,
				dimension: key.replace(/^smart-/, ''),
				subDimensions: []
			};
			pillars.push(pillar);
		}
		const subCode = `${key}.${heading.number}`;
		let sub = pillar.subDimensions.find((s) => s.code === subCode);
		if (!sub) {
			sub = { code: subCode, number: heading.number, name: heading.name, statements: [] };
			pillar.subDimensions.push(sub);
		}
		const statement = {
			code: item.code,
			itemNo: item.itemNo,
			question: item.question,
			statement: statementOf(item.question)
		};
		sub.statements.push(statement);
		statements.push(statement);
	}
	return { year, pillars, statements };
}
