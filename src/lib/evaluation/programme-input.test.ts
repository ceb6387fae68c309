import { describe, expect, it } from 'vitest';
import {
	evidenceLink,
	outcomeScope,
	progressSummary,
	validateProgramme,
	validateProgress,
	type ProgrammeField,
	type ProgressField
} from './programme-input';

const ELEMENTS = ['governance.service', 'environment.waste'];

const programme = (over: Partial<Record<ProgrammeField, string>> = {}) => ({
	element: 'governance.service',
	kind: 'programme',
	name: ' Mal Pelayanan Publik ',
	opd: ' dpmptsp ',
	start_year: '2020',
	masterplan_title: 'Masterplan Smart City Kabupaten Pati 2019–2028',
	masterplan_page: '45',
	budget_source: 'apbd',
	budget: '1.250.000,50',
	rpjmd_problem: 'Perizinan lambat',
	status: 'running',
	quick_win: 'on',
	source: '',
	...over
});

const progress = (over: Partial<Record<ProgressField, string>> = {}) => ({
	year: '2024',
	planned: '22 gerai',
	done: '20 gerai',
	percent: '90,9',
	evidence: 'https://example.go.id/laporan-2024.pdf',
	...over
});

describe('validateProgramme()', () => {
	it('validateProgramme() trims, upper-cases the OPD and reads an Indonesian rupiah amount', () => {
		expect(validateProgramme(programme(), ELEMENTS)).toEqual({
			ok: true,
			values: {
				elementCode: 'governance.service',
				kind: 'programme',
				name: 'Mal Pelayanan Publik',
				opd: 'DPMPTSP',
				startYear: 2020,
				masterplanTitle: 'Masterplan Smart City Kabupaten Pati 2019–2028',
				masterplanPage: 45,
				budgetSource: 'apbd',
				budget: 1250000.5,
				rpjmdProblem: 'Perizinan lambat',
				status: 'running',
				quickWin: true,
				source: ''
			}
		});
	});

	it('validateProgramme() takes an action plan kind, non-APBD money, no amount and no quick-win box', () => {
		const r = validateProgramme(
			programme({ kind: 'literasi', budget_source: 'non_apbd', budget: '', quick_win: '' }),
			ELEMENTS
		);
		expect(
			r.ok && [r.values.kind, r.values.budgetSource, r.values.budget, r.values.quickWin]
		).toEqual(['literasi', 'non_apbd', null, false]);
	});

	it.each([
		['element', 'governance.nope', 'not_listed', {}],
		['element', '', 'required', {}],
		['kind', 'lainnya', 'not_listed', {}],
		['budget_source', 'hibah', 'not_listed', {}],
		['status', 'x', 'not_listed', {}],
		['name', '   ', 'required', {}],
		['name', 'x'.repeat(201), 'too_long', { max: 200 }],
		['opd', '', 'required', {}],
		['opd', '_x', 'not_opd', {}],
		['start_year', '2016', 'year_range', { min: 2017, max: 2100 }],
		['start_year', '2101', 'year_range', { min: 2017, max: 2100 }],
		['start_year', '20x4', 'not_year', {}],
		['start_year', '', 'required', {}],
		['masterplan_title', '', 'required', {}],
		['masterplan_page', '', 'required', {}],
		['masterplan_page', '0', 'not_page', {}],
		['masterplan_page', '12-14', 'not_page', {}],
		['budget', '-5', 'not_amount', {}],
		['budget', 'lima juta', 'not_amount', {}],
		['rpjmd_problem', '', 'required', {}]
	] as const)('validateProgramme() refuses %s “%s” with %s', (field, value, code, params) => {
		const r = validateProgramme(programme({ [field]: value }), ELEMENTS);
		expect(r.ok).toBe(false);
		if (!r.ok)
			expect(r.problems).toEqual([{ field, code, value: value.trim().slice(0, 40), params }]);
	});

	it('validateProgramme() accepts the years at the bounds, 2017 and 2100', () => {
		expect(validateProgramme(programme({ start_year: '2017' }), ELEMENTS).ok).toBe(true);
		expect(validateProgramme(programme({ start_year: '2100' }), ELEMENTS).ok).toBe(true);
	});

	it('validateProgramme() reports every problem of an empty form at once', () => {
		const r = validateProgramme({}, ELEMENTS);
		expect(r.ok ? [] : r.problems.map((p) => `${p.field}:${p.code}`)).toEqual([
			'element:required',
			'kind:required',
			'name:required',
			'opd:required',
			'start_year:required',
			'masterplan_title:required',
			'masterplan_page:required',
			'budget_source:required',
			'rpjmd_problem:required',
			'status:required'
		]);
	});
});

