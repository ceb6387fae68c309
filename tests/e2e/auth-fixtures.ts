/**
 * Staff accounts of the end-to-end tests (created by global-setup.ts with the user CLI) and a
 * helper to sign in through the real form action. Test-only accounts on a throw-away database.
 */
import {
	expect,
	type APIRequestContext,
	type Browser,
	type BrowserContext,
	type BrowserContextOptions
} from '@playwright/test';

export const E2E_PASSWORD = 'kopi tubruk di alun-alun pati';
// Set by playwright.config.ts for each run (its own port and database file).
export const E2E_DATABASE = process.env.E2E_DATABASE ?? 'tests/.tmp/e2e.db';

export interface Account {
	username: string;
	role: 'admin' | 'walidata' | 'perencana' | 'produsen' | 'viewer';
	opd?: string;
}

/** One account per use, so tests running in parallel never sign each other out. */
export const ACCOUNTS = {
	admin: { username: 'e2e_admin', role: 'admin' },
	walidata: { username: 'e2e_walidata', role: 'walidata' },
	produsen: { username: 'e2e_prod_bps', role: 'produsen', opd: 'BPS' },
	produsenOther: { username: 'e2e_prod_dlh', role: 'produsen', opd: 'DLH' },
	viewer: { username: 'e2e_viewer', role: 'viewer' },
	perencana: { username: 'e2e_perencana', role: 'perencana' },
	planner: { username: 'e2e_planner', role: 'perencana' },
	signin: { username: 'e2e_signin', role: 'viewer' },
	session: { username: 'e2e_session', role: 'viewer' },
	victim: { username: 'e2e_victim', role: 'viewer' },
	brute1: { username: 'e2e_brute1', role: 'viewer' },
	brute2: { username: 'e2e_brute2', role: 'viewer' },
	targets: { username: 'e2e_targets', role: 'produsen', opd: 'BPS' },
	staffAdmin: { username: 'e2e_staff_admin', role: 'admin' },
	parallel: { username: 'e2e_parallel', role: 'viewer' },
	selfService: { username: 'e2e_self', role: 'walidata' },
	redirects: { username: 'e2e_redirects', role: 'viewer' },
	logout: { username: 'e2e_logout', role: 'viewer' },
	language: { username: 'e2e_language', role: 'viewer' },
	wordScan: { username: 'e2e_words', role: 'admin' },
	official: { username: 'e2e_official', role: 'walidata' }
} as const satisfies Record<string, Account>;

/** Headers of a same-site form post (SvelteKit's CSRF check wants a matching Origin). */
export function formHeaders(baseURL: string) {
	return {
		origin: baseURL,
		accept: 'text/html',
		'content-type': 'application/x-www-form-urlencoded'
	};
}

/** Signs an API context in through POST /login; the context keeps the cookie. */
export async function apiSignIn(ctx: APIRequestContext, baseURL: string, account: Account) {
	const res = await ctx.post('/login', {
		headers: formHeaders(baseURL),
		data: new URLSearchParams({ username: account.username, password: E2E_PASSWORD }).toString(),
		maxRedirects: 0
	});
	expect(res.status(), `sign-in of ${account.username}`).toBe(303);
	return res;
}

/** A browser context signed in as the account. */
export async function browserSignIn(
	browser: Browser,
	baseURL: string,
	account: Account,
	options: BrowserContextOptions = {}
): Promise<BrowserContext> {
	const context = await browser.newContext({ ...options, baseURL });
	await apiSignIn(context.request, baseURL, account);
	return context;
}
