import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

// Browsers cannot be downloaded on these machines: use Debian's Chromium, and fail loudly, never skip.
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
	throw new Error(
		`Chromium not found at ${chromium}: install it with "apt-get update && apt-get install -y chromium" or set CHROMIUM_PATH.`
	);
}

// Each run gets its own port and database (set here once; Playwright's workers inherit the
// environment), so two runs on one machine never share or delete each other's server.
process.env.E2E_PORT ||= String(4200 + Math.floor(Math.random() * 700));
const port = Number(process.env.E2E_PORT);
process.env.E2E_DATABASE ||= `tests/.tmp/e2e-${port}.db`;
const database = process.env.E2E_DATABASE;

export default defineConfig({
	testDir: 'tests/e2e',
	// Staff accounts for the auth and staff specs, made with the user CLI once the server is up.
	globalSetup: './tests/e2e/global-setup.ts',
	fullyParallel: false,
	workers: 2,
	retries: 0,
	timeout: 30_000,
	reporter: process.env.CI ? 'list' : 'line',
	use: {
		baseURL: `http://localhost:${port}`,
		launchOptions: {
			executablePath: chromium,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run'
			]
		}
	},
	webServer: {
		command: `mkdir -p tests/.tmp && rm -f ${database} ${database}-wal ${database}-shm && node scripts/start.js`,
		url: `http://localhost:${port}/healthz`,
		timeout: 180_000,
		reuseExistingServer: false,
		stdout: 'pipe',
		env: {
			PORT: String(port),
			DATABASE_URL: database,
			ORIGIN: `http://localhost:${port}`,
			// Request lines would drown the test report; warnings and errors still show.
			LOG_LEVEL: 'warn'
		}
	}
});
