import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db';
import { MAX_CHANGES } from '../../src/lib/server/db/imports';
import {
	ImportForbidden,
	ImportReadError,
	ImportRefused
} from '../../src/lib/server/imports/errors';
import { importFile, type ImportOptions } from '../../src/lib/server/imports/file';
import { guessKind } from '../../src/lib/server/imports/kind';
import { importLimits } from '../../src/lib/server/imports/limits';
import { undoImport } from '../../src/lib/server/imports/service';
import { corpusDatabase, dumpAll } from './importer-fixtures';

const CORPUS = path.resolve('tests/fixtures/csv');
const expected = JSON.parse(readFileSync(path.join(CORPUS, 'expected.json'), 'utf8')) as Record<
	string,
	{
		kind: ImportOptions['kind'];
		status: 'valid' | 'invalid';
		options?: { defaultRegion?: string; locale?: 'id' | 'en' };
		errors: { code: string; row: number | null; column: string | null }[];
	}
>;

let conn: ReturnType<typeof corpusDatabase>;
beforeEach(() => {
	conn = corpusDatabase();
});
afterEach(() => conn.close());

const write = (name: string, text: string) => {
	const file = path.join(conn.dir, name);
	writeFileSync(file, text);
	return file;
};
const tester = { id: null, username: 'tester', address: 'test' };
const opts = (extra: Partial<ImportOptions> = {}): ImportOptions => ({
	kind: 'observations',
	actor: 'tester',
	...extra
});
const current = () =>
	conn.sqlite
		.prepare(
			`SELECT region_code, indicator_code, year, value, source FROM observations WHERE superseded_by IS NULL ORDER BY 1, 2, 3`
		)
		.all();

const LONG = `region_code,indicator_code,year,value,source
33.18,poverty_rate,2022,10.5,https://bps.example/a
33.18,poverty_rate,2023,9.31,https://bps.example/a
33.19,grdp_growth,2023,-1.5,https://bps.example/b
`;

describe('importFile() on the fixture corpus', () => {
	for (const [file, exp] of Object.entries(expected)) {
		it(`${file}: ${exp.status === 'valid' ? 'imports' : 'refuses and changes no row'}`, () => {
			const before = dumpAll(conn);
			const run = () =>
				importFile(conn, path.join(CORPUS, file), opts({ kind: exp.kind, ...exp.options }));
			const report = run();
			if (exp.status === 'valid') {
				expect(['imported', 'unchanged']).toContain(report.status);
				expect(report.errors).toEqual([]);
				if (report.status === 'imported') {
					const rec = conn.sqlite
						.prepare(`SELECT kind, file_name, sha256, row_count FROM imports WHERE id = ?`)
						.get(report.importId);
					expect(rec).toEqual({
						kind: exp.kind,
						file_name: file,
						sha256: report.sha256,
						row_count: report.counts.rows
					});
				}
			} else {
				expect(report.status).toBe('refused');
				expect(report.importId).toBe(null);
				expect(report.errors.map(({ code, row, column }) => ({ code, row, column }))).toEqual(
					exp.errors
				);
				expect(dumpAll(conn)).toEqual(before);
			}
		});
	}
});

