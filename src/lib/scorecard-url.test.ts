import { describe, expect, it } from 'vitest';
import { scorecardQuery, withWeights } from './scorecard-url';

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

describe('withWeights()', () => {
	it.each([
		// A multiple of 1 is the default: it leaves the URL, and other parameters keep their place.
		[
			'/compare?region=33.18&w.economy=2&year=2022',
			{ economy: 1 },
			'/compare?region=33.18&year=2022'
		],
		['/?region=33.18', { economy: 3, society: 0 }, '/?region=33.18&w.economy=3&w.society=0'],
		[
			'/en/dimensions/economy?w.economy=2#top',
			{ economy: 0.5 },
			'/en/dimensions/economy?w.economy=0.5#top'
		],
		['/?year=2022', {}, '/?year=2022'],
		['/?w.economy=2', { economy: 1 }, '/'],
		// An absolute URL stays absolute.
		[
			'http://localhost:5173/?year=2022',
			{ living: 2 },
			'http://localhost:5173/?year=2022&w.living=2'
		]
	])('withWeights(%j, %j) is %j', (href, multiples, expected) => {
		expect(withWeights(href, multiples)).toBe(expected);
	});
});
