import { describe, it, expect } from 'vitest';
import { classBreaks, classFill, mapClasses } from './classes';

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

describe('mapClasses()', () => {
	it('mapClasses([0, 100], 5, "id") labels five viridis classes', () => {
		expect(mapClasses([0, 100], 5, 'id')).toEqual([
			{ index: 0, from: 0, to: 20, fill: '#440154', label: '0–20' },
			{ index: 1, from: 20, to: 40, fill: '#3b528b', label: '20–40' },
			{ index: 2, from: 40, to: 60, fill: '#21918c', label: '40–60' },
			{ index: 3, from: 60, to: 80, fill: '#5ec962', label: '60–80' },
			{ index: 4, from: 80, to: 100, fill: '#fde725', label: '80–100' }
		]);
	});

	it('mapClasses([0, 4], 4, "id", undefined, 1) writes decimal commas', () => {
		expect(mapClasses([0, 4], 4, 'id', undefined, 1).map((c) => c.label)).toEqual([
			'0,0–1,0',
			'1,0–2,0',
			'2,0–3,0',
			'3,0–4,0'
		]);
	});

	it('mapClasses([1.5, 3.5], 4, "en") writes decimal points', () => {
		expect(mapClasses([1.5, 3.5], 4, 'en').map((c) => c.label)).toEqual([
			'1.5–2',
			'2–2.5',
			'2.5–3',
			'3–3.5'
		]);
	});

	it('mapClasses() of an empty domain is empty', () => {
		expect(mapClasses([3, 3], 4, 'id')).toEqual([]);
	});
});

describe('classFill()', () => {
	const b = [20, 40, 60, 80];
	it.each([
		[0, '#440154'],
		[19.99, '#440154'],
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
	])('classFill(%s, [20, 40, 60, 80]) gives %s', (v, fill) => {
		expect(classFill(v, b)).toBe(fill);
	});
});
