import path from 'node:path';
import { beforeAll, beforeEach, afterAll, describe, expect, it } from 'vitest';
import { seedIfEmpty } from '../../src/lib/server/seed';
import {
	deleteResult,
	importResults,
	officialHistory,
	OfficialResultError,
	recordedResults,
	recordResult,
	resultFields,
	updateResult,
	type OfficialActor
} from '../../src/lib/server/official-results';
import { RESULT_COLUMNS, type ResultFields } from '../../src/lib/evaluation/result-input';
import { tempDatabase } from './helpers';

const DATA = path.resolve('data');
const as = (username: string, role: OfficialActor['user']['role'], id: number): OfficialActor => ({
	user: { id, username, role, opd: role === 'produsen' ? 'BPS' : null },
	address: '127.0.0.1'
});
const walidata = as('wali', 'walidata', 1);
const admin = as('root', 'admin', 2);
const OTHERS = [as('bps', 'produsen', 3), as('rencana', 'perencana', 4), as('lihat', 'viewer', 5)];

/** Pati 2024 on the KPPN/IKN 2023 weights (10/20/20/20/20/10): Σ = 293 / 100 = 2.93. */
const PATI_2024: ResultFields = {
	year: '2024',
	region_code: '33.18',
	weight_set: 'kppn-ikn-2023',
	baseline: '3,5',
	output: '2,5',
	outcome: '3,2',
	impact: '2,9',
	quickwin: '3,1',
	kolaborasi: '2,4',
	final: '2,93',
	improvement: '',
	letter: 'B-999/DJAI/AI.01.04/12/2024',
	letter_date: '2024-12-16',
	source_href: 'https://example.go.id/surat-2024.pdf',
	note: ''
};
const KUDUS_2024: ResultFields = { ...PATI_2024, region_code: '33.19', final: '2,92' };

const csv = (...rows: ResultFields[]) =>
	new TextEncoder().encode(
		[
			RESULT_COLUMNS.join(','),
			...rows.map((r) => RESULT_COLUMNS.map((c) => `"${r[c] ?? ''}"`).join(','))
		].join('\r\n') + '\r\n'
	);

let conn: ReturnType<typeof tempDatabase>;
beforeAll(() => {
	conn = tempDatabase();
	seedIfEmpty(conn, DATA);
});
afterAll(() => conn.close());
beforeEach(() => {
	// Each test starts from the seeded data alone: no recorded result, no audit row.
	for (const r of recordedResults(conn, DATA)) deleteResult(conn, admin, r.id);
	conn.sqlite.prepare('DELETE FROM audit_log').run();
});

const audit = () =>
	(
		conn.sqlite
			.prepare(
				'SELECT actor, action, entity_type AS type, entity_id AS entity, before, after FROM audit_log ORDER BY id'
			)
			.all() as {
			actor: string;
			action: string;
			type: string;
			entity: string;
			before: string | null;
			after: string | null;
		}[]
	).map((r) => ({
		...r,
		before: r.before && JSON.parse(r.before),
		after: r.after && JSON.parse(r.after)
	}));

const refusal = (fn: () => unknown): OfficialResultError => {
	try {
		fn();
	} catch (e) {
		if (e instanceof OfficialResultError) return e;
		throw e;
	}
	throw new Error('expected an OfficialResultError');
};

describe('officialHistory()', () => {
	it('officialHistory() of Pati from the bundled tables: 2023 2.84 (+0.17), 2022 2.67 derived', () => {
		expect(
			officialHistory(conn, '33.18', DATA).entries.map((e) => [e.year, e.origin, e.final, e.change])
		).toEqual([
			[2023, 'published', 2.84, 0.17],
			[2022, 'derived', 2.67, null]
		]);
	});
});

