/**
 * Signing in: throttle, verify, create the session, record it, all with one answer for every
 * kind of failure so the response never says whether the user name or the password was wrong.
 */
import type { Connection } from '../db';
import * as users from '../db/users';
import * as sessionsDb from '../db/sessions';
import { writeAudit, recordAudit, type Actor } from '../audit';
import { dummyVerify, verifyPassword } from './password';
import { normaliseUsername, MAX_PASSWORD_LENGTH } from './policy';
import type { SessionUser } from './roles';
import { createSession } from './session';
import { clearAccount, recordFailure, retryAfterMs } from './throttle';
import type { Session } from '../db/schema';

export type SignInResult =
	| { ok: true; user: SessionUser; token: string; session: Session }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'throttled'; retryAfterSeconds: number };

const anonymous = (address: string): Actor => ({ id: null, username: '-', address });

export async function signIn(
	conn: Connection,
	input: { username: string; password: string; address: string },
	now = Date.now()
): Promise<SignInResult> {
	const username = normaliseUsername(input.username).slice(0, 64);
	const { address } = input;
	const wait = retryAfterMs(conn.sqlite, username, address, now);
	if (wait > 0) {
		const retryAfterSeconds = Math.ceil(wait / 1000);
		recordAudit(conn, anonymous(address), {
			action: 'auth.sign_in_throttled',
			entityType: 'user',
			entityId: username,
			after: { retryAfterSeconds }
		});
		return { ok: false, reason: 'throttled', retryAfterSeconds };
	}
	const user = username ? users.getForSignIn(conn, username) : undefined;
	const password = input.password.slice(0, MAX_PASSWORD_LENGTH + 1);
	const valid =
		user && !user.disabled
			? await verifyPassword(user.passwordHash, password)
			: await dummyVerify(password);
	if (!user || user.disabled || !valid) {
		conn.sqlite
			.transaction(() => {
				recordFailure(conn.sqlite, username, address, now);
				writeAudit(conn.sqlite, anonymous(address), {
					action: 'auth.sign_in_failed',
					entityType: 'user',
					entityId: username
				});
			})
			.immediate();
		return { ok: false, reason: 'invalid' };
	}
	const sessionUser: SessionUser = {
		id: user.id,
		username: user.username,
		role: user.role,
		opd: user.opd
	};
	const created = conn.sqlite
		.transaction(() => {
			clearAccount(conn.sqlite, username);
			sessionsDb.removeExpired(conn, now);
			const result = createSession(conn, user.id, address, now);
			writeAudit(
				conn.sqlite,
				{ id: user.id, username: user.username, address },
				{
					action: 'auth.sign_in',
					entityType: 'user',
					entityId: user.id,
					after: { role: user.role, opd: user.opd }
				}
			);
			return result;
		})
		.immediate();
	return { ok: true, user: sessionUser, ...created };
}

/** Signs out: deletes the server session and records it. */
export function signOut(conn: Connection, sessionId: string, actor: Actor) {
	conn.sqlite
		.transaction(() => {
			sessionsDb.remove(conn, sessionId);
			writeAudit(conn.sqlite, actor, {
				action: 'auth.sign_out',
				entityType: 'user',
				entityId: actor.id
			});
		})
		.immediate();
}
