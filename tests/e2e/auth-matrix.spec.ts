/**
 * The enumerated authorisation test. It walks src/routes at test time, lists every form action,
 * endpoint method and page load, and requests each one anonymously and as every role, expecting
 * the status documented in MATRIX below. Every route under (staff) and every write anywhere
 * (form action, POST/PUT/PATCH/DELETE) must have an entry: a new route without one fails here,
 * so it cannot ship without someone deciding who may call it.
 *
 * Writes are sent with an empty form: a role that may act gets past the guard and is refused by
 * validation (400), which proves the guard let it through without changing data.
 */
import { expect, request, test, type APIRequestContext } from './fixtures';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ACCOUNTS, apiSignIn, formHeaders, type Account } from './auth-fixtures';

const WHO = ['anonymous', 'viewer', 'perencana', 'produsen', 'walidata', 'admin'] as const;
type Who = (typeof WHO)[number];
/** A status, or 'skip' with the reason in `note` (the request would disturb parallel tests). */
type Expect = number | 'skip';

interface Entry {
	path: string;
	expect: Record<Who, Expect>;
	/** Sign in anew for this request (it ends the session it runs in). */
	fresh?: boolean;
	note?: string;
}

const all = (status: number): Record<Who, Expect> => ({
	anonymous: status,
	viewer: status,
	perencana: status,
	produsen: status,
	walidata: status,
	admin: status
});
/** The planner (perencana) is refused what a viewer is, unless `perencana` says otherwise. */
const staff = (
	viewer: Expect,
	produsen: Expect,
	walidata: Expect,
	admin: Expect,
	perencana: Expect = viewer
) => ({
	anonymous: 303 as Expect,
	viewer,
	perencana,
	produsen,
	walidata,
	admin
});

/**
 * Route id + operation → expected status per caller. 303 for anonymous = sent to /login; 403 =
 * refused (and recorded in the audit log); 400 = allowed, refused by validation of the empty form.
 */
