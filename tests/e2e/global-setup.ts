/**
 * Creates the staff accounts of the e2e tests with the real `user` CLI, against the database of
 * the server Playwright just started (its webServer starts before globalSetup runs). There are
 * no default accounts in the app; these exist only in the throw-away tests/.tmp database.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { FullConfig } from '@playwright/test';
import { ACCOUNTS, E2E_DATABASE, E2E_PASSWORD } from './auth-fixtures';

export default async function globalSetup(config: FullConfig) {
	const baseURL = config.projects[0]?.use.baseURL ?? 'http://localhost:4173';
	const deadline = Date.now() + 60_000;
	// The server migrates and seeds in its init hook; /healthz answers once that is done.
	for (;;) {
		const ok =
			existsSync(E2E_DATABASE) &&
			(await fetch(`${baseURL}/healthz`).then(
				(r) => r.ok,
				() => false
			));
		if (ok) break;
		if (Date.now() > deadline)
			throw new Error(`e2e server at ${baseURL} or ${E2E_DATABASE} never became ready`);
		await new Promise((r) => setTimeout(r, 500));
	}
	for (const account of Object.values(ACCOUNTS)) {
		const args = ['node_modules/tsx/dist/cli.mjs', 'scripts/user.ts', 'add', account.username];
		args.push('--role', account.role);
		if ('opd' in account) args.push('--opd', account.opd);
		const run = spawnSync(process.execPath, args, {
			env: { ...process.env, DATABASE_URL: E2E_DATABASE, USER_PASSWORD: E2E_PASSWORD },
			encoding: 'utf8'
		});
		if (run.status !== 0) {
			throw new Error(
				`user add ${account.username} failed (${run.status}): ${run.stderr}${run.stdout}`
			);
		}
	}
}
