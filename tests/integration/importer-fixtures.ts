/** Shared helpers of the importer tests: table dumps and the corpus's reference data. */
import type { Connection } from '../../src/lib/server/db';
import type { IndicatorInput, LoadBatch } from '../../src/lib/server/db/imports';
import { commitBatch } from '../../src/lib/server/db/imports';
import { tempDatabase, testIndicator } from './helpers';

/** Every row of every table (sqlite_sequence included), in a stable order: for before/after compares. */
export function dumpAll(conn: Connection, skip: readonly string[] = []): Record<string, unknown[]> {
	const tables = (
		conn.sqlite
			.prepare(
				`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '__drizzle%' ORDER BY name`
			)
			.all() as { name: string }[]
	)
		.map((t) => t.name)
		.filter((t) => !skip.includes(t));
	const out: Record<string, unknown[]> = {};
	for (const t of tables) {
		const cols = (
			conn.sqlite.prepare(`SELECT * FROM "${t}" LIMIT 0`).columns() as { name: string }[]
		)
			.map((c) => `"${c.name}"`)
			.join(', ');
		out[t] = conn.sqlite.prepare(`SELECT * FROM "${t}" ORDER BY ${cols}`).all();
	}
	return out;
}

const indicator = (code: string, valueType: string, extra: Partial<IndicatorInput> = {}) =>
	testIndicator(code, valueType, {
		frameworkCode: 'gm100sc',
		elementCode: 'economy.welfare',
		...extra
	});

const node = (code: string, parentCode: string | null, level: string) => ({
	frameworkCode: 'gm100sc',
	code,
	parentCode,
	level,
	nameId: code,
	nameEn: code,
	descriptionId: '',
	descriptionEn: '',
	weight: 1,
	sortOrder: 0
});

/** The same reference data as `corpusContext()` in src/lib/import/corpus.test.ts, as a batch. */
export const corpusReference: LoadBatch = {
	regions: [
		{ code: '33', name: 'Provinsi Jawa Tengah', kind: 'provinsi', parentCode: null, bpsCode: '33' },
		{ code: '33.18', name: 'Kabupaten Pati', kind: 'kabupaten', parentCode: '33', bpsCode: '3318' },
		{ code: '33.19', name: 'Kabupaten Kudus', kind: 'kabupaten', parentCode: '33', bpsCode: '3319' }
	],
	frameworks: [
		{
			code: 'gm100sc',
			version: '2018',
			nameId: 'GM100SC',
			nameEn: 'GM100SC',
			yearFrom: 2018,
			yearTo: null,
			source: ''
		}
	],
	nodes: [
		node('governance', null, 'dimension'),
		node('governance.service', 'governance', 'element'),
		node('economy', null, 'dimension'),
		node('economy.welfare', 'economy', 'element')
	],
	indicators: [
		indicator('poverty_rate', 'percent', { polarity: 'lower', worst: 20, best: 0 }),
		indicator('internet_access', 'percent', { opd: 'DISKOMINFO' }),
		indicator('grdp_growth', 'number', { worst: -5, best: 10 }),
		indicator('population', 'count', { method: 'target', worst: null, best: null }),
		indicator('spbe_level', 'level', { method: 'level', worst: 1, best: 5, opd: 'DISKOMINFO' })
	]
};

/** A temporary database holding the corpus's reference data: where each importer test starts. */
export function corpusDatabase(): ReturnType<typeof tempDatabase> {
	const conn = tempDatabase();
	commitBatch(
		conn,
		{ kind: 'seed', fileName: 'corpus', sha256: 'x', actor: 'test' },
		corpusReference
	);
	return conn;
}
