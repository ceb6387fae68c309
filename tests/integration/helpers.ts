import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, type Connection } from '../../src/lib/server/db';
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
