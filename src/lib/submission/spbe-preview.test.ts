import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SpbeStructure } from '../scoring/spbe';
import { spbePreview } from './spbe-preview';

// The regulation's structure, read from the bundled table (4 domains, 8 aspects, 47 indicators).
const csv = readFileSync(
	fileURLToPath(new URL('../../../data/spbe/spbe-2020-indicators.csv', import.meta.url)),
	'utf8'
);
const table = Papa.parse<Record<string, string>>(csv, {
	header: true,
	skipEmptyLines: 'greedy'
}).data;
const code = (n: string) => `spbe_i${n.padStart(2, '0')}`;
const structure: SpbeStructure = {
	domains: [...new Map(table.map((r) => [r.domain_no, r])).values()].map((r) => ({
		code: `d${r.domain_no}`,
		nameId: r.domain_name,
		nameEn: r.domain_name,
		weight: { '1': 13, '2': 25, '3': 16.5, '4': 45.5 }[r.domain_no] as number
	})),
	aspects: [...new Map(table.map((r) => [r.aspect_no, r])).values()].map((r) => ({
		code: `a${r.aspect_no}`,
		domainCode: `d${r.domain_no}`,
		nameId: r.aspect_name,
		nameEn: r.aspect_name,
		weight: Number(r.aspect_weight)
	})),
	indicators: table.map((r) => ({
		code: code(r.indicator_no),
		aspectCode: `a${r.aspect_no}`,
		nameId: r.indicator_name,
		nameEn: r.indicator_name,
		weight: Number(r.indicator_weight)
	}))
};
const all = (level: number) => Object.fromEntries(structure.indicators.map((i) => [i.code, level]));

describe('spbePreview() on the PermenPANRB 59/2020 structure', () => {
	it('has 4 domains, 8 aspects and 47 indicators whose weights sum to 100', () => {
		expect([
			structure.domains.length,
			structure.aspects.length,
			structure.indicators.length
		]).toEqual([4, 8, 47]);
		expect(structure.indicators.reduce((a, i) => a + i.weight, 0)).toBeCloseTo(100, 9);
	});

	it('every indicator at level 3 gives index 3.00, Baik', () => {
		const p = spbePreview(structure, all(3));
		expect(p.result.indexRounded).toBe(3);
		expect(p.result.predikat?.labelId).toBe('Baik');
		expect(p.assessed).toBe(47);
		for (const a of p.aspects) expect(a.index).toBeCloseTo(3, 12);
		expect(p.aspects).toHaveLength(8);
	});

	it('level 2 everywhere but public services (aspect 8) at 4 gives 2.36, Cukup, and ranks aspect 7 first', () => {
		const levels = all(2);
		for (const i of structure.indicators) if (i.aspectCode === 'a8') levels[i.code] = 4;
		const p = spbePreview(structure, levels);
		// Σ level × weight / 100 = (2 × 82 + 4 × 18) / 100
		expect(p.result.index).toBeCloseTo(2.36, 12);
		expect(p.result.predikat?.labelId).toBe('Cukup');
		expect(p.aspects.find((a) => a.code === 'a8')?.index).toBeCloseTo(4, 12);
		const top = p.improvements![0];
		// Aspect 7 indicators weigh 2.75 with a gap of 3: 8.25, the largest potential.
		expect(top.code).toBe('spbe_i32');
		expect(top.potential).toBeCloseTo(8.25, 12);
		expect(top.indexIfPlusOne).toBeCloseTo(2.3875, 12);
		expect(top.indexIfRaisedTo).toBeCloseTo(2.4425, 12);
		expect(p.improvements!.slice(0, 10).every((i) => i.aspectCode === 'a7')).toBe(true);
		// Then aspects 2–4 (2.5 × 3 = 7.5), then 5–6 (1.5 × 3 = 4.5) ahead of 1 (1.3 × 3 = 3.9) and 8 (3 × 1 = 3).
		expect(p.improvements![10].potential).toBeCloseTo(7.5, 12);
		expect(p.improvements!.at(-1)?.aspectCode).toBe('a8');
		expect(p.improvements!.at(-1)?.potential).toBeCloseTo(3, 12);
		expect(p.improvements).toHaveLength(47);
	});

	it('leaves out indicators already at level 5 from the improvements', () => {
		const levels = all(5);
		levels.spbe_i47 = 4;
		const p = spbePreview(structure, levels);
		expect(p.result.index).toBeCloseTo(4.97, 12);
		expect(p.result.predikat?.labelId).toBe('Memuaskan');
		expect(p.improvements?.map((i) => [i.code, i.indexIfPlusOne])).toEqual([['spbe_i47', 5]]);
	});

	it.each([
		['one missing', { spbe_i01: null }],
		['a level 0', { spbe_i01: 0 }],
		['a level 6', { spbe_i01: 6 }],
		['a non-integer level', { spbe_i01: 2.5 }],
		['NaN', { spbe_i01: NaN }]
	])(
		'with %s: no index, no improvements, the aspect is null, the rest still shows',
		(_, change) => {
			const p = spbePreview(structure, { ...all(3), ...change });
			expect(p.result.index).toBeNull();
			expect(p.result.predikat).toBeNull();
			expect(p.result.missing).toEqual(['spbe_i01']);
			expect(p.improvements).toBeNull();
			expect(p.assessed).toBe(46);
			expect(p.aspects[0]).toEqual({
				code: 'a1',
				domainCode: 'd1',
				index: null,
				assessed: 9,
				total: 10
			});
			expect(p.aspects[1].index).toBeCloseTo(3, 12);
		}
	);

	it('an empty assessment has no index and 0 of 47 assessed', () => {
		const p = spbePreview(structure, {});
		expect([p.result.index, p.assessed, p.total]).toEqual([null, 0, 47]);
	});
});
