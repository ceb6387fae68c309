import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	publishedResult,
	regionHistory,
	type PublishedResult,
	type RecordedResult,
	type TableFacts
} from './history';
import { parseKominfoEvaluation } from './kominfo';

const LETTER_2023 = 'B-1384/DJAI/AI.01.04/12/2023';
const LETTER_2022 = 'B-1004/DJAI/AI.01.04/12/2022';
const COPY =
	'https://github.com/Maisho20/Smart-City-2/tree/6c587561db730bef502e14d8184eb5987d2b1eff/public/docs';
const table = (code: string, year: number, cohort: string, letter: string): TableFacts => ({
	code,
	year,
	cohortId: cohort,
	cohortEn: cohort,
	letter,
	copyHref: COPY
});
const read = (file: string) =>
	parseKominfoEvaluation(readFileSync(`data/official/${file}`, 'utf8'));
const reguler = read('kominfo-evaluation-2023-reguler.csv');
const kppn = read('kominfo-evaluation-2023-kppn-ikn.csv');
const y2022 = read('kominfo-evaluation-2022.csv');
const T_REGULER = table('2023-reguler', 2023, 'REGULER (kohort 2017–2019)', LETTER_2023);
const T_KPPN = table('2023-kppn-ikn', 2023, 'KPPN & IKN', LETTER_2023);
const T_2022 = table('2022-kppn-ikn', 2022, 'KPPN/IKN', LETTER_2022);

/** A region's rows of the bundled tables, as the server gives them to `regionHistory`. */
function publishedOf(region: string): PublishedResult[] {
	return [
		[T_REGULER, reguler],
		[T_KPPN, kppn],
		[T_2022, y2022]
	].flatMap(([t, e]) => {
		const evaluation = e as typeof reguler;
		const row = evaluation.rows.find((r) => r.regionCode === region);
		const result = row ? publishedResult(t as TableFacts, row) : null;
		return result ? [result] : [];
	});
}

const recorded = (over: Partial<RecordedResult> = {}): RecordedResult => ({
	id: 1,
	year: 2024,
	weightSet: 'kppn-ikn-2023',
	cohort: { id: 'Kohort KPPN/IKN 2023', en: 'KPPN/IKN cohort 2023' },
	scores: {
		baseline: 3.5,
		output: 2.5,
		outcome: 3.2,
		impact: 2.9,
		quickwin: 3.1,
		kolaborasi: 2.4
	},
	final: 2.93,
	improvement: null,
	letter: 'B-999/DJAI/AI.01.04/12/2024',
	letterDate: '2024-12-16',
	sourceHref: 'https://example.go.id/surat.pdf',
	note: '',
	...over
});

describe('publishedResult()', () => {
	it('publishedResult() gives Pati’s 2023 row with its letter, cohort and printed improvement', () => {
		expect(publishedOf('33.18')).toEqual([
			{
				table: '2023-reguler',
				year: 2023,
				cohort: { id: 'REGULER (kohort 2017–2019)', en: 'REGULER (kohort 2017–2019)' },
				scores: { baseline: 3.36, output: 2.06, outcome: 3.15, impact: 2.69, quickwin: 3.05 },
				final: 2.84,
				improvement: 0.17,
				letter: LETTER_2023,
				letterDate: null,
				sourceHref: COPY
			}
		]);
	});

	it('publishedResult() of a region listed as not taking part is null', () => {
		const absent = reguler.rows.find((r) => !r.tookPart)!;
		expect(publishedResult(T_REGULER, absent)).toBeNull();
	});
});

