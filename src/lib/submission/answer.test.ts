import { describe, expect, it } from 'vitest';
import {
	checkAnswer,
	checkInstrumentAnswer,
	checkScore,
	MAX_NARRATIVE,
	scoreValue,
	spbeLevel
} from './answer';

describe('checkAnswer()', () => {
	it.each([
		['spbe', '3', { ok: true, value: '3' }],
		['spbe', ' 5 ', { ok: true, value: '5' }],
		['spbe', '', { ok: true, value: null }],
		['spbe', null, { ok: true, value: null }],
		['spbe', '0', { ok: false, reason: 'not_a_level' }],
		['spbe', '6', { ok: false, reason: 'not_a_level' }],
		['spbe', '3.5', { ok: false, reason: 'not_a_level' }],
		['element', ' Sudah berjalan ', { ok: true, value: 'Sudah berjalan' }],
		['element', 'x'.repeat(MAX_NARRATIVE + 1), { ok: false, reason: 'too_long' }],
		// An instrument item without its answer kind is read as words.
		['instrument', ' Perbup 12/2021 ', { ok: true, value: 'Perbup 12/2021' }]
	] as const)('checkAnswer(%s, %j) gives %o', (kind, raw, expected) => {
		expect(checkAnswer(kind, raw)).toEqual(expected);
	});

	it('checkAnswer() hands an instrument item to checkInstrumentAnswer with its kind', () => {
		expect(checkAnswer('instrument', 'TIDAK', 'yesno')).toEqual({ ok: true, value: 'tidak' });
		expect(checkAnswer('instrument', 'mungkin', 'yesno')).toEqual({
			ok: false,
			reason: 'not_yes_no'
		});
	});
});

describe('checkScore(): the ministry 0–4 scale', () => {
	it.each([
		['2,5', { ok: true, value: '2.5' }],
		['0', { ok: true, value: '0' }],
		['4', { ok: true, value: '4' }],
		['3.25', { ok: true, value: '3.25' }],
		[' ', { ok: true, value: null }],
		[null, { ok: true, value: null }],
		['4.01', { ok: false, reason: 'not_a_score' }],
		['3.125', { ok: false, reason: 'not_a_score' }],
		['-1', { ok: false, reason: 'not_a_score' }],
		['NaN', { ok: false, reason: 'not_a_score' }],
		['10', { ok: false, reason: 'not_a_score' }]
	] as const)('checkScore(%j) gives %o', (raw, expected) => {
		expect(checkScore(raw)).toEqual(expected);
	});

	it('scoreValue() is the number of a valid score, else null', () => {
		expect(scoreValue('2,75')).toBe(2.75);
		expect(scoreValue('0')).toBe(0);
		expect(scoreValue('5')).toBeNull();
		expect(scoreValue('')).toBeNull();
	});

	it('spbeLevel() reads a level 1–5 only', () => {
		expect(spbeLevel('4')).toBe(4);
		expect(spbeLevel('0')).toBeNull();
		expect(spbeLevel(null)).toBeNull();
	});
});

describe('checkInstrumentAnswer(): the answer in the form the question asks', () => {
	it.each([
		['yesno', 'Ya', { ok: true, value: 'ya' }],
		['yesno', 'tidak', { ok: true, value: 'tidak' }],
		['yesno', 'yes', { ok: false, reason: 'not_yes_no' }],
		['count', '12', { ok: true, value: '12' }],
		['count', '2.349', { ok: true, value: '2349' }],
		['count', '0', { ok: true, value: '0' }],
		['count', '-3', { ok: false, reason: 'not_a_count' }],
		['count', '1,5', { ok: false, reason: 'not_a_count' }],
		['percent', '9,31', { ok: true, value: '9.31' }],
		['percent', '72.5 %', { ok: true, value: '72.5' }],
		['percent', '-12,5', { ok: true, value: '-12.5' }],
		['percent', 'sekitar 9', { ok: false, reason: 'not_a_number' }],
		['survey', '3,20', { ok: true, value: '3.2' }],
		['survey', '0.8', { ok: false, reason: 'not_a_survey_mean' }],
		['survey', '4.2', { ok: false, reason: 'not_a_survey_mean' }],
		['extent', ' Berjalan di 6 pilar ', { ok: true, value: 'Berjalan di 6 pilar' }],
		['external', 'WTP (LHP BPK 2024)', { ok: true, value: 'WTP (LHP BPK 2024)' }],
		['text', 'x'.repeat(MAX_NARRATIVE + 1), { ok: false, reason: 'too_long' }],
		['count', '', { ok: true, value: null }]
	] as const)('checkInstrumentAnswer(%s, %j) gives %o', (kind, raw, expected) => {
		expect(checkInstrumentAnswer(kind, raw)).toEqual(expected);
	});
});
