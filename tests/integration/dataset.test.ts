/**
 * The bundled default dataset, as `npm ci && npm start` seeds it: real, sourced figures only, each
 * with its source kind and reference period; as many as the issue asks for; and the files equal
 * to what scripts/build-dataset.ts writes from data/sources/. The opt-in demo adds illustrative
 * values only where no real one exists.
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDataset } from '../../scripts/build-dataset';
import { SOURCE_KINDS } from '../../src/lib/import/types';
import { scoring } from '../../src/lib/server/scores';
import { seedIfEmpty } from '../../src/lib/server/seed';
import { tempDatabase } from './helpers';

const DATA = path.resolve('data');
const instance = JSON.parse(readFileSync(path.join(DATA, 'instance.json'), 'utf8')) as {
	default_region: string;
	peers: string[];
	province: string;
};
const GROUP = [instance.default_region, ...instance.peers];

let conn: ReturnType<typeof tempDatabase>;
beforeEach(() => {
	conn = tempDatabase();
});
afterEach(() => conn.close());

const all = <T>(sql: string, ...args: unknown[]) => conn.sqlite.prepare(sql).all(...args) as T[];
const one = (sql: string, ...args: unknown[]) =>
	(conn.sqlite.prepare(sql).get(...args) as { n: number }).n;

describe('the default dataset', () => {
	beforeEach(() => {
		seedIfEmpty(conn, DATA);
	});

	it('holds no illustrative observation or target', () => {
		expect(one(`SELECT count(*) AS n FROM observations WHERE illustrative = 1`)).toBe(0);
		expect(one(`SELECT count(*) AS n FROM targets WHERE illustrative = 1`)).toBe(0);
		expect(one(`SELECT count(*) AS n FROM observations WHERE source LIKE 'ilustrasi%'`)).toBe(0);
	});

	it('gives every observation a web source, a source kind and a reference period', () => {
		const rows = all<{ source: string; source_kind: string; reference_period: string }>(
			`SELECT source, source_kind, reference_period FROM observations`
		);
		expect(rows.length).toBeGreaterThan(2000);
		for (const r of rows) {
			expect(r.source).toMatch(/^https?:\/\/\S+$/);
			expect(SOURCE_KINDS).toContain(r.source_kind);
			expect(r.reference_period.trim()).not.toBe('');
		}
	});

	it('has at least 500 real observations for the default region and its five peers', () => {
		const n = one(
			`SELECT count(*) AS n FROM observations WHERE region_code IN (${GROUP.map(() => '?').join(', ')})`,
			...GROUP
		);
		expect(GROUP).toHaveLength(6);
		expect(n).toBeGreaterThanOrEqual(500);
	});

	it('has real data for at least 30 indicators of the default region', () => {
		const n = one(
			`SELECT count(DISTINCT o.indicator_code) AS n FROM observations o
			 JOIN indicators i ON i.code = o.indicator_code
			 WHERE o.region_code = ? AND i.framework_code = 'gm100sc-2018'`,
			instance.default_region
		);
		expect(n).toBeGreaterThanOrEqual(30);
	});

	it('has at least six indicators with a value for every kabupaten/kota of the province in some year', () => {
		const total = one(
			`SELECT count(*) AS n FROM regions WHERE parent_code = ? AND kind IN ('kabupaten', 'kota')`,
			instance.province
		);
		expect(total).toBe(35);
		const complete = all<{ indicator_code: string }>(
			`SELECT DISTINCT indicator_code FROM (
			   SELECT o.indicator_code, o.year FROM observations o
			   JOIN regions r ON r.code = o.region_code AND r.parent_code = ? AND r.kind IN ('kabupaten', 'kota')
			   GROUP BY o.indicator_code, o.year HAVING count(DISTINCT o.region_code) = ?)
			 ORDER BY indicator_code`,
			instance.province,
			total
		).map((r) => r.indicator_code);
		expect(complete.length).toBeGreaterThanOrEqual(6);
		expect(complete).toEqual(expect.arrayContaining(['hdi_ipm', 'poverty_rate_march']));
	});

	it('takes stunting from the national surveys only (SSGI, SKI), never from e-PPGBM counts', () => {
		const periods = all<{ reference_period: string }>(
			`SELECT reference_period FROM observations WHERE indicator_code = 'stunting_prevalence'`
		);
		expect(periods.length).toBeGreaterThan(0);
		for (const p of periods) expect(p.reference_period).toMatch(/^(SSGI|SKI) \d{4}$/);
	});

	it('marks the method breaks of BPS life expectancy and the IPM (2024) and of the SPBE framework (2021)', () => {
		expect(
			all(`SELECT code, break_years FROM indicators WHERE break_years <> '' ORDER BY code`)
		).toEqual([
			{ code: 'hdi_ipm', break_years: '2024' },
			{ code: 'life_expectancy_uhh', break_years: '2024' },
			{ code: 'spbe_index', break_years: '2021' }
		]);
	});

	it('keeps only targets with a planning document and its page or table', () => {
		const rows = all<{ document_type: string; document_ref: string; source: string }>(
			`SELECT document_type, document_ref, source FROM targets`
		);
		for (const r of rows) {
			expect(['RPJMD', 'RPD', 'RPJPD', 'Renstra', 'RKPD', 'SPM']).toContain(r.document_type);
			expect(r.document_ref.trim()).not.toBe('');
		}
	});

	it('gives no dimension score that rests on an illustrative value or on more than half carried weight', () => {
		const ctx = scoring(conn, { framework: 'gm100sc-2018' });
		for (const region of ctx.regions)
			for (const year of ctx.years) {
				const ry = ctx.regionYear(region, year)!;
				for (const d of ry.dimensions) {
					if (d.score === null) continue;
					expect(d.basis.illustrative).toBe(0);
					expect(d.basis.carriedShare).toBeLessThanOrEqual(ctx.profile.settings.maxCarriedShare);
				}
				expect(ry.hasIllustrative).toBe(false);
			}
	});

	it('keeps in conflicts.csv, for every disagreement, the value actually stored', () => {
		const text = readFileSync(path.join(DATA, 'conflicts.csv'), 'utf8');
		const rows = Papa.parse<Record<string, string>>(text, {
			header: true,
			skipEmptyLines: true
		}).data;
		expect(rows.length).toBeGreaterThan(0);
		const stored = conn.sqlite.prepare(
			`SELECT value FROM observations WHERE region_code = ? AND indicator_code = ? AND year = ?`
		);
		for (const r of rows) {
			const row = stored.get(r.region_code, r.indicator_code, Number(r.year)) as
				{ value: number } | undefined;
			if (r.status === 'used') expect(row?.value).toBe(Number(r.value));
			else expect(row?.value).not.toBe(Number(r.value));
			expect(r.reason_id.length * r.reason_en.length).toBeGreaterThan(0);
		}
	});
});

describe('data/observations.csv, targets.csv, conflicts.csv and the README summary', () => {
	it('are exactly what scripts/build-dataset.ts writes from data/sources/ (run npm run data:build)', () => {
		const { files, problems } = buildDataset(DATA);
		expect(problems).toEqual([]);
		for (const [file, text] of Object.entries(files))
			expect(readFileSync(path.join(DATA, file), 'utf8'), file).toBe(text);
	});
});

describe('the opt-in demo dataset', () => {
	it('adds illustrative values only where the real dataset has none, and changes no real value', () => {
		const real = tempDatabase();
		seedIfEmpty(real, DATA);
		seedIfEmpty(conn, DATA, { demo: true });
		const key = `region_code || '|' || indicator_code || '|' || year`;
		const realKeys = new Set(
			(real.sqlite.prepare(`SELECT ${key} AS k FROM observations`).all() as { k: string }[]).map(
				(r) => r.k
			)
		);
		const illustrative = all<{ k: string; source: string }>(
			`SELECT ${key} AS k, source FROM observations WHERE illustrative = 1`
		);
		expect(illustrative.length).toBeGreaterThan(1000);
		for (const r of illustrative) {
			expect(realKeys.has(r.k)).toBe(false);
			expect(r.source).toBe('ilustrasi: scripts/generate-illustrative.ts');
		}
		const realRows = real.sqlite
			.prepare(`SELECT ${key} AS k, value, source FROM observations ORDER BY k`)
			.all();
		expect(
			conn.sqlite
				.prepare(
					`SELECT ${key} AS k, value, source FROM observations WHERE illustrative = 0 ORDER BY k`
				)
				.all()
		).toEqual(realRows);
		real.close();
	});
});
