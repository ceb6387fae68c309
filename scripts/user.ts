/**
 * `npm run user -- <command>`: manage staff accounts from the command line. The first admin is
 * made here; there is no default account. Passwords come from USER_PASSWORD or a prompt that does
 * not echo (typed twice), never from an argument, which would end up in the shell history.
 *
 * Exit codes: 0 done, 1 refused (bad password, unknown user, …), 2 wrong usage.
 */
import { ConfigError, config } from '../src/lib/server/config';
import { getConnection } from '../src/lib/server/db';
import * as users from '../src/lib/server/db/users';
import { prepareDatabase } from '../src/lib/server/startup';
import { cliActor } from '../src/lib/server/audit';
import {
	createUser,
	issuePasswordReset,
	passwordLinkPath,
	PROBLEM_TEXT,
	resetPassword,
	revokeAllSessions,
	revokeUserSessions,
	setDisabled,
	setRole,
	unlockAccount,
	type AccountErrors,
	type PasswordLink
} from '../src/lib/server/auth/accounts';
import { resetTwoFactor } from '../src/lib/server/auth/two-factor';
import { knownOpds } from '../src/lib/server/db/assignments';
import { normaliseUsername } from '../src/lib/server/auth/policy';
import { ROLES } from '../src/lib/server/auth/roles';
import * as sessions from '../src/lib/server/db/sessions';
import { parseCommandLine, UsageError } from './cli';

const USAGE = `Usage: npm run user -- <command> [options]

Commands:
  add <username> --role <role> [--opd <OPD>] [--link]
                                               create an account (password from USER_PASSWORD or a
                                               prompt; with --link, a one-time set-password link instead)
  list                                         list accounts
  disable <username>                           disable an account and sign it out everywhere
  enable <username>                            enable a disabled account
  set-role <username> --role <role> [--opd <OPD>]
                                               change the role (produsen needs --opd, e.g. DISKOMINFO)
  reset-password <username> [--link]           set a new password (or, with --link, make a one-time
                                               link for its owner) and sign the user out everywhere
  unlock <username>                            lift the sign-in hold after failed attempts
  two-factor-reset <username>                  turn off a user's two-factor (a lost phone)
  sign-out <username> | --all                  end the sessions of one user, or of everyone

Roles: ${ROLES.join(', ')}.
The database is DATABASE_URL (default var/rapor-cerdas.db); it is created and migrated if needed.`;

class Refused extends Error {}

/** A line in Indonesian, then the same in English, as every message of the CLIs is printed. */
const both = (id: string, en: string) => `${id}\n${en}`;
const say = (id: string, en: string) => console.log(both(id, en));

function describeErrors(errors: AccountErrors): string {
	return Object.entries(errors)
		.flatMap(([field, problems]) =>
			(problems ?? []).map((p) => {
				const opds = knownOpds(getConnection()).join(', ');
				const text = PROBLEM_TEXT[p];
				return p === 'opd-unknown'
					? `  ${field}: ${text.id} (OPD yang dikenal: ${opds})\n  ${field}: ${text.en} (known OPDs: ${opds})`
					: `  ${field}: ${text.id}\n  ${field}: ${text.en}`;
			})
		)
		.join('\n');
}

/** The link to hand over: absolute when ORIGIN is set, else the path to put after the site's address. */
function describeLink(username: string, link: PasswordLink): string {
	const origin = process.env.ORIGIN?.replace(/\/$/, '') ?? '';
	const until = new Date(link.expiresAt).toISOString();
	return [
		`Tautan atur kata sandi untuk ${username}, sekali pakai sampai ${until}:`,
		`Set-password link for ${username}, valid once until ${until}:`,
		`  ${origin}${passwordLinkPath(link.token)}`,
		'Serahkan kepada pemiliknya lewat saluran tepercaya: siapa pun yang memegangnya dapat menetapkan kata sandi.',
		'Pass it to its owner by a trusted channel; whoever holds it can set the password.'
	].join('\n');
}

