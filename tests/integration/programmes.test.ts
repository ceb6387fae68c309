import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedIfEmpty } from '../../src/lib/server/seed';
import {
	approveProgress,
	createProgramme,
	deleteProgramme,
	ProgrammeError,
	register,
	saveProgress,
	seedDemoProgrammes,
	updateProgramme,
	type ProgrammeActor
} from '../../src/lib/server/programmes';
import { programmeChoices } from '../../src/lib/server/surveys';
import { createSubmission } from '../../src/lib/server/submissions/service';
import { workspace } from '../../src/lib/server/submissions/workspace';
import { tempDatabase } from './helpers';

const DATA = path.resolve('data');
const PATI = '33.18';
const GM = 'gm100sc-2018';
const as = (
	username: string,
	role: ProgrammeActor['user']['role'],
	id: number,
	opd: string | null = null
): ProgrammeActor => ({ user: { id, username, role, opd }, address: '127.0.0.1' });
const walidata = as('wali', 'walidata', 1);
const admin = as('root', 'admin', 2);
const dpm = as('dpm', 'produsen', 3, 'DPMPTSP');
const dlh = as('dlh', 'produsen', 4, 'DLH');
const planner = as('rencana', 'perencana', 5);
const viewer = as('lihat', 'viewer', 6);

const MPP = {
	element: 'governance.service',
	kind: 'programme',
	name: 'Mal Pelayanan Publik',
	opd: 'dpmptsp',
	start_year: '2023',
	masterplan_title: 'Masterplan Smart City 2019–2028',
	masterplan_page: '45',
	budget_source: 'apbd',
	budget: '1.500.000.000',
	rpjmd_problem: 'Perizinan lambat',
	status: 'running',
	quick_win: 'on',
	source: ''
};
const P2024 = {
	year: '2024',
	planned: '22 gerai',
	done: '20 gerai',
	percent: '90,9',
	evidence: 'https://patikab.go.id/lkpj-2024.pdf'
};

