import { describe, expect, it } from 'vitest';
import {
	availabilityYears,
	countByYear,
	countStatuses,
	share,
	statusMatrix
} from '$lib/availability';

describe('statusMatrix()', () => {
	const years = [2019, 2020, 2021];
	it('statusMatrix() marks real, illustrative, missing and not-applicable cells', () => {
		const m = statusMatrix(
			[
				{ code: 'a', yearFrom: null },
				{ code: 'b', yearFrom: 2020 }
			],
			[
				{ indicatorCode: 'a', year: 2019, illustrative: false },
				{ indicatorCode: 'a', year: 2021, illustrative: true },
				{ indicatorCode: 'b', year: 2019, illustrative: false },
				{ indicatorCode: 'b', year: 2021, illustrative: false },
				{ indicatorCode: 'zzz', year: 2020, illustrative: false }
			],
			years
		);
		expect([...m.entries()]).toEqual([
			['a', ['real', 'missing', 'illustrative']],
			['b', ['not_applicable', 'missing', 'real']]
		]);
	});
	it('statusMatrix() lets a real value win over an illustrative one in the same cell', () => {
		const m = statusMatrix(
			[{ code: 'a', yearFrom: null }],
			[
				{ indicatorCode: 'a', year: 2020, illustrative: true },
				{ indicatorCode: 'a', year: 2020, illustrative: false }
			],
			years
		);
		expect(m.get('a')).toEqual(['missing', 'real', 'missing']);
	});
	it('statusMatrix() with no indicators or no years is empty', () => {
		expect(statusMatrix([], [], years).size).toBe(0);
		expect(statusMatrix([{ code: 'a', yearFrom: null }], [], []).get('a')).toEqual([]);
	});
});

describe('countStatuses()', () => {
	it('countStatuses() counts each status and the applicable cells', () => {
		expect(
			countStatuses(['real', 'real', 'illustrative', 'missing', 'not_applicable', 'not_applicable'])
		).toEqual({ real: 2, illustrative: 1, missing: 1, notApplicable: 2, applicable: 4 });
	});
	it('countStatuses() of nothing is all zero', () => {
		expect(countStatuses([])).toEqual({
			real: 0,
			illustrative: 0,
			missing: 0,
			notApplicable: 0,
			applicable: 0
		});
	});
});

describe('countByYear()', () => {
	it('countByYear() counts each column over the rows', () => {
		expect(
			countByYear([
				['real', 'missing'],
				['illustrative', 'not_applicable']
			])
		).toEqual([
			{ real: 1, illustrative: 1, missing: 0, notApplicable: 0, applicable: 2 },
			{ real: 0, illustrative: 0, missing: 1, notApplicable: 1, applicable: 1 }
		]);
	});
	it('countByYear() of no rows is empty', () => {
		expect(countByYear([])).toEqual([]);
	});
});

describe('share()', () => {
	it.each([
		[3, 4, 0.75],
		[0, 4, 0],
		[4, 4, 1],
		[0, 0, null]
	])('share(%s, { applicable: %s }) is %s', (part, applicable, expected) => {
		expect(share(part, { applicable })).toBe(expected);
	});
});

describe('availabilityYears()', () => {
	it.each([
		[
			'an open-ended framework runs to the last observed year',
			2017,
			null,
			[2018, 2024, 2020],
			[2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]
		],
		['a closed framework stops at its last year', 2020, 2021, [2020, 2024], [2020, 2021]],
		['the last observed year stops a closed framework earlier', 2020, 2025, [2021], [2020, 2021]],
		['no observations give no years', 2017, null, [], []],
		['observations only before the first year give no years', 2020, null, [2018], []]
	])('availabilityYears(): %s', (_, from, to, observed, expected) => {
		expect(availabilityYears(from as number, to as number | null, observed as number[])).toEqual(
			expected
		);
	});
});
