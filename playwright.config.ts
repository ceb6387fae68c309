import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

// Browsers cannot be downloaded on these machines: use Debian's Chromium, and fail loudly, never skip.
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
	throw new Error(
		`Chromium not found at ${chromium}: install it with "apt-get update && apt-get install -y chromium" or set CHROMIUM_PATH.`
	);
}

const port = Number(process.env.E2E_PORT ?? 4173);
const database = 'tests/.tmp/e2e.db';

export default defineConfig({
	testDir: 'tests/e2e',
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
		command: `rm -rf tests/.tmp && mkdir -p tests/.tmp && node scripts/start.js`,
		url: `http://localhost:${port}/healthz`,
		timeout: 180_000,
		reuseExistingServer: false,
		stdout: 'pipe',
		env: { PORT: String(port), DATABASE_URL: database, ORIGIN: `http://localhost:${port}` }
	}
});
