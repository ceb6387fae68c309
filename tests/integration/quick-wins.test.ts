import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedIfEmpty } from '../../src/lib/server/seed';
import {
	addRisk,
	carryRisks,
	closeRisk,
	createQuickWin,
	deleteRisk,
	QuickWinError,
	regionQuickWins,
	updateQuickWin,
	type QuickWinActor
} from '../../src/lib/server/quick-wins';
import { createSubmission } from '../../src/lib/server/submissions/service';
import { workspace } from '../../src/lib/server/submissions/workspace';
import { tempDatabase } from './helpers';

const DATA = path.resolve('data');
const PATI = '33.18';
const as = (username: string, role: QuickWinActor['user']['role'], id: number): QuickWinActor => ({
	user: { id, username, role, opd: role === 'produsen' ? 'DISKOMINFO' : null },
	address: '127.0.0.1'
});
const walidata = as('wali', 'walidata', 1);
const admin = as('root', 'admin', 2);
const OTHERS = [
	as('kominfo', 'produsen', 3),
	as('rencana', 'perencana', 4),
	as('lihat', 'viewer', 5)
];

const LAPOR = {
	name: 'Lapor Bupati',
	opd: 'Diskominfo',
	start_year: '2023',
	rpjmd_problem: 'Pengaduan masyarakat lambat ditangani',
	formulated_with: 'Bappeda, Diskominfo, forum warga',
	manfaat: 'Aduan dijawab dalam 3 hari'
};
const RISK = {
	year: '2024',
	risk: 'Aduan tidak ditindaklanjuti',
	cause: 'OPD tidak punya admin',
	likelihood: '2',
	impact: '3',
	mitigation: 'Admin per OPD dengan SK',
	owner: 'Diskominfo'
};

let conn: ReturnType<typeof tempDatabase>;
beforeAll(() => {
	conn = tempDatabase();
	seedIfEmpty(conn, DATA);
});
afterAll(() => conn.close());
beforeEach(() => {
	conn.sqlite.prepare('DELETE FROM quick_win_risks').run();
	conn.sqlite.prepare('DELETE FROM quick_wins').run();
	conn.sqlite.prepare('DELETE FROM audit_log').run();
});

