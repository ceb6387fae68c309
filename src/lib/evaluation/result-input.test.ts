import { describe, expect, it } from 'vitest';
import {
	isCalendarDate,
	readDecimal,
	readResultRecords,
	readResultsFile,
	RESULT_COLUMNS,
	validateResult,
	validateResults,
	type ResultContext,
	type ResultFields
} from './result-input';

const context: ResultContext = {
	// The weights of data/instrument/kominfo-weights.csv, written out: that file gains rows over time.
	weightSets: [
		{
			code: 'kppn-ikn-2022',
			weights: { baseline: 10, output: 20, outcome: 30, impact: 10, quickwin: 30, kolaborasi: 0 }
		},
		{
			code: 'kppn-ikn-2023',
			weights: { baseline: 10, output: 20, outcome: 20, impact: 20, quickwin: 20, kolaborasi: 10 }
		},
		{
			code: 'cohort-2017-2019-2022',
			weights: { baseline: 10, output: 20, outcome: 30, impact: 20, quickwin: 20, kolaborasi: 0 }
		}
	],
	regionKind: (code) =>
		({ '33.18': 'kabupaten', '33.19': 'kabupaten', '33.74': 'kota', '33': 'provinsi' })[code] ??
		null,
	publishedIn: (year, region) =>
		year === 2023 && region === '33.18' ? 'B-1384/DJAI/AI.01.04/12/2023' : null,
	recordedId: (year, region) => (year === 2024 && region === '33.19' ? 5 : null),
	today: '2025-06-30'
};

/** Pati 2024 on the KPPN/IKN 2023 weights (10/20/20/20/20/10): Σ = 293 / 100 = 2.93. */
const good: ResultFields = {
	year: '2024',
	region_code: '33.18',
	weight_set: 'kppn-ikn-2023',
	baseline: '3,5',
	output: '2,5',
	outcome: '3,2',
	impact: '2,9',
	quickwin: '3,1',
	kolaborasi: '2,4',
	final: '2,93',
	improvement: '0,09',
	letter: ' B-999/DJAI/AI.01.04/12/2024 ',
	letter_date: '2024-12-16',
	source_href: 'https://example.go.id/surat.pdf',
	note: ''
};

const problemsOf = (fields: ResultFields, editing: number | null = null) => {
	const r = validateResult(fields, context, editing);
	return r.ok ? [] : r.problems.map((p) => [p.column, p.code, p.params]);
};

describe('readDecimal() and isCalendarDate()', () => {
	it.each([
		['2,84', { value: 2.84, decimals: 2 }],
		['2.84', { value: 2.84, decimals: 2 }],
		[' 3 ', { value: 3, decimals: 0 }],
		['-0,37', { value: -0.37, decimals: 2 }],
		['+0.17', { value: 0.17, decimals: 2 }],
		['2,845', { value: 2.845, decimals: 3 }],
		['', null],
		['1.234,5', null],
		['2,8,4', null],
		['3e0', null],
		['NaN', null],
		['tiga', null]
	])('readDecimal(%j) is %j', (text, expected) => {
		expect(readDecimal(text)).toEqual(expected);
	});

	it.each([
		['2024-12-16', true],
		['2024-02-29', true],
		['2023-02-29', false],
		['2024-13-01', false],
		['16-12-2024', false],
		['2024-12-6', false],
		['', false]
	])('isCalendarDate(%j) is %s', (text, expected) => {
		expect(isCalendarDate(text)).toBe(expected);
	});
});

