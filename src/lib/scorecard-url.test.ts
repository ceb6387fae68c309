import { describe, expect, it } from 'vitest';
import { scorecardQuery } from './scorecard-url';

describe('scorecardQuery()', () => {
	it.each([
		[{}, {}, ''],
		[{ region: '33.18', year: 2018 }, {}, '?region=33.18&year=2018'],
		[
			{ region: '33.18', weights: { economy: 2, society: 0 } },
			{},
			'?region=33.18&w.economy=2&w.society=0'
		],
		[{ year: 2024 }, { from: 2018, to: undefined }, '?year=2024&from=2018']
	])('scorecardQuery(%j, %j) is %j', (state, extra, expected) => {
		expect(scorecardQuery(state, extra)).toBe(expected);
	});
});
