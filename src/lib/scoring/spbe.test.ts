import { describe, expect, it } from 'vitest';
import {
	computeSpbe,
	roundIndex,
	spbeAspectIndex,
	spbeDomainIndex,
	spbeImprovements,
	spbeIndex,
	spbePredikat,
	spbeStructureFromFramework,
	type SpbeStructure
} from './spbe.ts';
import { spbeFramework } from './fixtures.ts';

const structure: SpbeStructure = spbeStructureFromFramework(spbeFramework());
const allAt = (level: number) =>
	Object.fromEntries(structure.indicators.map((i) => [i.code, level] as const));

describe('SPBE worked examples of PermenPANRB 59/2020', () => {
	it('spbeAspectIndex(): aspect 2 from levels 3, 4, 3, 2 at 2.5 each → 3.00', () => {
		expect(
			spbeAspectIndex(
				[3, 4, 3, 2].map((level) => ({ level, weight: 2.5 })),
				10
			)
		).toBe(3);
	});
	it('spbeDomainIndex(): domain 2 from aspect indices 3.00, 4.00, 3.00 (10, 10, 5) → 3.40', () => {
		expect(
			spbeDomainIndex(
				[
					{ index: 3, weight: 10 },
					{ index: 4, weight: 10 },
					{ index: 3, weight: 5 }
				],
				25
			)
		).toBe(3.4);
	});
	it('spbeIndex(): domains 3.70, 3.40, 3.00, 3.20 (13, 25, 16.5, 45.5) → 3.282, shown 3.28 Baik', () => {
		const index = spbeIndex([
			{ index: 3.7, weight: 13 },
			{ index: 3.4, weight: 25 },
			{ index: 3.0, weight: 16.5 },
			{ index: 3.2, weight: 45.5 }
		]);
		expect(index).toBeCloseTo(3.282, 12);
		expect(roundIndex(index)).toBe(3.28);
		expect(spbePredikat(index)?.labelId).toBe('Baik');
	});
	it.each([
		[3.285, 3.29],
		[2.675, 2.68],
		[3.2849, 3.28],
		[3.5, 3.5],
		[0, 0]
	])('roundIndex(%s) is %s: half up on the written decimals, whatever the binary value', (i, r) => {
		expect(roundIndex(i)).toBe(r);
	});
	it('computeSpbe(): all 47 indicators at level 3 → 3.00 Baik', () => {
		expect(structure.indicators).toHaveLength(47);
		expect(structure.indicators.reduce((a, i) => a + i.weight, 0)).toBeCloseTo(100, 10);
		const r = computeSpbe(structure, allAt(3));
		expect(r.index).toBeCloseTo(3, 12);
		expect(r.indexRounded).toBe(3);
		expect(r.predikat?.labelId).toBe('Baik');
		expect(r.missing).toEqual([]);
		expect(r.domains.map((d) => d.index)).toEqual([3, 3, 3, 3].map((x) => expect.closeTo(x, 12)));
	});
	it('computeSpbe(): aspect 2 with levels 3, 4, 3, 2 gives 3.00 inside the full structure', () => {
		const levels = { ...allAt(3), 'spbe.11': 3, 'spbe.12': 4, 'spbe.13': 3, 'spbe.14': 2 };
		const a2 = computeSpbe(structure, levels).domains[1].aspects[0];
		expect([a2.code, a2.index]).toEqual(['a2', 3]);
	});
	it.each([
		[1, 'Kurang'],
		[1.79, 'Kurang'],
		[1.8, 'Cukup'],
		[2.59, 'Cukup'],
		[2.6, 'Baik'],
		[3.49, 'Baik'],
		[3.5, 'Sangat Baik'],
		[4.19, 'Sangat Baik'],
		[4.2, 'Memuaskan'],
		[5, 'Memuaskan']
	])('spbePredikat(%d) is %s (edges belong to the upper band)', (index, label) => {
		expect(spbePredikat(index)?.labelId).toBe(label);
	});
	it('spbePredikat() reads the index rounded to two decimals, as published', () => {
		expect(spbePredikat(3.4951)?.labelId).toBe('Sangat Baik');
		expect(spbePredikat(3.494)?.labelId).toBe('Baik');
		expect(spbePredikat(null)).toBeNull();
		expect(spbePredikat(NaN)).toBeNull();
	});
	it('computeSpbe() leaves the index null and lists missing indicators when incomplete', () => {
		const levels = allAt(3);
		delete (levels as Record<string, number>)['spbe.47'];
		(levels as Record<string, number>)['spbe.01'] = 0;
		const r = computeSpbe(structure, levels);
		expect([r.index, r.indexRounded, r.predikat]).toEqual([null, null, null]);
		expect(r.missing).toEqual(['spbe.01', 'spbe.47']);
		expect(r.domains[1].index).toBe(3);
		expect(r.domains[3].index).toBeNull();
	});
});

describe('spbeImprovements()', () => {
	it('ranks indicators by weight × (5 − level) with the index each change would give', () => {
		const list = spbeImprovements(structure, allAt(3))!;
		expect(list).toHaveLength(47);
		// Aspect 8 (layanan publik) indicators weigh 3: potential 3 × 2 = 6, +1 level → +0.03.
		expect(list[0]).toMatchObject({
			code: 'spbe.42',
			weight: 3,
			level: 3,
			potential: 6,
			toLevel: 5
		});
		expect(list[0].indexIfPlusOne).toBeCloseTo(3.03, 12);
		expect(list[0].indexIfRaisedTo).toBeCloseTo(3.06, 12);
		expect(list.at(-1)).toMatchObject({ code: 'spbe.10', weight: 1.3, potential: 2.6 });
	});
	it('gives no gain for an indicator already at 5 and honours toLevel', () => {
		const levels = { ...allAt(3), 'spbe.42': 5 };
		const list = spbeImprovements(structure, levels, 4)!;
		const at5 = list.find((i) => i.code === 'spbe.42')!;
		expect(at5.potential).toBe(0);
		expect(at5.indexIfPlusOne).toBeCloseTo(3.06, 12);
		expect(list[0]).toMatchObject({ code: 'spbe.43', toLevel: 4 });
		expect(list[0].indexIfRaisedTo).toBeCloseTo(3.09, 12);
	});
	it('returns null when a level is missing', () => {
		expect(spbeImprovements(structure, {})).toBeNull();
	});
});
