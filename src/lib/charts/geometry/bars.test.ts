import { describe, it, expect } from 'vitest';
import { barRows, rankItems, rankText, type RankInput } from './bars';

describe('rankItems()', () => {
	const items: RankInput[] = [
		{ code: 'c', label: 'C', score: 60 },
		{ code: 'd', label: 'D', score: null },
		{ code: 'a', label: 'A', score: 80, low: 75, high: 85 },
		{ code: 'b', label: 'B', score: 78, low: 70, high: 82 }
	];

	it('rankItems() sorts by score, highest first, with nulls last', () => {
		expect(rankItems(items).map((d) => d.code)).toEqual(['a', 'b', 'c', 'd']);
	});

	it('rankItems() gives rank intervals from overlapping score intervals', () => {
		expect(rankItems(items).map((d) => [d.code, d.rank, d.rankLow, d.rankHigh])).toEqual([
			['a', 1, 1, 2],
			['b', 2, 1, 2],
			['c', 3, 3, 3],
			['d', null, null, null]
		]);
	});

	it('rankItems() gives tied scores the same competition rank and orders them by label', () => {
		const tied = rankItems([
			{ code: 'z', label: 'Z', score: 50 },
			{ code: 'y', label: 'Y', score: 50 },
			{ code: 'x', label: 'X', score: 70 },
			{ code: 'w', label: 'W', score: 40 }
		]);
		expect(tied.map((d) => [d.code, d.rank, d.rankLow, d.rankHigh])).toEqual([
			['x', 1, 1, 1],
			['y', 2, 2, 2],
			['z', 2, 2, 2],
			['w', 4, 4, 4]
		]);
	});

	it('rankItems() keeps a rank interval given by the caller', () => {
		const r = rankItems([
			{ code: 'a', label: 'A', score: 80, rankLow: 1, rankHigh: 3 },
			{ code: 'b', label: 'B', score: 70 }
		]);
		expect(r.map((d) => [d.rankLow, d.rankHigh])).toEqual([
			[1, 3],
			[2, 2]
		]);
	});

	it('rankItems() treats NaN as no score and returns [] for no items', () => {
		expect(rankItems([{ code: 'n', label: 'N', score: NaN }])[0].rank).toBe(null);
		expect(rankItems([])).toEqual([]);
	});
});

describe('rankText()', () => {
	it.each([
		[2, 4, '2–4'],
		[3, 3, '3'],
		[null, null, ''],
		[2, null, '2'],
		[undefined, 5, '5']
	])('rankText(%s, %s) gives %j', (lo, hi, text) => {
		expect(rankText(lo, hi)).toBe(text);
	});
});

describe('barRows()', () => {
	it.each([
		[
			2,
			10,
			30,
			0.6,
			[
				{ y: 16, height: 18 },
				{ y: 46, height: 18 }
			]
		],
		[1, 0, 25, 0.5, [{ y: 6.25, height: 12.5 }]],
		[0, 0, 25, 0.5, []]
	])('barRows(%i, %d, %d, %d) gives %j', (n, top, rh, fill, rows) => {
		expect(barRows(n, top, rh, fill)).toEqual(rows);
	});
});