function readHidden(question: string): Promise<string> {
	return new Promise((resolve, reject) => {
		const stdin = process.stdin;
		if (!stdin.isTTY) {
			reject(new Refused('No terminal to ask for a password: set USER_PASSWORD instead.'));
			return;
		}
		process.stderr.write(question);
		stdin.setRawMode(true);
		stdin.resume();
		stdin.setEncoding('utf8');
		let value = '';
		const done = (result: string | null) => {
			stdin.setRawMode(false);
			stdin.pause();
			stdin.off('data', onData);
			process.stderr.write('\n');
			if (result === null) reject(new Refused('Cancelled.'));
			else resolve(result);
		};
		const onData = (chunk: string) => {
			for (const c of chunk) {
				if (c === '\r' || c === '\n') return done(value);
				if (c === '\u0003' || c === '\u0004') return done(null);
				if (c === '\u007f' || c === '\b') value = value.slice(0, -1);
				else value += c;
			}
		};
		stdin.on('data', onData);
	});
}

async function newPassword(): Promise<string> {
	const fromEnv = process.env.USER_PASSWORD;
	if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
	const first = await readHidden('New password (at least 8 characters): ');
	const second = await readHidden('Type it again: ');
	if (first !== second)
		throw new Refused(
			both(
				'Kedua kata sandi berbeda; tidak ada yang diubah.',
				'The two passwords differ; nothing was changed.'
			)
		);
	return first;
}

function userByName(name: string | undefined) {
	if (!name) throw new UsageError(both('Sebutkan nama penggunanya.', 'Name the user.'));
	const user = users.getByUsername(getConnection(), normaliseUsername(name));
	if (!user)
		throw new Refused(
			both(
				`Tidak ada pengguna bernama "${name}". Lihat: npm run user -- list`,
				`No user named "${name}". See: npm run user -- list`
			)
		);
	return user;
}

function unwrap<T>(result: { ok: true; value: T } | { ok: false; errors: AccountErrors }): T {
	if (!result.ok) throw new Refused(`Ditolak / Refused:\n${describeErrors(result.errors)}`);
	return result.value;
}

