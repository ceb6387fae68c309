/**
 * What counts as an answer for each kind of item: an SPBE level is a whole number 1–5, a GM100SC
 * element a narrative, and a Kominfo instrument item's answer takes the form its question asks
 * (ya/tidak, a count, a percentage, words), with its score on the ministry's 0–4 scale apart.
 */
import type { AnswerKind } from './instrument.ts';
import type { ItemKind } from './types.ts';

export const MAX_NARRATIVE = 4000;
export const MAX_JUSTIFICATION = 4000;

export type AnswerCheck = { ok: true; value: string | null } | { ok: false; reason: AnswerProblem };
export type AnswerProblem =
	| 'not_a_level'
	| 'not_a_score'
	| 'not_yes_no'
	| 'not_a_count'
	| 'not_a_number'
	| 'not_a_survey_mean'
	| 'too_long';

/** A decimal typed the Indonesian way ("2,75") or the English way ("2.75"). */
const decimal = (text: string) => text.replace(',', '.');

/**
 * A score on the ministry's 0–4 scale, at most two decimals (assessors' means step by 0.20 or
 * 0.25); empty gives null.
 * @example checkScore('2,75') // { ok: true, value: '2.75' }
 */
export function checkScore(raw: string | null | undefined): AnswerCheck {
	const t = decimal((raw ?? '').trim());
	if (t === '') return { ok: true, value: null };
	if (!/^\d(?:\.\d{1,2})?$/.test(t)) return { ok: false, reason: 'not_a_score' };
	const n = Number(t);
	return n <= 4 ? { ok: true, value: String(n) } : { ok: false, reason: 'not_a_score' };
}

/**
 * An instrument item's answer in the form its question asks; empty is a draft (null).
 * @example checkInstrumentAnswer('yesno', 'Ya') // { ok: true, value: 'ya' }
 */
export function checkInstrumentAnswer(
	kind: AnswerKind,
	raw: string | null | undefined
): AnswerCheck {
	const text = (raw ?? '').trim();
	if (text === '') return { ok: true, value: null };
	switch (kind) {
		case 'yesno': {
			const t = text.toLowerCase();
			return t === 'ya' || t === 'tidak'
				? { ok: true, value: t }
				: { ok: false, reason: 'not_yes_no' };
		}
		case 'count':
			return /^\d{1,9}$/.test(text.replace(/\./g, ''))
				? { ok: true, value: String(Number(text.replace(/\./g, ''))) }
				: { ok: false, reason: 'not_a_count' };
		case 'percent': {
			const t = decimal(text.replace(/\s*%$/, ''));
			return /^-?\d{1,6}(?:\.\d{1,4})?$/.test(t)
				? { ok: true, value: String(Number(t)) }
				: { ok: false, reason: 'not_a_number' };
		}
		case 'survey': {
			// The mean of residents' answers on the instrument's 1–4 scale.
			const t = decimal(text);
			const n = Number(t);
			return /^\d(?:\.\d{1,2})?$/.test(t) && n >= 1 && n <= 4
				? { ok: true, value: String(n) }
				: { ok: false, reason: 'not_a_survey_mean' };
		}
		default:
			return text.length > MAX_NARRATIVE
				? { ok: false, reason: 'too_long' }
				: { ok: true, value: text };
	}
}

/**
 * Normalises an answer typed in a form; an empty answer is allowed (a draft) and gives null.
 * Instrument items are checked by `checkInstrumentAnswer`, with their question's answer kind.
 * @example checkAnswer('spbe', ' 3 ') // { ok: true, value: '3' }
 */
export function checkAnswer(
	kind: ItemKind,
	raw: string | null | undefined,
	answerKind: AnswerKind = 'text'
): AnswerCheck {
	const text = (raw ?? '').trim();
	if (text === '') return { ok: true, value: null };
	if (kind === 'spbe') {
		return /^[1-5]$/.test(text) ? { ok: true, value: text } : { ok: false, reason: 'not_a_level' };
	}
	if (kind === 'instrument') return checkInstrumentAnswer(answerKind, text);
	return text.length > MAX_NARRATIVE
		? { ok: false, reason: 'too_long' }
		: { ok: true, value: text };
}

/**
 * An SPBE item's level for scoring, else null.
 * @example spbeLevel('3') // 3
 */
export function spbeLevel(answer: string | null): number | null {
	if (answer === null) return null;
	const check = checkAnswer('spbe', answer);
	return check.ok && check.value !== null ? Number(check.value) : null;
}

/**
 * A score typed in a form as a number for the live preview, else null.
 * @example scoreValue('2,5') // 2.5
 */
export function scoreValue(raw: string | null | undefined): number | null {
	const check = checkScore(raw);
	return check.ok && check.value !== null ? Number(check.value) : null;
}
