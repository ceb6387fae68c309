import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Connection } from '../../src/lib/server/db';
import {
	dataVersion,
	untilNextWrite,
	untilNextWriteByKey,
	writeStamp
} from '../../src/lib/server/db/data-version';
import * as regions from '../../src/lib/server/db/regions';
import { runMigrations } from '../../src/lib/server/db/migrate';
import { MIGRATIONS } from './helpers';

let dir: string;
let conn: Connection;
let other: Connection;

beforeEach(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'rapor-stamp-'));
	const file = path.join(dir, 'a.db');
	conn = openDatabase(file);
	runMigrations(conn, MIGRATIONS);
	other = openDatabase(file);
});

afterEach(() => {
	conn.sqlite.close();
	other.sqlite.close();
	rmSync(dir, { recursive: true, force: true });
});

const addRegion = (c: Connection, code: string) =>
	c.sqlite
		.prepare(`INSERT INTO regions (code, name, kind) VALUES (?, ?, 'kabupaten')`)
		.run(code, `Kabupaten ${code}`);

describe('untilNextWrite()', () => {
	it('reads once while nothing is written, and again after a write on this connection or another', () => {
		let reads = 0;
		const read = () => untilNextWrite(conn, 'count', () => ++reads);
		expect([read(), read(), read()]).toEqual([1, 1, 1]);
		addRegion(conn, '33.18');
		expect([read(), read()]).toEqual([2, 2]);
		// Another connection's commit (another process serving or importing) moves data_version.
		addRegion(other, '33.19');
		expect([read(), read()]).toEqual([3, 3]);
		// A read-only statement elsewhere changes nothing.
		other.sqlite.prepare('SELECT count(*) FROM regions').get();
		expect(read()).toBe(3);
	});

	it('keeps each name apart, and hands out frozen values', () => {
		const a = untilNextWrite(conn, 'a', () => ['a']);
		const b = untilNextWrite(conn, 'b', () => ['b']);
		expect([a, b]).toEqual([['a'], ['b']]);
		expect(Object.isFrozen(a)).toBe(true);
	});

	it('changes the stamp with every committed write and never on a read', () => {
		const before = writeStamp(conn);
		regions.all(conn);
		expect(writeStamp(conn)).toBe(before);
		addRegion(other, '33.20');
		const afterOther = writeStamp(conn);
		expect(afterOther).not.toBe(before);
		addRegion(conn, '33.21');
		expect(writeStamp(conn)).not.toBe(afterOther);
	});
});

describe('untilNextWriteByKey()', () => {
	it('keeps each key’s answer until a write, and drops the least recently used past the bound', () => {
		const reads: string[] = [];
		const read = (key: string) =>
			untilNextWriteByKey(conn, 'page', key, 2, () => {
				reads.push(key);
				return { key, n: reads.length };
			});
		expect([read('?a').n, read('?b').n, read('?a').n, read('?b').n]).toEqual([1, 2, 1, 2]);
		expect(Object.isFrozen(read('?a'))).toBe(true);
		// ?a was used last, so a third key drops ?b.
		expect(read('?c').n).toBe(3);
		expect([read('?a').n, read('?c').n]).toEqual([1, 3]);
		expect(read('?b').n).toBe(4);
		expect(reads).toEqual(['?a', '?b', '?c', '?b']);
		// Another connection's commit: every key is read again.
		addRegion(other, '33.18');
		expect([read('?b').n, read('?b').n]).toEqual([5, 5]);
		// The same key under another name is another read.
		expect(untilNextWriteByKey(conn, 'other', '?b', 2, () => 'x')).toBe('x');
	});

	it('keeps nothing when the read throws', () => {
		expect(() =>
			untilNextWriteByKey(conn, 'page', '?bad', 2, () => {
				throw new Error('no such region');
			})
		).toThrow('no such region');
		expect(untilNextWriteByKey(conn, 'page', '?bad', 2, () => 'read again')).toBe('read again');
	});
});

describe('cached reads', () => {
	it('regions.all and dataVersion see another connection’s write at once', () => {
		expect(regions.all(conn).map((r) => r.code)).toEqual([]);
		const v0 = dataVersion(conn);
		addRegion(other, '33.18');
		expect(regions.all(conn).map((r) => r.code)).toEqual(['33.18']);
		other.sqlite.exec(
			`INSERT INTO frameworks (code, version, name_id, name_en, year_from) VALUES ('f', '1', 'F', 'F', 2018);
			 INSERT INTO scoring_profiles (code, framework_code, version, name_id, name_en, year_from, settings)
			 VALUES ('p', 'f', '2', 'P', 'P', 2018, '{}')`
		);
		expect(dataVersion(conn)).not.toBe(v0);
		expect(dataVersion(conn)).toBe('0:0:p:2');
	});
});
