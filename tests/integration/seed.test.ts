import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scoring } from '../../src/lib/server/scores';
import { readSeed, seedIfEmpty, SeedError } from '../../src/lib/server/seed';
import * as indicatorsDb from '../../src/lib/server/db/indicators';
import { tempDatabase } from './helpers';

const DATA = path.resolve('data');

let conn: ReturnType<typeof tempDatabase>;
beforeEach(() => {
	conn = tempDatabase();
});
afterEach(() => conn.close());

const count = (sql: string) => (conn.sqlite.prepare(sql).get() as { n: number }).n;
const value = (region: string, indicator: string, year: number) =>
	conn.sqlite
		.prepare(
			`SELECT value, source, illustrative FROM observations
			 WHERE region_code = ? AND indicator_code = ? AND year = ? AND superseded_by IS NULL`
		)
		.get(region, indicator, year);

/** The bundled data folder copied somewhere we may break it. */
function dataCopy() {
	const dir = mkdtempSync(path.join(tmpdir(), 'rapor-data-'));
	cpSync(DATA, dir, { recursive: true });
	return dir;
}

describe("opdByCode(): each indicator's OPD, as the scorecard reads it on every render", () => {
	it('is the OPD list() gives every indicator of the framework, and empty for another', () => {
		seedIfEmpty(conn, DATA);
		const opd = indicatorsDb.opdByCode(conn, 'gm100sc-2018');
		const listed = indicatorsDb.list(conn.db, { framework: 'gm100sc-2018' });
		expect(opd.size).toBe(listed.length);
		expect([...opd].sort()).toEqual(listed.map((i) => [i.code, i.opd]).sort());
		expect([opd.get('hdi_ipm'), opd.get('spbe_index')]).toEqual(['BPS', 'DISKOMINFO']);
		expect(indicatorsDb.opdByCode(conn, 'nope').size).toBe(0);
	});
});

describe('seedIfEmpty() with the bundled dataset', () => {
	it('loads every file once, with the real figures and their sources', () => {
		const result = seedIfEmpty(conn, DATA);
		expect(result.seeded).toBe(true);
		// The province, its 35 kabupaten/kota and Pati's 21 kecamatan.
		expect(count('SELECT count(*) AS n FROM regions')).toBe(57);
		expect(
			conn.sqlite
				.prepare(
					`SELECT kind, parent_code AS parent, count(*) AS n FROM regions GROUP BY kind, parent_code ORDER BY kind`
				)
				.all()
		).toEqual([
			{ kind: 'kabupaten', parent: '33', n: 29 },
			{ kind: 'kecamatan', parent: '33.18', n: 21 },
			{ kind: 'kota', parent: '33', n: 6 },
			{ kind: 'provinsi', parent: null, n: 1 }
		]);
		expect(conn.sqlite.prepare(`SELECT * FROM regions WHERE code = '33.18.08'`).get()).toEqual({
			code: '33.18.08',
			name: 'Juwana',
			kind: 'kecamatan',
			parent_code: '33.18',
			bps_code: '3318080'
		});
		expect(
			count(`SELECT count(*) AS n FROM framework_nodes WHERE framework_code = 'gm100sc-2018'`)
		).toBe(24);
		expect(count(`SELECT count(*) AS n FROM indicators WHERE framework_code = 'spbe-2020'`)).toBe(
			47
		);
		// 63 scored and 9 context (weight 0), as data/README.md's summary counts them.
		expect(
			conn.sqlite
				.prepare(
					`SELECT weight > 0 AS scored, count(*) AS n FROM indicators WHERE framework_code = 'gm100sc-2018' GROUP BY weight > 0 ORDER BY scored`
				)
				.all()
		).toEqual([
			{ scored: 0, n: 9 },
			{ scored: 1, n: 63 }
		]);
		expect(count('SELECT count(*) AS n FROM scoring_profiles')).toBe(2);
		expect(value('33.18', 'hdi_ipm', 2024)).toEqual({
			value: 74.1,
			source:
				'https://patikab.bps.go.id/id/news/2025/01/06/979/pati-regency-s-hdi-is-getting-better--reaching-74-10.html',
			illustrative: 0
		});
		expect(value('33.18', 'poverty_rate_march', 2018)).toMatchObject({
			value: 9.9,
			illustrative: 0
		});
		expect(value('33.18', 'grdp_growth_adhk2010', 2020)).toMatchObject({
			value: -1.15,
			illustrative: 0
		});
		expect(value('33.18', 'spbe_index', 2022)).toMatchObject({ value: 2.75, illustrative: 0 });
		expect(
			count(`SELECT count(*) AS n FROM imports WHERE kind = 'seed' AND actor = 'system'`)
		).toBe(1);
	});

	it('creates no account: there is no default admin (the first one is made with the user CLI)', () => {
		seedIfEmpty(conn, DATA);
		expect(conn.sqlite.prepare(`SELECT count(*) AS n FROM users`).get()).toEqual({ n: 0 });
	});

	it('leaves a seeded database alone on the next start', () => {
		seedIfEmpty(conn, DATA);
		const before = count('SELECT count(*) AS n FROM observations');
		expect(seedIfEmpty(conn, DATA)).toEqual({ seeded: false, rows: 0 });
		expect(count('SELECT count(*) AS n FROM observations')).toBe(before);
	});

	it('compares the kabupaten/kota with observations: all 35 of Jawa Tengah', () => {
		seedIfEmpty(conn, DATA);
		const regions = scoring(conn, { framework: 'gm100sc-2018' }).regions;
		expect(regions).toHaveLength(35);
		expect(regions.filter((r) => r.startsWith('33.'))).toEqual(regions);
	});

	it('gives every GM100SC dimension at least five weighted indicators', () => {
		seedIfEmpty(conn, DATA);
		const rows = conn.sqlite
			.prepare(
				`SELECT e.parent_code AS dimension, count(*) AS n FROM indicators i
				 JOIN framework_nodes e ON e.framework_code = i.framework_code AND e.code = i.element_code
				 WHERE i.framework_code = 'gm100sc-2018' AND i.weight > 0 GROUP BY e.parent_code`
			)
			.all() as { dimension: string; n: number }[];
		expect(rows.map((r) => r.dimension).sort()).toEqual(
			['branding', 'economy', 'environment', 'governance', 'living', 'society'].sort()
		);
		for (const r of rows) expect(r.n).toBeGreaterThanOrEqual(5);
	});
});