describe('importFile()', () => {
	it('imports a long file, records provenance and counts', () => {
		const report = importFile(conn, write('a.csv', LONG), opts());
		expect(report).toMatchObject({
			status: 'imported',
			kind: 'observations',
			shape: 'long',
			fileName: 'a.csv',
			rowCount: 3,
			counts: { rows: 3, inserted: 3, updated: 0, unchanged: 0 },
			errors: [],
			indicators: ['grdp_growth', 'poverty_rate']
		});
		expect(report.sha256).toMatch(/^[0-9a-f]{64}$/);
		expect(
			conn.sqlite
				.prepare(
					`SELECT kind, file_name, sha256, shape, json_extract(dialect, '$.delimiter') AS d, actor, status, row_count, inserted FROM imports WHERE id = ?`
				)
				.get(report.importId)
		).toEqual({
			kind: 'observations',
			file_name: 'a.csv',
			sha256: report.sha256,
			shape: 'long',
			d: ',',
			actor: 'tester',
			status: 'committed',
			row_count: 3,
			inserted: 3
		});
		expect(current()).toEqual([
			{
				region_code: '33.18',
				indicator_code: 'poverty_rate',
				year: 2022,
				value: 10.5,
				source: 'https://bps.example/a'
			},
			{
				region_code: '33.18',
				indicator_code: 'poverty_rate',
				year: 2023,
				value: 9.31,
				source: 'https://bps.example/a'
			},
			{
				region_code: '33.19',
				indicator_code: 'grdp_growth',
				year: 2023,
				value: -1.5,
				source: 'https://bps.example/b'
			}
		]);
	});

	it('says unchanged the second time the same content comes, and records no import', () => {
		const file = write('a.csv', LONG);
		importFile(conn, file, opts());
		const before = dumpAll(conn);
		const again = importFile(conn, write('copy.csv', LONG), opts());
		expect(again).toMatchObject({
			status: 'unchanged',
			importId: null,
			counts: { rows: 3, inserted: 0, updated: 0, unchanged: 3 }
		});
		expect(dumpAll(conn)).toEqual(before);
	});

	it('refuses a file with one bad row among good ones and changes no row', () => {
		importFile(conn, write('a.csv', LONG), opts());
		const before = dumpAll(conn);
		const bad =
			LONG.replace('-1.5', '-1.6') + '33.18,poverty_rate,2024,101,https://bps.example/a\n';
		const report = importFile(conn, write('bad.csv', bad), opts());
		expect(report.status).toBe('refused');
		expect(report.errors.map((e) => [e.code, e.row, e.column])).toEqual([
			['constraint-error', 5, 'value']
		]);
		expect(dumpAll(conn)).toEqual(before);
	});

	it('undo restores exactly the state before the import, history included', () => {
		importFile(conn, write('a.csv', LONG), opts());
		// The undo adds its own audit row (import-service.test.ts reads it); the rest is as before.
		const skip = ['imports', 'sqlite_sequence', 'audit_log'];
		const before = dumpAll(conn, skip);
		const next =
			LONG.replace('9.31', '9.2') + '33.19,poverty_rate,2023,6.5,https://bps.example/c\n';
		const report = importFile(conn, write('b.csv', next), opts());
		expect(report.counts).toEqual({ rows: 4, inserted: 1, updated: 1, unchanged: 2 });
		expect(undoImport(conn, report.importId!, tester)).toEqual({ removed: 2, restored: 1 });
		expect(dumpAll(conn, skip)).toEqual(before);
		expect(
			conn.sqlite.prepare(`SELECT status, undone_by FROM imports WHERE id = ?`).get(report.importId)
		).toEqual({ status: 'undone', undone_by: 'tester' });
	});

	it('undo is refused when a later import replaced one of its values', () => {
		const first = importFile(conn, write('a.csv', LONG), opts());
		importFile(conn, write('b.csv', LONG.replace('9.31', '9.2')), opts());
		expect(() => undoImport(conn, first.importId!, tester)).toThrow(/undo that first/);
	});

	it('--dry-run counts what would change and writes nothing', () => {
		importFile(conn, write('a.csv', LONG), opts());
		const before = dumpAll(conn);
		const report = importFile(
			conn,
			write(
				'b.csv',
				LONG.replace('9.31', '9.2') + '33.19,poverty_rate,2023,6.5,https://x.example/\n'
			),
			opts({ dryRun: true, previewRows: 2 })
		);
		expect(report).toMatchObject({
			status: 'valid',
			dryRun: true,
			importId: null,
			counts: { rows: 4, inserted: 1, updated: 1, unchanged: 2 }
		});
		expect(report.preview.map((r) => (r as { year: number }).year)).toEqual([2022, 2023]);
		expect(report.changes).toEqual([
			{
				table: 'observations',
				regionCode: '33.18',
				indicatorCode: 'poverty_rate',
				year: 2023,
				before: 9.31,
				after: 9.2,
				sourceBefore: 'https://bps.example/a',
				sourceAfter: 'https://bps.example/a'
			}
		]);
		expect(dumpAll(conn)).toEqual(before);
	});

	it('lists the first MAX_CHANGES values replaced, in file order; counts say how many in all', () => {
		const file = (value: number) =>
			'region_code,indicator_code,year,value,source\n' +
			// 111 years × 3 regions: more than MAX_CHANGES keys.
			Array.from(
				{ length: 250 },
				(_, i) =>
					`${['33.18', '33.19', '33'][Math.floor(i / 111)]},poverty_rate,${1990 + (i % 111)},${value},s\n`
			).join('');
		expect(importFile(conn, write('a.csv', file(5)), opts()).status).toBe('imported');
		const report = importFile(conn, write('b.csv', file(6)), opts({ dryRun: true }));
		expect(report.counts).toEqual({ rows: 250, inserted: 0, updated: 250, unchanged: 0 });
		expect(report.changes).toHaveLength(MAX_CHANGES);
		expect(report.changes.map((c) => `${c.regionCode} ${c.year}`)).toEqual(
			Array.from(
				{ length: MAX_CHANGES },
				(_, i) => `${['33.18', '33.19'][Math.floor(i / 111)]} ${1990 + (i % 111)}`
			)
		);
		expect(report.changes[0]).toMatchObject({ before: 5, after: 6 });
	});

	it('imports a wide file as one value per non-empty year cell', () => {
		const report = importFile(conn, path.join(CORPUS, 'wide-comma.csv'), opts());
		expect(report).toMatchObject({ status: 'imported', shape: 'wide', rowCount: 2 });
		expect(report.counts.inserted).toBe(4);
	});

	it('imports targets and upserts indicators (updated, then unchanged)', () => {
		expect(
			importFile(conn, path.join(CORPUS, 'targets-long.csv'), opts({ kind: 'targets' })).status
		).toBe('imported');
		const file = write(
			'ind.csv',
			`code,framework_code,element_code,name_id,name_en,unit,polarity,value_type,method,worst,best,opd
poverty_rate,gm100sc,economy.welfare,Kemiskinan,Poverty,%,lower,percent,minmax,25,0,BPS
`
		);
		const first = importFile(conn, file, opts({ kind: 'indicators' }));
		expect(first).toMatchObject({ status: 'imported', counts: { rows: 1, updated: 1 } });
		expect(
			conn.sqlite.prepare(`SELECT worst FROM indicators WHERE code = 'poverty_rate'`).get()
		).toEqual({
			worst: 25
		});
		expect(importFile(conn, file, opts({ kind: 'indicators' })).status).toBe('unchanged');
		expect(() => undoImport(conn, first.importId!, tester)).toThrow(ImportRefused);
	});

	it('refuses a file over maxBytes or maxRows with a clear error and writes nothing', () => {
		const file = write('a.csv', LONG);
		const before = dumpAll(conn);
		const big = importFile(conn, file, opts({ limits: { maxBytes: 100, maxRows: 10 } }));
		expect(big.status).toBe('refused');
		expect(big.errors[0]).toMatchObject({ code: 'format-error', row: null });
		expect(big.errors[0].message.en).toMatch(/limit is 0\.0 MB/);
		const many = importFile(conn, file, opts({ limits: { maxBytes: 1e6, maxRows: 2 } }));
		expect(many.status).toBe('refused');
		expect(many.errors[0].code).toBe('format-error');
		expect(dumpAll(conn)).toEqual(before);
	});

	it('throws ImportForbidden and writes nothing when mayWrite says no', () => {
		const before = dumpAll(conn);
		let asked: string[] = [];
		expect(() =>
			importFile(
				conn,
				write('a.csv', LONG),
				opts({
					mayWrite: (codes) => {
						asked = [...codes].sort();
						return false;
					}
				})
			)
		).toThrow(ImportForbidden);
		expect(asked).toEqual(['grdp_growth', 'poverty_rate']);
		expect(dumpAll(conn)).toEqual(before);
	});

	it('runs the audit hook inside the transaction of a commit only', () => {
		const seen: (number | null)[] = [];
		const audit: ImportOptions['audit'] = (sqlite, r) => {
			expect(sqlite.inTransaction).toBe(true);
			seen.push(r.importId);
		};
		const a = importFile(conn, write('a.csv', LONG), opts({ audit }));
		importFile(conn, write('b.csv', LONG), opts({ audit }));
		expect(seen).toEqual([a.importId]);
	});

	it('two-pass strategy gives the same result as one pass', () => {
		const report = importFile(conn, write('a.csv', LONG), opts({ strategy: 'two-pass' }));
		expect(report.counts).toEqual({ rows: 3, inserted: 3, updated: 0, unchanged: 0 });
	});

	it('throws ImportReadError for a path that cannot be read', () => {
		expect(() => importFile(conn, path.join(conn.dir, 'nope.csv'), opts())).toThrow(
			ImportReadError
		);
		expect(() => importFile(conn, conn.dir, opts())).toThrow(ImportReadError);
	});
});

