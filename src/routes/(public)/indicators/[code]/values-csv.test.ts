import { describe, expect, it } from 'vitest';
import { valuesCsv, type ValuesCsvRow } from './values-csv';

const row = (over: Partial<ValuesCsvRow>): ValuesCsvRow => ({
	regionCode: '33.18',
	year: 2023,
	value: 72.5,
	source: 'https://pati.bps.go.id/x',
	sourceKind: 'bps',
	referencePeriod: null,
	note: null,
	illustrative: false,
	...over
});
const input = (values: ValuesCsvRow[]) => ({
	code: 'hdi_ipm',
	unit: 'index',
	values,
	names: new Map([['33.18', 'Kabupaten Pati']]),
	shown: new Set(['33.18'])
});

describe('valuesCsv()', () => {
	it('valuesCsv(id) writes ";" and a decimal comma, quoting it, and guards a typed note', () => {
		expect(valuesCsv(input([row({ value: -3.5, note: 'x;=10*10;' })]), 'id')).toBe(
			'region_code;region_name;indicator_code;year;value;unit;source;source_kind;reference_period;note;carried_forward;illustrative\r\n' +
				`33.18;Kabupaten Pati;hdi_ipm;2023;"-3,5";index;https://pati.bps.go.id/x;bps;;"x;'=10*10;";false;false\r\n`
		);
	});

	it('valuesCsv(en) writes "," and decimal points, and leaves out regions not shown', () => {
		expect(
			valuesCsv(
				input([row({ source: '=HYPERLINK("x")' }), row({ regionCode: '33.19', value: 1 })]),
				'en'
			)
		).toBe(
			'region_code,region_name,indicator_code,year,value,unit,source,source_kind,reference_period,note,carried_forward,illustrative\r\n' +
				`33.18,Kabupaten Pati,hdi_ipm,2023,72.5,index,"'=HYPERLINK(""x"")",bps,,,false,false\r\n`
		);
	});
});