const MATRIX: Record<string, Entry> = {
	'/login action:default': {
		path: '/login',
		expect: { ...all(303), anonymous: 400 },
		note: 'signed in: the page load sends them on to /staff'
	},
	'/logout POST': { path: '/logout', expect: all(303), fresh: true },
	'/downloads/xlsx POST': {
		path: '/downloads/xlsx',
		expect: all(400),
		note: 'public: writes back the table it is sent, reads nothing stored; an empty form has none'
	},
	'/login/two-factor GET': {
		path: '/login/two-factor',
		expect: all(303),
		note: 'without a pending sign-in: back to /login; signed in: on to /staff'
	},
	'/login/two-factor action:default': {
		path: '/login/two-factor',
		expect: all(303),
		note: 'refused (no code, no pending sign-in); the page then sends the caller to /login or on to /staff'
	},
	'/account/password GET': { path: '/account/password', expect: all(200) },
	'/account/password action:default': {
		path: '/account/password',
		expect: all(400),
		note: 'without a valid link token: refused'
	},
	'/(staff)/staff/account GET': { path: '/staff/account', expect: staff(200, 200, 200, 200) },
	'/(staff)/staff/account action:changePassword': {
		path: '/staff/account',
		expect: staff(400, 400, 400, 400)
	},
	'/(staff)/staff/account action:startTwoFactor': {
		path: '/staff/account',
		expect: staff(303, 303, 303, 303),
		note: 'every role may set up two-factor for itself: a pending secret, nothing else'
	},
	'/(staff)/staff/account action:confirmTwoFactor': {
		path: '/staff/account',
		expect: staff(400, 400, 400, 400)
	},
	'/(staff)/staff/account action:renewRecoveryCodes': {
		path: '/staff/account',
		expect: staff(400, 400, 400, 400)
	},
	'/(staff)/staff/account action:disableTwoFactor': {
		path: '/staff/account',
		expect: staff(400, 400, 400, 400)
	},
	'/(staff)/staff/account action:dismissNotice': {
		path: '/staff/account',
		expect: staff(303, 303, 303, 303)
	},
	'/(staff)/staff GET': { path: '/staff', expect: staff(200, 200, 200, 200) },
	'/(staff)/staff/targets GET': { path: '/staff/targets', expect: staff(403, 200, 200, 200, 200) },
	'/(staff)/staff/targets action:save': {
		path: '/staff/targets',
		expect: staff(403, 400, 400, 400, 400)
	},
	'/(staff)/staff/indicators GET': { path: '/staff/indicators', expect: staff(403, 403, 403, 200) },
	'/(staff)/staff/indicators action:setOpd': {
		path: '/staff/indicators',
		expect: staff(403, 403, 403, 400)
	},
	'/(staff)/staff/users GET': { path: '/staff/users', expect: staff(403, 403, 403, 200) },
	'/(staff)/staff/users action:create': { path: '/staff/users', expect: staff(403, 403, 403, 400) },
	'/(staff)/staff/users action:disable': {
		path: '/staff/users',
		expect: staff(403, 403, 403, 400)
	},
	'/(staff)/staff/users action:enable': { path: '/staff/users', expect: staff(403, 403, 403, 400) },
	'/(staff)/staff/users action:setRole': {
		path: '/staff/users',
		expect: staff(403, 403, 403, 400)
	},
	'/(staff)/staff/users action:resetPassword': {
		path: '/staff/users',
		expect: staff(403, 403, 403, 400)
	},
	'/(staff)/staff/users action:unlock': {
		path: '/staff/users',
		expect: staff(403, 403, 403, 400)
	},
	'/(staff)/staff/users action:resetTwoFactor': {
		path: '/staff/users',
		expect: staff(403, 403, 403, 400)
	},
	'/(staff)/staff/users action:signOut': {
		path: '/staff/users',
		expect: staff(403, 403, 403, 400)
	},
	'/(staff)/staff/users action:signOutAll': {
		path: '/staff/users',
		expect: staff(403, 403, 403, 'skip'),
		note: 'admin: 303 after ending every session, which would sign out the parallel tests; covered by tests/integration/auth.test.ts'
	},
	'/(staff)/staff/audit GET': { path: '/staff/audit', expect: staff(403, 403, 200, 200) },
	'/(staff)/staff/audit/export.csv GET': {
		path: '/staff/audit/export.csv',
		expect: staff(403, 403, 200, 200)
	},
	'/(staff)/staff/imports GET': { path: '/staff/imports', expect: staff(200, 200, 200, 200) },
	'/(staff)/staff/guide GET': { path: '/staff/guide', expect: staff(200, 200, 200, 200) },
	'/(staff)/staff/imports action:preview': {
		path: '/staff/imports',
		expect: staff(403, 400, 400, 400, 400),
		note: 'an empty form has no file: 400'
	},
	'/(staff)/staff/imports action:confirm': {
		path: '/staff/imports',
		expect: staff(403, 400, 400, 400, 400),
		note: 'an empty form has no upload token: 400'
	},
	'/(staff)/staff/imports action:undo': {
		path: '/staff/imports',
		expect: staff(403, 403, 400, 400)
	},
	'/(staff)/staff/imports/errors.csv GET': {
		path: '/staff/imports/errors.csv',
		expect: staff(403, 400, 400, 400, 400),
		note: 'without ?token= of an own upload: 400'
	},
	'/(staff)/staff/imports/templates/[kind].csv GET': {
		path: '/staff/imports/templates/observations.csv',
		expect: staff(200, 200, 200, 200)
	},
	'/(staff)/staff/imports/templates/[kind].xlsx GET': {
		path: '/staff/imports/templates/observations.xlsx',
		expect: staff(200, 200, 200, 200)
	},
	// Kominfo's official results: walidata and admin record them; an empty form is refused (400).
	'/(staff)/staff/official GET': {
		path: '/staff/official',
		expect: staff(403, 403, 200, 200)
	},
	'/(staff)/staff/official action:save': {
		path: '/staff/official',
		expect: staff(403, 403, 400, 400)
	},
	'/(staff)/staff/official action:delete': {
		path: '/staff/official',
		expect: staff(403, 403, 400, 400),
		note: 'an empty form names no result: 400'
	},
	'/(staff)/staff/official action:import': {
		path: '/staff/official',
		expect: staff(403, 403, 400, 400),
		note: 'an empty form has no file: 400'
	},
	'/(staff)/staff/official/template.csv GET': {
		path: '/staff/official/template.csv',
		expect: staff(403, 403, 200, 200)
	},
	// Quick wins and their risk registers: walidata and admin keep them; an empty form names no
	// quick win, risk or year (400); quick-wins.spec.ts covers a real one.
	'/(staff)/staff/quick-wins GET': { path: '/staff/quick-wins', expect: staff(403, 403, 200, 200) },
	'/(staff)/staff/quick-wins action:save': {
		path: '/staff/quick-wins',
		expect: staff(403, 403, 400, 400)
	},
	'/(staff)/staff/quick-wins action:risk': {
		path: '/staff/quick-wins',
		expect: staff(403, 403, 400, 400)
	},
	'/(staff)/staff/quick-wins action:close': {
		path: '/staff/quick-wins',
		expect: staff(403, 403, 400, 400)
	},
	'/(staff)/staff/quick-wins action:risk_delete': {
		path: '/staff/quick-wins',
		expect: staff(403, 403, 400, 400)
	},
	'/(staff)/staff/quick-wins action:carry': {
		path: '/staff/quick-wins',
		expect: staff(403, 403, 400, 400)
	},
	// The programme register: every staff member reads it; a produsen writes their own OPD's
	// programmes (an empty form names no element, OPD or programme: 400), walidata and admin any;
	// only walidata and admin approve. programmes.spec.ts covers real ones, and another OPD's 403.
	'/(staff)/staff/programmes GET': { path: '/staff/programmes', expect: staff(200, 200, 200, 200) },
	'/(staff)/staff/programmes action:save': {
		path: '/staff/programmes',
		expect: staff(403, 400, 400, 400)
	},
	'/(staff)/staff/programmes action:progress': {
		path: '/staff/programmes',
		expect: staff(403, 400, 400, 400)
	},
	'/(staff)/staff/programmes action:delete': {
		path: '/staff/programmes',
		expect: staff(403, 400, 400, 400),
		note: 'an empty form names no programme: 400'
	},
	'/(staff)/staff/programmes action:approve': {
		path: '/staff/programmes',
		expect: staff(403, 403, 400, 400)
	},
	// The residents' survey: walidata and admin run it. Year 1999 has none (and no survey statements),
	// so the staff routes answer 404 past the guard and nothing changes; survey.spec.ts covers 2023.
	'/(public)/survey/[year] action:default': {
		path: '/survey/1999',
		expect: all(404),
		note: 'public, no account: the service refuses a year without a survey'
	},
	'/(staff)/staff/survey GET': { path: '/staff/survey', expect: staff(403, 403, 200, 200) },
	'/(staff)/staff/survey action:create': {
		path: '/staff/survey',
		expect: staff(403, 403, 400, 400),
		note: 'an empty form names no year with survey statements: 400'
	},
	'/(staff)/staff/survey/[year] GET': {
		path: '/staff/survey/1999',
		expect: staff(403, 403, 404, 404)
	},
	'/(staff)/staff/survey/[year] action:settings': {
		path: '/staff/survey/1999',
		expect: staff(403, 403, 404, 404),
		note: 'an empty form has no closing date; the refused form re-renders the page, whose load finds no 1999 survey: 404'
	},
	'/(staff)/staff/survey/[year] action:open': {
		path: '/staff/survey/1999',
		expect: staff(403, 403, 404, 404)
	},
	'/(staff)/staff/survey/[year] action:close': {
		path: '/staff/survey/1999',
		expect: staff(403, 403, 404, 404)
	},
	'/(staff)/staff/survey/[year] action:paper': {
		path: '/staff/survey/1999',
		expect: staff(403, 403, 404, 404)
	},
	'/(staff)/staff/survey/[year] action:withdraw': {
		path: '/staff/survey/1999',
		expect: staff(403, 403, 404, 404),
		note: 'an empty form names no response; the refused form re-renders the page, whose load finds no 1999 survey: 404'
	},
	'/(staff)/staff/survey/[year] action:import': {
		path: '/staff/survey/1999',
		expect: staff(403, 403, 404, 404),
		note: 'an empty form has no file; the refused form re-renders the page, whose load finds no 1999 survey: 404'
	},
	'/(staff)/staff/survey/[year]/recap.csv GET': {
		path: '/staff/survey/1999/recap.csv',
		expect: staff(403, 403, 404, 404)
	},
	'/(staff)/staff/survey/[year]/recap.xlsx GET': {
		path: '/staff/survey/1999/recap.xlsx',
		expect: staff(403, 403, 404, 404)
	},
	'/(staff)/staff/survey/[year]/template.csv GET': {
		path: '/staff/survey/1999/template.csv',
		expect: staff(403, 403, 404, 404)
	},
	// Submission workspace: an id that does not exist; tests/e2e/submission.spec.ts covers real data.
	'/(staff)/staff/submissions GET': {
		path: '/staff/submissions',
		expect: staff(200, 200, 200, 200, 403)
	},
	'/(staff)/staff/submissions action:create': {
		path: '/staff/submissions',
		expect: staff(403, 403, 400, 400)
	},
	'/(staff)/staff/submissions/[id] GET': {
		path: '/staff/submissions/999999',
		expect: staff(404, 404, 404, 404, 403),
		note: 'signed-in staff may read; the id does not exist'
	},
	'/(staff)/staff/submissions/[id] action:save': {
		path: '/staff/submissions/999999',
		expect: staff(403, 404, 404, 404),
		note: 'allowed past the guard; the page of a submission that does not exist is a 404'
	},
	'/(staff)/staff/submissions/[id] action:submit': {
		path: '/staff/submissions/999999',
		expect: staff(403, 404, 404, 404),
		note: 'allowed past the guard; the page of a submission that does not exist is a 404'
	},
	'/(staff)/staff/submissions/[id] action:upload': {
		path: '/staff/submissions/999999',
		expect: staff(403, 404, 404, 404),
		note: 'allowed past the guard; the page of a submission that does not exist is a 404'
	},
	'/(staff)/staff/submissions/[id] action:link': {
		path: '/staff/submissions/999999',
		expect: staff(403, 404, 404, 404),
		note: 'allowed past the guard; the page of a submission that does not exist is a 404'
	},
	'/(staff)/staff/submissions/[id] action:deleteEvidence': {
		path: '/staff/submissions/999999',
		expect: staff(403, 404, 404, 404),
		note: 'allowed past the guard; the page of a submission that does not exist is a 404'
	},
	'/(staff)/staff/submissions/[id] action:return': {
		path: '/staff/submissions/999999',
		expect: staff(403, 403, 404, 404),
		note: 'walidata and admin only; 404: no such submission'
	},
	'/(staff)/staff/submissions/[id] action:accept': {
		path: '/staff/submissions/999999',
		expect: staff(403, 403, 404, 404),
		note: 'walidata and admin only; 404: no such submission'
	},
	'/(staff)/staff/submissions/[id] action:expect': {
		path: '/staff/submissions/999999',
		expect: staff(403, 403, 404, 404),
		note: 'walidata and admin only; 404: no such submission'
	},
	'/(staff)/staff/submissions/[id] action:assign': {
		path: '/staff/submissions/999999',
		expect: staff(403, 403, 404, 404),
		note: 'walidata and admin only; 404: no such submission'
	},
	'/(staff)/staff/submissions/[id] action:finalise': {
		path: '/staff/submissions/999999',
		expect: staff(403, 403, 404, 404),
		note: 'walidata and admin only; 404: no such submission'
	},
	'/(staff)/staff/submissions/[id] action:reopen': {
		path: '/staff/submissions/999999',
		expect: staff(403, 403, 404, 404),
		note: 'walidata and admin only; 404: no such submission'
	},
	'/(staff)/staff/submissions/[id]/files/[evidenceId] GET': {
		path: '/staff/submissions/999999/files/1',
		expect: staff(404, 404, 404, 404, 403)
	},
	'/(staff)/staff/submissions/[id]/snapshots/[snapshotId] GET': {
		path: '/staff/submissions/999999/snapshots/1',
		expect: staff(404, 404, 404, 404, 403)
	},
	'/(staff)/staff/submissions/[id]/snapshots/[snapshotId]/files/[fileNumber] GET': {
		path: '/staff/submissions/999999/snapshots/1/files/1',
		expect: staff(404, 404, 404, 404, 403)
	},
	'/(staff)/staff/submissions/[id]/export.xlsx GET': {
		path: '/staff/submissions/999999/export.xlsx',
		expect: staff(404, 404, 404, 404, 403)
	},
	'/(staff)/staff/submissions/[id]/export.pdf GET': {
		path: '/staff/submissions/999999/export.pdf',
		expect: staff(404, 404, 404, 404, 403)
	},
	'/(staff)/staff/submissions/[id]/export.zip GET': {
		path: '/staff/submissions/999999/export.zip',
		expect: staff(404, 404, 404, 404, 403)
	},
	'/print/submissions/[id] GET': {
		path: '/print/submissions/999999',
		expect: { ...staff(404, 404, 404, 404, 403), anonymous: 303 },
		note: 'signed-in only, though outside /staff'
	}
};

