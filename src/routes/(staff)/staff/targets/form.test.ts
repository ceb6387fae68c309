import { describe, expect, it } from 'vitest';
import type { IndicatorInfo } from '$lib/import';
import { validateTarget, type TargetForm } from './form';

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
	illustrative: 'false'
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
