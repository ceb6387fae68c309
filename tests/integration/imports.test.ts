import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	commitBatch,
	ImportRefused,
	undoImport,
	type IndicatorInput,
	type LoadBatch,
	type ObservationInput
} from '../../src/lib/server/db/imports';
import { tempDatabase } from './helpers';

const meta = (fileName: string) => ({
	kind: 'observations' as const,
	fileName,
	sha256: 'x'.repeat(64),
	actor: 'tester'
});

const indicator = (
	code: string,
	valueType: string,
	extra: Partial<IndicatorInput> = {}
): IndicatorInput => ({
	code,
	frameworkCode: 'fw',
	elementCode: 'dim.el',
	nameId: code,
	nameEn: code,
	descriptionId: '',
	descriptionEn: '',
	rationaleId: '',
	rationaleEn: '',
	unit: valueType,
	polarity: 'higher',
	valueType,
	method: valueType === 'level' ? 'level' : 'minmax',
	worst: valueType === 'level' ? 1 : 0,
	best: valueType === 'level' ? 5 : 100,
	benchmark: null,
	opd: 'BPS',
	weight: 1,
	definitionSource: '',
	yearFrom: null,
	decimals: null,
	sortOrder: 0,
	...extra
});

const reference: LoadBatch = {
	regions: [
		{ code: '33', name: 'Provinsi Jawa Tengah', kind: 'provinsi', parentCode: null, bpsCode: '33' },
		{ code: '33.18', name: 'Kabupaten Pati', kind: 'kabupaten', parentCode: '33', bpsCode: '3318' }
	],
	frameworks: [
		{ code: 'fw', version: '1', nameId: 'K', nameEn: 'F', yearFrom: 2018, yearTo: null, source: '' }
	],
	// Child listed before its parent on purpose: the loader must order them.
	nodes: [
		{
			frameworkCode: 'fw',
			code: 'dim.el',
			parentCode: 'dim',
			level: 'element',
			nameId: 'E',
			nameEn: 'E',
			descriptionId: '',
			descriptionEn: '',
			weight: 1,
			sortOrder: 1
		},
		{
			frameworkCode: 'fw',
			code: 'dim',
			parentCode: null,
			level: 'dimension',
			nameId: 'D',
			nameEn: 'D',
			descriptionId: '',
			descriptionEn: '',
			weight: 1,
			sortOrder: 0
		}
	],
	indicators: [
		indicator('share', 'percent'),
		indicator('growth', 'number', { worst: -5, best: 10 }),
		indicator('banks', 'count', { worst: 0, best: 200 }),
		indicator('spbe', 'level')
	]
};

const obs = (
	indicatorCode: string,
	year: number,
	value: number,
	source = 'https://bps.example/1'
): ObservationInput => ({
	regionCode: '33.18',
	indicatorCode,
	year,
	value,
	source,
	note: '',
	illustrative: false
});

function current(conn: ReturnType<typeof tempDatabase>) {
	return conn.sqlite
		.prepare(
			`SELECT indicator_code, year, value, source FROM observations WHERE superseded_by IS NULL ORDER BY indicator_code, year`
		)
		.all();
}

let conn: ReturnType<typeof tempDatabase>;
beforeEach(() => {
	conn = tempDatabase();
	commitBatch(conn, { ...meta('reference'), kind: 'seed' }, reference);
});
afterEach(() => conn.close());

describe('commitBatch()', () => {
	it('inserts new values and counts them', () => {
		const result = commitBatch(conn, meta('a.csv'), {
			observations: [obs('share', 2020, 12.5), obs('growth', 2020, -1.15)]
		});
		expect(result).toEqual({
			status: 'committed',
			importId: 2,
			counts: { rows: 2, inserted: 2, updated: 0, unchanged: 0 }
		});
		expect(current(conn)).toEqual([
			{ indicator_code: 'growth', year: 2020, value: -1.15, source: 'https://bps.example/1' },
			{ indicator_code: 'share', year: 2020, value: 12.5, source: 'https://bps.example/1' }
		]);
	});

	it('says unchanged and records no import when the same content comes again', () => {
		commitBatch(conn, meta('a.csv'), { observations: [obs('share', 2020, 12.5)] });
		const again = commitBatch(conn, meta('a.csv'), { observations: [obs('share', 2020, 12.5)] });
		expect(again).toEqual({
			status: 'unchanged',
			importId: null,
			counts: { rows: 1, inserted: 0, updated: 0, unchanged: 1 }
		});
		expect(conn.sqlite.prepare('SELECT count(*) AS n FROM imports').get()).toEqual({ n: 2 });
	});

	it('supersedes a changed value and keeps the old one as history', () => {
		commitBatch(conn, meta('a.csv'), { observations: [obs('share', 2020, 12.5)] });
		const result = commitBatch(conn, meta('b.csv'), {
			observations: [obs('share', 2020, 13), obs('share', 2021, 14)]
		});
		expect(result.counts).toEqual({ rows: 2, inserted: 1, updated: 1, unchanged: 0 });
		expect(
			conn.sqlite
				.prepare(
					`SELECT value, import_id, superseded_by FROM observations WHERE year = 2020 ORDER BY id`
				)
				.all()
		).toEqual([
			{ value: 12.5, import_id: 2, superseded_by: 3 },
			{ value: 13, import_id: 3, superseded_by: null }
		]);
	});

	it.each([
		['share', 100.5, /CHECK constraint failed: observations_percent/],
		['share', -0.1, /CHECK constraint failed: observations_percent/],
		['spbe', 0, /CHECK constraint failed: observations_level/],
		['spbe', 2.5, /CHECK constraint failed: observations_level/],
		['spbe', 6, /CHECK constraint failed: observations_level/],
		['banks', -1, /CHECK constraint failed: observations_count/],
		['banks', 3.5, /CHECK constraint failed: observations_count/]
	])('refuses %s = %s and writes nothing', (code, value, message) => {
		const before = current(conn);
		expect(() =>
			commitBatch(conn, meta('bad.csv'), {
				observations: [obs('growth', 2020, 1), obs(code, 2020, value)]
			})
		).toThrow(message);
		expect(current(conn)).toEqual(before);
		expect(conn.sqlite.prepare('SELECT count(*) AS n FROM imports').get()).toEqual({ n: 1 });
	});

	it.each([
		['share', 0],
		['share', 100],
		['spbe', 1],
		['spbe', 5],
		['banks', 0],
		['growth', -7.5]
	])('accepts the boundary value %s = %s', (code, value) => {
		expect(
			commitBatch(conn, meta('ok.csv'), { observations: [obs(code, 2020, value)] }).status
		).toBe('committed');
	});

	it.each([
		[{ ...obs('share', 1989, 1) }, /CHECK constraint failed: observations_year/],
		[{ ...obs('share', 2101, 1) }, /CHECK constraint failed: observations_year/],
		[{ ...obs('share', 2020, 1, '  ') }, /CHECK constraint failed: observations_source/],
		[{ ...obs('share', 2020, 1), regionCode: '99.99' }, /FOREIGN KEY constraint failed/],
		[{ ...obs('share', 2020, 1), indicatorCode: 'nope' }, /FOREIGN KEY constraint failed/]
	])('the database itself refuses %o', (row, message) => {
		expect(() => commitBatch(conn, meta('bad.csv'), { observations: [row] })).toThrow(message);
	});
});