describe('importFile() when the database refuses a row the validator passed', () => {
	// The validator mirrors the schema, so this cannot happen through the schema itself; a trigger
	// stands in for a constraint the validator does not know.
	const big = () => {
		let text = 'region_code,indicator_code,year,value,source\n';
		for (const region of ['33.18', '33.19'])
			for (const indicator of ['grdp_growth', 'poverty_rate'])
				for (let year = 1990; year <= 2100; year++)
					text += `${region},${indicator},${year},${year % 40},https://bps.example/a\n`;
		return text;
	};

	it.each([
		['in a full multi-row batch', 100],
		['in the rows after the last full batch', 440]
	])('names the row %s and writes nothing', (_, dataRow) => {
		importFile(conn, write('a.csv', LONG), opts());
		const before = dumpAll(conn);
		conn.sqlite.exec(
			`CREATE TRIGGER refuse_42 BEFORE INSERT ON observations WHEN NEW.value = 42.5
			 BEGIN SELECT RAISE(ABORT, 'no 42.5 here'); END`
		);
		const lines = big().split('\n');
		lines[dataRow] = lines[dataRow].replace(/,\d+,https/, ',42.5,https');
		const report = importFile(conn, write('big.csv', lines.join('\n')), opts());
		expect(report.status).toBe('refused');
		expect(report.errors).toEqual([
			{
				code: 'constraint-error',
				row: dataRow + 1,
				column: null,
				value: null,
				message: {
					id: 'Basis data menolak baris ini (no 42.5 here). Periksa nilainya; tidak ada yang disimpan.',
					en: 'The database refused this row (no 42.5 here). Check its values; nothing was saved.'
				}
			}
		]);
		conn.sqlite.exec('DROP TRIGGER refuse_42');
		expect(dumpAll(conn)).toEqual(before);
	});
});