describe('readSeed() with a broken data folder', () => {
	let dir: string;
	beforeEach(() => {
		dir = dataCopy();
	});
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	function breakLine(file: string, line: number, edit: (s: string) => string) {
		const full = path.join(dir, file);
		const lines = readFileSync(full, 'utf8').split('\n');
		lines[line - 1] = edit(lines[line - 1]);
		writeFileSync(full, lines.join('\n'));
	}

	it('names the file, row and column of a value that is not a number', () => {
		breakLine('observations.csv', 12, (l) => l.replace(/^([^,]*,[^,]*,[^,]*,)[^,]*/, '$1abc'));
		expect(() => readSeed(dir)).toThrow(SeedError);
		expect(() => readSeed(dir)).toThrow(
			/observations\.csv, row 12, column value: .*\(value "abc"\)/
		);
	});

	it('names an unknown indicator as a foreign-key error', () => {
		breakLine('observations.csv', 3, (l) => l.replace(/^([^,]*,)[^,]*/, '$1no_such_indicator'));
		expect(() => readSeed(dir)).toThrow(/observations\.csv, row 3, column indicator_code/);
	});

	it('refuses a missing required file', () => {
		rmSync(path.join(dir, 'indicators.csv'));
		expect(() => readSeed(dir)).toThrow(/indicators\.csv is missing/);
	});

	it('refuses a profile with a bad field, naming the file and field', () => {
		const file = path.join(dir, 'profiles', 'gm100sc-2018.json');
		const profile = JSON.parse(readFileSync(file, 'utf8'));
		profile.settings.min_coverage = 1.5;
		writeFileSync(file, JSON.stringify(profile));
		expect(() => readSeed(dir)).toThrow(/profiles\/gm100sc-2018\.json: .*min_coverage/);
	});

	it('refuses a region listed in two region files, naming the later file and the code', () => {
		const kab = readFileSync(path.join(dir, 'regions-jateng.csv'), 'utf8');
		const pati = kab.split('\n').find((l) => l.startsWith('33.18,'))!;
		writeFileSync(
			path.join(dir, 'regions.csv'),
			`${readFileSync(path.join(dir, 'regions.csv'), 'utf8')}${pati}\n`
		);
		expect(() => readSeed(dir)).toThrow(
			/regions-jateng\.csv: region 33\.18 is already in an earlier region file/
		);
	});

	it('names the row of a kecamatan whose parent is unknown', () => {
		breakLine('kecamatan.csv', 9, (l) => l.replace(',33.18,', ',33.99,'));
		expect(() => readSeed(dir)).toThrow(
			/kecamatan\.csv, row 9, column parent_code: .*\(value "33\.99"\)/
		);
	});

	it('refuses an illustrative value in the default dataset, naming the file, row and column', () => {
		writeFileSync(
			path.join(dir, 'observations.csv'),
			'region_code,indicator_code,year,value,source,illustrative\n' +
				'33.18,hdi_ipm,2023,73.59,https://bps.example/ipm,0\n' +
				'33.18,hdi_ipm,2024,80,ilustrasi,1\n'
		);
		expect(() => readSeed(dir)).toThrow(
			/observations\.csv, row 3, column illustrative: This instance holds real data only/
		);
		// The demo's own files may hold them; the default files still may not.
		expect(() => readSeed(dir, { demo: true })).toThrow(/observations\.csv, row 3/);
	});

	it('writes nothing when a file is broken', () => {
		breakLine('observations.csv', 2, (l) => l.replace(/^([^,]*,[^,]*,)[^,]*/, '$11850'));
		expect(() => seedIfEmpty(conn, dir)).toThrow(/observations\.csv, row 2, column year/);
		expect(count('SELECT count(*) AS n FROM imports')).toBe(0);
		expect(count('SELECT count(*) AS n FROM regions')).toBe(0);
	});
});
