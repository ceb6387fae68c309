import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	commitBatch,
	ImportRefused,
	RowRejected,
	undoImport,
	VALUE_BATCH_ROWS,
	type IndicatorInput,
	type LoadBatch,
	type ObservationInput
} from '../../src/lib/server/db/imports';
import { tempDatabase, testIndicator } from './helpers';

const meta = (fileName: string) => ({
	kind: 'observations' as const,
	fileName,
	sha256: 'x'.repeat(64),
	actor: 'tester'
});

/** Level indicators are scored as levels 1–5; the others min–max 0–100. */
const indicator = (code: string, valueType: string, extra: Partial<IndicatorInput> = {}) =>
	testIndicator(
		code,
		valueType,
		valueType === 'level' ? { method: 'level', worst: 1, best: 5, ...extra } : extra
	);

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
	sourceKind: '',
	referencePeriod: '',
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
		let refusal: unknown;
		try {
			undoImport(conn, a.importId!, 'tester');
		} catch (e) {
			refusal = e;
		}
		expect(refusal).toBeInstanceOf(ImportRefused);
		// Both languages come from the refusal itself (the page and the CLI show them as they are).
		expect((refusal as ImportRefused).reason).toEqual({
			id: `Impor ${a.importId} tidak dapat dibatalkan: impor ${b.importId} mengganti sebagian nilainya. Batalkan impor itu lebih dulu.`,
			en: `Import ${a.importId} cannot be undone: import ${b.importId} replaced some of its values; undo that first.`
		});
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

