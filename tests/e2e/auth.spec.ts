import { expect, request, test } from './fixtures';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ACCOUNTS, apiSignIn, E2E_PASSWORD, formHeaders } from './auth-fixtures';
import { holdScripts } from './hydration';

const INVALID = 'Nama pengguna atau kata sandi tidak cocok';

test.describe('sign-in and sign-out', () => {
	test('an anonymous visit to a staff page goes to /login and comes back there after sign-in, without JavaScript', async ({
		browser,
		baseURL
	}) => {
		const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/staff/audit?page=1');
		await expect(page).toHaveURL(/\/login\?redirectTo=%2Fstaff%2Faudit%3Fpage%3D1$/);
		await page.getByLabel('Nama pengguna').fill(ACCOUNTS.walidata.username);
		await page.getByLabel('Kata sandi').fill(E2E_PASSWORD);
		await page.getByRole('button', { name: 'Masuk' }).click();
		await expect(page).toHaveURL(/\/staff\/audit\?page=1$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Log audit');
		await context.close();
	});

	test('sign-in with JavaScript lands on the staff home and shows who is signed in', async ({
		page
	}) => {
		await page.goto('/login');
		await page.getByLabel('Nama pengguna').fill(ACCOUNTS.signin.username.toUpperCase());
		await page.getByLabel('Kata sandi').fill(E2E_PASSWORD);
		await page.getByRole('button', { name: 'Masuk' }).click();
		// Argon2 verification takes most of a second alone and several on a busy 2-core machine.
		await expect(page).toHaveURL(/\/staff$/, { timeout: 20_000 });
		await expect(page.getByText(`Masuk sebagai ${ACCOUNTS.signin.username}`)).toBeVisible();
	});

	test('what a user types before the page has hydrated survives hydration', async ({ page }) => {
		// Hold the app's scripts until the fields are filled: on a slow phone a user types into the
		// server-rendered form before hydration, which must not reset the field to its server value.
		const release = await holdScripts(page);
		await page.goto('/login', { waitUntil: 'commit' });
		await page.getByLabel('Nama pengguna').fill(ACCOUNTS.signin.username);
		await page.getByLabel('Kata sandi').fill(E2E_PASSWORD);
		await expect(page.locator('html[data-hydrated]')).toHaveCount(0);
		await release();
		await expect(page.getByLabel('Nama pengguna')).toHaveValue(ACCOUNTS.signin.username);
		await expect(page.getByLabel('Kata sandi')).toHaveValue(E2E_PASSWORD);
	});

	for (const js of [true, false]) {
		test(`a sign-in form posted from another origin says why and what to configure, JavaScript ${js ? 'on' : 'off'}`, async ({
			browser,
			baseURL
		}) => {
			// The site opened at an address other than its ORIGIN (its IP instead of its name): the
			// browser's Origin header is that address, which the server does not take as its own.
			const other = baseURL!.replace('localhost', '127.0.0.1');
			const context = await browser.newContext({ javaScriptEnabled: js });
			const page = await context.newPage();
			await page.goto(`${other}/login`);
			if (js) await page.locator('html[data-hydrated]').waitFor();
			await page.getByLabel('Nama pengguna').fill(ACCOUNTS.signin.username);
			await page.getByLabel('Kata sandi').fill(E2E_PASSWORD);
			await page.getByRole('button', { name: 'Masuk' }).click();
			const text = js ? page.getByRole('alert') : page.locator('main');
			await expect(text).toContainText(
				`Formulir ini dikirim dari ${other}, bukan dari alamat situs ini (${baseURL})`
			);
			await expect(text).toContainText('admin server perlu mengatur ORIGIN');
			if (!js) {
				await expect(page.locator('html')).toHaveAttribute('lang', 'id');
				await expect(page.getByRole('heading', { level: 1 })).toHaveText('Formulir ditolak');
			} else {
				await expect(page).toHaveURL(`${other}/login`);
			}
			// Nothing signed in.
			expect((await context.request.get(`${other}/staff`, { maxRedirects: 0 })).status()).toBe(303);
			await context.close();
		});
	}

	test('the session cookie is HttpOnly, SameSite=Lax, path /, not Secure over http, and new at every sign-in', async ({
		browser,
		baseURL
	}) => {
		const context = await browser.newContext({ baseURL });
		await apiSignIn(context.request, baseURL!, ACCOUNTS.signin);
		const [first] = (await context.cookies()).filter((c) => c.name === 'rc_session');
		expect(first).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', secure: false });
		expect(first.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
		// Expires with the idle timeout (30 min), not a year from now.
		expect(first.expires * 1000 - Date.now()).toBeGreaterThan(25 * 60_000);
		expect(first.expires * 1000 - Date.now()).toBeLessThan(31 * 60_000);
		await apiSignIn(context.request, baseURL!, ACCOUNTS.signin);
		const [second] = (await context.cookies()).filter((c) => c.name === 'rc_session');
		expect(second.value).not.toBe(first.value);
		await context.close();
	});

	test('sign-out ends the session on the server: the old cookie no longer opens staff pages', async ({
		baseURL
	}) => {
		const ctx = await request.newContext({ baseURL });
		await apiSignIn(ctx, baseURL!, ACCOUNTS.session);
		const token = (await ctx.storageState()).cookies.find((c) => c.name === 'rc_session')!.value;
		expect((await ctx.get('/staff', { maxRedirects: 0 })).status()).toBe(200);
		const out = await ctx.post('/logout', {
			headers: formHeaders(baseURL!),
			data: '',
			maxRedirects: 0
		});
		expect(out.status()).toBe(303);
		expect(out.headers()['location']).toBe('/login');
		// A copy of the old cookie, replayed: the server no longer knows the session.
		const replay = await request.newContext({
			baseURL,
			extraHTTPHeaders: { cookie: `rc_session=${token}` }
		});
		const res = await replay.get('/staff', { maxRedirects: 0 });
		expect(res.status()).toBe(303);
		expect(res.headers()['location']).toBe('/login?redirectTo=%2Fstaff');
		await ctx.dispose();
		await replay.dispose();
	});

	test('GET /logout does not sign out (405): only a POST does', async ({ baseURL }) => {
		const ctx = await request.newContext({ baseURL });
		expect((await ctx.get('/logout', { maxRedirects: 0 })).status()).toBe(405);
		await ctx.dispose();
	});

	test('redirectTo accepts only paths on this site', async ({ baseURL }) => {
		const ctx = await request.newContext({ baseURL });
		const res = await ctx.post('/login?redirectTo=%2F%2Fevil.example%2Fx', {
			headers: formHeaders(baseURL!),
			data: new URLSearchParams({
				username: ACCOUNTS.signin.username,
				password: E2E_PASSWORD,
				redirectTo: 'https://evil.example/'
			}).toString(),
			maxRedirects: 0
		});
		expect(res.status()).toBe(303);
		expect(res.headers()['location']).toBe('/staff');
		await ctx.dispose();
	});

	test('a wrong password and an unknown user get the same message, which names neither field', async ({
		baseURL
	}) => {
		const ctx = await request.newContext({ baseURL });
		const attempt = (username: string) =>
			ctx.post('/login', {
				headers: formHeaders(baseURL!),
				data: new URLSearchParams({ username, password: 'not the password' }).toString(),
				maxRedirects: 0
			});
		const wrong = await attempt(ACCOUNTS.signin.username);
		const unknown = await attempt('nobody_here');
		expect(wrong.status()).toBe(400);
		expect(unknown.status()).toBe(400);
		const message = (html: string) => html.match(/role="alert"[^>]*>([\s\S]*?)<\/p>/)?.[1].trim();
		expect(message(await wrong.text())).toContain(INVALID);
		expect(message(await wrong.text())).toBe(message(await unknown.text()));
		await ctx.dispose();
	});
});

test.describe('throttling', () => {
	const fail = (baseURL: string, username: string) =>
		request.newContext({ baseURL }).then(async (ctx) => {
			const res = await ctx.post('/login', {
				headers: formHeaders(baseURL),
				data: new URLSearchParams({ username, password: 'wrong guess 123' }).toString(),
				maxRedirects: 0
			});
			const out = {
				status: res.status(),
				retryAfter: res.headers()['retry-after'],
				body: await res.text()
			};
			await ctx.dispose();
			return out;
		});

	test('five failures in a row get 429 with Retry-After and the retry time, even for the right password', async ({
		baseURL
	}) => {
		for (let i = 0; i < 5; i++)
			expect((await fail(baseURL!, ACCOUNTS.brute1.username)).status).toBe(400);
		const blocked = await fail(baseURL!, ACCOUNTS.brute1.username);
		expect(blocked.status).toBe(429);
		// The first wait is 30 s after the fifth failure (it doubles with each further one).
		expect(Number(blocked.retryAfter)).toBeGreaterThan(0);
		expect(Number(blocked.retryAfter)).toBeLessThanOrEqual(30);
		expect(blocked.body).toMatch(/Coba lagi dalam 1 menit \(setelah pukul \d\d:\d\d UTC\)/);
		const ctx = await request.newContext({ baseURL });
		const right = await ctx.post('/login', {
			headers: formHeaders(baseURL!),
			data: new URLSearchParams({
				username: ACCOUNTS.brute1.username,
				password: E2E_PASSWORD
			}).toString(),
			maxRedirects: 0
		});
		expect(right.status()).toBe(429);
		await ctx.dispose();
	});

	test('a successful sign-in resets the account counter', async ({ baseURL }) => {
		const ctx = await request.newContext({ baseURL });
		for (let round = 0; round < 2; round++) {
			for (let i = 0; i < 4; i++)
				expect((await fail(baseURL!, ACCOUNTS.brute2.username)).status).toBe(400);
			await apiSignIn(ctx, baseURL!, ACCOUNTS.brute2);
		}
		await ctx.dispose();
	});
});

test.describe('Content-Security-Policy and security headers', () => {
	const routes = path.resolve('src/routes');
	/** Every page route without parameters, found the same way as the route manifest. */
	function pages(dir = routes): string[] {
		return readdirSync(dir).flatMap((name) => {
			const full = path.join(dir, name);
			if (statSync(full).isDirectory()) return pages(full);
			if (name !== '+page.svelte') return [];
			const url =
				'/' +
				path
					.relative(routes, dir)
					.split(path.sep)
					.filter((s) => !/^\(.*\)$/.test(s))
					.join('/');
			return url.includes('[') ? [] : [url];
		});
	}

	test('every page without parameters, public and staff, in both languages, carries the CSP and the headers', async ({
		baseURL
	}) => {
		const admin = await request.newContext({ baseURL });
		await apiSignIn(admin, baseURL!, ACCOUNTS.admin);
		const list = pages();
		expect(list).toContain('/');
		expect(list).toContain('/staff/audit');
		for (const url of list.flatMap((u) => [u, u === '/' ? '/en' : `/en${u}`])) {
			const res = await admin.get(url, { maxRedirects: 0 });
			// A page may answer 404 when switched off by configuration (e.g. a benchmark page);
			// every answer still carries the headers, and every HTML answer the CSP.
			expect(res.status(), url).toBeLessThan(500);
			if (url.endsWith('/login')) expect(res.status(), url).toBe(303);
			const h = res.headers();
			expect(h['x-content-type-options'], url).toBe('nosniff');
			expect(h['x-frame-options'], url).toBe('DENY');
			expect(h['referrer-policy'], url).toBe('strict-origin-when-cross-origin');
			expect(h['permissions-policy'], url).toContain('camera=()');
			expect(h['strict-transport-security'], url).toBeUndefined(); // plain http here
			if (!h['content-type']?.startsWith('text/html')) continue;
			const csp = h['content-security-policy'];
			expect(csp, url).toContain("default-src 'self'");
			expect(csp, url).toContain("object-src 'none'");
			expect(csp, url).toContain("frame-ancestors 'none'");
			expect(csp, url).toContain("base-uri 'self'");
			expect(csp, url).toContain("form-action 'self'");
			// Hashes, not nonces: the page cache serves the same HTML to many anonymous readers.
			expect(csp, url).toMatch(/script-src 'self'( 'sha256-[^']+')*;/);
			if (url.includes('/staff')) expect(h['cache-control'], url).toBe('private, no-store');
		}
		await admin.dispose();
	});

	test('the browser reports no CSP violation on the home page and a staff page with JavaScript on', async ({
		browser,
		baseURL
	}) => {
		const context = await browser.newContext({ baseURL });
		await apiSignIn(context.request, baseURL!, ACCOUNTS.admin);
		const page = await context.newPage();
		const violations: string[] = [];
		page.on('console', (msg) => {
			if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
		});
		await page.goto('/');
		await page.goto('/staff/users');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pengguna');
		expect(violations).toEqual([]);
		await context.close();
	});
});