describe('validateResult()', () => {
	it('validateResult() takes a result typed with decimal commas and gives the stored row', () => {
		expect(validateResult(good, context)).toEqual({
			ok: true,
			row: {
				year: 2024,
				regionCode: '33.18',
				weightSet: 'kppn-ikn-2023',
				scores: {
					baseline: 3.5,
					output: 2.5,
					outcome: 3.2,
					impact: 2.9,
					quickwin: 3.1,
					kolaborasi: 2.4
				},
				final: 2.93,
				improvement: 0.09,
				letter: 'B-999/DJAI/AI.01.04/12/2024',
				letterDate: '2024-12-16',
				sourceHref: 'https://example.go.id/surat.pdf',
				note: ''
			}
		});
	});

	it('validateResult() accepts a final exactly 0.015 from the recomputed index (2.935) and refuses 0.025, naming the recomputed value', () => {
		// Kolaborasi 2.45 makes Σ score × weight 293.5, so the index is 2.935.
		const edge = { ...good, kolaborasi: '2,45' };
		expect(problemsOf({ ...edge, final: '2,92' })).toEqual([]);
		expect(problemsOf({ ...edge, final: '2,95' })).toEqual([]);
		expect(problemsOf({ ...edge, final: '2,96' })).toEqual([
			[
				'final',
				'final_mismatch',
				{
					recomputed: 2.935,
					gap: 0.025,
					tolerance: 0.015,
					weightSet: 'kppn-ikn-2023',
					weights: '10/20/20/20/20/10'
				}
			]
		]);
		expect(problemsOf({ ...good, final: '2,945' })).toEqual([['final', 'too_many_decimals', {}]]);
	});

	it('validateResult() reproduces Pati 2023 on the 2017–2019 cohort weights (2.835 → 2.84, within ±0.015)', () => {
		const pati = {
			...good,
			year: '2023',
			region_code: '33.19',
			weight_set: 'cohort-2017-2019-2022',
			baseline: '3.36',
			output: '2.06',
			outcome: '3.15',
			impact: '2.69',
			quickwin: '3.05',
			kolaborasi: '',
			final: '2.84'
		};
		expect(problemsOf(pati)).toEqual([]);
	});

	it('validateResult() lists every problem of an empty form', () => {
		expect(problemsOf({})).toEqual([
			['year', 'required', {}],
			['region_code', 'required', {}],
			['weight_set', 'required', {}],
			['final', 'required', {}],
			['letter', 'required', {}],
			['letter_date', 'required', {}]
		]);
	});

	it.each<[string, ResultFields, [string, string, Record<string, unknown>][]]>([
		['a score of 5', { baseline: '5' }, [['baseline', 'out_of_range', { min: 0, max: 4 }]]],
		['a negative score', { output: '-0,5' }, [['output', 'out_of_range', { min: 0, max: 4 }]]],
		['three decimals', { outcome: '3,205' }, [['outcome', 'too_many_decimals', {}]]],
		['a word for a score', { impact: 'baik' }, [['impact', 'not_number', {}]]],
		['a missing weighted score', { quickwin: '' }, [['quickwin', 'required', {}]]],
		[
			'a score for a part the weight set does not weigh',
			{ weight_set: 'kppn-ikn-2022', final: '3,03' },
			[['kolaborasi', 'not_weighted', { weightSet: 'kppn-ikn-2022' }]]
		],
		[
			'an unknown weight set',
			{ weight_set: 'reguler-2030' },
			[
				[
					'weight_set',
					'unknown_weight_set',
					{ known: 'kppn-ikn-2022, kppn-ikn-2023, cohort-2017-2019-2022' }
				]
			]
		],
		[
			'an improvement of −5',
			{ improvement: '-5' },
			[['improvement', 'out_of_range', { min: -4, max: 4 }]]
		],
		['a year written short', { year: '24' }, [['year', 'not_year', {}]]],
		['a year before 2017', { year: '2016' }, [['year', 'year_range', { min: 2017, max: 2025 }]]],
		[
			'a year after this one',
			{ year: '2026', letter_date: '2026-01-05' },
			[
				['year', 'year_range', { min: 2017, max: 2025 }],
				['letter_date', 'date_future', { today: '2025-06-30' }]
			]
		],
		['an unknown region', { region_code: '33.99' }, [['region_code', 'unknown_region', {}]]],
		['a province', { region_code: '33' }, [['region_code', 'not_kabupaten_kota', {}]]],
		[
			'a date written the Indonesian way',
			{ letter_date: '16-12-2024' },
			[['letter_date', 'not_date', {}]]
		],
		['31 November', { letter_date: '2024-11-31' }, [['letter_date', 'not_date', {}]]],
		[
			'a letter dated before the year',
			{ letter_date: '2023-12-20' },
			[['letter_date', 'date_before_year', { year: 2024 }]]
		],
		[
			'a letter dated in the future',
			{ letter_date: '2025-07-01' },
			[['letter_date', 'date_future', { today: '2025-06-30' }]]
		],
		[
			'a source that is no web address',
			{ source_href: 'surat.pdf' },
			[['source_href', 'not_url', {}]]
		],
		[
			'a javascript: source',
			{ source_href: 'javascript:alert(1)' },
			[['source_href', 'not_url', {}]]
		],
		[
			'a letter number of 201 characters',
			{ letter: 'B'.repeat(201) },
			[['letter', 'too_long', { max: 200 }]]
		],
		[
			'a year a printed table holds for the region',
			{ year: '2023', letter_date: '2023-12-20' },
			[['year', 'published', { letter: 'B-1384/DJAI/AI.01.04/12/2023', year: 2023 }]]
		],
		[
			'a year already recorded for the region',
			{ region_code: '33.19' },
			[['year', 'exists', { id: 5, year: 2024 }]]
		]
	])('validateResult() with %s', (_, change, expected) => {
		expect(problemsOf({ ...good, ...change })).toEqual(expected);
	});

	it('validateResult() lets the row being edited keep its own year and region', () => {
		expect(problemsOf({ ...good, region_code: '33.19' }, 5)).toEqual([]);
		expect(problemsOf({ ...good, region_code: '33.19' }, 6)).toEqual([
			['year', 'exists', { id: 5, year: 2024 }]
		]);
	});
});

