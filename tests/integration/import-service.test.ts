import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FileSource, ImportKind } from '../../src/lib/import';
import { ImportForbidden, ImportRefused } from '../../src/lib/server/imports/errors';
import {
	confirmImport,
	importFileAs,
	previewImport,
	undoImport,
	type UploadSettings
} from '../../src/lib/server/imports/service';
import { corpusDatabase, dumpAll } from './importer-fixtures';

let conn: ReturnType<typeof corpusDatabase>;
beforeEach(() => {
	conn = corpusDatabase();
});
afterEach(() => conn.close());

const actor = { id: 7, username: 'walidata', address: '127.0.0.1' };
const owner = { userId: 7, sessionId: 'session-a' };
const settings = (extra: Partial<UploadSettings> = {}): UploadSettings => ({
	owner,
	mayImport: () => true,
	limits: { maxBytes: 1_000_000, maxRows: 1000 },
	...extra
});
async function* chunks(text: string) {
	yield new TextEncoder().encode(text);
}
const preview = (
	text: string,
	extra: Partial<UploadSettings> & {
		kind?: ImportKind;
		fileSource?: FileSource;
		fileIndicator?: string;
	} = {}
) =>
	previewImport(conn, { name: 'ipm.csv', size: text.length, body: chunks(text) }, actor, {
		kind: null,
		locale: null,
		defaultRegion: null,
		fileSource: null,
		fileIndicator: null,
		...settings(extra)
	});

const LONG = `region_code,indicator_code,year,value,source
33.18,poverty_rate,2022,10.5,https://bps.example/a
33.19,grdp_growth,2023,-1.5,https://bps.example/b
`;

const observations = () =>
	conn.sqlite.prepare(`SELECT COUNT(*) AS n FROM observations`).get() as { n: number };
const importAudit = () =>
	(
		conn.sqlite
			.prepare(
				`SELECT action, actor_id AS actorId, actor, entity_id AS entityId, before, after, address
				 FROM audit_log WHERE entity_type = 'import' ORDER BY id`
			)
			.all() as { before: string | null; after: string }[]
	).map((r) => ({ ...r, before: r.before && JSON.parse(r.before), after: JSON.parse(r.after) }));
const uploads = () => readdirSync(path.join(conn.dir, 'uploads')).sort();

