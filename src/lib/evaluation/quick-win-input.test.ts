import { describe, expect, it } from 'vitest';
import {
	continuity,
	criterionOfItem,
	riskLevel,
	validateQuickWin,
	validateRisk,
	type QuickWinField,
	type RiskField
} from './quick-win-input';

const QUICK_WIN: Partial<Record<QuickWinField, string>> = {
	name: ' Lapor Bupati ',
	opd: 'Diskominfo',
	start_year: '2018',
	rpjmd_problem: 'Layanan pengaduan lambat',
	formulated_with: 'Bappeda, Diskominfo, forum warga',
	daya_tarik: 'Satu nomor WhatsApp'
};
const RISK: Partial<Record<RiskField, string>> = {
	year: '2024',
	risk: 'Aduan tidak ditindaklanjuti',
	cause: 'OPD tidak punya admin',
	likelihood: '2',
	impact: '3',
	mitigation: 'Admin per OPD dengan SK',
	owner: 'Diskominfo'
};

describe('validateQuickWin()', () => {
	it('trims the fields and leaves the criteria not given empty', () => {
		const r = validateQuickWin(QUICK_WIN);
		expect(r.ok && r.values.name).toBe('Lapor Bupati');
		expect(r.ok && r.values.startYear).toBe(2018);
		expect(r.ok && r.values.criteria.daya_tarik).toBe('Satu nomor WhatsApp');
		expect(r.ok && r.values.criteria.manfaat).toBe('');
	});
	it('names every missing required field', () => {
		const r = validateQuickWin({});
		expect(!r.ok && r.problems.map((p) => `${p.field}:${p.code}`)).toEqual([
			'name:required',
			'opd:required',
			'start_year:required',
			'rpjmd_problem:required',
			'formulated_with:required'
		]);
	});
	it.each([
		['2016', 'year_range', { min: 2017, max: 2100 }],
		['2101', 'year_range', { min: 2017, max: 2100 }],
		['20x4', 'not_year', {}],
		['24', 'not_year', {}]
	])('refuses the start year %s (%s)', (start_year, code, params) => {
		const r = validateQuickWin({ ...QUICK_WIN, start_year });
		expect(!r.ok && r.problems).toEqual([{ field: 'start_year', code, value: start_year, params }]);
	});
	it('refuses a criterion longer than 2000 characters', () => {
		const r = validateQuickWin({ ...QUICK_WIN, manfaat: 'x'.repeat(2001) });
		expect(!r.ok && r.problems.map((p) => [p.field, p.code, p.params.max])).toEqual([
			['manfaat', 'too_long', 2000]
		]);
	});
});

describe('validateRisk()', () => {
	it('reads likelihood and impact as numbers', () => {
		const r = validateRisk(RISK, 2018);
		expect(r.ok && [r.values.year, r.values.likelihood, r.values.impact]).toEqual([2024, 2, 3]);
	});
	it.each(['0', '4', '2.5', '2,5', 'tinggi', '-1'])(
		'refuses the likelihood %s as off the 1–3 scale',
		(v) => {
			const r = validateRisk({ ...RISK, likelihood: v }, 2018);
			expect(!r.ok && r.problems).toEqual([
				{ field: 'likelihood', code: 'off_scale', value: v, params: { min: 1, max: 3 } }
			]);
		}
	);
	it('refuses an impact off the scale and a missing mitigation together', () => {
		const r = validateRisk({ ...RISK, impact: '9', mitigation: '  ' }, 2018);
		expect(!r.ok && r.problems.map((p) => `${p.field}:${p.code}`)).toEqual([
			'impact:off_scale',
			'mitigation:required'
		]);
	});
	it('refuses a year before the quick win started, naming the start as the bound', () => {
		const r = validateRisk({ ...RISK, year: '2017' }, 2018);
		expect(!r.ok && r.problems).toEqual([
			{ field: 'year', code: 'year_range', value: '2017', params: { min: 2018, max: 2100 } }
		]);
	});
});

describe('riskLevel()', () => {
	it.each([
		[1, 1, 1, 'low'],
		[1, 2, 2, 'low'],
		[1, 3, 3, 'medium'],
		[2, 2, 4, 'medium'],
		[2, 3, 6, 'high'],
		[3, 3, 9, 'high']
	])('riskLevel(%i, %i) is %i, %s', (l, i, level, band) => {
		expect(riskLevel(l, i)).toEqual({ level, band });
	});
});

describe('criterionOfItem()', () => {
	it.each([
		['quickwin.perumusan-inovasi.5.1.1', 'perumusan'],
		['quickwin.daya-tarik-inovasi.5.1.1', 'daya_tarik'],
		['quickwin.sumber-daya.5.1.1', 'sumber_daya'],
		['quickwin.manajemen-risiko.5.2.1', 'risk'],
		['quickwin.keberlanjutan.5.1.1', 'continued'],
		['quickwin.keberlanjutan.5.1.2', 'new'],
		['quickwin.keberlanjutan.5.2.1', null],
		['quickwin.inovasi-baru.5.1.1', null],
		['impact.keberlanjutan.4.1.1', null],
		['impact.smart-governance.4.1.1', null]
	])('criterionOfItem(%s) is %s', (code, key) => {
		expect(criterionOfItem(code)).toBe(key);
	});
});

describe('continuity()', () => {
	const register = [
		{ name: 'Lapor Bupati', startYear: 2022, years: [2022, 2023, 2024] },
		{ name: 'Pati Mbangun', startYear: 2023, years: [2023] },
		{ name: 'Sadewa', startYear: 2024, years: [2024] },
		{ name: 'Kartu Tani', startYear: 2021, years: [2021, 2022] }
	];

	it('splits last year’s quick wins into continued and stopped, and lists this year’s new ones', () => {
		expect(continuity(register, 2024)).toEqual({
			continued: ['Lapor Bupati'],
			stopped: ['Pati Mbangun'],
			started: ['Sadewa']
		});
		expect(continuity(register, 2022)).toEqual({
			continued: ['Kartu Tani'],
			stopped: [],
			started: ['Lapor Bupati']
		});
	});

	it('gives empty lists for a year before any quick win and for an empty register', () => {
		expect(continuity(register, 2019)).toEqual({ continued: [], stopped: [], started: [] });
		expect(continuity([], 2024)).toEqual({ continued: [], stopped: [], started: [] });
	});
});
