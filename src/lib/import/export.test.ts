import { describe, expect, it } from 'vitest';
import { emptyContext } from './context';
import { csvCell } from '../csv/write';
import { templateCsv, toCsv } from './export';
import { IMPORT_KINDS, type ObservationRow } from './types';
import { unescapeFormula, validateCsv } from './validate';

const encode = (s: string) => new TextEncoder().encode(s);

function templateContext() {
	const ctx = emptyContext();
	ctx.regions.add('33');
	ctx.regions.add('33.18');
	ctx.frameworks.add('example-framework');
	ctx.nodes.set('example-framework', new Set(['governance', 'economy.welfare']));
	ctx.indicators.set('poverty_rate', {
		valueType: 'percent',
		method: 'minmax',
		worst: 20,
		best: 0,
		frameworkCode: 'example-framework'
	});
	return ctx;
}

describe('unescapeFormula() and the CSV writer', () => {
	it.each(['=x', "'=x", "''@x", '-5', "'plain", 'plain', 'x;=10*10;', 'a, +1', "a;'-b"])(
		'unescapeFormula() reads csvCell(%j) back to the same text',
		(text) => {
			const cell = csvCell(text);
			const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
			expect(unescapeFormula(unquoted)).toBe(text);
		}
	);
});

describe('templateCsv()', () => {
	it('templateCsv(observations, en) writes English labels, commas and decimal points', () => {
		expect(templateCsv('observations', 'en')).toBe(
			'region_code,indicator_code,year,value,source,source_kind,reference_period,note,illustrative\r\n' +
				'33.18,poverty_rate,2023,9.5,example only: replace with the URL or document of the value,bps,,illustrative example row,true\r\n'
		);
	});
	it('templateCsv(observations, id, wide) writes Indonesian labels, year columns and decimal commas', () => {
		expect(templateCsv('observations', 'id', 'wide')).toBe(
			'kode_wilayah;kode_indikator;2022;2023;sumber;jenis_sumber;periode_rujukan;catatan;ilustrasi\r\n' +
				'33.18;poverty_rate;"9,5";"9,25";contoh saja: ganti dengan URL atau dokumen sumber nilai;bps;;baris contoh ilustratif;ya\r\n'
		);
	});
	it('templateCsv() ignores a wide shape for kinds that only have a long one', () => {
		expect(templateCsv('regions', 'en', 'wide')).toBe(templateCsv('regions', 'en', 'long'));
	});
	for (const kind of IMPORT_KINDS)
		for (const lang of ['id', 'en'] as const)
			for (const shape of ['long', 'wide'] as const)
				it(`templateCsv(${kind}, ${lang}, ${shape}) validates with its example marked illustrative`, () => {
					const report = validateCsv(encode(templateCsv(kind, lang, shape)), {
						kind,
						context: templateContext(),
						allowIllustrative: true
					});
					expect(report.errors).toEqual([]);
					expect(report.rows.length).toBe(
						kind === 'observations' || kind === 'targets' ? (shape === 'wide' ? 2 : 1) : 1
					);
					for (const row of report.rows)
						if ('illustrative' in row) expect(row.illustrative).toBe(true);
				});
});

describe('templateCsv() outside the demo', () => {
	for (const kind of ['observations', 'targets'] as const)
		it(`templateCsv(${kind}, id) is refused as it stands: its example row is illustrative`, () => {
			const report = validateCsv(encode(templateCsv(kind, 'id')), {
				kind,
				context: templateContext()
			});
			expect(report.status).toBe('invalid');
			expect(report.errors.map((e) => [e.code, e.row, e.column])).toEqual([
				['constraint-error', 2, 'ilustrasi']
			]);
			expect(report.errors[0].message.id).toMatch(/hanya memuat data nyata/);
		});
});

describe('toCsv()', () => {
	it('toCsv() writes English headers, nulls as empty cells and guards formulas', () => {
		const rows: ObservationRow[] = [
			{
				regionCode: '33.18',
				indicatorCode: 'poverty_rate',
				year: 2023,
				value: 1.234,
				source: '=cmd|x',
				sourceKind: null,
				referencePeriod: null,
				note: null,
				illustrative: false,
				sourceRow: 2
			}
		];
		expect(toCsv(rows, 'observations')).toBe(
			'region_code,indicator_code,year,value,source,source_kind,reference_period,note,illustrative\r\n' +
				"33.18,poverty_rate,2023,1.2340,'=cmd|x,,,,false\r\n"
		);
	});

	it('toCsv() guards a formula after a separator inside a cell and reads back unchanged', () => {
		const row: ObservationRow = {
			regionCode: '33.18',
			indicatorCode: 'poverty_rate',
			year: 2023,
			value: 1.5,
			source: 'x;=10*10;',
			sourceKind: null,
			referencePeriod: null,
			note: 'a, +1',
			illustrative: false,
			sourceRow: 2
		};
		const csv = toCsv([row], 'observations');
		expect(csv).toBe(
			'region_code,indicator_code,year,value,source,source_kind,reference_period,note,illustrative\r\n' +
				`33.18,poverty_rate,2023,1.5,"x;'=10*10;",,,"a, '+1",false\r\n`
		);
		const ctx = templateContext();
		const report = validateCsv(encode(csv), { kind: 'observations', context: ctx });
		expect(report.errors).toEqual([]);
		expect(report.rows).toEqual([row]);
	});
});

describe('templateCsv() with the instance’s codes', () => {
	const codes = { region: '33.18', indicators: ['hdi_ipm', 'gini_ratio'], year: 2025 };
	it('writes one row per indicator with the region and year, nothing made up', () => {
		expect(templateCsv('observations', 'id', 'long', codes)).toBe(
			'kode_wilayah;kode_indikator;tahun;nilai;sumber;jenis_sumber;periode_rujukan;catatan;ilustrasi\r\n' +
				'33.18;hdi_ipm;2025;;;;;;\r\n33.18;gini_ratio;2025;;;;;;\r\n'
		);
	});
	it('a wide template gets the last two years as columns, empty', () => {
		const csv = templateCsv('observations', 'en', 'wide', codes);
		const [header, first] = csv.split('\r\n');
		expect(header.split(',').slice(0, 4)).toEqual([
			'region_code',
			'indicator_code',
			'2024',
			'2025'
		]);
		expect(first.split(',').slice(0, 4)).toEqual(['33.18', 'hdi_ipm', '', '']);
	});
	it('without codes, or for a kind that has no indicators, the example row as before', () => {
		expect(templateCsv('observations', 'en', 'long', { ...codes, indicators: [] })).toBe(
			templateCsv('observations', 'en')
		);
		expect(templateCsv('regions', 'en', 'long', codes)).toBe(templateCsv('regions', 'en'));
	});
});
