/**
 * The attack report of issue 15, replayed against the running app: parallel password guessing,
 * redirect tricks, cross-site sign-out, self-service passwords and two-factor in a real browser,
 * and a server that will not start without ORIGIN.
 */
import { expect, request, test } from './fixtures';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Secret, TOTP } from 'otpauth';
import { ACCOUNTS, apiSignIn, E2E_PASSWORD, formHeaders } from './auth-fixtures';
import { TEST_BUILD_DIR } from '../build-dir';

const totpAt = (secret: string, timestamp: number) =>
	new TOTP({
		secret: Secret.fromBase32(secret.replace(/\s+/g, '')),
		digits: 6,
		period: 30
	}).generate({
		timestamp
	});

test('100 parallel wrong passwords from one address: at most 10 are checked', async ({
	baseURL
}) => {
	const ctx = await request.newContext({ baseURL });
	const body = new URLSearchParams({
		username: ACCOUNTS.parallel.username,
		password: 'tebakan salah sekali'
	}).toString();
	const statuses = await Promise.all(
		Array.from({ length: 100 }, () =>
			ctx
				.post('/login', { headers: formHeaders(baseURL!), data: body, maxRedirects: 0 })
				.then((r) => r.status())
		)
	);
	const checked = statuses.filter((s) => s === 400).length;
	expect(checked).toBeLessThanOrEqual(10);
	expect(checked).toBe(5);
	expect(statuses.filter((s) => s === 429)).toHaveLength(100 - checked);
	await ctx.dispose();
});

test.describe('redirects after sign-in stay on this site', () => {
	for (const trick of [
		'/..//evil.example',
		'/.//evil.example',
		'/%2e//evil.example',
		'//evil.example',
		'/\\evil.example',
		'/\t/evil.example',
		'https://evil.example/'
	]) {
		test(`redirectTo=${JSON.stringify(trick)}`, async ({ baseURL }) => {
			const ctx = await request.newContext({ baseURL });
			await apiSignIn(ctx, baseURL!, ACCOUNTS.redirects);
			const res = await ctx.get(`/login?redirectTo=${encodeURIComponent(trick)}`, {
				maxRedirects: 0
			});
			expect(res.status()).toBe(303);
			const location = res.headers()['location'];
			expect(new URL(location, baseURL).origin).toBe(new URL(baseURL!).origin);
			expect(location).toMatch(/^\/(?![/\\])/);
			await ctx.dispose();
		});
	}
});

test('sign-out only from this site with a form: a foreign or body-less POST leaves the session', async ({
	baseURL
}) => {
	const ctx = await request.newContext({ baseURL });
	await apiSignIn(ctx, baseURL!, ACCOUNTS.logout);
	const foreign = await ctx.post('/logout', {
		headers: {
			origin: 'https://evil.example',
			'content-type': 'application/x-www-form-urlencoded'
		},
		maxRedirects: 0
	});
	expect(foreign.status()).toBe(403);
	const noBody = await ctx.fetch('/logout', {
		method: 'POST',
		headers: { origin: baseURL! },
		maxRedirects: 0
	});
	expect(noBody.status()).toBe(415);
	expect((await ctx.get('/staff', { maxRedirects: 0 })).status()).toBe(200);
	const own = await ctx.post('/logout', { headers: formHeaders(baseURL!), maxRedirects: 0 });
	expect(own.status()).toBe(303);
	expect((await ctx.get('/staff', { maxRedirects: 0 })).status()).toBe(303);
	await ctx.dispose();
});