describe('regionHistory()', () => {
	it('regionHistory() of Pati: 2023 2.84 (+0.17), then 2022 2.67 derived from the printed improvement', () => {
		const { entries, shadowed } = regionHistory(publishedOf('33.18'), []);
		expect(shadowed).toEqual([]);
		expect(
			entries.map((e) => [e.year, e.origin, e.derived, e.final, e.change, e.changeFrom])
		).toEqual([
			[2023, 'published', false, 2.84, 0.17, 2022],
			[2022, 'derived', true, 2.67, null, null]
		]);
		expect(entries[1]).toEqual({
			year: 2022,
			origin: 'derived',
			derived: true,
			cohort: null,
			scores: {
				baseline: null,
				output: null,
				outcome: null,
				impact: null,
				quickwin: null,
				kolaborasi: null
			},
			final: 2.67,
			improvement: null,
			change: null,
			changeFrom: null,
			letter: LETTER_2023,
			letterDate: null,
			sourceHref: COPY,
			table: '2023-reguler',
			recordedId: null,
			derivedFrom: 2023
		});
		expect(entries[0].scores).toEqual({
			baseline: 3.36,
			output: 2.06,
			outcome: 3.15,
			impact: 2.69,
			quickwin: 3.05,
			kolaborasi: null
		});
	});

	it('regionHistory() with a recorded 2024 row: change 2024 − 2023 = 2.93 − 2.84 = +0.09 exactly', () => {
		const { entries } = regionHistory(publishedOf('33.18'), [recorded()]);
		expect(entries.map((e) => [e.year, e.origin, e.final, e.change, e.recordedId])).toEqual([
			[2024, 'recorded', 2.93, 0.09, 1],
			[2023, 'published', 2.84, 0.17, null],
			[2022, 'derived', 2.67, null, null]
		]);
		expect(entries[0]).toMatchObject({
			letter: 'B-999/DJAI/AI.01.04/12/2024',
			letterDate: '2024-12-16',
			cohort: { id: 'Kohort KPPN/IKN 2023', en: 'KPPN/IKN cohort 2023' },
			changeFrom: 2023
		});
	});

	it('regionHistory() of Kudus: the printed 2022 final (2.87) stands, so nothing is derived; change +0.44 as the letter prints', () => {
		const { entries } = regionHistory(publishedOf('33.19'), []);
		expect(entries.map((e) => [e.year, e.origin, e.final, e.change, e.table])).toEqual([
			[2023, 'published', 3.31, 0.44, '2023-kppn-ikn'],
			[2022, 'published', 2.87, null, '2022-kppn-ikn']
		]);
		expect(entries[0].improvement).toBe(0.44);
	});

	it('regionHistory() of a falling region gives a negative change: Blora 2.15, −0.37 on a derived 2.52', () => {
		const { entries } = regionHistory(publishedOf('33.16'), []);
		expect(entries.map((e) => [e.year, e.final, e.change, e.derived])).toEqual([
			[2023, 2.15, -0.37, false],
			[2022, 2.52, null, true]
		]);
	});

	it('regionHistory() leaves out a recorded row for a year a printed table holds, and returns it as shadowed', () => {
		const twin = recorded({ id: 7, year: 2023, final: 2.9 });
		const { entries, shadowed } = regionHistory(publishedOf('33.18'), [twin]);
		expect(entries.map((e) => [e.year, e.origin, e.final])).toEqual([
			[2023, 'published', 2.84],
			[2022, 'derived', 2.67]
		]);
		expect(shadowed).toEqual([twin]);
	});

	it('regionHistory() derives no year before a recorded row for that year: the recorded 2022 stands', () => {
		const r2022 = recorded({ id: 2, year: 2022, final: 2.7 });
		const { entries } = regionHistory(publishedOf('33.18'), [r2022]);
		expect(entries.map((e) => [e.year, e.origin, e.final, e.change])).toEqual([
			[2023, 'published', 2.84, 0.14],
			[2022, 'recorded', 2.7, null]
		]);
	});

	it('regionHistory() measures a change across a missing year from the result before it, and says from when', () => {
		const r2025 = recorded({ id: 3, year: 2025, final: 3.01 });
		const { entries } = regionHistory(publishedOf('33.18'), [r2025]);
		expect(entries.map((e) => [e.year, e.change, e.changeFrom])).toEqual([
			[2025, 0.17, 2023],
			[2023, 0.17, 2022],
			[2022, null, null]
		]);
	});

	it('regionHistory() derives the year before a recorded row that prints an improvement', () => {
		const r2025 = recorded({ id: 3, year: 2025, final: 3.01, improvement: 0.05 });
		const { entries } = regionHistory(publishedOf('33.18'), [r2025]);
		expect(entries.map((e) => [e.year, e.origin, e.final, e.change, e.derivedFrom])).toEqual([
			[2025, 'recorded', 3.01, 0.05, null],
			[2024, 'derived', 2.96, 0.12, 2025],
			[2023, 'published', 2.84, 0.17, null],
			[2022, 'derived', 2.67, null, 2023]
		]);
	});

	it.each([
		['no results at all', [], [], []],
		['Rembang, absent from every bundled table', publishedOf('33.17'), [], []]
	])('regionHistory() of %s is empty', (_, published, rows, expected) => {
		expect(regionHistory(published, rows)).toEqual({ entries: expected, shadowed: [] });
	});

	it('regionHistory() refuses two recorded rows of one year, and two printed ones', () => {
		expect(() => regionHistory([], [recorded({ id: 1 }), recorded({ id: 2 })])).toThrow(
			'Two recorded results for 2024.'
		);
		const p = publishedOf('33.18');
		expect(() => regionHistory([...p, { ...p[0], table: 'copy' }], [])).toThrow(
			'Two printed results for 2023 (tables 2023-reguler and copy).'
		);
	});
});
