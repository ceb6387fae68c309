/**
 * Test fixtures shared by the scoring tests (not part of the public API): the SPBE 2020 structure
 * of PermenPANRB 59/2020 with its weights, and a small hand-computable GM100SC-like framework.
 */
import type { EngineFramework, EngineIndicator } from './types.ts';

/** PermenPANRB 59/2020: domains, aspects (weight, indicator count, indicator weight). */
const DOMAINS = [
	['d1', 13, [['a1', 13, 10, 1.3]]],
	[
		'd2',
		25,
		[
			['a2', 10, 4, 2.5],
			['a3', 10, 4, 2.5],
			['a4', 5, 2, 2.5]
		]
	],
	[
		'd3',
		16.5,
		[
			['a5', 12, 8, 1.5],
			['a6', 4.5, 3, 1.5]
		]
	],
	[
		'd4',
		45.5,
		[
			['a7', 27.5, 10, 2.75],
			['a8', 18, 6, 3]
		]
	]
] as const;

/** The 47-indicator SPBE framework with the regulation weights (codes spbe.01 to spbe.47). */
export function spbeFramework(): EngineFramework {
	const fw: EngineFramework = {
		code: 'spbe-2020',
		nameId: 'SPBE',
		nameEn: 'SPBE',
		nodes: [],
		indicators: []
	};
	const nodes = fw.nodes as EngineFramework['nodes'][number][];
	const inds = fw.indicators as EngineFramework['indicators'][number][];
	let n = 0;
	DOMAINS.forEach(([d, dw, aspects], di) => {
		nodes.push({
			code: d,
			parentCode: null,
			level: 'domain',
			nameId: d,
			nameEn: d,
			weight: dw,
			sortOrder: di
		});
		aspects.forEach(([a, aw, count, iw], ai) => {
			nodes.push({
				code: a,
				parentCode: d,
				level: 'aspect',
				nameId: a,
				nameEn: a,
				weight: aw,
				sortOrder: ai
			});
			for (let k = 0; k < count; k++) {
				n++;
				inds.push({
					code: `spbe.${String(n).padStart(2, '0')}`,
					elementCode: a,
					polarity: 'higher',
					valueType: 'level',
					method: 'level',
					worst: 1,
					best: 5,
					benchmark: null,
					weight: iw,
					sortOrder: n
				});
			}
		});
	});
	return fw;
}

const ind = (
	code: string,
	elementCode: string,
	rest: Partial<EngineIndicator> & Pick<EngineIndicator, 'method'>
): EngineIndicator => ({
	code,
	elementCode,
	polarity: 'higher',
	valueType: rest.method === 'level' ? 'level' : 'number',
	worst: null,
	best: null,
	benchmark: null,
	weight: 1,
	...rest
});

/**
 * Two dimensions (D1 weight 2, D2 weight 1), three elements, one indicator per method plus a
 * context indicator:
 * - E1 (D1): i1 minmax 0→100; i2 minmax lower-is-better 50→10
 * - E2 (D1): i3 target; i4 bands with benchmark 200
 * - E3 (D2): i5 level; i6 minmax with weight 0 (context)
 */
export function smallFramework(): EngineFramework {
	return {
		code: 'fw',
		nameId: 'Kerangka uji',
		nameEn: 'Test framework',
		nodes: [
			{
				code: 'D1',
				parentCode: null,
				level: 'dimension',
				nameId: 'Dimensi 1',
				nameEn: 'Dimension 1',
				weight: 2,
				sortOrder: 1
			},
			{
				code: 'D2',
				parentCode: null,
				level: 'dimension',
				nameId: 'Dimensi 2',
				nameEn: 'Dimension 2',
				weight: 1,
				sortOrder: 2
			},
			{
				code: 'E1',
				parentCode: 'D1',
				level: 'element',
				nameId: 'Elemen 1',
				nameEn: 'Element 1',
				weight: 1
			},
			{
				code: 'E2',
				parentCode: 'D1',
				level: 'element',
				nameId: 'Elemen 2',
				nameEn: 'Element 2',
				weight: 1
			},
			{
				code: 'E3',
				parentCode: 'D2',
				level: 'element',
				nameId: 'Elemen 3',
				nameEn: 'Element 3',
				weight: 1
			}
		],
		indicators: [
			ind('i1', 'E1', { method: 'minmax', worst: 0, best: 100 }),
			ind('i2', 'E1', { method: 'minmax', polarity: 'lower', worst: 50, best: 10 }),
			ind('i3', 'E2', { method: 'target' }),
			ind('i4', 'E2', { method: 'bands', benchmark: 200 }),
			ind('i5', 'E3', { method: 'level', worst: 1, best: 5 }),
			ind('i6', 'E3', { method: 'minmax', worst: 0, best: 10, weight: 0 })
		]
	};
}
