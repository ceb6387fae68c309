import { describe, expect, it } from 'vitest';
import { INVALID } from './cells';
import { emptyContext } from './context';
import { bindHeader, fileFacts } from './header';
import { msg } from './messages';
import { RowRules, type RuleErrors } from './rules';
import { kindSchemas } from './schemas';
import type { ImportKind } from './types';

const poverty = {
	valueType: 'percent',
	method: 'minmax',
	worst: 20,
	best: 0,
	frameworkCode: 'gm100sc'
} as const;

/** Row rules for a header, with the errors they report (and whether errors are still kept). */
function rulesFor(kind: ImportKind, labels: string[], keepsErrors = true) {
	const context = emptyContext();
	context.regions.add('33');
	context.regions.add('33.18');
	context.indicators.set('poverty_rate', { ...poverty });
	context.regionNames = new Map([
		['33.18', { name: 'Kabupaten Pati', kind: 'kabupaten' }],
		['33.18.01', { name: 'Pati', kind: 'kecamatan' }],
		['33.74', { name: 'Kota Semarang', kind: 'kota' }]
	]);
	const schema = kindSchemas[kind];
	const facts = fileFacts({ context }, schema);
	const errors: unknown[][] = [];
	const sink: RuleErrors = {
		keepsErrors,
		error: (code, row, column, value, message) => errors.push([code, row, column, value, message])
	};
	const columns = bindHeader(labels, 1, schema, facts, sink);
	return { rules: new RowRules(kind, columns, facts, sink), errors, context };
}

describe('RowRules', () => {
	it('knows a parent region from an earlier row of the file, and each code once', () => {
		const { rules, errors } = rulesFor('regions', ['code', 'name', 'kind', 'parent_code']);
		expect(rules.checkRow({ code: '33.19', parentCode: '33' }, 2, [])).toBe(true);
		expect(rules.checkRow({ code: '33.19.01', parentCode: '33.19' }, 3, [])).toBe(true);
		expect(rules.checkRow({ code: '33.19', parentCode: '33' }, 4, [])).toBe(false);
		expect(rules.checkRow({ code: '33.20', parentCode: '33.20' }, 5, [])).toBe(false);
		expect(errors).toEqual([
			['unique-error', 4, 'code', '33.19', msg.unique('33.19', 2)],
			['foreign-key-error', 5, 'parent_code', '33.20', msg.unknownParentRegion('33.20')]
		]);
	});

	it('checks a long observation’s region after a known one, its range and its year once', () => {
		const labels = ['kode_wilayah', 'indicator_code', 'tahun', 'nilai', 'source'];
		const { rules, errors } = rulesFor('observations', labels);
		const row = (regionCode: string, year: number, value: number) => ({
			regionCode,
			indicatorCode: 'poverty_rate',
			year,
			value
		});
		expect(rules.checkRow(row('33.18', 2021, 9), 2, [])).toBe(true);
		expect(rules.checkRow(row('33.99', 2022, 9), 3, [])).toBe(false);
		expect(rules.checkRow(row('33.18', 2021, 8), 4, [])).toBe(false);
		const cells = ['33.18', 'poverty_rate', '2023', ' 101 ', 'x'];
		expect(rules.checkRow(row('33.18', 2023, 101), 5, cells)).toBe(false);
		expect(errors).toEqual([
			['foreign-key-error', 3, 'kode_wilayah', '33.99', msg.unknownRegion('33.99')],
			['unique-error', 4, 'tahun', '2021', msg.unique('33.18 / poverty_rate / 2021', 2)],
			['constraint-error', 5, 'nilai', '101', msg.valueType('101', 'percent', 'poverty_rate')]
		]);
	});

	it('checks a wide row’s year cells: the value’s range, and each year once', () => {
		const { rules, errors } = rulesFor('observations', [
			'region_code',
			'indicator_code',
			'2021',
			'2022',
			'source'
		]);
		const shared = { regionCode: '33.18', indicatorCode: 'poverty_rate' };
		const info = rules.checkRegionIndicator(shared, 2);
		expect(info).toEqual(poverty);
		const y2021 = { index: 2, year: 2021, label: '2021' };
		expect(rules.checkYearValue(shared, info, 9.5, y2021, '9,5', 2)).toBe(true);
		expect(rules.checkYearValue(shared, info, 120, { ...y2021, year: 2022 }, '120', 2)).toBe(false);
		expect(rules.checkYearValue(shared, info, 9, y2021, '9', 3)).toBe(false);
		expect(errors.map((e) => e.slice(0, 4))).toEqual([
			['constraint-error', 2, '2021', '120'],
			['unique-error', 3, '2021', '9']
		]);
		expect(rules.checkRegionIndicator({ regionCode: '33.18', indicatorCode: 'nope' }, 4)).toBe(
			INVALID
		);
	});

	it('finds a region by its name, refusing a bare name that means two regions', () => {
		const { rules, errors } = rulesFor('observations', [
			'Nama Wilayah',
			'indicator_code',
			'2021',
			'source'
		]);
		const out: Record<string, unknown> = {};
		expect(rules.regionOfName(['Kab. Pati'], 2, out)).toBe(true);
		expect(out.regionCode).toBe('33.18');
		expect(rules.regionOfName([' PATI '], 3, out)).toBe(false);
		expect(rules.regionOfName([''], 4, out)).toBe(false);
		expect(errors.map((e) => e.slice(0, 4))).toEqual([
			['foreign-key-error', 3, 'Nama Wilayah', 'PATI'],
			['constraint-error', 4, 'Nama Wilayah', '']
		]);
		expect(errors[1][4]).toEqual(msg.required('Nama Wilayah'));
	});

	it('offers no nearest names once errors are no longer kept', () => {
		const labels = ['nama_wilayah', 'indicator_code', '2021', 'source'];
		const kept = rulesFor('observations', labels);
		kept.rules.regionOfName(['Kota Semarangg'], 2, {});
		const counted = rulesFor('observations', labels, false);
		counted.rules.regionOfName(['Kota Semarangg'], 2, {});
		expect(kept.errors[0][4]).not.toEqual(counted.errors[0][4]);
		expect(counted.errors[0][4]).toEqual(msg.unknownRegionName('Kota Semarangg', []));
	});
});
