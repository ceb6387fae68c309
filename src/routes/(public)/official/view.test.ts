import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseKominfoEvaluation, weightsOf } from '$lib/evaluation/kominfo';
import { officialRows, reproduction } from './view';

const official = parseKominfoEvaluation(
	readFileSync('data/official/kominfo-evaluation-2022.csv', 'utf8')
);
const weights = weightsOf(official.parts);
const JATENG = new Set(['33.06', '33.12', '33.13', '33.19', '33.22', '33.23']);

describe('officialRows()', () => {
	const rows = officialRows(official.rows, weights, JATENG);

	it('officialRows() lists the 38 regions that took part, best first, ranked 1 to 38', () => {
		expect(rows).toHaveLength(38);
		expect(rows[0]).toMatchObject({
			rank: 1,
			name: 'Kota Surabaya',
			final: 3.41,
			inProvince: false
		});
		expect(rows.map((r) => r.final)).toEqual([...rows.map((r) => r.final)].sort((a, b) => b - a));
	});

	it('officialRows() marks the six Jawa Tengah regencies and recomputes Kudus to 2.867', () => {
		expect(rows.filter((r) => r.inProvince).map((r) => r.name)).toEqual([
			'Kabupaten Wonogiri',
			'Kabupaten Karanganyar',
			'Kabupaten Temanggung',
			'Kabupaten Kudus',
			'Kabupaten Semarang',
			'Kabupaten Purworejo'
		]);
		const kudus = rows.find((r) => r.code === '33.19')!;
		expect(kudus.published).toBe('KAB. KUDUS');
		expect(kudus.final).toBe(2.87);
		expect(kudus.recomputed).toBeCloseTo(2.867, 10);
	});

	it('officialRows() of no rows is empty', () => {
		expect(officialRows([], weights, JATENG)).toEqual([]);
	});
});

describe('reproduction()', () => {
	it('reproduction() of the 2022 table: 31 of 38 within ±0.01, all within ±0.013 (Lombok Utara)', () => {
		expect(reproduction(officialRows(official.rows, weights, JATENG), 0.01)).toEqual({
			count: 38,
			within: 31,
			tolerance: 0.01,
			maxGap: 0.013,
			maxGapName: 'Kabupaten Lombok Utara'
		});
	});

	it.each([
		['an exact match', [{ name: 'A', final: 2, recomputed: 2 }], 1, 0, null],
		[
			'a gap of exactly the tolerance',
			[{ name: 'A', final: 2.87, recomputed: 2.86 }],
			1,
			0.01,
			'A'
		],
		['no recomputed index', [{ name: 'A', final: 2, recomputed: null }], 0, 0, null],
		['no rows', [], 0, 0, null]
	])('reproduction() with %s', (_, rows, within, maxGap, maxGapName) => {
		expect(reproduction(rows, 0.01)).toMatchObject({
			count: rows.length,
			within,
			maxGap,
			maxGapName
		});
	});
});