describe('recordResult()', () => {
	it('recordResult() stores Pati 2024 with one audit row; the history shows it with change +0.09', () => {
		const id = recordResult(conn, walidata, PATI_2024, DATA);
		const history = officialHistory(conn, '33.18', DATA);
		expect(history.entries.map((e) => [e.year, e.origin, e.final, e.change])).toEqual([
			[2024, 'recorded', 2.93, 0.09],
			[2023, 'published', 2.84, 0.17],
			[2022, 'derived', 2.67, null]
		]);
		expect(history.entries[0]).toMatchObject({
			recordedId: id,
			cohort: { id: 'Kohort KPPN/IKN 2023', en: 'KPPN/IKN cohort 2023' },
			scores: {
				baseline: 3.5,
				output: 2.5,
				outcome: 3.2,
				impact: 2.9,
				quickwin: 3.1,
				kolaborasi: 2.4
			},
			letter: 'B-999/DJAI/AI.01.04/12/2024',
			letterDate: '2024-12-16',
			sourceHref: 'https://example.go.id/surat-2024.pdf'
		});
		expect(audit()).toEqual([
			{
				actor: 'wali',
				action: 'official_result.create',
				type: 'official_result',
				entity: String(id),
				before: null,
				after: {
					year: 2024,
					region: '33.18',
					weightSet: 'kppn-ikn-2023',
					scores: {
						baseline: 3.5,
						output: 2.5,
						outcome: 3.2,
						impact: 2.9,
						quickwin: 3.1,
						kolaborasi: 2.4
					},
					final: 2.93,
					improvement: null,
					letter: 'B-999/DJAI/AI.01.04/12/2024',
					letterDate: '2024-12-16'
				}
			}
		]);
	});

	it.each(OTHERS.map((a) => [a.user.role, a] as const))(
		'recordResult() refuses a %s with 403, records the denial and writes nothing',
		(role, actor) => {
			const e = refusal(() => recordResult(conn, actor, PATI_2024, DATA));
			expect([e.status, e.code]).toEqual([403, 'forbidden']);
			expect(recordedResults(conn, DATA)).toEqual([]);
			expect(audit()).toEqual([
				{
					actor: actor.user.username,
					action: 'auth.denied',
					type: 'official_result',
					entity: 'new',
					before: null,
					after: { role, opd: actor.user.opd, op: 'create' }
				}
			]);
		}
	);

	it('recordResult() refuses a final the weights do not reproduce, naming the recomputed value, and writes nothing', () => {
		const e = refusal(() => recordResult(conn, admin, { ...PATI_2024, final: '3,10' }, DATA));
		expect([e.status, e.code]).toEqual([400, 'invalid']);
		expect(e.problems).toEqual([
			{
				column: 'final',
				code: 'final_mismatch',
				value: '3,10',
				params: {
					recomputed: 2.93,
					gap: 0.17,
					tolerance: 0.015,
					weightSet: 'kppn-ikn-2023',
					weights: '10/20/20/20/20/10'
				}
			}
		]);
		expect(recordedResults(conn, DATA)).toEqual([]);
		expect(audit()).toEqual([]);
	});

	it('recordResult() refuses Pati 2023, which the ministry’s printed table holds', () => {
		const e = refusal(() =>
			recordResult(
				conn,
				walidata,
				{
					...PATI_2024,
					year: '2023',
					letter_date: '2023-12-20',
					weight_set: 'cohort-2017-2019-2022',
					kolaborasi: '',
					final: '2,99'
				},
				DATA
			)
		);
		expect(e.problems.map((p) => [p.column, p.code, p.params])).toEqual([
			['final', 'final_mismatch', expect.anything()],
			['year', 'published', { letter: 'B-1384/DJAI/AI.01.04/12/2023', year: 2023 }]
		]);
	});

	it('recordResult() refuses a second result for the same region and year, and an unknown region', () => {
		const id = recordResult(conn, walidata, PATI_2024, DATA);
		expect(refusal(() => recordResult(conn, walidata, PATI_2024, DATA)).problems).toEqual([
			{ column: 'year', code: 'exists', value: '2024', params: { id, year: 2024 } }
		]);
		expect(
			refusal(() => recordResult(conn, walidata, { ...PATI_2024, region_code: '99.99' }, DATA))
				.problems
		).toEqual([{ column: 'region_code', code: 'unknown_region', value: '99.99', params: {} }]);
	});
});

describe('updateResult() and deleteResult()', () => {
	it('updateResult() corrects a score and the final, with the before and after in its audit row', () => {
		const id = recordResult(conn, walidata, PATI_2024, DATA);
		updateResult(conn, admin, id, { ...PATI_2024, baseline: '4', final: '2,98' }, DATA);
		expect(resultFields(conn, id)).toMatchObject({ baseline: '4', final: '2.98' });
		const [, update] = audit();
		expect([update.actor, update.action, update.entity]).toEqual([
			'root',
			'official_result.update',
			String(id)
		]);
		expect([update.before.final, update.after.final, update.after.scores.baseline]).toEqual([
			2.93, 2.98, 4
		]);
		expect(officialHistory(conn, '33.18', DATA).entries[0].change).toBe(0.14);
	});

	it('updateResult() of a row that does not exist is a 404; a viewer is refused before that', () => {
		expect(refusal(() => updateResult(conn, walidata, 999, PATI_2024, DATA)).status).toBe(404);
		expect(refusal(() => updateResult(conn, OTHERS[2], 999, PATI_2024, DATA)).status).toBe(403);
	});

	it('deleteResult() removes the row and keeps what it said in the audit log; a produsen is refused', () => {
		const id = recordResult(conn, walidata, PATI_2024, DATA);
		expect(refusal(() => deleteResult(conn, OTHERS[0], id)).status).toBe(403);
		expect(recordedResults(conn, DATA)).toHaveLength(1);
		deleteResult(conn, walidata, id);
		expect(recordedResults(conn, DATA)).toEqual([]);
		expect(audit().map((a) => [a.action, a.entity, a.before?.final ?? null])).toEqual([
			['official_result.create', String(id), null],
			['auth.denied', String(id), null],
			['official_result.delete', String(id), 2.93]
		]);
		expect(officialHistory(conn, '33.18', DATA).entries.map((e) => e.year)).toEqual([2023, 2022]);
	});
});

