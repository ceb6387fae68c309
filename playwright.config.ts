import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './src/lib/server/browser';
import { TEST_BUILD_DIR } from './tests/build-dir';

// Browsers are never downloaded: CHROMIUM_PATH, Debian's Chromium, or the one npm ci installed
// (@sparticuz/chromium), in that order; no Chromium at all fails the run loudly, never skips.
const chromium = await findChromium();

// Each run gets its own ports and databases (set here once; Playwright's workers inherit the
// environment), so two runs on one machine never share or delete each other's server.
//
// Two servers: the opt-in demo (dense, partly illustrative data) that most specs exercise the
// product with, and the default instance (`npm start`: published figures only), whose honesty
// the specs in tests/e2e/real/ check. The demo starts first and builds the app; the default one
// then finds the build fresh.
process.env.E2E_PORT ||= String(4200 + Math.floor(Math.random() * 700));
const port = Number(process.env.E2E_PORT);
process.env.E2E_DATABASE ||= `tests/.tmp/e2e-${port}.db`;
const database = process.env.E2E_DATABASE;
process.env.E2E_REAL_PORT ||= String(port + 1000);
const realPort = Number(process.env.E2E_REAL_PORT);
process.env.E2E_REAL_DATABASE ||= `tests/.tmp/e2e-real-${realPort}.db`;
const realDatabase = process.env.E2E_REAL_DATABASE;

const server = (p: number, db: string, env: Record<string, string> = {}) => ({
	command: `mkdir -p tests/.tmp && rm -f ${db} ${db}-wal ${db}-shm && node scripts/start.js`,
	url: `http://localhost:${p}/healthz`,
	timeout: 180_000,
	reuseExistingServer: false,
	stdout: 'pipe' as const,
	env: {
		PORT: String(p),
		DATABASE_URL: db,
		BUILD_DIR: TEST_BUILD_DIR,
		ORIGIN: `http://localhost:${p}`,
		// Request lines would drown the test report; warnings and errors still show.
		LOG_LEVEL: 'warn',
		// Every request of the suite comes from loopback: the per-address sign-in limit (20 failures
		// in 15 minutes) would otherwise let the throttling tests lock out the rest of the run.
		SIGN_IN_ADDRESS_LIMIT: '500',
		// The survey's per-address limit, low and fixed so survey.spec.ts reaches it with a known
		// count of responses (every one from loopback), never by timing.
		SURVEY_ADDRESS_LIMIT: '60',
		...env
	}
});

export default defineConfig({
	testDir: 'tests/e2e',
	// Staff accounts for the auth and staff specs, made with the user CLI once the servers are up.
	globalSetup: './tests/e2e/global-setup.ts',
	fullyParallel: false,
	workers: 2,
	retries: 0,
	timeout: 30_000,
	// Room for a busy 2-core machine (two servers, two workers, argon2): no assertion is timed.
	expect: { timeout: 10_000 },
	reporter: process.env.CI ? 'list' : 'line',
	use: {
		launchOptions: {
			executablePath: chromium.executablePath,
			args: [...CHROMIUM_ARGS]
		}
	},
	projects: [
		{
			name: 'demo',
			testIgnore: 'real/**',
			use: { baseURL: `http://localhost:${port}` }
		},
		{
			name: 'real',
			testDir: 'tests/e2e/real',
			use: { baseURL: `http://localhost:${realPort}` }
		}
	],
	webServer: [server(port, database, { DEMO: '1' }), server(realPort, realDatabase)]
});
