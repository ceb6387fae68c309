import { describe, it, expect } from 'vitest';
import { rankItems } from './geometry/bars';
import { chartLabels } from './labels';
import {
	barsModel,
	bulletModel,
	heatModel,
	lineModel,
	radarModel,
	slopeModel,
	type ModelContext
} from './tables';

const id: ModelContext = { title: 'T', lang: 'id', labels: chartLabels('id'), decimals: 1 };
const en: ModelContext = { title: 'T', lang: 'en', labels: chartLabels('en'), decimals: 1 };

describe('radarModel()', () => {
	it('radarModel() gives one row per axis, keyed by its code, and flags illustrative and carried cells', () => {
		const m = radarModel(
			[
				{ code: 'gov', label: 'Governance' },
				{ code: 'eco', label: 'Economy' }
			],
			[
				{
					key: '2024',
					label: '2024',
					values: { gov: 61 },
					illustrative: { gov: true },
					carried: { eco: true }
				}
			],
			id
		);
		expect(m.table.columns.map((c) => c.key)).toEqual(['axis', 's:2024']);
		expect(m.table.rows).toEqual([
			{
				code: 'gov',
				cells: { axis: 'Governance', 's:2024': 61 },
				flags: { 's:2024': true },
				carried: { 's:2024': false }
			},
			{
				code: 'eco',
				cells: { axis: 'Economy', 's:2024': null },
				flags: { 's:2024': false },
				carried: { 's:2024': true }
			}
		]);
		expect(m.description).toBe('2024: Governance 61,0; Economy tidak ada data');
	});

	it('radarModel() of no series has only the axis column and an empty description', () => {
		const m = radarModel([{ code: 'gov', label: 'Governance' }], [], en);
		expect(m.table.columns.map((c) => c.key)).toEqual(['axis']);
		expect(m.description).toBe('');
	});
});

describe('lineModel()', () => {
	const pati = {
		key: 'pati',
		label: 'Pati',
		points: [
			{ year: 2019, value: 2 },
			{ year: 2018, value: 1 }
		]
	};
	const kudus = { key: 'kudus', label: 'Kudus', points: [{ year: 2020, value: 3 }] };

	it('lineModel() puts the region first, then the target, then peers, over the union of years', () => {
		const m = lineModel([pati, kudus], 5, { ...en, unit: '%' });
		expect(m.table.columns.map((c) => c.key)).toEqual(['year', 's:pati', 'target', 's:kudus']);
		expect(m.table.rows.map((r) => r.cells)).toEqual([
			{ year: 2018, target: 5, 's:pati': 1, 's:kudus': null },
			{ year: 2019, target: 5, 's:pati': 2, 's:kudus': null },
			{ year: 2020, target: 5, 's:pati': null, 's:kudus': 3 }
		]);
		expect(m.description).toBe('Pati: 2018 1.0%; 2019 2.0%. Target: 5.0%');
	});

	it('lineModel() without a target has no target column', () => {
		expect(lineModel([pati], null, id).table.columns.map((c) => c.key)).toEqual(['year', 's:pati']);
	});

	it('lineModel() of nothing is an empty table', () => {
		const m = lineModel([], undefined, id);
		expect([m.table.rows, m.description]).toEqual([[], '']);
	});
});

describe('barsModel()', () => {
	it('barsModel() adds bound columns only when some region has an interval', () => {
		const plain = barsModel(rankItems([{ code: 'a', label: 'A', score: 50 }]), id);
		expect(plain.table.columns.map((c) => c.key)).toEqual([
			'label',
			'rank',
			'rankAt',
			'rankBest',
			'rankWorst',
			'score'
		]);
		expect(plain.description).toBe('Peringkat: 1 A 50,0');
		const bounded = barsModel(
			rankItems([{ code: 'a', label: 'A', score: 50, low: 40, high: 60 }]),
			id
		);
		expect(bounded.table.rows[0]).toEqual({
			code: 'a',
			cells: {
				label: 'A',
				rank: '1',
				rankAt: 1,
				rankBest: 1,
				rankWorst: 1,
				score: 50,
				low: 40,
				high: 60
			}
		});
	});

	it('barsModel() shows the rank interval as text on screen and as numbers in the downloads', () => {
		const m = barsModel(
			rankItems([
				{ code: 'a', label: 'A', score: 50, rankLow: 1, rankHigh: 2 },
				{ code: 'b', label: 'B', score: 48, rankLow: 1, rankHigh: 2 },
				{ code: 'c', label: 'C', score: null }
			]),
			id
		);
		expect(m.table.columns.slice(1, 5)).toEqual([
			{ key: 'rank', label: 'Peringkat', kind: 'text', only: 'screen' },
			{
				key: 'rankAt',
				label: 'Peringkat',
				kind: 'number',
				decimals: 0,
				exact: true,
				only: 'download'
			},
			{
				key: 'rankBest',
				label: 'Peringkat terbaik yang mungkin',
				kind: 'number',
				decimals: 0,
				exact: true,
				only: 'download'
			},
			{
				key: 'rankWorst',
				label: 'Peringkat terburuk yang mungkin',
				kind: 'number',
				decimals: 0,
				exact: true,
				only: 'download'
			}
		]);
		expect(
			m.table.rows.map((r) => [r.cells.rank, r.cells.rankAt, r.cells.rankBest, r.cells.rankWorst])
		).toEqual([
			['1–2', 1, 1, 2],
			['1–2', 2, 1, 2],
			['', null, null, null]
		]);
	});
});

describe('heatModel()', () => {
	it('heatModel() fills missing cells with null and uses the given row header', () => {
		const m = heatModel(
			[{ code: 'gov', label: 'Governance' }],
			[
				{ code: '2018', label: '2018' },
				{ code: '2024', label: '2024' }
			],
			[{ row: 'gov', col: '2024', value: 70 }],
			{ ...id, rowHeader: 'Wilayah' }
		);
		expect(m.table.columns[0].label).toBe('Wilayah');
		expect(m.table.rows[0].cells).toEqual({ row: 'Governance', 'c:2018': null, 'c:2024': 70 });
		expect(m.description).toBe('Governance: 2018 tidak ada data; 2024 70,0');
	});
});

describe('slopeModel()', () => {
	it('slopeModel() computes the change only when both years have a value', () => {
		const m = slopeModel(
			[
				{ code: 'a', label: 'A', from: 40, to: 35.5 },
				{ code: 'b', label: 'B', from: 40, to: null }
			],
			2018,
			2024,
			en
		);
		expect(m.table.rows.map((r) => r.cells.change)).toEqual([-4.5, null]);
		expect(m.description).toBe('A: 2018 40.0 → 2024 35.5 (-4.5); B: 2018 40.0 → 2024 no data');
	});
});

describe('bulletModel()', () => {
	it('bulletModel() names the band of the value and omits a missing target from the description', () => {
		const m = bulletModel(
			{ label: 'Pati', value: 75, bands: [{ from: 70, to: 100, label: 'good' }] },
			en
		);
		expect(m.table.rows[0].cells).toEqual({ label: 'Pati', value: 75, target: null, band: 'good' });
		expect(m.description).toBe('Pati: 75.0 (good)');
	});
});
