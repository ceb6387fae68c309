import { describe, expect, it } from 'vitest';
import type { IndicatorInfo } from '$lib/import';
import { targetDoubts, validateTarget, type TargetForm } from './form';

const info: IndicatorInfo = {
	valueType: 'number',
	method: 'minmax',
	worst: 0,
	best: 100,
	frameworkCode: 'gm100sc-2018'
};
const form: TargetForm = {
	year: '2026',
	value: '-2,5',
	document_type: 'RPJMD',
	document_ref: 'x;=10*10;',
	source: '=HYPERLINK("x")',
	note: 'a, @b',
	illustrative: 'false',
	confirm: ''
};

describe('validateTarget()', () => {
	it('validateTarget() writes the form through the CSV writer and reads every text back unchanged', () => {
		const r = validateTarget(form, 'id', '33.18', 'hdi_ipm', info);
		if (!r.ok) throw new Error(JSON.stringify(r.errors));
		expect(r.csv.split('\r\n')[1]).toBe(
			`33.18;hdi_ipm;2026;"-2,5";RPJMD;"x;'=10*10;";"'=HYPERLINK(""x"")";"a, '@b";false`
		);
		expect(r.row).toMatchObject({
			value: -2.5,
			documentRef: 'x;=10*10;',
			source: '=HYPERLINK("x")',
			note: 'a, @b'
		});
	});
});

describe('validateTarget() errors, worded for a form', () => {
	const index: IndicatorInfo = { ...info, unit: 'index (0-100)' };
	const base: TargetForm = { ...form, value: '91,5', document_ref: 'Tabel 4.2', source: 'RPJMD' };
	const errors = (f: TargetForm, locale: 'id' | 'en' = 'id') => {
		const r = validateTarget(f, locale, '33.18', 'hdi_ipm', index);
		if (r.ok) throw new Error('expected a refusal');
		return r.errors.map((e) => [e.field, e.kind, e.code]);
	};

	it('an empty field is "required", whatever the validator calls it', () => {
		expect(errors({ ...base, value: '', document_ref: ' ', source: '' })).toEqual([
			['value', 'required', 'constraint-error'],
			['document_ref', 'required', 'constraint-error'],
			['source', 'required', 'constraint-error']
		]);
	});

	it('a year that is not one, or outside 1990–2100, is a "year" error', () => {
		expect(errors({ ...base, year: '20x6' })).toEqual([['year', 'year', 'type-error']]);
		expect(errors({ ...base, year: '1989' })).toEqual([['year', 'year', 'constraint-error']]);
	});

	it('text in the value is a "number" error', () => {
		expect(errors({ ...base, value: '91,5 %' })).toEqual([['value', 'number', 'type-error']]);
	});

	it('1.234 on a 0–100 index: 1234 on an Indonesian page, refused with the range and the unit', () => {
		const r = validateTarget({ ...base, value: '1.234' }, 'id', '33.18', 'hdi_ipm', index);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.errors).toEqual([
			{
				field: 'value',
				kind: 'other',
				code: 'constraint-error',
				message: {
					id: '"1.234" tidak mungkin untuk indikator "hdi_ipm" (satuan "indeks (0–100)"): nilainya harus antara 0 dan 100. Periksa pemisah ribuan dan desimal: 91,5 ditulis dengan koma.',
					en: '"1.234" is not possible for indicator "hdi_ipm" (unit "index (0–100)"): its value must be between 0 and 100. Check the thousands and decimal separators: 91.5 is written with a point.'
				}
			}
		]);
	});

	it('1.234 on an English page is 1.234: possible, so it is left to the doubts', () => {
		const r = validateTarget({ ...base, value: '1.234' }, 'en', '33.18', 'hdi_ipm', index);
		expect(r.ok && r.row.value).toBe(1.234);
	});

	it('the confirmation box is not a column of the target', () => {
		const r = validateTarget({ ...base, confirm: 'yes' }, 'id', '33.18', 'hdi_ipm', index);
		expect(r.ok && r.csv.split('\r\n')[0]).toBe(
			'region_code;indicator_code;year;value;document_type;document_ref;source;note;illustrative'
		);
	});
});

describe('targetDoubts()', () => {
	const hdi = { polarity: 'higher' as const, worst: 60, best: 85 };
	const latest = { year: 2024, value: 72.5 };

	it('a target a little above the latest value and the earlier targets raises nothing', () => {
		expect(
			targetDoubts(
				{ year: 2026, value: 74 },
				{ ...hdi, latest, targets: [{ year: 2025, value: 73 }] }
			)
		).toEqual([]);
	});

	it('a 2026 target below the 2025 one asks, naming the 2025 target', () => {
		expect(
			targetDoubts(
				{ year: 2026, value: 72.8 },
				{ ...hdi, latest, targets: [{ year: 2025, value: 73 }] }
			)
		).toEqual([{ code: 'against-earlier-target', other: { year: 2025, value: 73 } }]);
	});

	it('a target above a later year’s target asks, naming the nearest such later target', () => {
		expect(
			targetDoubts(
				{ year: 2026, value: 75 },
				{
					...hdi,
					latest,
					targets: [
						{ year: 2029, value: 74 },
						{ year: 2027, value: 74.5 },
						{ year: 2028, value: 76 }
					]
				}
			)
		).toEqual([{ code: 'against-later-target', other: { year: 2027, value: 74.5 } }]);
	});

	it('a target worse than the latest value asks; so does one more than half the range away', () => {
		expect(targetDoubts({ year: 2026, value: 70 }, { ...hdi, latest, targets: [] })).toEqual([
			{ code: 'against-latest', latest }
		]);
		// 12.5 is half of 85 − 60: 85.1 is 12.6 away, 85 exactly 12.5 (not beyond).
		expect(targetDoubts({ year: 2026, value: 85.1 }, { ...hdi, latest, targets: [] })).toEqual([
			{ code: 'far-from-latest', latest, limit: 12.5 }
		]);
		expect(targetDoubts({ year: 2026, value: 85 }, { ...hdi, latest, targets: [] })).toEqual([]);
	});

	it('lower is better: a rise is the step back', () => {
		const poverty = { polarity: 'lower' as const, worst: 20, best: 0 };
		const last = { year: 2024, value: 9.31 };
		expect(
			targetDoubts({ year: 2026, value: 9.5 }, { ...poverty, latest: last, targets: [] })
		).toEqual([{ code: 'against-latest', latest: last }]);
		expect(
			targetDoubts(
				{ year: 2026, value: 8.5 },
				{ ...poverty, latest: last, targets: [{ year: 2025, value: 8 }] }
			)
		).toEqual([{ code: 'against-earlier-target', other: { year: 2025, value: 8 } }]);
	});

	it('without bounds, "far" is more than double or less than half the latest value', () => {
		const open = { polarity: 'higher' as const, worst: null, best: null };
		expect(
			targetDoubts(
				{ year: 2026, value: 146 },
				{ ...open, latest: { year: 2024, value: 72 }, targets: [] }
			)
		).toEqual([{ code: 'far-from-latest', latest: { year: 2024, value: 72 }, limit: null }]);
		expect(
			targetDoubts(
				{ year: 2026, value: 144 },
				{ ...open, latest: { year: 2024, value: 72 }, targets: [] }
			)
		).toEqual([]);
	});

	it('a latest value of the same or a later year is not compared (it is no baseline)', () => {
		expect(targetDoubts({ year: 2024, value: 60 }, { ...hdi, latest, targets: [] })).toEqual([]);
	});
});
