import { describe, expect, it } from 'vitest';
import { DEFAULT_RATING_BANDS } from './profile.ts';
import { rate } from './rating.ts';

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