let conn: ReturnType<typeof tempDatabase>;
beforeAll(() => {
	conn = tempDatabase();
	seedIfEmpty(conn, DATA);
});
afterAll(() => conn.close());
beforeEach(() => {
	conn.sqlite.prepare('DELETE FROM programme_progress').run();
	conn.sqlite.prepare('DELETE FROM programmes').run();
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
const denial = () =>
	conn.sqlite
		.prepare(
			"SELECT actor, entity_type AS type, entity_id AS entity, after FROM audit_log WHERE action = 'auth.denied'"
		)
		.all() as { actor: string; type: string; entity: string; after: string }[];
const refusal = (fn: () => unknown): ProgrammeError => {
	try {
		fn();
	} catch (e) {
		if (e instanceof ProgrammeError) return e;
		throw e;
	}
	throw new Error('expected a ProgrammeError');
};
const codes = (e: ProgrammeError) => e.problems.map((p) => `${p.field}:${p.code}:${p.value}`);

describe('createProgramme()', () => {
	it('createProgramme() lets a produsen record their own OPD’s programme, with one audit row', () => {
		const id = createProgramme(conn, dpm, PATI, GM, MPP);
		expect(register(conn, PATI, GM)).toEqual([
			expect.objectContaining({
				id,
				dimension: 'governance',
				elementCode: 'governance.service',
				kind: 'programme',
				opd: 'DPMPTSP',
				startYear: 2023,
				masterplanTitle: 'Masterplan Smart City 2019–2028',
				masterplanPage: 45,
				budgetSource: 'apbd',
				budget: 1_500_000_000,
				quickWin: true,
				progress: []
			})
		]);
		expect(actions()).toEqual([`programme.create ${id}`]);
	});

	it('createProgramme() refuses a produsen another OPD’s programme: 403, audited, nothing written', () => {
		expect(refusal(() => createProgramme(conn, dlh, PATI, GM, MPP)).status).toBe(403);
		expect(count('programmes')).toBe(0);
		const [d] = denial();
		expect(d).toMatchObject({ actor: 'dlh', type: 'programme', entity: 'new/DPMPTSP' });
		expect(JSON.parse(d.after)).toEqual({ role: 'produsen', opd: 'DLH', op: 'create' });
	});

	it.each([planner, viewer])(
		'createProgramme() refuses $user.role before reading the form, with a recorded denial',
		(who) => {
			expect(refusal(() => createProgramme(conn, who, PATI, GM, {})).status).toBe(403);
			expect(count('programmes')).toBe(0);
			expect(actions()).toEqual(['auth.denied new']);
		}
	);

	it('createProgramme() refuses an unknown element, budget source and kind, naming each, writing nothing', () => {
		const e = refusal(() =>
			createProgramme(conn, walidata, PATI, GM, {
				...MPP,
				element: 'governance.nope',
				budget_source: 'hibah',
				kind: 'lainnya',
				start_year: '2016'
			})
		);
		expect([e.status, codes(e)]).toEqual([
			400,
			[
				'element:not_listed:governance.nope',
				'kind:not_listed:lainnya',
				'start_year:year_range:2016',
				'budget_source:not_listed:hibah'
			]
		]);
		expect([count('programmes'), count('audit_log')]).toEqual([0, 0]);
	});

	it('createProgramme() refuses an SPBE aspect as an element of the GM100SC framework', () => {
		const e = refusal(() => createProgramme(conn, admin, PATI, GM, { ...MPP, element: 'spbe_i1' }));
		expect(codes(e)).toEqual(['element:not_listed:spbe_i1']);
	});
});

describe('updateProgramme()', () => {
	it('updateProgramme() refuses a produsen of another OPD (403, audited) and lets walidata move it', () => {
		const id = createProgramme(conn, dpm, PATI, GM, MPP);
		expect(refusal(() => updateProgramme(conn, dlh, id, { ...MPP, opd: 'DLH' })).status).toBe(403);
		expect(register(conn, PATI, GM)[0].opd).toBe('DPMPTSP');
		// Its own OPD's staff may not hand it to another OPD either.
		expect(refusal(() => updateProgramme(conn, dpm, id, { ...MPP, opd: 'DLH' })).status).toBe(403);
		updateProgramme(conn, walidata, id, { ...MPP, opd: 'DLH', name: 'MPP Pati' });
		expect(register(conn, PATI, GM)[0]).toMatchObject({ opd: 'DLH', name: 'MPP Pati' });
		expect(actions()).toEqual([
			`programme.create ${id}`,
			`auth.denied ${id}`,
			`auth.denied ${id}`,
			`programme.update ${id}`
		]);
	});

	it('updateProgramme() answers a forged id with 404 naming the programme field', () => {
		const e = refusal(() => updateProgramme(conn, walidata, 999_999, MPP));
		expect([e.status, codes(e)]).toEqual([404, ['programme:not_listed:999999']]);
	});

	it('updateProgramme() refuses a start after a year that has progress, and keeps the row', () => {
		const id = createProgramme(conn, dpm, PATI, GM, MPP);
		saveProgress(conn, dpm, id, P2024);
		const e = refusal(() => updateProgramme(conn, dpm, id, { ...MPP, start_year: '2025' }));
		expect(e.problems).toEqual([
			{ field: 'start_year', code: 'year_range', value: '2025', params: { min: 2017, max: 2024 } }
		]);
		expect(register(conn, PATI, GM)[0].startYear).toBe(2023);
	});
});

describe('saveProgress() and approveProgress()', () => {
	it('saveProgress() stores the year as a draft; approval makes it public; an edit makes it a draft again', () => {
		const id = createProgramme(conn, dpm, PATI, GM, MPP);
		const progress = saveProgress(conn, dpm, id, P2024);
		const stored = () => register(conn, PATI, GM)[0].progress;
		expect(stored()).toEqual([
			expect.objectContaining({
				id: progress,
				year: 2024,
				planned: '22 gerai',
				done: '20 gerai',
				percent: 90.9,
				evidence: 'https://patikab.go.id/lkpj-2024.pdf',
				status: 'draft',
				approvedBy: null,
				updatedBy: 'dpm'
			})
		]);
		expect(register(conn, PATI, GM, { approvedOnly: true })[0].progress).toEqual([]);

		approveProgress(conn, walidata, progress);
		expect(stored()[0]).toMatchObject({ status: 'approved', approvedBy: 'wali' });
		expect(register(conn, PATI, GM, { approvedOnly: true })[0].progress).toHaveLength(1);

		// The same year again replaces the row (one per programme and year) and needs approval anew.
		expect(saveProgress(conn, dpm, id, { ...P2024, percent: '95' })).toBe(progress);
		expect(stored()).toEqual([
			expect.objectContaining({ percent: 95, status: 'draft', approvedBy: null, approvedAt: null })
		]);
		expect(actions()).toEqual([
			`programme.create ${id}`,
			`programme.progress_save ${id}`,
			`programme.progress_approve ${id}`,
			`programme.progress_save ${id}`
		]);
	});

	it('saveProgress() refuses % off 0–100, a year before the start, and writes nothing', () => {
		const id = createProgramme(conn, dpm, PATI, GM, MPP);
		const e = refusal(() =>
			saveProgress(conn, dpm, id, { ...P2024, year: '2022', percent: '100,5' })
		);
		expect([e.status, codes(e)]).toEqual([
			400,
			['year:year_range:2022', 'percent:percent_range:100,5']
		]);
		expect([count('programme_progress'), actions()]).toEqual([0, [`programme.create ${id}`]]);
	});

	it('saveProgress() refuses another OPD’s programme (403, audited) and a forged id (404)', () => {
		const id = createProgramme(conn, dpm, PATI, GM, MPP);
		expect(refusal(() => saveProgress(conn, dlh, id, P2024)).status).toBe(403);
		const e = refusal(() => saveProgress(conn, dpm, 424242, P2024));
		expect([e.status, codes(e)]).toEqual([404, ['programme:not_listed:424242']]);
		expect(count('programme_progress')).toBe(0);
		expect(denial().map((d) => [d.actor, d.entity, JSON.parse(d.after).op])).toEqual([
			['dlh', String(id), 'progress_save']
		]);
	});

	it('approveProgress() is the reviewer’s: a produsen of the OPD is refused (403, audited); a forged id is 404', () => {
		const id = createProgramme(conn, dpm, PATI, GM, MPP);
		const progress = saveProgress(conn, dpm, id, P2024);
		expect(refusal(() => approveProgress(conn, dpm, progress)).status).toBe(403);
		expect(register(conn, PATI, GM)[0].progress[0].status).toBe('draft');
		expect(denial().map((d) => d.entity)).toEqual([`progress/${progress}`]);
		const e = refusal(() => approveProgress(conn, admin, 777));
		expect([e.status, codes(e)]).toEqual([404, ['progress:not_listed:777']]);
	});

	it('a write that fails inside its transaction leaves nothing behind, the audit row included', () => {
		const id = createProgramme(conn, dpm, PATI, GM, MPP);
		// A CHECK the checks above never reach: the database refuses, the transaction rolls back.
		conn.sqlite.exec(
			`CREATE TRIGGER refuse_progress BEFORE INSERT ON programme_progress BEGIN SELECT RAISE(ABORT, 'refused'); END`
		);
		try {
			expect(() => saveProgress(conn, dpm, id, P2024)).toThrow(/refused/);
		} finally {
			conn.sqlite.exec('DROP TRIGGER refuse_progress');
		}
		expect([count('programme_progress'), actions()]).toEqual([0, [`programme.create ${id}`]]);
	});
});

describe('register()', () => {
	it('register() narrows by pillar, OPD, kind and year, the year keeping only its own progress', () => {
		const mpp = createProgramme(conn, walidata, PATI, GM, MPP);
		const bank = createProgramme(conn, walidata, PATI, GM, {
			...MPP,
			element: 'environment.waste',
			kind: 'literasi',
			name: 'Literasi bank sampah',
			opd: 'DLH',
			start_year: '2024'
		});
		saveProgress(conn, walidata, mpp, { ...P2024, year: '2023' });
		saveProgress(conn, walidata, mpp, P2024);
		const ids = (f: Parameters<typeof register>[3]) =>
			register(conn, PATI, GM, f).map((p) => [p.id, p.progress.map((g) => g.year)]);
		expect(ids({})).toEqual([
			[bank, []],
			[mpp, [2023, 2024]]
		]);
		expect(ids({ dimension: 'governance' })).toEqual([[mpp, [2023, 2024]]]);
		expect(ids({ opd: 'DLH' })).toEqual([[bank, []]]);
		expect(ids({ kind: 'literasi' })).toEqual([[bank, []]]);
		expect(ids({ year: 2023 })).toEqual([[mpp, [2023]]]);
		expect(ids({ year: 2024 })).toEqual([
			[bank, []],
			[mpp, [2024]]
		]);
	});

	it('the survey’s programme choices read the register, with the start year', () => {
		const id = createProgramme(conn, walidata, PATI, GM, MPP);
		expect(programmeChoices(conn, PATI, GM)).toEqual([
			{ id, name: 'Mal Pelayanan Publik', year: 2023, dimension: 'governance' }
		]);
	});
});

describe('the evaluation workspace', () => {
	it("a 2024 workspace's Outcome items show the pillar's programmes and action plans with the year's approved progress, and leave the self-score empty", () => {
		const mpp = createProgramme(conn, dpm, PATI, GM, MPP);
		const app = createProgramme(conn, dpm, PATI, GM, {
			...MPP,
			name: 'Aplikasi perizinan',
			kind: 'aplikasi'
		});
		const late = createProgramme(conn, dpm, PATI, GM, { ...MPP, name: 'Pojok MPP desa' });
		approveProgress(conn, walidata, saveProgress(conn, dpm, mpp, P2024));
		approveProgress(conn, walidata, saveProgress(conn, dpm, app, { ...P2024, percent: '50' }));
		// A draft counts as a running programme without approved progress.
		saveProgress(conn, dpm, late, { ...P2024, percent: '10' });
		const sub = createSubmission(
			conn,
			walidata,
			{ kind: 'gm100sc', year: 2024, regionCode: PATI, weightSet: 'reguler-2023' },
			DATA
		);
		const view = workspace(conn, sub, walidata.user, DATA, 'kominfo.outcome')!;
		const item = (code: string) => view.items.find((i) => i.refCode === code)!;
		expect(item('outcome.program.3.1.1').question?.register).toEqual({
			scope: { kind: 'programme', dimension: 'governance' },
			year: 2024,
			summary: { programmes: 2, withProgress: 1, meanPercent: 90.9 },
			programmes: [
				{
					id: mpp,
					name: 'Mal Pelayanan Publik',
					opd: 'DPMPTSP',
					percent: 90.9,
					evidence: 'https://patikab.go.id/lkpj-2024.pdf'
				},
				{ id: late, name: 'Pojok MPP desa', opd: 'DPMPTSP', percent: null, evidence: '' }
			]
		});
		expect(item('outcome.program.3.6.1').question?.register?.summary).toEqual({
			programmes: 0,
			withProgress: 0,
			meanPercent: null
		});
		expect(item('outcome.rencana-aksi.3.3.1').question?.register).toMatchObject({
			scope: { kind: 'aplikasi', dimension: null },
			summary: { programmes: 1, withProgress: 1, meanPercent: 50 }
		});
		expect(item('outcome.program.3.3.2').question?.register).toBeNull();
		expect(item('outcome.program.3.1.1').selfScore).toBeNull();
	});
});

describe('seedDemoProgrammes()', () => {
	it('the default instance has no programmes; the demo gets its invented ones, each marked [Demo]', () => {
		expect(count('programmes')).toBe(0);
		expect(seedDemoProgrammes(conn, DATA, PATI, GM)).toBe(12);
		const rows = register(conn, PATI, GM);
		expect(rows.every((p) => p.name.startsWith('[Demo] ') && p.source.includes('demo'))).toBe(true);
		// Two per pillar, and each of the four action-plan kinds at least once.
		expect(
			Object.fromEntries(
				['governance', 'branding', 'economy', 'living', 'society', 'environment'].map((d) => [
					d,
					rows.filter((p) => p.dimension === d).length
				])
			)
		).toEqual({ governance: 2, branding: 2, economy: 2, living: 2, society: 2, environment: 2 });
		expect(new Set(rows.map((p) => p.kind))).toEqual(
			new Set(['programme', 'sdm', 'infrastruktur', 'aplikasi', 'literasi'])
		);
		const progress = rows.flatMap((p) => p.progress);
		expect([progress.length, progress.filter((g) => g.status === 'approved').length]).toEqual([
			16, 15
		]);
		expect(actions().filter((a) => a.startsWith('programme.create'))).toHaveLength(12);
	});

	it('seedDemoProgrammes() refuses a bad row, naming the file, row and column, and loads nothing', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'rapor-demo-'));
		try {
			mkdirSync(path.join(dir, 'demo'));
			const header = readFileSync(path.join(DATA, 'demo/programmes.csv'), 'utf8').split('\n')[0];
			writeFileSync(
				path.join(dir, 'demo/programmes.csv'),
				`${header}\nx,governance.service,programme,[Demo] A,DPMPTSP,2022,M,1,hibah,,P,running,,demo\n`
			);
			expect(() => seedDemoProgrammes(conn, dir, PATI, GM)).toThrow(
				'demo/programmes.csv, row 2, column budget_source: not_listed (value "hibah").'
			);
			expect(count('programmes')).toBe(0);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('deleteProgramme()', () => {
	it('deletes a programme entered by mistake with its draft progress, by its OPD, with one audit row', () => {
		const id = createProgramme(conn, dpm, PATI, GM, MPP);
		saveProgress(conn, dpm, id, P2024);
		deleteProgramme(conn, dpm, id);
		expect([count('programmes'), count('programme_progress')]).toEqual([0, 0]);
		expect(actions()).toEqual([
			`programme.create ${id}`,
			`programme.progress_save ${id}`,
			`programme.delete ${id}`
		]);
		const before = JSON.parse(
			(
				conn.sqlite
					.prepare("SELECT before FROM audit_log WHERE action = 'programme.delete'")
					.get() as { before: string }
			).before
		);
		expect([before.name, before.progress.map((g: { year: number }) => g.year)]).toEqual([
			'Mal Pelayanan Publik',
			[2024]
		]);
	});

	it('refuses another OPD (403, the denial recorded), a viewer, and a forged id (404), deleting nothing', () => {
		const id = createProgramme(conn, dpm, PATI, GM, MPP);
		expect(refusal(() => deleteProgramme(conn, dlh, id)).status).toBe(403);
		expect(refusal(() => deleteProgramme(conn, viewer, id)).status).toBe(403);
		expect(denial().map((d) => d.entity)).toEqual([String(id), String(id)]);
		const forged = refusal(() => deleteProgramme(conn, walidata, 999_999));
		expect([forged.status, forged.problems[0]?.field]).toEqual([404, 'programme']);
		expect(count('programmes')).toBe(1);
	});

	it('keeps a programme whose progress is approved, or that a survey names (409 in_use)', () => {
		const id = createProgramme(conn, dpm, PATI, GM, MPP);
		approveProgress(conn, walidata, saveProgress(conn, dpm, id, P2024));
		const approved = refusal(() => deleteProgramme(conn, walidata, id));
		expect([approved.status, approved.code, approved.problems[0]?.code]).toEqual([
			409,
			'in_use',
			'in_use'
		]);
		expect([count('programmes'), count('programme_progress')]).toEqual([1, 1]);

		const other = createProgramme(conn, dpm, PATI, GM, { ...MPP, name: 'Sadewa' });
		const survey = conn.sqlite
			.prepare(
				"INSERT INTO surveys (year, closes_on, salt, created_by) VALUES (2090, '2090-12-31', 's', 'wali')"
			)
			.run().lastInsertRowid;
		conn.sqlite
			.prepare(
				"INSERT INTO survey_programmes (survey_id, sub_dimension, position, programme_id, name) VALUES (?, 'smart-governance.4.1', 1, ?, 'Sadewa')"
			)
			.run(survey, other);
		try {
			expect(refusal(() => deleteProgramme(conn, walidata, other)).code).toBe('in_use');
			expect(count('programmes')).toBe(2);
		} finally {
			conn.sqlite.prepare('DELETE FROM survey_programmes WHERE survey_id = ?').run(survey);
			conn.sqlite.prepare('DELETE FROM surveys WHERE id = ?').run(survey);
		}
	});
});