const ROUTES = path.resolve('src/routes');

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = path.join(dir, name);
		return statSync(full).isDirectory() ? files(full) : [full];
	});
}

/** Top-level keys of `export const actions = { … }` (Prettier indents them with one tab). */
function actionNames(source: string): string[] {
	const start = source.search(/export const actions\s*=\s*\{/);
	if (start < 0) return [];
	let depth = 0;
	let end = source.indexOf('{', start);
	for (let i = end; i < source.length; i++) {
		if (source[i] === '{') depth++;
		else if (source[i] === '}' && --depth === 0) {
			end = i;
			break;
		}
	}
	const block = source.slice(source.indexOf('{', start), end);
	return [...block.matchAll(/^\t(?:async\s+)?([A-Za-z_$][\w$]*)\s*[:(]/gm)].map((m) => m[1]);
}

/** Every operation the app serves: `<route id> GET`, `<route id> POST`, `<route id> action:<name>`. */
function discover(): string[] {
	const ops: string[] = [];
	for (const file of files(ROUTES)) {
		const base = path.basename(file);
		if (base !== '+page.server.ts' && base !== '+server.ts') continue;
		const id = '/' + path.relative(ROUTES, path.dirname(file)).split(path.sep).join('/');
		const routeId = id === '/' ? '/' : id.replace(/\/$/, '');
		const source = readFileSync(file, 'utf8');
		if (base === '+page.server.ts') {
			if (/export\s+(const|async function|function)\s+load\b/.test(source))
				ops.push(`${routeId} GET`);
			for (const name of actionNames(source)) ops.push(`${routeId} action:${name}`);
		} else {
			for (const m of source.matchAll(
				/export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|fallback)\b/g
			))
				ops.push(`${routeId} ${m[1]}`);
		}
	}
	return ops.sort();
}

/** Staff routes and writes need an entry; public reads (GET outside (staff)) do not. */
const needsEntry = (op: string) => op.startsWith('/(staff)') || !op.endsWith(' GET');

test('every staff route and every write in src/routes has an entry in the matrix, and no entry is stale', () => {
	const ops = discover();
	expect(ops.length).toBeGreaterThan(5);
	const missing = ops.filter((op) => needsEntry(op) && !(op in MATRIX));
	expect(missing, 'add these to MATRIX in tests/e2e/auth-matrix.spec.ts').toEqual([]);
	const stale = Object.keys(MATRIX).filter((key) => !ops.includes(key));
	expect(stale, 'these MATRIX entries name no route any more').toEqual([]);
});

test.describe('each operation answers each caller with the documented status', () => {
	const roles: Record<Exclude<Who, 'anonymous'>, Account> = {
		viewer: ACCOUNTS.viewer,
		perencana: ACCOUNTS.perencana,
		produsen: ACCOUNTS.produsen,
		walidata: ACCOUNTS.walidata,
		admin: ACCOUNTS.admin
	};
	const contexts = new Map<Who, APIRequestContext>();
	let baseURL = '';

	test.beforeAll(async () => {
		baseURL = test.info().project.use.baseURL!;
		contexts.set('anonymous', await request.newContext({ baseURL }));
		for (const [who, account] of Object.entries(roles)) {
			const ctx = await request.newContext({ baseURL });
			await apiSignIn(ctx, baseURL, account);
			contexts.set(who as Who, ctx);
		}
	});
	test.afterAll(async () => {
		for (const ctx of contexts.values()) await ctx.dispose();
	});

	for (const [key, entry] of Object.entries(MATRIX)) {
		test(`${key}`, async () => {
			const op = key.split(' ')[1];
			for (const who of WHO) {
				const expected = entry.expect[who];
				if (expected === 'skip') continue;
				let ctx = contexts.get(who)!;
				let disposable: APIRequestContext | null = null;
				if (entry.fresh && who !== 'anonymous') {
					disposable = ctx = await request.newContext({ baseURL });
					await apiSignIn(ctx, baseURL, roles[who]);
				}
				const response =
					op === 'GET'
						? await ctx.get(entry.path, { maxRedirects: 0 })
						: await ctx.fetch(
								op.startsWith('action:') && op !== 'action:default'
									? `${entry.path}?/${op.slice('action:'.length)}`
									: entry.path,
								{
									method: op.startsWith('action:') ? 'POST' : op,
									headers: formHeaders(baseURL),
									data: '',
									maxRedirects: 0
								}
							);
				expect(response.status(), `${key} as ${who}`).toBe(expected);
				if (expected === 303 && who === 'anonymous' && entry.path.startsWith('/staff')) {
					expect(response.headers()['location']).toMatch(/^\/login(\?|$)/);
				}
				await disposable?.dispose();
			}
		});
	}
});

test.describe('IDOR across OPDs', () => {
	test('a produsen cannot read or write another OPD’s indicator by sending its id; their own works', async ({
		baseURL
	}) => {
		const bps = await request.newContext({ baseURL });
		const dlh = await request.newContext({ baseURL });
		const admin = await request.newContext({ baseURL });
		await apiSignIn(bps, baseURL!, ACCOUNTS.produsen);
		await apiSignIn(dlh, baseURL!, ACCOUNTS.produsenOther);
		await apiSignIn(admin, baseURL!, ACCOUNTS.admin);
		const save = (ctx: APIRequestContext, indicator: string, value: string) =>
			ctx.post('/staff/targets?/save', {
				headers: formHeaders(baseURL!),
				data: new URLSearchParams({
					indicator,
					year: '2031',
					value,
					document_type: 'RPJMD',
					document_ref: 'Tabel 4.1',
					source: 'IDOR test',
					// Past the plausibility question: this test is about who may write.
					confirm: 'yes'
				}).toString(),
				maxRedirects: 0
			});

		// spbe_index belongs to DISKOMINFO, mean_years_schooling_rls to BPS (data/indicators.csv);
		// not hdi_ipm, whose chart and CSV the indicator page tests check year by year.
		expect(
			(await bps.get('/staff/targets?indicator=spbe_index', { maxRedirects: 0 })).status()
		).toBe(403);
		expect((await save(bps, 'spbe_index', '3,5')).status()).toBe(403);
		expect((await save(dlh, 'mean_years_schooling_rls', '80')).status()).toBe(403);
		const own = await save(bps, 'mean_years_schooling_rls', '77,25');
		expect(own.status()).toBe(303);
		expect(own.headers()['location']).toContain('saved=committed');

		// The refused writes changed nothing and were recorded; the allowed one was recorded too.
		const spbe = await (await admin.get('/staff/targets?indicator=spbe_index')).text();
		expect(spbe).not.toContain('IDOR test');
		const csv = await (
			await admin.get(`/staff/audit/export.csv?actor=${ACCOUNTS.produsen.username}`)
		).text();
		expect(csv).toContain('auth.denied');
		expect(csv).toContain('spbe_index');
		expect(csv).toContain('target.save');
		expect(csv).toContain('33.18/mean_years_schooling_rls/2031');
		const other = await (
			await admin.get(
				`/staff/audit/export.csv?actor=${ACCOUNTS.produsenOther.username}&action=target.save`
			)
		).text();
		expect(other.trim().split('\r\n')).toHaveLength(1); // header only: no write by DLH
		for (const ctx of [bps, dlh, admin]) await ctx.dispose();
	});
});
