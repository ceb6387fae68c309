import { describe, expect, it } from 'vitest';
import { checkAnswer, MAX_NARRATIVE, numericAnswer } from './answer';

describe('checkAnswer()', () => {
	it.each([
		['spbe', '3', { ok: true, value: '3' }],
		['spbe', ' 5 ', { ok: true, value: '5' }],
		['spbe', '', { ok: true, value: null }],
		['spbe', null, { ok: true, value: null }],
		['spbe', '0', { ok: false, reason: 'not_a_level' }],
		['spbe', '6', { ok: false, reason: 'not_a_level' }],
		['spbe', '3.5', { ok: false, reason: 'not_a_level' }],
		['instrument', '2,5', { ok: true, value: '2.5' }],
		['instrument', '0', { ok: true, value: '0' }],
		['instrument', '4', { ok: true, value: '4' }],
		['instrument', '4.01', { ok: false, reason: 'not_a_score' }],
		['instrument', '3.125', { ok: false, reason: 'not_a_score' }],
		['instrument', '-1', { ok: false, reason: 'not_a_score' }],
		['instrument', 'NaN', { ok: false, reason: 'not_a_score' }],
		['element', ' Sudah berjalan ', { ok: true, value: 'Sudah berjalan' }],
		['element', 'x'.repeat(MAX_NARRATIVE + 1), { ok: false, reason: 'too_long' }]
	] as const)('checkAnswer(%s, %j) gives %o', (kind, raw, expected) => {
		expect(checkAnswer(kind, raw)).toEqual(expected);
	});

	it('numericAnswer() reads levels and scores, not narratives or invalid answers', () => {
		expect(numericAnswer('spbe', '4')).toBe(4);
		expect(numericAnswer('instrument', '2.25')).toBe(2.25);
		expect(numericAnswer('instrument', '7')).toBeNull();
		expect(numericAnswer('element', '3')).toBeNull();
		expect(numericAnswer('spbe', null)).toBeNull();
	});
});