const HEADER = RESULT_COLUMNS.join(',');
const line = (f: ResultFields) => RESULT_COLUMNS.map((c) => `"${f[c] ?? ''}"`).join(',');

describe('readResultRecords() and readResultsFile()', () => {
	it('readResultRecords() reads a comma file with quoted decimal commas, keeping the file’s row numbers', () => {
		const text = `\uFEFF${HEADER}\r\n${line(good)}\r\n\r\n${line({ ...good, region_code: '33.19' })}\r\n`;
		const read = readResultRecords(text);
		expect(
			'records' in read && read.records.map((r) => [r.row, r.fields.region_code, r.fields.final])
		).toEqual([
			[2, '33.18', '2,93'],
			[4, '33.19', '2,93']
		]);
	});

	it('readResultRecords() reads a semicolon file (Excel in Indonesian) with the columns in another order', () => {
		const columns = [...RESULT_COLUMNS].reverse();
		const text = `${columns.join(';')}\n${columns.map((c) => good[c] ?? '').join(';')}\n`;
		const read = readResultRecords(text);
		expect('records' in read && read.records[0].fields).toEqual({ ...good });
	});

	it.each([
		['a missing column', 'year,region_code\n2024,33.18\n', { code: 'missing_columns' }],
		[
			'an extra column',
			`${HEADER},extra\n${line(good)},x\n`,
			{ code: 'unknown_columns', columns: ['extra'] }
		],
		['no data rows', `${HEADER}\n\n`, { code: 'no_rows' }],
		[
			'a short row',
			`${HEADER}\n2024,33.18\n`,
			{ code: 'cell_count', row: 2, expected: 15, found: 2 }
		],
		['a blank file', '', { code: 'unreadable' }]
	])('readResultRecords() refuses %s', (_, text, problem) => {
		const read = readResultRecords(text);
		expect('problem' in read && read.problem).toMatchObject(problem);
	});

	it('readResultsFile() refuses a workbook with the import’s message', () => {
		const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]);
		const read = readResultsFile(zip);
		expect('problem' in read && read.problem.code).toBe('unreadable');
		expect(
			'problem' in read && read.problem.code === 'unreadable' && read.problem.message.en
		).toMatch(/^This file is not a CSV but an Excel workbook/);
	});
});

describe('validateResults()', () => {
	it('validateResults() gives every row when all are valid', () => {
		const r = validateResults(
			[
				{ row: 2, fields: good },
				{ row: 3, fields: { ...good, region_code: '33.74' } }
			],
			context
		);
		expect(r.ok && r.rows.map((x) => [x.regionCode, x.final])).toEqual([
			['33.18', 2.93],
			['33.74', 2.93]
		]);
	});

	it('validateResults() lists the problems of every row with its row number, and the second of two rows for one region and year', () => {
		const r = validateResults(
			[
				{ row: 2, fields: good },
				{ row: 3, fields: { ...good, baseline: '5' } },
				{ row: 4, fields: good },
				{ row: 5, fields: { ...good, letter_date: 'kemarin' } }
			],
			context
		);
		expect(!r.ok && r.problems.map((p) => [p.row, p.column, p.code, p.value])).toEqual([
			[3, 'baseline', 'out_of_range', '5'],
			[4, 'year', 'duplicate', '2024'],
			[5, 'letter_date', 'not_date', 'kemarin']
		]);
		expect(!r.ok && r.problems[1].params).toEqual({ first: 2, year: 2024, region: '33.18' });
	});
});
