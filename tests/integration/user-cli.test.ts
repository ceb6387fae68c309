/**
 * The account CLI (`npm run user`) answers in Indonesian and English, refuses a producer of an
 * OPD that owns no indicator with the OPDs it knows, and takes the planner role.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db';
import { knownOpds } from '../../src/lib/server/db/assignments';
import { seedIfEmpty } from '../../src/lib/server/seed';
import { tempDatabase } from './helpers';

let dbFile: string;
let cleanup: () => void;
let opds: string[];

beforeAll(() => {
	const conn = tempDatabase();
	seedIfEmpty(conn, 'data');
	opds = knownOpds(conn);
	dbFile = path.join(conn.dir, 'test.db');
	conn.sqlite.close();
	cleanup = () => conn.close();
});
afterAll(() => cleanup?.());

function cli(args: string[]) {
	const out = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/user.ts', ...args], {
		encoding: 'utf8',
		env: { ...process.env, DATABASE_URL: dbFile, USER_PASSWORD: 'kopi tubruk di alun-alun pati' }
	});
	return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

const accounts = () => {
	const conn = openDatabase(dbFile);
	try {
		return conn.sqlite.prepare(`SELECT username, role, opd FROM users ORDER BY id`).all();
	} finally {
		conn.sqlite.close();
	}
};

describe('npm run user', () => {
	it('refuses a produsen of an OPD that owns no indicator, in both languages, listing the known OPDs', () => {
		const r = cli(['add', 'budi', '--role', 'produsen', '--opd', 'NOTANOPD']);
		expect(r.code).toBe(1);
		expect(r.stderr).toBe(
			'Ditolak / Refused:\n' +
				`  opd: tidak ada indikator yang diproduksi OPD itu, sehingga akun ini tidak akan bisa mengimpor apa pun: pakai salah satu OPD di daftar, atau tetapkan indikator ke OPD itu dahulu (OPD yang dikenal: ${opds.join(', ')})\n` +
				`  opd: no indicator is produced by that OPD, so the account could import nothing: use one of the OPDs listed, or assign indicators to the OPD first (known OPDs: ${opds.join(', ')})\n`
		);
		expect(opds).toContain('BAPPEDA');
		expect(accounts()).toEqual([]);
	});

	it('creates a planner (no OPD) and a producer of a known OPD, saying so in both languages', () => {
		const planner = cli(['add', 'rina', '--role', 'perencana']);
		expect(planner.code).toBe(0);
		expect(planner.stdout).toBe('Akun rina dibuat (perencana).\nCreated rina (perencana).\n');
		const producer = cli(['add', 'budi', '--role', 'produsen', '--opd', 'dlh']);
		expect(producer.stdout).toBe(
			'Akun budi dibuat (produsen, DLH).\nCreated budi (produsen, DLH).\n'
		);
		expect(accounts()).toEqual([
			{ username: 'rina', role: 'perencana', opd: null },
			{ username: 'budi', role: 'produsen', opd: 'DLH' }
		]);
	});

	it('an unknown role and an unknown user are refused in both languages', () => {
		const role = cli(['add', 'sari', '--role', 'planner']);
		expect(role.code).toBe(1);
		expect(role.stderr).toBe(
			'Ditolak / Refused:\n' +
				'  role: peran harus salah satu dari admin, walidata, perencana, produsen, viewer\n' +
				'  role: the role must be one of admin, walidata, perencana, produsen, viewer\n'
		);
		const user = cli(['unlock', 'nobody']);
		expect(user.code).toBe(1);
		expect(user.stderr).toBe(
			'Tidak ada pengguna bernama "nobody". Lihat: npm run user -- list\nNo user named "nobody". See: npm run user -- list\n'
		);
	});
});
