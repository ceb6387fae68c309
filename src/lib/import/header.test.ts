import { describe, expect, it } from 'vitest';
import type { CellErrors } from './cells';
import { emptyContext } from './context';
import { bindHeader, fileFacts, isColumnLabel } from './header';
import { msg } from './messages';
import { findColumn, kindSchemas } from './schemas';
import type { ImportKind } from './types';

type Given = Parameters<typeof fileFacts>[0];

function context() {
	const context = emptyContext();
	context.regions.add('33.18');
	context.indicators.set('poverty_rate', {
		valueType: 'percent',
		method: 'minmax',
		worst: 20,
		best: 0,
		frameworkCode: 'gm100sc'
	});
	return context;
}

/** The binding of a header at row 3, and the errors reported for it. */
function bind(labels: string[], given: Partial<Given> = {}, kind: ImportKind = 'observations') {
	const errors: unknown[][] = [];
	const sink: CellErrors = {
		error: (code, row, column, value, message) => errors.push([code, row, column, value, message])
	};
	const schema = kindSchemas[kind];
	const facts = fileFacts({ context: context(), ...given }, schema);
	return { binding: bindHeader(labels, 3, schema, facts, sink), errors };
}

describe('bindHeader()', () => {
	it('binds a wide BPS table with a region-name column and a file indicator', () => {
		const { binding, errors } = bind(['Kabupaten/Kota', '2021', '2022', 'Sumber', ''], {
			fileIndicator: 'poverty_rate'
		});
		expect(errors).toEqual([['blank-header', 3, 'E', null, msg.blankLabel('E')]]);
		expect(binding.shape).toBe('wide');
		expect(binding.width).toBe(5);
		expect(binding.yearColumns).toEqual([
			{ index: 1, year: 2021, label: '2021' },
			{ index: 2, year: 2022, label: '2022' }
		]);
		// The name column stands in for region_code: bound by name, not read as a row property.
		expect(binding.nameColumn).toMatchObject({ index: 0, label: 'Kabupaten/Kota' });
		expect([...binding.byName.keys()]).toEqual(['region_name', 'source']);
		expect(binding.bound.map((b) => b.decl.name)).toEqual(['source']);
		expect(binding.absentKeys).toEqual([
			'regionCode',
			'indicatorCode',
			'sourceKind',
			'referencePeriod',
			'note',
			'illustrative'
		]);
		expect(binding).toMatchObject({
			complete: true,
			valueColumn: null,
			defaultRegionOk: true,
			fileIndicatorOk: true
		});
	});

	it('reports a label given twice, once by its alias, and keeps the first', () => {
		const { binding, errors } = bind([
			'region_code',
			'indicator_code',
			'year',
			'value',
			'source',
			'kode_wilayah'
		]);
		expect(errors).toEqual([
			[
				'duplicate-label',
				3,
				'kode_wilayah',
				'kode_wilayah',
				msg.duplicateLabel('kode_wilayah', 'region_code')
			]
		]);
		expect(binding.shape).toBe('long');
		expect(binding.byName.get('region_code')?.index).toBe(0);
		expect(binding.valueColumn).toMatchObject({ index: 3, label: 'value' });
		expect(binding.complete).toBe(true);
	});

	it('reports missing required columns, naming the file-wide fixes for source and indicator', () => {
		const { binding, errors } = bind(['year', 'value']);
		expect(errors).toEqual([
			['missing-label', 3, 'region_code', null, msg.missingRegion()],
			['missing-label', 3, 'indicator_code', null, msg.missingIndicator()],
			['missing-label', 3, 'source', null, msg.missingSource()]
		]);
		expect(binding.complete).toBe(false);
	});

	it('names a plain missing column by its declaration', () => {
		const { errors } = bind(['code', 'name'], {}, 'frameworks');
		const yearFrom = findColumn('frameworks', 'year_from')!;
		expect(errors).toContainEqual([
			'missing-label',
			3,
			'year_from',
			null,
			msg.missingLabel(yearFrom)
		]);
	});

	it('refuses year and value columns in a wide file, a year out of range and an unknown label', () => {
		const { binding, errors } = bind(['region_code', '1989', '2021', 'year', 'jumlah'], {
			fileIndicator: 'poverty_rate',
			fileSource: { source: 'BPS' }
		});
		expect(errors.map((e) => e.slice(0, 4))).toEqual([
			['constraint-error', 3, '1989', '1989'],
			['extra-label', 3, 'jumlah', 'jumlah'],
			['extra-label', 3, 'year', 'year']
		]);
		expect(errors[2][4]).toEqual(msg.cellColumnInWide('year'));
		expect(binding.byName.has('year')).toBe(false);
		expect(binding.yearColumns.map((y) => y.year)).toEqual([2021]);
	});

	it('reports an unknown default region and file indicator once, on no row', () => {
		const { binding, errors } = bind(['indicator_code', 'year', 'value', 'source'], {
			defaultRegion: '99',
			fileIndicator: 'nope'
		});
		expect(errors).toEqual([
			['foreign-key-error', null, 'region_code', '99', msg.unknownRegion('99')],
			['foreign-key-error', null, 'indicator_code', 'nope', msg.unknownIndicator('nope')]
		]);
		expect(binding).toMatchObject({
			complete: true,
			defaultRegionOk: false,
			fileIndicatorOk: false
		});
	});
});

describe('isColumnLabel()', () => {
	it('knows labels by name or alias, and years only for a kind with a wide shape', () => {
		expect(isColumnLabel('observations', 'Kode Wilayah')).toBe(true);
		expect(isColumnLabel('observations', '2021')).toBe(true);
		expect(isColumnLabel('regions', '2021')).toBe(false);
		expect(isColumnLabel('regions', 'nama')).toBe(true);
		expect(isColumnLabel('observations', 'jumlah')).toBe(false);
	});
});

describe('fileFacts()', () => {
	it('turns the file-wide source and indicator into the row properties they fill', () => {
		const facts = fileFacts(
			{
				context: context(),
				fileIndicator: ' poverty_rate ',
				fileSource: { source: ' BPS ', sourceKind: 'bps', referencePeriod: ' ' }
			},
			kindSchemas.observations
		);
		expect(facts.fileIndicator).toBe('poverty_rate');
		expect(facts.values).toEqual([
			['indicatorCode', 'poverty_rate'],
			['source', 'BPS'],
			['sourceKind', 'bps']
		]);
		expect([...facts.filled]).toEqual(['indicatorCode', 'source', 'sourceKind']);
	});

	it('gives no indicator to a kind whose rows have none', () => {
		const facts = fileFacts({ context: context(), fileIndicator: 'x' }, kindSchemas.regions);
		expect(facts.values).toEqual([]);
		expect(facts.fileIndicator).toBe('x');
	});
});