async function main(argv: string[]): Promise<number> {
	const { values, positionals } = parseCommandLine(argv, {
		role: { type: 'string' },
		opd: { type: 'string' },
		all: { type: 'boolean', default: false },
		link: { type: 'boolean', default: false }
	});
	const [command, name, ...rest] = positionals;
	if (values.help || !command) {
		console.log(USAGE);
		return command || values.help ? 0 : 2;
	}
	if (rest.length)
		throw new UsageError(
			both(`Argumen tak terduga: ${rest.join(' ')}`, `Unexpected argument: ${rest.join(' ')}`)
		);
	config();
	prepareDatabase();
	const conn = getConnection();
	const actor = cliActor();
	switch (command) {
		case 'add': {
			if (!name)
				throw new UsageError(
					both(
						'Sebutkan nama pengguna baru: add <username> --role <role>.',
						'Name the new user: add <username> --role <role>.'
					)
				);
			if (!values.role)
				throw new UsageError(
					both(`--role wajib (${ROLES.join(', ')}).`, `--role is required (${ROLES.join(', ')}).`)
				);
			const password = values.link ? null : await newPassword();
			const user = unwrap(
				await createUser(
					conn,
					{ username: name, password, role: values.role, opd: values.opd },
					actor
				)
			);
			const what = `${user.role}${user.opd ? `, ${user.opd}` : ''}`;
			say(`Akun ${user.username} dibuat (${what}).`, `Created ${user.username} (${what}).`);
			if (user.link) console.log(describeLink(user.username, user.link));
			return 0;
		}
		case 'list': {
			const rows = users.list(conn);
			if (rows.length === 0) {
				say(
					'Belum ada akun. Buat admin pertama: npm run user -- add <username> --role admin',
					'No accounts yet. Create the first admin: npm run user -- add <username> --role admin'
				);
				return 0;
			}
			for (const u of rows) {
				const active = sessions.countForUser(conn, u.id);
				console.log(
					[
						u.username,
						u.role,
						u.opd ?? '-',
						u.disabled ? 'disabled' : 'active',
						u.totpEnabledAt ? 'two-factor' : 'password only',
						`${active} session(s)`
					].join('\t')
				);
			}
			return 0;
		}
		case 'disable':
		case 'enable': {
			const user = userByName(name);
			unwrap(setDisabled(conn, user.id, command === 'disable', actor));
			if (command === 'disable')
				say(`Akun ${user.username} dinonaktifkan.`, `Disabled ${user.username}.`);
			else say(`Akun ${user.username} diaktifkan.`, `Enabled ${user.username}.`);
			return 0;
		}
		case 'set-role': {
			const user = userByName(name);
			if (!values.role)
				throw new UsageError(
					both(`--role wajib (${ROLES.join(', ')}).`, `--role is required (${ROLES.join(', ')}).`)
				);
			const next = unwrap(setRole(conn, user.id, { role: values.role, opd: values.opd }, actor));
			const role = `${next.role}${next.opd ? ` (${next.opd})` : ''}`;
			say(`Peran ${next.username} sekarang ${role}.`, `${next.username} is now ${role}.`);
			return 0;
		}
		case 'reset-password': {
			const user = userByName(name);
			if (values.link) {
				const link = unwrap(issuePasswordReset(conn, user.id, actor));
				say(
					`${link.sessionsRevoked} sesi diakhiri; kata sandi lama tidak berlaku lagi.`,
					`${link.sessionsRevoked} session(s) ended; the old password no longer works.`
				);
				console.log(describeLink(user.username, link));
				return 0;
			}
			const password = await newPassword();
			const { sessionsRevoked } = unwrap(await resetPassword(conn, user.id, password, actor));
			say(
				`Kata sandi baru untuk ${user.username} ditetapkan; ${sessionsRevoked} sesi diakhiri.`,
				`New password set for ${user.username}; ${sessionsRevoked} session(s) ended.`
			);
			return 0;
		}
		case 'unlock': {
			const user = userByName(name);
			const { attemptsCleared } = unwrap(unlockAccount(conn, user.id, actor));
			say(
				`Penahanan masuk ${user.username} dibuka (${attemptsCleared} percobaan dihapus).`,
				`Lifted the sign-in hold on ${user.username} (${attemptsCleared} attempt(s) cleared).`
			);
			return 0;
		}
		case 'two-factor-reset': {
			const user = userByName(name);
			const result = resetTwoFactor(conn, user.id, actor);
			if (!result.ok)
				throw new Refused(
					both(
						`Ditolak: ${user.username} tidak memakai verifikasi dua langkah.`,
						`Refused: ${user.username} has no two-factor to reset.`
					)
				);
			say(
				`Verifikasi dua langkah ${user.username} dimatikan; ia dapat mengaturnya lagi di halaman akunnya.`,
				`Two-factor is off for ${user.username}; they can set it up again on their account page.`
			);
			return 0;
		}
		case 'sign-out': {
			if (values.all) {
				const n = revokeAllSessions(conn, actor);
				say(`Semua ${n} sesi diakhiri.`, `Ended all ${n} session(s).`);
				return 0;
			}
			const user = userByName(name);
			const { sessionsRevoked } = unwrap(revokeUserSessions(conn, user.id, actor));
			say(
				`${sessionsRevoked} sesi ${user.username} diakhiri.`,
				`Ended ${sessionsRevoked} session(s) of ${user.username}.`
			);
			return 0;
		}
		default:
			throw new UsageError(
				both(`Perintah "${command}" tidak dikenal.`, `Unknown command "${command}".`)
			);
	}
}

main(process.argv.slice(2)).then(
	(code) => process.exit(code),
	(e: unknown) => {
		if (e instanceof UsageError) {
			console.error(`${(e as Error).message}\n\n${USAGE}`);
			process.exit(2);
		}
		if (e instanceof Refused || e instanceof ConfigError) {
			console.error((e as Error).message);
			process.exit(1);
		}
		console.error(e);
		process.exit(1);
	}
);