describe('importResults()', () => {
	it('importResults() writes every row of a valid file in one transaction with one audit row', () => {
		const ids = importResults(
			conn,
			walidata,
			{ name: 'hasil-2024.csv', bytes: csv(PATI_2024, KUDUS_2024) },
			DATA
		);
		expect(ids).toHaveLength(2);
		expect(
			recordedResults(conn, DATA).map((r) => [r.regionCode, r.regionName, r.year, r.final])
		).toEqual([
			['33.18', 'Kabupaten Pati', 2024, 2.93],
			['33.19', 'Kabupaten Kudus', 2024, 2.92]
		]);
		const [row] = audit();
		expect([
			row.action,
			row.entity,
			row.after.file,
			row.after.results.map((r: { id: number }) => r.id)
		]).toEqual(['official_result.import', 'hasil-2024.csv', 'hasil-2024.csv', ids]);
		expect(row.after.sha256).toMatch(/^[0-9a-f]{64}$/);
		expect(
			officialHistory(conn, '33.19', DATA).entries.map((e) => [e.year, e.final, e.change])
		).toEqual([
			[2024, 2.92, -0.39],
			[2023, 3.31, 0.44],
			[2022, 2.87, null]
		]);
	});

	it('importResults() with one bad row writes nothing and lists the problem with its row and column', () => {
		const bad = { ...KUDUS_2024, outcome: '4,5' };
		const e = refusal(() =>
			importResults(conn, walidata, { name: 'hasil.csv', bytes: csv(PATI_2024, bad) }, DATA)
		);
		expect([e.status, e.code]).toEqual([400, 'invalid']);
		expect(e.problems).toEqual([
			{ row: 3, column: 'outcome', code: 'out_of_range', value: '4,5', params: { min: 0, max: 4 } }
		]);
		expect(recordedResults(conn, DATA)).toEqual([]);
		expect(audit()).toEqual([]);
	});

	it('importResults() refuses a row for a year already recorded, so nothing of the file is written', () => {
		recordResult(conn, walidata, PATI_2024, DATA);
		const e = refusal(() =>
			importResults(conn, walidata, { name: 'hasil.csv', bytes: csv(KUDUS_2024, PATI_2024) }, DATA)
		);
		expect(e.problems.map((p) => ['row' in p ? p.row : null, p.column, p.code])).toEqual([
			[3, 'year', 'exists']
		]);
		expect(recordedResults(conn, DATA).map((r) => r.regionCode)).toEqual(['33.18']);
	});

	it('importResults() refuses a file without the columns, and a workbook, before reading any row', () => {
		const e = refusal(() =>
			importResults(
				conn,
				walidata,
				{ name: 'x.csv', bytes: new TextEncoder().encode('tahun,nilai\n2024,2\n') },
				DATA
			)
		);
		expect([e.code, e.fileProblem?.code]).toEqual(['file', 'missing_columns']);
		const zip = refusal(() =>
			importResults(
				conn,
				walidata,
				{ name: 'x.xlsx', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]) },
				DATA
			)
		);
		expect([zip.code, zip.fileProblem?.code]).toEqual(['file', 'unreadable']);
		expect(audit()).toEqual([]);
	});

	it('importResults() refuses a viewer before reading the file, and records the denial', () => {
		expect(
			refusal(() => importResults(conn, OTHERS[2], { name: 'x.csv', bytes: csv(PATI_2024) }, DATA))
				.status
		).toBe(403);
		expect(audit().map((a) => [a.action, a.entity, a.after.op])).toEqual([
			['auth.denied', 'x.csv', 'import']
		]);
	});
});