const count = (table: string) =>
	(conn.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const actions = () =>
	(
		conn.sqlite.prepare('SELECT action, entity_id AS entity FROM audit_log ORDER BY id').all() as {
			action: string;
			entity: string;
		}[]
	).map((r) => `${r.action} ${r.entity}`);
const refusal = (fn: () => unknown): QuickWinError => {
	try {
		fn();
	} catch (e) {
		if (e instanceof QuickWinError) return e;
		throw e;
	}
	throw new Error('expected a QuickWinError');
};

describe('createQuickWin()', () => {
	it('createQuickWin() stores the quick win with its criteria and one audit row', () => {
		const id = createQuickWin(conn, walidata, PATI, LAPOR);
		const [q] = regionQuickWins(conn, PATI);
		expect(q).toMatchObject({ id, name: 'Lapor Bupati', startYear: 2023, years: [2023] });
		expect(q.criteria).toMatchObject({ manfaat: 'Aduan dijawab dalam 3 hari', keunikan: '' });
		expect(actions()).toEqual([`quick_win.create ${id}`]);
	});

	it.each(OTHERS)(
		'createQuickWin() refuses $user.role with a recorded denial and writes nothing',
		(who) => {
			expect(refusal(() => createQuickWin(conn, who, PATI, LAPOR)).status).toBe(403);
			expect(count('quick_wins')).toBe(0);
			const denial = conn.sqlite
				.prepare(
					"SELECT actor, entity_type AS type, after FROM audit_log WHERE action = 'auth.denied'"
				)
				.get() as { actor: string; type: string; after: string };
			expect(denial).toMatchObject({ actor: who.user.username, type: 'quick_win' });
			expect(JSON.parse(denial.after)).toEqual({
				role: who.user.role,
				opd: who.user.opd,
				op: 'create'
			});
		}
	);

	it('createQuickWin() refuses missing fields, naming each, and writes nothing', () => {
		const e = refusal(() =>
			createQuickWin(conn, admin, PATI, { ...LAPOR, opd: '', start_year: '2016' })
		);
		expect([e.status, e.problems.map((p) => `${p.field}:${p.code}`)]).toEqual([
			400,
			['opd:required', 'start_year:year_range']
		]);
		expect([count('quick_wins'), count('audit_log')]).toEqual([0, 0]);
	});

	it('createQuickWin() refuses an unknown region as not found', () => {
		expect(refusal(() => createQuickWin(conn, admin, '99.99', LAPOR)).status).toBe(404);
	});
});

describe('updateQuickWin()', () => {
	it('updateQuickWin() refuses a start after a year that has risks, and keeps the row', () => {
		const id = createQuickWin(conn, walidata, PATI, LAPOR);
		addRisk(conn, walidata, id, RISK);
		const e = refusal(() => updateQuickWin(conn, walidata, id, { ...LAPOR, start_year: '2025' }));
		expect(e.problems).toEqual([
			{ field: 'start_year', code: 'year_range', value: '2025', params: { min: 2017, max: 2024 } }
		]);
		expect(regionQuickWins(conn, PATI)[0].startYear).toBe(2023);
	});

	it('updateQuickWin() of a forged id is not found', () => {
		expect(refusal(() => updateQuickWin(conn, walidata, 999_999, LAPOR)).status).toBe(404);
	});
});

describe('addRisk()', () => {
	it('addRisk() to a forged quick win id is not found and writes nothing', () => {
		expect(refusal(() => addRisk(conn, walidata, 999_999, RISK)).status).toBe(404);
		expect([count('quick_win_risks'), count('audit_log')]).toEqual([0, 0]);
	});

	it('addRisk() refuses a likelihood of 4 and an impact of 0, and writes nothing', () => {
		const id = createQuickWin(conn, walidata, PATI, LAPOR);
		const e = refusal(() => addRisk(conn, walidata, id, { ...RISK, likelihood: '4', impact: '0' }));
		expect(e.problems.map((p) => `${p.field}:${p.code}`)).toEqual([
			'likelihood:off_scale',
			'impact:off_scale'
		]);
		expect(count('quick_win_risks')).toBe(0);
	});

	it('the table refuses a likelihood off 1–3 even past the service (CHECK)', () => {
		const id = createQuickWin(conn, walidata, PATI, LAPOR);
		expect(() =>
			conn.sqlite
				.prepare(
					"INSERT INTO quick_win_risks (quick_win_id, year, risk, cause, likelihood, impact, mitigation, owner, created_by) VALUES (?, 2024, 'r', 'c', 4, 1, 'm', 'o', 'x')"
				)
				.run(id)
		).toThrow(/CHECK constraint failed: quick_win_risks_scale/);
	});

	it.each(OTHERS)('addRisk() refuses $user.role with a recorded denial', (who) => {
		const id = createQuickWin(conn, walidata, PATI, LAPOR);
		expect(refusal(() => addRisk(conn, who, id, RISK)).status).toBe(403);
		expect(count('quick_win_risks')).toBe(0);
		expect(actions()).toEqual([`quick_win.create ${id}`, `auth.denied ${id}`]);
	});
});

describe('carryRisks()', () => {
	it('carryRisks() copies the open risks into the next year, keeps last year as it was, and continues the quick win', () => {
		const id = createQuickWin(conn, walidata, PATI, LAPOR);
		const a = addRisk(conn, walidata, id, RISK);
		const b = addRisk(conn, walidata, id, { ...RISK, risk: 'Server down', likelihood: '1' });
		const c = addRisk(conn, walidata, id, { ...RISK, risk: 'Anggaran dipotong' });
		closeRisk(conn, walidata, c);
		const carried = carryRisks(conn, walidata, id, 2024);
		const [q] = regionQuickWins(conn, PATI);
		expect(q.years).toEqual([2023, 2024, 2025]);
		expect(q.continuedTo).toBe(2025);
		expect(q.risks.map((r) => [r.year, r.risk, r.likelihood, r.status, r.carriedFrom])).toEqual([
			[2024, 'Aduan tidak ditindaklanjuti', 2, 'open', null],
			[2024, 'Server down', 1, 'open', null],
			[2024, 'Anggaran dipotong', 2, 'closed', null],
			[2025, 'Aduan tidak ditindaklanjuti', 2, 'open', a],
			[2025, 'Server down', 1, 'open', b]
		]);
		expect(carried).toEqual(q.risks.slice(3).map((r) => r.id));
		expect(actions().slice(-1)).toEqual([`quick_win.carry ${id}`]);
	});

	it('carryRisks() twice from the same year copies nothing new', () => {
		const id = createQuickWin(conn, walidata, PATI, LAPOR);
		addRisk(conn, walidata, id, RISK);
		expect(carryRisks(conn, walidata, id, 2024)).toHaveLength(1);
		expect(carryRisks(conn, walidata, id, 2024)).toEqual([]);
		expect(count('quick_win_risks')).toBe(2);
	});

	it('carryRisks() from a year before the start is refused and changes nothing', () => {
		const id = createQuickWin(conn, walidata, PATI, LAPOR);
		const e = refusal(() => carryRisks(conn, walidata, id, 2020));
		expect([e.status, e.code]).toEqual([400, 'year_limit']);
		expect(regionQuickWins(conn, PATI)[0].continuedTo).toBeNull();
	});

	it('carryRisks() of a forged id is not found; a viewer is refused with a denial', () => {
		expect(refusal(() => carryRisks(conn, walidata, 999_999, 2024)).status).toBe(404);
		expect(refusal(() => carryRisks(conn, OTHERS[2], 1, 2024)).status).toBe(403);
		expect(actions()).toEqual(['auth.denied 1']);
	});

	it('closeRisk() of a forged risk id is not found', () => {
		expect(refusal(() => closeRisk(conn, walidata, 999_999)).status).toBe(404);
	});
});

describe('deleteRisk()', () => {
	it('deletes a risk entered by mistake with one audit row keeping it', () => {
		const id = createQuickWin(conn, walidata, PATI, LAPOR);
		const risk = addRisk(conn, walidata, id, RISK);
		deleteRisk(conn, walidata, risk);
		expect(count('quick_win_risks')).toBe(0);
		expect(actions()).toEqual([
			`quick_win.create ${id}`,
			`quick_win.risk_add ${id}`,
			`quick_win.risk_delete ${id}`
		]);
		const before = conn.sqlite
			.prepare("SELECT before FROM audit_log WHERE action = 'quick_win.risk_delete'")
			.get() as { before: string };
		expect(JSON.parse(before.before)).toMatchObject({
			id: risk,
			risk: 'Aduan tidak ditindaklanjuti'
		});
	});

	it('keeps a risk carried into the next year (409), and its copy may go', () => {
		const id = createQuickWin(conn, walidata, PATI, LAPOR);
		const risk = addRisk(conn, walidata, id, RISK);
		const [copy] = carryRisks(conn, walidata, id, 2024);
		const e = refusal(() => deleteRisk(conn, walidata, risk));
		expect([e.status, e.code]).toEqual([409, 'carried']);
		expect(count('quick_win_risks')).toBe(2);
		deleteRisk(conn, walidata, copy);
		deleteRisk(conn, walidata, risk);
		expect(count('quick_win_risks')).toBe(0);
	});

	it('refuses a viewer with a recorded denial and a forged id as not found', () => {
		const id = createQuickWin(conn, walidata, PATI, LAPOR);
		const risk = addRisk(conn, walidata, id, RISK);
		expect(refusal(() => deleteRisk(conn, OTHERS[2], risk)).status).toBe(403);
		expect(actions().at(-1)).toBe(`auth.denied ${risk}`);
		expect(refusal(() => deleteRisk(conn, walidata, 999_999)).status).toBe(404);
		expect(count('quick_win_risks')).toBe(1);
	});
});

describe('the evaluation workspace', () => {
	it("a 2024 workspace's Quick Win items show the register's text for their criterion and the year's risks", () => {
		const id = createQuickWin(conn, walidata, PATI, LAPOR);
		addRisk(conn, walidata, id, RISK);
		carryRisks(conn, walidata, id, 2023);
		const sub = createSubmission(
			conn,
			walidata,
			{ kind: 'gm100sc', year: 2024, regionCode: PATI, weightSet: 'reguler-2023' },
			DATA
		);
		const view = workspace(conn, sub, walidata.user, DATA, 'kominfo.quickwin')!;
		const notes = (code: string) => view.items.find((i) => i.refCode === code)?.question?.quickWins;
		expect(notes('quickwin.manfaat-inovasi.5.1.1')).toEqual([
			{ name: 'Lapor Bupati', text: 'Aduan dijawab dalam 3 hari' }
		]);
		expect(notes('quickwin.keunikan-inovasi.5.1.1')).toEqual([]);
		expect(notes('quickwin.manajemen-risiko.5.2.1')).toEqual([
			{
				name: 'Lapor Bupati',
				text: 'Aduan tidak ditindaklanjuti (2 × 3 = 6); mitigasi: Admin per OPD dengan SK; penanggung jawab: Diskominfo'
			}
		]);
		expect(notes('quickwin.keberlanjutan.5.1.2')).toEqual([]);
	});

	it('the Keberlanjutan items list last year’s quick wins, continued or not, and offer the count of new ones', () => {
		const lapor = createQuickWin(conn, walidata, PATI, LAPOR);
		carryRisks(conn, walidata, lapor, 2023);
		createQuickWin(conn, walidata, PATI, { ...LAPOR, name: 'Pati Mbangun' });
		createQuickWin(conn, walidata, PATI, { ...LAPOR, name: 'Sadewa', start_year: '2024' });
		createQuickWin(conn, walidata, PATI, { ...LAPOR, name: 'Kartu Tani', start_year: '2024' });
		// The year's workspace: the one an earlier test made, or a new one.
		const view = (year: number) => {
			const made = conn.sqlite
				.prepare(
					`SELECT id FROM submissions WHERE kind = 'gm100sc' AND year = ? AND region_code = ?`
				)
				.get(year, PATI) as { id: number } | undefined;
			const sub =
				made?.id ??
				createSubmission(
					conn,
					walidata,
					{ kind: 'gm100sc', year, regionCode: PATI, weightSet: 'reguler-2023' },
					DATA
				);
			return workspace(conn, sub, walidata.user, DATA, 'kominfo.quickwin')!;
		};
		const v2024 = view(2024);
		const item = (code: string) => v2024.items.find((i) => i.refCode === code)!.question!;
		expect(item('quickwin.keberlanjutan.5.1.1').quickWins).toEqual([
			{ name: 'Lapor Bupati', text: 'berjalan pada 2023 dan masih berjalan pada 2024' },
			{ name: 'Pati Mbangun', text: 'berjalan pada 2023, tidak berlanjut ke 2024' }
		]);
		// An offer to answer from, never a stored answer.
		expect(item('quickwin.keberlanjutan.5.1.1').prefill).toBeNull();
		expect(item('quickwin.keberlanjutan.5.1.2').quickWins).toEqual([
			{ name: 'Sadewa', text: 'quick win baru pada 2024' },
			{ name: 'Kartu Tani', text: 'quick win baru pada 2024' }
		]);
		expect(item('quickwin.keberlanjutan.5.1.2').prefill).toBe('2');
		expect(
			v2024.items.find((i) => i.refCode === 'quickwin.keberlanjutan.5.1.2')!.answer
		).toBeNull();
		// 2025: nothing started, so no count is offered (an unkept register is not "none").
		const later = view(2025).items.find((i) => i.refCode === 'quickwin.keberlanjutan.5.1.2')!;
		expect([later.question!.quickWins, later.question!.prefill]).toEqual([[], null]);
	});
});