describe('previewImport() → confirmImport()', () => {
	it('the source given on the page reaches every row of a file without a source column, at confirm too', async () => {
		const wide = 'kode_wilayah;kode_indikator;2021;2022\n33.18;poverty_rate;10,5;9,8\n';
		const none = await preview(wide);
		if ('problem' in none) throw new Error(none.problem);
		expect(none.report.status).toBe('refused');
		expect(none.report.errors.map((e) => [e.code, e.column])).toEqual([
			['missing-label', 'source']
		]);

		const checked = await preview(wide, {
			fileSource: { source: 'BPS Kabupaten Pati, Tabel 4.1' }
		});
		if ('problem' in checked) throw new Error(checked.problem);
		expect(checked.report.status).toBe('valid');
		const done = confirmImport(conn, checked.token!, actor, settings());
		if ('problem' in done) throw new Error(done.problem);
		expect(
			conn.sqlite.prepare(`SELECT year, value, source FROM observations ORDER BY year`).all()
		).toEqual([
			{ year: 2021, value: 10.5, source: 'BPS Kabupaten Pati, Tabel 4.1' },
			{ year: 2022, value: 9.8, source: 'BPS Kabupaten Pati, Tabel 4.1' }
		]);
	});

	it('the indicator chosen on the page reaches every row of a BPS table naming its regions, at confirm too', async () => {
		const table = 'Kabupaten/Kota;2021;2022\nKab. Pati;10,5;9,8\nKABUPATEN KUDUS;7,1;6,9\n';
		const none = await preview(table, { fileSource: { source: 'BPS Jawa Tengah' } });
		if ('problem' in none) throw new Error(none.problem);
		expect(none.report.errors.map((e) => [e.code, e.column])).toEqual([
			['missing-label', 'indicator_code']
		]);

		const checked = await preview(table, {
			fileSource: { source: 'BPS Jawa Tengah' },
			fileIndicator: 'poverty_rate'
		});
		if ('problem' in checked) throw new Error(checked.problem);
		expect(checked.report.status).toBe('valid');
		const done = confirmImport(conn, checked.token!, actor, settings());
		if ('problem' in done) throw new Error(done.problem);
		expect(done.report.status).toBe('imported');
		expect(
			conn.sqlite
				.prepare(
					`SELECT region_code AS region, indicator_code AS indicator, year, value FROM observations ORDER BY region_code, year`
				)
				.all()
		).toEqual([
			{ region: '33.18', indicator: 'poverty_rate', year: 2021, value: 10.5 },
			{ region: '33.18', indicator: 'poverty_rate', year: 2022, value: 9.8 },
			{ region: '33.19', indicator: 'poverty_rate', year: 2021, value: 7.1 },
			{ region: '33.19', indicator: 'poverty_rate', year: 2022, value: 6.9 }
		]);
	});

	it('a preview writes nothing; its token confirms once, with one audit row; a second confirm is expired', async () => {
		const before = dumpAll(conn);
		const checked = await preview(LONG);
		if ('problem' in checked) throw new Error(checked.problem);
		expect(checked.report).toMatchObject({
			status: 'valid',
			dryRun: true,
			kind: 'observations',
			fileName: 'ipm.csv',
			counts: { rows: 2, inserted: 2 },
			importId: null
		});
		expect(checked.report.preview).toHaveLength(2);
		expect(checked.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
		expect(dumpAll(conn)).toEqual(before);
		expect(uploads()).toEqual([`${checked.token}.csv`, `${checked.token}.json`].sort());

		const done = confirmImport(conn, checked.token!, actor, settings());
		if ('problem' in done) throw new Error(done.problem);
		expect(done.token).toBeNull();
		expect(done.report).toMatchObject({
			status: 'imported',
			dryRun: false,
			counts: { rows: 2, inserted: 2 }
		});
		expect(observations().n).toBe(2);
		expect(uploads()).toEqual([]);
		expect(importAudit()).toEqual([
			{
				action: 'import.commit',
				actorId: 7,
				actor: 'walidata',
				entityId: String(done.report.importId),
				before: null,
				after: {
					kind: 'observations',
					fileName: 'ipm.csv',
					sha256: done.report.sha256,
					rows: 2,
					inserted: 2,
					updated: 0,
					unchanged: 0
				},
				address: '127.0.0.1'
			}
		]);

		const after = dumpAll(conn);
		expect(confirmImport(conn, checked.token!, actor, settings())).toEqual({ problem: 'expired' });
		expect(dumpAll(conn)).toEqual(after);
	});

	it('a token is only its owner’s, and only while the role may import its kind', async () => {
		const checked = await preview(LONG);
		if ('problem' in checked) throw new Error(checked.problem);
		const other = settings({ owner: { userId: 7, sessionId: 'session-b' } });
		expect(confirmImport(conn, checked.token!, actor, other)).toEqual({ problem: 'expired' });
		expect(confirmImport(conn, '../../etc/passwd', actor, settings())).toEqual({
			problem: 'expired'
		});
		const noLonger = settings({ mayImport: (kind) => kind !== 'observations' });
		expect(confirmImport(conn, checked.token!, actor, noLonger)).toEqual({
			problem: 'kind',
			kind: 'observations'
		});
		// Neither refusal used the upload up.
		expect(observations().n).toBe(0);
		const done = confirmImport(conn, checked.token!, actor, settings());
		expect('report' in done && done.report.status).toBe('imported');
	});

	it('a refused file keeps its errors under the token but cannot be confirmed', async () => {
		const checked = await preview(LONG + '33.18,poverty_rate,2024,101,https://bps.example/a\n');
		if ('problem' in checked) throw new Error(checked.problem);
		expect(checked.report.status).toBe('refused');
		expect(checked.token).not.toBeNull();
		expect(uploads()).toEqual([`${checked.token}.json`]);
		expect(confirmImport(conn, checked.token!, actor, settings())).toEqual({ problem: 'expired' });
		expect(observations().n).toBe(0);
	});

	it('a file that changes nothing keeps no token', async () => {
		const file = path.join(conn.dir, 'first.csv');
		writeFileSync(file, LONG);
		const limits = settings().limits;
		expect((await importFileAs(conn, file, actor, { kind: 'observations', limits })).status).toBe(
			'imported'
		);
		const checked = await preview(LONG);
		if ('problem' in checked) throw new Error(checked.problem);
		expect(checked.report.status).toBe('unchanged');
		expect(checked.token).toBeNull();
		expect(uploads()).toEqual([]);
	});

	it('an oversized file or a kind the actor may not import is refused before the dry run, nothing kept', async () => {
		expect(await preview(LONG, { limits: { maxBytes: 10, maxRows: 1000 } })).toEqual({
			problem: 'too-large'
		});
		const targets = 'region_code,indicator_code,year,value,document_type,source\n';
		expect(await preview(targets, { mayImport: (kind) => kind === 'observations' })).toEqual({
			problem: 'kind',
			kind: 'targets'
		});
		expect(uploads()).toEqual([]);
	});

	it('throws ImportForbidden naming only the indicators mayEdit refused, and keeps nothing', async () => {
		const before = dumpAll(conn);
		const text = LONG + '33.18,internet_access,2023,80,https://kominfo.example/a\n';
		const asked: [string, string, ImportKind][] = [];
		const mayEdit: UploadSettings['mayEdit'] = ({ code, opd }, kind) => {
			asked.push([code, opd, kind]);
			return opd === 'BPS';
		};
		const error = await preview(text, { mayEdit }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ImportForbidden);
		expect(error).toMatchObject({
			indicators: ['internet_access'],
			kind: 'observations',
			fileName: 'ipm.csv',
			message: 'Not allowed to write data of indicators: internet_access'
		});
		expect(asked.sort()).toEqual([
			['grdp_growth', 'BPS', 'observations'],
			['internet_access', 'DISKOMINFO', 'observations'],
			['poverty_rate', 'BPS', 'observations']
		]);
		expect(uploads()).toEqual([]);
		expect(dumpAll(conn)).toEqual(before);
	});
});

describe('importFileAs()', () => {
	it('imports a path with the same audit row as a confirmed upload; a dry run writes none', async () => {
		const file = path.join(conn.dir, 'cli.csv');
		writeFileSync(file, LONG);
		const cli = { id: null, username: 'operator', address: 'cli' };
		const limits = settings().limits;
		const dry = await importFileAs(conn, file, cli, { kind: 'observations', limits, dryRun: true });
		expect(dry).toMatchObject({ status: 'valid', importId: null });
		expect(importAudit()).toEqual([]);
		const report = await importFileAs(conn, file, cli, { kind: 'observations', limits });
		expect(importAudit()).toEqual([
			{
				action: 'import.commit',
				actorId: null,
				actor: 'operator',
				entityId: String(report.importId),
				before: null,
				after: {
					kind: 'observations',
					fileName: 'cli.csv',
					sha256: report.sha256,
					rows: 2,
					inserted: 2,
					updated: 0,
					unchanged: 0
				},
				address: 'cli'
			}
		]);
	});
});

describe('undoImport()', () => {
	it('undoes with its audit row; a refusal is an ImportRefused and writes none', async () => {
		const checked = await preview(LONG);
		if ('problem' in checked) throw new Error(checked.problem);
		const done = confirmImport(conn, checked.token!, actor, settings());
		if ('problem' in done) throw new Error(done.problem);
		const id = done.report.importId!;
		const undoer = { id: 8, username: 'admin', address: '10.0.0.8' };
		expect(undoImport(conn, id, undoer)).toEqual({ removed: 2, restored: 0 });
		expect(observations().n).toBe(0);
		expect(
			conn.sqlite.prepare(`SELECT status, undone_by FROM imports WHERE id = ?`).get(id)
		).toEqual({ status: 'undone', undone_by: 'admin' });
		expect(importAudit().slice(1)).toEqual([
			{
				action: 'import.undo',
				actorId: 8,
				actor: 'admin',
				entityId: String(id),
				before: { status: 'committed' },
				after: { status: 'undone', removed: 2, restored: 0 },
				address: '10.0.0.8'
			}
		]);
		expect(() => undoImport(conn, id, undoer)).toThrow(
			new ImportRefused('already_undone', { importId: id })
		);
		expect(importAudit()).toHaveLength(2);
	});
});