describe('validateProgress()', () => {
	it('validateProgress() reads a decimal comma or point', () => {
		expect(validateProgress(progress(), 2020)).toEqual({
			ok: true,
			values: {
				year: 2024,
				planned: '22 gerai',
				done: '20 gerai',
				percent: 90.9,
				evidence: 'https://example.go.id/laporan-2024.pdf'
			}
		});
		expect(validateProgress(progress({ percent: '72.5' }), 2020)).toMatchObject({
			values: { percent: 72.5 }
		});
	});

	it.each([
		['0', 0],
		['100', 100],
		['0,0', 0]
	])('validateProgress() accepts %s %% as %d', (text, value) => {
		expect(validateProgress(progress({ percent: text }), 2020)).toMatchObject({
			ok: true,
			values: { percent: value }
		});
	});

	it.each([
		['percent', '100,1', 'percent_range', { min: 0, max: 100 }],
		['percent', '-1', 'percent_range', { min: 0, max: 100 }],
		['percent', '50%', 'not_percent', {}],
		['percent', 'NaN', 'not_percent', {}],
		['percent', '', 'required', {}],
		['year', '2019', 'year_range', { min: 2020, max: 2100 }],
		['year', '2101', 'year_range', { min: 2020, max: 2100 }],
		['year', 'tahun', 'not_year', {}],
		['planned', '', 'required', {}],
		['done', ' ', 'required', {}],
		['evidence', '', 'required', {}]
	] as const)('validateProgress() refuses %s “%s” with %s', (field, value, code, params) => {
		const r = validateProgress(progress({ [field]: value }), 2020);
		expect(r.ok).toBe(false);
		if (!r.ok)
			expect(r.problems).toEqual([{ field, code, value: value.trim().slice(0, 40), params }]);
	});

	it('validateProgress() accepts the programme’s start year itself', () => {
		expect(validateProgress(progress({ year: '2020' }), 2020).ok).toBe(true);
	});
});

describe('outcomeScope()', () => {
	it.each([
		[
			'outcome.program.3.1.1',
			'Program | 3.1 Program Smart Governance di tahun berjalan',
			'Sejauh mana program smart governance sudah berjalan di tahun ini?',
			{ kind: 'programme', dimension: 'governance' }
		],
		[
			'outcome.program.3.17.1',
			'Program | 3.17 Program Smart Environment di tahun berjalan',
			'Sejauh mana program smart environment sudah berjalan di tahun ini?',
			{ kind: 'programme', dimension: 'environment' }
		],
		[
			'outcome.program.3.3.2',
			'Program | 3.3 Penyelenggaraan Pemerintahan Daerah',
			'Berapa nilai SPBE KemanPANRB?',
			null
		],
		[
			'outcome.rencana-aksi.3.1.1',
			'Rencana Aksi | 3.1 Pelaksanaan Rencana Aksi Peningkatan Kapasitas SDM',
			'Sejauh mana rencana aksi pengembangan kapasitas SDM sudah dijalankan sesuai dengan Masterplan Smart city?',
			{ kind: 'sdm', dimension: null }
		],
		[
			'outcome.rencana-aksi.3.2.1',
			'Rencana Aksi | 3.2 Pelaksanaan Rencana Aksi Pembangunan Infrastruktur Pendukung Smart city',
			'Sejauh mana rencana aksi pengembangan infrastruktur sudah dijalankan?',
			{ kind: 'infrastruktur', dimension: null }
		],
		[
			'outcome.rencana-aksi.3.4.1',
			'Rencana Aksi | 3.4 Pelaksanaan Rencana Aksi Pengembangan Literasi Smart city',
			'Sejauh mana rencana aksi pengembangan literasi smart city sudah dijalankan?',
			{ kind: 'literasi', dimension: null }
		],
		[
			'quickwin.manfaat-inovasi.5.2.1',
			'',
			'Sejauh mana program smart governance sudah berjalan di tahun ini?',
			null
		]
	])('outcomeScope(%s) is %j', (code, element, question, expected) => {
		expect(outcomeScope({ code, element, question })).toEqual(expected);
	});
});

describe('progressSummary()', () => {
	const p = (startYear: number, ...rows: [number, number, string][]) => ({
		startYear,
		progress: rows.map(([year, percent, status]) => ({ year, percent, status }))
	});

	it('progressSummary() counts running programmes and averages only the year’s approved progress', () => {
		expect(
			progressSummary(
				[
					p(2023, [2024, 80, 'approved'], [2023, 10, 'approved']),
					p(2024, [2024, 50, 'approved']),
					p(2024, [2024, 100, 'draft']),
					p(2025, [2025, 100, 'approved'])
				],
				2024
			)
		).toEqual({ programmes: 3, withProgress: 2, meanPercent: 65 });
	});

	it('progressSummary() gives a null mean, not 0, when nothing is approved', () => {
		expect(progressSummary([p(2024, [2024, 40, 'draft'])], 2024)).toEqual({
			programmes: 1,
			withProgress: 0,
			meanPercent: null
		});
		expect(progressSummary([], 2024)).toEqual({
			programmes: 0,
			withProgress: 0,
			meanPercent: null
		});
	});
});

describe('evidenceLink()', () => {
	it.each([
		['https://patikab.go.id/lkpj-2024.pdf', 'https://patikab.go.id/lkpj-2024.pdf'],
		[' http://example.go.id ', 'http://example.go.id'],
		['LKPJ 2024 hlm. 12', null],
		['javascript:alert(1)', null],
		['https://a b', null],
		['', null]
	])('evidenceLink(%j) is %j', (text, href) => {
		expect(evidenceLink(text)).toBe(href);
	});
});