describe('loads larger than one multi-row statement', () => {
	// 2 regions × 2 indicators × 111 years = 444 distinct keys, in a fixed order.
	const KEYS = ['33', '33.18'].flatMap((regionCode) =>
		['growth', 'share'].flatMap((indicatorCode) =>
			Array.from({ length: 111 }, (_, k) => ({ regionCode, indicatorCode, year: 1990 + k }))
		)
	);
	const row = (k: number, value: number, sourceRow = k + 2): ObservationInput => ({
		...KEYS[k],
		value,
		source: 'https://bps.example/batch',
		sourceKind: '',
		referencePeriod: '',
		note: '',
		illustrative: false,
		sourceRow
	});
	const all = () =>
		conn.sqlite
			.prepare(
				`SELECT region_code, indicator_code, year, value, import_id, superseded_by FROM observations
				 ORDER BY region_code, indicator_code, year, id`
			)
			.all() as { value: number; import_id: number; superseded_by: number | null }[];

	it('writes two full batches and a remainder: every row, once, with exact counts', () => {
		const n = VALUE_BATCH_ROWS + 100;
		expect(n).toBeLessThanOrEqual(KEYS.length);
		const rows = Array.from({ length: n }, (_, k) => row(k, k % 97));
		const result = commitBatch(conn, meta('many.csv'), { observations: rows });
		expect(result.counts).toEqual({ rows: n, inserted: n, updated: 0, unchanged: 0 });
		const written = all();
		expect(written).toHaveLength(n);
		expect(written.map((r) => r.value)).toEqual(rows.map((r) => r.value));
		expect(new Set(written.map((r) => r.import_id))).toEqual(new Set([result.importId]));
	});

	it("a full batch whose rows leave source kind and period empty stores '' for both; one row that gives them keeps its own", () => {
		const B = VALUE_BATCH_ROWS;
		expect(2 * B - 68).toBeLessThanOrEqual(KEYS.length);
		// One full batch with a row that gives its source kind and period: every column is bound.
		const first = Array.from({ length: B }, (_, k) => row(k, k % 97));
		first[7] = { ...first[7], sourceKind: 'bps', referencePeriod: 'Maret 2023' };
		expect(commitBatch(conn, meta('own.csv'), { observations: first }).counts).toEqual({
			rows: B,
			inserted: B,
			updated: 0,
			unchanged: 0
		});
		// Then a full batch of rows that give neither, 68 of them already there unchanged.
		const second = Array.from({ length: B }, (_, k) => row(k + B - 68, (k + B - 68) % 97));
		expect(commitBatch(conn, meta('bare.csv'), { observations: second }).counts).toEqual({
			rows: B,
			inserted: B - 68,
			updated: 0,
			unchanged: 68
		});
		const stored = conn.sqlite
			.prepare(
				`SELECT source_kind AS sourceKind, reference_period AS referencePeriod, count(*) AS n
				 FROM observations GROUP BY 1, 2 ORDER BY 1`
			)
			.all();
		expect(stored).toEqual([
			{ sourceKind: '', referencePeriod: '', n: 2 * B - 68 - 1 },
			{ sourceKind: 'bps', referencePeriod: 'Maret 2023', n: 1 }
		]);
	});

	it('mixes new, unchanged and changed keys inside one batch as writing row by row would', () => {
		// First load: keys 0–199. Second load: keys 0–399 with 0–99 unchanged, 100–199 changed.
		const first = commitBatch(conn, meta('a.csv'), {
			observations: Array.from({ length: 200 }, (_, k) => row(k, k % 50))
		});
		const before = current(conn);
		const second = Array.from({ length: 400 }, (_, k) => row(k, k < 100 ? k % 50 : (k % 50) + 0.5));
		const result = commitBatch(conn, meta('b.csv'), { observations: second });
		expect(result.counts).toEqual({ rows: 400, inserted: 200, updated: 100, unchanged: 100 });
		const rows = all();
		expect(rows.filter((r) => r.superseded_by === result.importId)).toHaveLength(100);
		expect(rows.filter((r) => r.superseded_by === null).map((r) => r.value)).toEqual(
			second.map((r) => r.value)
		);
		expect(rows.filter((r) => r.import_id === first.importId)).toHaveLength(200);
		expect(undoImport(conn, result.importId!, 'tester')).toEqual({ removed: 300, restored: 100 });
		expect(current(conn)).toEqual(before);
	});

	it('a key twice in one load, inside a batch and across batches, keeps the last value', () => {
		// Row by row: key 0 is inserted, replaced by a different value, then met unchanged; key 1
		// is inserted in the first batch and replaced by a row after it. Other rows are new keys.
		const rows = Array.from({ length: VALUE_BATCH_ROWS + 10 }, (_, k) => row(k + 2, 1));
		rows[0] = row(0, 1);
		rows[5] = row(0, 2);
		rows[9] = row(0, 2);
		rows[10] = row(1, 10);
		rows[VALUE_BATCH_ROWS + 3] = row(1, 11);
		const result = commitBatch(conn, meta('dup.csv'), { observations: rows });
		expect(result.counts).toEqual({
			rows: VALUE_BATCH_ROWS + 10,
			inserted: VALUE_BATCH_ROWS + 10 - 5 + 2,
			updated: 2,
			unchanged: 1
		});
		const keyRows = (k: number) =>
			conn.sqlite
				.prepare(
					`SELECT value, superseded_by FROM observations WHERE region_code = ? AND indicator_code = ? AND year = ? ORDER BY id`
				)
				.all(KEYS[k].regionCode, KEYS[k].indicatorCode, KEYS[k].year);
		expect(keyRows(0)).toEqual([
			{ value: 1, superseded_by: result.importId },
			{ value: 2, superseded_by: null }
		]);
		expect(keyRows(1)).toEqual([
			{ value: 10, superseded_by: result.importId },
			{ value: 11, superseded_by: null }
		]);
	});

	it('targets go through the same batches, their document type compared too', () => {
		const target = (k: number, documentType: string) => ({
			...row(k, 10),
			documentType,
			documentRef: 'Tabel 2.1'
		});
		const n = VALUE_BATCH_ROWS + 20;
		const first = commitBatch(conn, meta('t1.csv'), {
			targets: Array.from({ length: n }, (_, k) => target(k, 'RPJMD'))
		});
		expect(first.counts).toEqual({ rows: n, inserted: n, updated: 0, unchanged: 0 });
		// Every tenth target moves to the Renstra; the rest are unchanged.
		const second = commitBatch(conn, meta('t2.csv'), {
			targets: Array.from({ length: n }, (_, k) => target(k, k % 10 === 0 ? 'Renstra' : 'RPJMD'))
		});
		const moved = Math.ceil(n / 10);
		expect(second.counts).toEqual({ rows: n, inserted: 0, updated: moved, unchanged: n - moved });
		expect(
			conn.sqlite
				.prepare(
					`SELECT document_type, count(*) AS n FROM targets WHERE superseded_by IS NULL GROUP BY 1 ORDER BY 1`
				)
				.all()
		).toEqual([
			{ document_type: 'RPJMD', n: n - moved },
			{ document_type: 'Renstra', n: moved }
		]);
	});

	it('a row the database refuses in a full batch is named, and nothing is written', () => {
		const before = current(conn);
		const rows = Array.from({ length: VALUE_BATCH_ROWS + 100 }, (_, k) => row(k, 10));
		// Key 111 + 20 is `share` (a percent) in region 33.
		const bad = 111 + 20;
		expect(KEYS[bad].indicatorCode).toBe('share');
		rows[bad] = row(bad, 100.5);
		let error: unknown;
		try {
			commitBatch(conn, meta('bad.csv'), { observations: rows });
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(RowRejected);
		expect((error as RowRejected).message).toMatch(/CHECK constraint failed: observations_percent/);
		expect((error as RowRejected).row).toEqual(row(bad, 100.5));
		expect((error as RowRejected).row.sourceRow).toBe(bad + 2);
		expect(current(conn)).toEqual(before);
		expect(conn.sqlite.prepare('SELECT count(*) AS n FROM imports').get()).toEqual({ n: 1 });
	});
});

describe('batched writes agree with a row-by-row model', () => {
	it('for random loads over few keys (repeats, updates, unchanged rows)', () => {
		const keys = ['growth', 'share'].flatMap((indicatorCode) =>
			Array.from({ length: 20 }, (_, k) => ({ regionCode: '33.18', indicatorCode, year: 2000 + k }))
		);
		const row = fc.record({ key: fc.nat(keys.length - 1), value: fc.integer({ min: 0, max: 3 }) });
		// Short loads go row by row; long ones fill one or two multi-row statements and a remainder.
		const load = fc.oneof(
			fc.array(row, { maxLength: 10 }),
			fc.array(row, { minLength: VALUE_BATCH_ROWS, maxLength: VALUE_BATCH_ROWS * 2 + 5 })
		);
		fc.assert(
			fc.property(fc.array(load, { minLength: 1, maxLength: 3 }), (loads) => {
				const db = tempDatabase();
				try {
					commitBatch(db, { ...meta('reference'), kind: 'seed' }, reference);
					const model = new Map<number, number>();
					for (const [n, rows] of loads.entries()) {
						const expected = { rows: 0, inserted: 0, updated: 0, unchanged: 0 };
						for (const { key, value } of rows) {
							expected.rows++;
							const had = model.get(key);
							if (had === undefined) expected.inserted++;
							else if (had === value) expected.unchanged++;
							else expected.updated++;
							model.set(key, value);
						}
						const result = commitBatch(db, meta(`load-${n}.csv`), {
							observations: rows.map(({ key, value }) => ({
								...keys[key],
								value,
								source: 'https://bps.example/model',
								sourceKind: '',
								referencePeriod: '',
								note: '',
								illustrative: false
							}))
						});
						expect(result.counts).toEqual(expected);
					}
					const stored = db.sqlite
						.prepare(
							`SELECT indicator_code, year, value FROM observations WHERE superseded_by IS NULL ORDER BY indicator_code, year`
						)
						.all();
					expect(stored).toEqual(
						[...model.entries()]
							.sort(([a], [b]) => a - b)
							.map(([k, value]) => ({
								indicator_code: keys[k].indicatorCode,
								year: keys[k].year,
								value
							}))
					);
				} finally {
					db.close();
				}
			}),
			{ numRuns: 40 }
		);
	});
});
