import { describe, expect, it } from 'vitest';
import { DEFAULT_RATING_BANDS } from './profile.ts';
import { formatScore } from '../format.ts';
import { rate, rateScore, SCORE_DECIMALS } from './rating.ts';

describe('rate()', () => {
	it.each([
		[100, 'achieved'],
		[80, 'achieved'],
		[80 - 1e-10, 'achieved'],
		[79.999, 'challenges_remain'],
		[65, 'challenges_remain'],
		[64.99, 'significant_challenges'],
		[50, 'significant_challenges'],
		[49.99, 'major_challenges'],
		[0, 'major_challenges'],
		[-5, 'major_challenges']
	])('puts %d in band %s (edges belong to the upper band)', (score, id) => {
		expect(rate(score, DEFAULT_RATING_BANDS)?.id).toBe(id);
	});
	it('returns null for a null or NaN score and for no bands', () => {
		expect(rate(null, DEFAULT_RATING_BANDS)).toBeNull();
		expect(rate(NaN, DEFAULT_RATING_BANDS)).toBeNull();
		expect(rate(50, [])).toBeNull();
	});
	it('carries the id and en labels and the colour key', () => {
		expect(rate(90, DEFAULT_RATING_BANDS)).toEqual({
			id: 'achieved',
			min: 80,
			labelId: 'Tercapai',
			labelEn: 'Achieved',
			colour: 'green'
		});
	});
});

describe('rateScore()', () => {
	it.each([
		[49.95, '50,0', 'significant_challenges'],
		[49.94, '49,9', 'major_challenges'],
		[64.95, '65,0', 'challenges_remain'],
		[79.96, '80,0', 'achieved'],
		[79.94, '79,9', 'challenges_remain'],
		[50, '50,0', 'significant_challenges'],
		[0.04, '0,0', 'major_challenges']
	])('rateScore(%d) rates the score as written (%s): band %s', (score, shown, id) => {
		expect(formatScore(score, 'id')).toBe(shown);
		expect(rateScore(score, DEFAULT_RATING_BANDS)?.id).toBe(id);
	});

	it('rateScore() reads the score at the decimals formatScore writes by default', () => {
		expect(formatScore(12.345, 'en')).toBe(`12.${'3'.repeat(SCORE_DECIMALS)}`);
	});

	it('rateScore() returns null for a null or NaN score', () => {
		expect(rateScore(null, DEFAULT_RATING_BANDS)).toBeNull();
		expect(rateScore(NaN, DEFAULT_RATING_BANDS)).toBeNull();
	});
});
