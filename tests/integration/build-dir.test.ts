import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// scripts/start.js serves BUILD_DIR's index.js when it is newer than the sources: the suite and
// the benchmarks point it at their own folder, so a server started from build/ keeps its files.
const dir = mkdtempSync(path.join(tmpdir(), 'rapor-build-dir-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('scripts/start.js and BUILD_DIR', () => {
	it('serves the index.js of BUILD_DIR, without building, when it is fresh', () => {
		writeFileSync(
			path.join(dir, 'index.js'),
			'console.log(`served ${process.env.PORT} ${process.env.ORIGIN}`);\n'
		);
		const run = spawnSync(process.execPath, ['scripts/start.js'], {
			env: { ...process.env, BUILD_DIR: dir, PORT: '4999', ORIGIN: '' },
			encoding: 'utf8'
		});
		expect(run.status).toBe(0);
		expect(run.stdout).toBe('served 4999 http://localhost:4999\n');
	});
});
