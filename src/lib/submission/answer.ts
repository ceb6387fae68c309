/**
 * What counts as an answer for each kind of item: an SPBE level is a whole number 1–5, a Kominfo
 * instrument item score a number 0–4 with at most two decimals, a GM100SC element a narrative.
 */
import type { ItemKind } from './types.ts';

export const MAX_NARRATIVE = 4000;
export const MAX_JUSTIFICATION = 4000;

export type AnswerCheck = { ok: true; value: string | null } | { ok: false; reason: AnswerProblem };
export type AnswerProblem = 'not_a_level' | 'not_a_score' | 'too_long';

/**
 * Normalises an answer typed in a form; an empty answer is allowed (a draft) and gives null.
 * Decimal commas are read as points (Indonesian input).
 * @example checkAnswer('spbe', ' 3 ') // { ok: true, value: '3' }
 */
export function checkAnswer(kind: ItemKind, raw: string | null | undefined): AnswerCheck {
	const text = (raw ?? '').trim();
	if (text === '') return { ok: true, value: null };
	if (kind === 'spbe') {
		return /^[1-5]$/.test(text) ? { ok: true, value: text } : { ok: false, reason: 'not_a_level' };
	}
	if (kind === 'instrument') {
		const t = text.replace(',', '.');
		if (!/^\d(?:\.\d{1,2})?$/.test(t)) return { ok: false, reason: 'not_a_score' };
		const n = Number(t);
		return n >= 0 && n <= 4 ? { ok: true, value: String(n) } : { ok: false, reason: 'not_a_score' };
	}
	return text.length > MAX_NARRATIVE
		? { ok: false, reason: 'too_long' }
		: { ok: true, value: text };
}

/**
 * The numeric value of a stored answer for scoring (levels and instrument scores), else null.
 * @example numericAnswer('instrument', '2.5') // 2.5
 */
export function numericAnswer(kind: ItemKind, answer: string | null): number | null {
	if (answer === null || kind === 'element') return null;
	const check = checkAnswer(kind, answer);
	return check.ok && check.value !== null ? Number(check.value) : null;
}