describe('importFile() while another process writes', () => {
	it('refuses clearly when the write lock stays taken, and writes nothing', () => {
		const other = openDatabase(path.join(conn.dir, 'test.db'));
		other.sqlite.exec('BEGIN IMMEDIATE');
		conn.sqlite.pragma('busy_timeout = 50');
		try {
			expect(() => importFile(conn, write('a.csv', LONG), opts())).toThrow(
				new ImportRefused('busy', {})
			);
		} finally {
			other.sqlite.exec('ROLLBACK');
			other.sqlite.close();
		}
		expect(current()).toEqual([]);
		expect(importFile(conn, write('a.csv', LONG), opts()).status).toBe('imported');
	});
});

describe('guessKind() and importLimits()', () => {
	it.each([
		['region_code,indicator_code,year,value,document_type,source', 'targets'],
		['\uFEFFkode_wilayah;kode_indikator;tahun;nilai;jenis_dokumen;sumber', 'targets'],
		['region_code,indicator_code,year,value,source', 'observations'],
		['', 'observations']
	])('guessKind(%j) is %s', (header, kind) => {
		expect(guessKind(header)).toBe(kind);
	});

	it('importLimits() reads the environment, defaults to 50 MB and 2,000,000 rows', () => {
		expect(importLimits({})).toEqual({ maxBytes: 52428800, maxRows: 2000000 });
		expect(importLimits({ IMPORT_MAX_BYTES: '1000', IMPORT_MAX_ROWS: '5' })).toEqual({
			maxBytes: 1000,
			maxRows: 5
		});
		expect(() => importLimits({ IMPORT_MAX_BYTES: '-1' })).toThrow(/IMPORT_MAX_BYTES/);
		expect(() => importLimits({ IMPORT_MAX_ROWS: '1.5' })).toThrow(/IMPORT_MAX_ROWS/);
	});
});