test('a staff user changes their own password and turns on two-factor in the browser', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(90_000);
	const account = ACCOUNTS.selfService;
	const NEW = 'nasi gandul pak subur enak sekali';
	// Another device of the same person, signed in before the change.
	const other = await request.newContext({ baseURL });
	await apiSignIn(other, baseURL!, account);

	const context = await browser.newContext({ baseURL });
	const page = await context.newPage();
	await page.goto('/login');
	await page.getByLabel('Nama pengguna').fill(account.username);
	await page.getByLabel('Kata sandi').fill(E2E_PASSWORD);
	await page.getByRole('button', { name: 'Masuk' }).click();
	await expect(page).toHaveURL(/\/staff$/);
	await page.getByRole('link', { name: 'Akun saya' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Akun saya');

	const password = page.locator('form[action="?/changePassword"]');
	await password.getByLabel('Kata sandi sekarang').fill('bukan kata sandi saya');
	await password.getByLabel('Kata sandi baru', { exact: true }).fill(NEW);
	await password.getByLabel('Ulangi kata sandi baru').fill(NEW);
	await password.getByRole('button', { name: 'Ganti kata sandi' }).click();
	await expect(page.getByRole('alert')).toContainText('Kata sandi sekarang tidak cocok');
	await password.getByLabel('Kata sandi sekarang').fill(E2E_PASSWORD);
	await password.getByLabel('Kata sandi baru', { exact: true }).fill(NEW);
	await password.getByLabel('Ulangi kata sandi baru').fill(NEW);
	await password.getByRole('button', { name: 'Ganti kata sandi' }).click();
	await expect(page.getByRole('status')).toContainText('Kata sandi sudah diganti');
	// The other device is signed out; this one is not.
	expect((await other.get('/staff', { maxRedirects: 0 })).status()).toBe(303);
	await other.dispose();

	await page.getByRole('button', { name: 'Aktifkan verifikasi dua langkah' }).click();
	await expect(
		page.getByRole('img', { name: 'Kode QR untuk aplikasi autentikator' })
	).toBeVisible();
	const secret = (await page.getByTestId('totp-secret').textContent())!;
	const enrolledAt = Date.now();
	await page.getByLabel('Kode dari aplikasi').fill(totpAt(secret, enrolledAt));
	await page.getByRole('button', { name: 'Konfirmasi dan aktifkan' }).click();
	const codes = page.getByRole('list', { name: 'Kode pemulihan' }).getByRole('listitem');
	await expect(codes).toHaveCount(10);
	await expect(page.getByText(/Aktif sejak/)).toBeVisible();

	await page.getByRole('button', { name: 'Keluar' }).click();
	await expect(page).toHaveURL(/\/login$/);
	await page.getByLabel('Nama pengguna').fill(account.username);
	await page.getByLabel('Kata sandi').fill(NEW);
	await page.getByRole('button', { name: 'Masuk' }).click();
	await expect(page).toHaveURL(/\/login\/two-factor/);
	// The password alone opens nothing.
	expect((await context.request.get('/staff', { maxRedirects: 0 })).status()).toBe(303);
	await page.getByLabel('Kode dari aplikasi').fill('000000');
	await page.getByRole('button', { name: 'Verifikasi' }).click();
	await expect(page.getByRole('alert')).toContainText('Kode tidak cocok');
	// The next step's code: the one used to enrol cannot be replayed. Accepted one step early, so
	// no waiting for the clock.
	await page.getByLabel('Kode dari aplikasi').fill(totpAt(secret, Date.now() + 30_000));
	await page.getByRole('button', { name: 'Verifikasi' }).click();
	await expect(page).toHaveURL(/\/staff$/);
	await context.close();
});

test('the built server refuses to start without ORIGIN, and with TWO_FACTOR_ROLES holds staff until they enrol', async () => {
	test.setTimeout(180_000);
	const dir = mkdtempSync(path.join(tmpdir(), 'rapor-origin-'));
	const db = path.join(dir, 'test.db');
	try {
		const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: db, LOG_LEVEL: 'warn' };
		delete env.ORIGIN;
		const refused = spawnSync(process.execPath, [path.join(TEST_BUILD_DIR, 'index.js')], {
			env: { ...env, PORT: '0' },
			encoding: 'utf8',
			timeout: 60_000
		});
		expect(refused.status).toBe(1);
		expect(refused.stderr).toContain('rapor-cerdas: ORIGIN is not set');

		// Now a proper start, with two-factor required of walidata.
		const port = 4100 + Math.floor(Math.random() * 90);
		const origin = `http://localhost:${port}`;
		const server = spawn(process.execPath, [path.join(TEST_BUILD_DIR, 'index.js')], {
			env: { ...env, PORT: String(port), ORIGIN: origin, TWO_FACTOR_ROLES: 'walidata' },
			stdio: 'ignore'
		});
		try {
			await expect
				.poll(
					() =>
						fetch(`${origin}/healthz`).then(
							(r) => r.status,
							() => 0
						),
					{ timeout: 120_000 }
				)
				.toBe(200);
			const add = spawnSync(
				process.execPath,
				[
					'node_modules/tsx/dist/cli.mjs',
					'scripts/user.ts',
					'add',
					'wali2fa',
					'--role',
					'walidata'
				],
				{ env: { ...env, USER_PASSWORD: E2E_PASSWORD }, encoding: 'utf8' }
			);
			expect(add.status, add.stderr).toBe(0);
			const ctx = await request.newContext({ baseURL: origin });
			await apiSignIn(ctx, origin, { username: 'wali2fa', role: 'walidata' });
			const home = await ctx.get('/staff', { maxRedirects: 0 });
			expect(home.status()).toBe(303);
			expect(home.headers()['location']).toBe('/staff/account?required=1');
			const write = await ctx.post('/staff/imports?/undo', {
				headers: formHeaders(origin),
				maxRedirects: 0
			});
			expect(write.status()).toBe(403);
			const account = await ctx.get('/staff/account?required=1');
			expect(account.status()).toBe(200);
			expect(await account.text()).toContain('mewajibkan verifikasi dua langkah');
			await ctx.dispose();
		} finally {
			server.kill('SIGTERM');
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});