describe('value types in the database', () => {
	it('copies the indicator’s value type onto each value row', () => {
		commitBatch(conn, meta('a.csv'), {
			observations: [obs('share', 2020, 12.5), obs('spbe', 2020, 3)]
		});
		expect(
			conn.sqlite
				.prepare(`SELECT indicator_code, value_type FROM observations ORDER BY indicator_code`)
				.all()
		).toEqual([
			{ indicator_code: 'share', value_type: 'percent' },
			{ indicator_code: 'spbe', value_type: 'level' }
		]);
	});

	it('refuses to change an indicator to a value type its values break, and changes nothing', () => {
		commitBatch(conn, meta('a.csv'), { observations: [obs('growth', 2020, -1.15)] });
		expect(() =>
			conn.sqlite
				.prepare(`UPDATE indicators SET value_type = 'percent' WHERE code = 'growth'`)
				.run()
		).toThrow(/CHECK constraint failed: observations_percent/);
		expect(conn.sqlite.prepare(`SELECT value_type FROM observations`).get()).toEqual({
			value_type: 'number'
		});
	});

	it('cascades a value-type change the values allow', () => {
		commitBatch(conn, meta('a.csv'), { observations: [obs('growth', 2020, 7)] });
		conn.sqlite.prepare(`UPDATE indicators SET value_type = 'percent' WHERE code = 'growth'`).run();
		expect(conn.sqlite.prepare(`SELECT value_type FROM observations`).get()).toEqual({
			value_type: 'percent'
		});
	});

	it('refuses a row whose value type disagrees with its indicator', () => {
		commitBatch(conn, meta('a.csv'), { observations: [obs('share', 2020, 12.5)] });
		expect(() =>
			conn.sqlite
				.prepare(`UPDATE observations SET value_type = 'number' WHERE indicator_code = 'share'`)
				.run()
		).toThrow(/FOREIGN KEY constraint failed/);
	});
});

describe('undoImport()', () => {
	it('restores exactly what was current before the import', () => {
		commitBatch(conn, meta('a.csv'), {
			observations: [obs('share', 2020, 12.5), obs('growth', 2020, 1)]
		});
		const before = current(conn);
		const b = commitBatch(conn, meta('b.csv'), {
			observations: [obs('share', 2020, 13), obs('share', 2021, 14)]
		});
		expect(undoImport(conn, b.importId!, 'tester')).toEqual({ removed: 2, restored: 1 });
		expect(current(conn)).toEqual(before);
		expect(
			conn.sqlite.prepare('SELECT status, undone_by FROM imports WHERE id = ?').get(b.importId)
		).toEqual({
			status: 'undone',
			undone_by: 'tester'
		});
	});

	it('refuses when a later import replaced one of its values, and changes nothing', () => {
		const a = commitBatch(conn, meta('a.csv'), { observations: [obs('share', 2020, 12.5)] });
		const b = commitBatch(conn, meta('b.csv'), { observations: [obs('share', 2020, 13)] });
		const before = current(conn);
		expect(() => undoImport(conn, a.importId!, 'tester')).toThrow(
			new ImportRefused(
				`Import ${a.importId} cannot be undone: import ${b.importId} replaced some of its values; undo that first.`
			)
		);
		expect(current(conn)).toEqual(before);
		undoImport(conn, b.importId!, 'tester');
		undoImport(conn, a.importId!, 'tester');
		expect(current(conn)).toEqual([]);
	});

	it('refuses an import that was already undone, one that does not exist, and the seed', () => {
		const a = commitBatch(conn, meta('a.csv'), { observations: [obs('share', 2020, 12.5)] });
		undoImport(conn, a.importId!, 'tester');
		expect(() => undoImport(conn, a.importId!, 'tester')).toThrow(/already undone/);
		expect(() => undoImport(conn, 999, 'tester')).toThrow(/does not exist/);
		expect(() => undoImport(conn, 1, 'tester')).toThrow(/only observation and target imports/);
	});
});
