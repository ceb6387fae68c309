import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, type Connection } from '../../src/lib/server/db';
import { commitBatch, type IndicatorInput } from '../../src/lib/server/db/imports';
import { runMigrations } from '../../src/lib/server/db/migrate';

export const MIGRATIONS = path.resolve('drizzle');

/** A migrated database in a fresh temporary folder; `close()` removes it. */
export function tempDatabase(): Connection & { dir: string; close: () => void } {
	const dir = mkdtempSync(path.join(tmpdir(), 'rapor-test-'));
	const conn = openDatabase(path.join(dir, 'test.db'));
	runMigrations(conn, MIGRATIONS);
	return {
		...conn,
		dir,
		close: () => {
			conn.sqlite.close();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

/**
 * An indicator for a test's reference data: min–max from 0 to 100 with the value type as unit,
 * in framework `fw`, element `dim.el`; `extra` changes what the test needs.
 */
export function testIndicator(
	code: string,
	valueType: string,
	extra: Partial<IndicatorInput> = {}
): IndicatorInput {
	return {
		code,
		frameworkCode: 'fw',
		elementCode: 'dim.el',
		nameId: code,
		nameEn: code,
		descriptionId: '',
		descriptionEn: '',
		rationaleId: '',
		rationaleEn: '',
		unit: valueType,
		polarity: 'higher',
		valueType,
		method: 'minmax',
		worst: 0,
		best: 100,
		benchmark: null,
		opd: 'BPS',
		weight: 1,
		definitionSource: '',
		yearFrom: null,
		decimals: null,
		breakYears: '',
		breakNoteId: '',
		breakNoteEn: '',
		sortOrder: 0,
		...extra
	};
}

/**
 * A framework with one indicator per OPD, so that produsen accounts of those OPDs can be made
 * (an OPD that owns no indicator is refused).
 */
export function seedOpds(conn: Connection, opds: readonly string[]) {
	commitBatch(
		conn,
		{ kind: 'seed', fileName: 'opds', sha256: 'o'.repeat(64), actor: 'test' },
		{
			frameworks: [
				{
					code: 'fw',
					version: '1',
					nameId: 'K',
					nameEn: 'F',
					yearFrom: 2018,
					yearTo: null,
					source: ''
				}
			],
			nodes: [
				{
					frameworkCode: 'fw',
					code: 'dim',
					parentCode: null,
					level: 'dimension',
					nameId: 'D',
					nameEn: 'D',
					descriptionId: '',
					descriptionEn: '',
					weight: 1,
					sortOrder: 0
				}
			],
			indicators: opds.map((opd) =>
				testIndicator(`ind_${opd.toLowerCase()}`, 'percent', { elementCode: 'dim', opd })
			)
		}
	);
}
