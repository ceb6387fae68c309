import { describe, it, expect } from 'vitest';
import { classBreaks, classFill, mapClassing, quantileBreaks, spreadColors } from './classes';

describe('classBreaks()', () => {
	it.each([
		[[0, 100], 5, [20, 40, 60, 80]],
		[[0, 100], 4, [25, 50, 75]],
		[[0, 4], 4, [1, 2, 3]],
		[[0, 0.3], 3, [0.1, 0.2]],
		[[1, 5], 1, []],
		[[0, 100], 0, []],
		[[0, 100], NaN, []],
		[[50, 50], 5, []],
		[[100, 0], 5, []],
		[[0, NaN], 5, []]
	])('classBreaks(%j, %s) gives %j', (domain, n, breaks) => {
		expect(classBreaks(domain as [number, number], n as number)).toEqual(breaks);
	});
});

describe('quantileBreaks()', () => {
	it.each([
		[[10, 20, 30, 40, 50], 4, 0, [20, 30, 40]],
		[[50, 40, 30, 20, 10], 4, 0, [20, 30, 40]],
		// The six scored regions of the /compare map: one break between each pair of neighbours.
		[[61.54, 48, 35.5, 72.25, 80, 19.9], 5, 1, [35.5, 48, 61.5, 72.3]],
		[[10, 10, 10, 50], 2, 0, []],
		[[10, 10, 50, 50], 2, 0, [50]],
		[[3.2, 61.54], 5, 1, [61.5]],
		[[10, 10, 10, 10, 50], 2, 0, []],
		[[7, 7, 7], 5, 1, []],
		[[1, 2], 5, 0, [2]],
		[[49.95, 50.04], 2, 1, []],
		[[null, NaN, 3, undefined, 5], 2, 0, [5]],
		[[], 5, 1, []],
		[[1, 2, 3], 1, 0, []]
	] as [(number | null | undefined)[], number, number, number[]][])(
		'quantileBreaks(%j, %i, %i) gives %j',
		(values, n, d, breaks) => {
			expect(quantileBreaks(values, n, d)).toEqual(breaks);
		}
	);
});

describe('spreadColors()', () => {
	it.each([
		[1, ['#21918c']],
		[2, ['#440154', '#fde725']],
		[3, ['#440154', '#21918c', '#fde725']],
		[4, ['#440154', '#3b528b', '#5ec962', '#fde725']],
		[5, ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725']],
		[0, []]
	])('spreadColors(%i) gives %j', (k, colors) => {
		expect(spreadColors(k)).toEqual(colors);
	});
});

describe('mapClassing()', () => {
	const scores = [61.54, 48, 35.5, 72.25, 80, 19.9, null];

	it('mapClassing() of quantiles bounds the classes by the values themselves and counts them', () => {
		const c = mapClassing(scores, 5, 'id', { decimals: 1 });
		expect(c.breaks).toEqual([35.5, 48, 61.5, 72.3]);
		expect(c.classes).toEqual([
			{ index: 0, from: 19.9, to: 35.5, fill: '#440154', label: '19,9–35,5', count: 1 },
			{ index: 1, from: 35.5, to: 48, fill: '#3b528b', label: '35,5–48,0', count: 1 },
			{ index: 2, from: 48, to: 61.5, fill: '#21918c', label: '48,0–61,5', count: 1 },
			{ index: 3, from: 61.5, to: 72.3, fill: '#5ec962', label: '61,5–72,3', count: 1 },
			{ index: 4, from: 72.3, to: 80, fill: '#fde725', label: '72,3–80,0', count: 2 }
		]);
		expect(c.closest).toBe(10.8);
	});

	it('mapClassing() of close values says how close values in neighbouring classes come', () => {
		const c = mapClassing([50, 50.5, 51.6, 52, 53], 4, 'id', { decimals: 1 });
		expect(c.classes.map((k) => [k.label, k.count])).toEqual([
			['50,0–50,5', 1],
			['50,5–51,6', 1],
			['51,6–52,0', 1],
			['52,0–53,0', 2]
		]);
		expect(c.closest).toBe(0.4);
	});

	it('mapClassing() of one distinct value is one class of that value', () => {
		const c = mapClassing([7, 7, null], 5, 'en', { decimals: 1 });
		expect(c.classes).toEqual([
			{ index: 0, from: 7, to: 7, fill: '#21918c', label: '7.0', count: 2 }
		]);
		expect(c.closest).toBe(Infinity);
	});

	it('mapClassing() of no values has no classes', () => {
		expect(mapClassing([null, NaN], 5, 'id')).toEqual({
			breaks: [],
			classes: [],
			closest: Infinity
		});
	});

	it('mapClassing() of few values makes only classes that hold one', () => {
		const c = mapClassing([61.54, 3.2], 5, 'id', { decimals: 1 });
		expect(c.classes.map((k) => [k.label, k.count, k.fill])).toEqual([
			['3,2–61,5', 1, '#440154'],
			['61,5', 1, '#fde725']
		]);
		expect(c.closest).toBe(58.3);
	});

	it('mapClassing() with equal intervals keeps the fixed scale and all five fills', () => {
		const c = mapClassing(scores, 5, 'id', { scheme: 'equal', domain: [0, 100] });
		expect(c.closest).toBe(7.75);
		expect(c.classes.map((k) => [k.label, k.fill, k.count])).toEqual([
			['0–20', '#440154', 1],
			['20–40', '#3b528b', 1],
			['40–60', '#21918c', 1],
			['60–80', '#5ec962', 2],
			['80–100', '#fde725', 1]
		]);
	});

	it('mapClassing() with equal intervals writes decimal commas or points', () => {
		const id = mapClassing([], 4, 'id', { scheme: 'equal', domain: [0, 4], decimals: 1 });
		expect(id.classes.map((c) => c.label)).toEqual(['0,0–1,0', '1,0–2,0', '2,0–3,0', '3,0–4,0']);
		const en = mapClassing([], 4, 'en', { scheme: 'equal', domain: [1.5, 3.5] });
		expect(en.classes.map((c) => c.label)).toEqual(['1.5–2', '2–2.5', '2.5–3', '3–3.5']);
	});

	it('mapClassing() with equal intervals over an empty domain has no classes', () => {
		expect(mapClassing([3], 4, 'id', { scheme: 'equal', domain: [3, 3] }).classes).toEqual([]);
	});
});

describe('classFill()', () => {
	const equal = mapClassing([], 5, 'id', { scheme: 'equal', domain: [0, 100] });
	it.each([
		[0, '#440154'],
		[19.99, '#3b528b'],
		[19.94, '#440154'],
		[20, '#3b528b'],
		[59.9, '#21918c'],
		[80, '#fde725'],
		[100, '#fde725'],
		[-10, '#440154'],
		[250, '#fde725'],
		[null, null],
		[undefined, null],
		[NaN, null],
		[Infinity, null]
	])('classFill(%s) over equal intervals of 0–100, read at 1 decimal, gives %s', (v, fill) => {
		expect(classFill(v, equal, 1)).toBe(fill);
	});

	it('classFill() puts a value in the class its written value falls in', () => {
		// 49,95 is written "50,0": it takes the class from 50,0, not the one ending there.
		const c = mapClassing([40, 49.95, 60], 2, 'id', { decimals: 1 });
		expect(c.breaks).toEqual([50]);
		expect(classFill(49.95, c, 1)).toBe(c.classes[1].fill);
		expect(classFill(49.94, c, 1)).toBe(c.classes[0].fill);
	});

	it('classFill() of a map without classes is null', () => {
		expect(classFill(5, mapClassing([], 5, 'id'))).toBeNull();
	});
});
