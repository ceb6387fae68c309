/**
 * Sessions after the pattern of SvelteKit's own CLI templates (lucia-style): the cookie carries a
 * random token, the database only its SHA-256, so a leaked database copy holds no usable session.
 * Idle expiry slides with use (refreshed at most once a minute, to spare writes); the absolute
 * expiry never moves.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Connection } from '../db';
import * as sessions from '../db/sessions';
import type { Session } from '../db/schema';
import type { SessionUser } from './roles';

export const SESSION_COOKIE = 'rc_session';
export const IDLE_TIMEOUT_MS = 30 * 60_000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60_000;
export const REFRESH_INTERVAL_MS = 60_000;

/** 32 random bytes, base64url: `generateToken().length === 43`. */
export function generateToken(): string {
	return randomBytes(32).toString('base64url');
}

/** The session id stored for a token: its SHA-256 in hex. */
export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

/** Creates a session for a user; the token goes in the cookie and nowhere else. */
export function createSession(
	conn: Connection,
	userId: number,
	address: string,
	now = Date.now(),
	failed: { count: number; lastAt: string | null; lastAddress: string | null } = {
		count: 0,
		lastAt: null,
		lastAddress: null
	}
): { token: string; session: Session } {
	const token = generateToken();
	const session: Session = {
		id: hashToken(token),
		userId,
		createdAt: now,
		expiresAt: now + IDLE_TIMEOUT_MS,
		absoluteExpiresAt: now + ABSOLUTE_TIMEOUT_MS,
		address,
		failedBefore: failed.count,
		lastFailedAt: failed.lastAt,
		lastFailedAddress: failed.lastAddress
	};
	sessions.insert(conn, session);
	return { token, session };
}

export interface ValidSession {
	session: Session;
	user: SessionUser;
	/** True when the user signs in with a second factor. */
	twoFactor: boolean;
	/** True when the idle expiry moved: the cookie should be set again with the new expiry. */
	refreshed: boolean;
}

/**
 * The session and user for a cookie token, or null. Expired sessions and sessions of disabled
 * users are deleted on sight.
 */
export function validateSession(
	conn: Connection,
	token: string,
	now = Date.now()
): ValidSession | null {
	if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
	const id = hashToken(token);
	const found = sessions.getWithUser(conn, id);
	if (!found) return null;
	const { session, user } = found;
	if (now >= session.expiresAt || now >= session.absoluteExpiresAt || user.disabled) {
		sessions.remove(conn, id);
		return null;
	}
	let refreshed = false;
	const lastRefresh = session.expiresAt - IDLE_TIMEOUT_MS;
	if (now - lastRefresh >= REFRESH_INTERVAL_MS) {
		session.expiresAt = Math.min(now + IDLE_TIMEOUT_MS, session.absoluteExpiresAt);
		sessions.setExpiresAt(conn, id, session.expiresAt);
		refreshed = true;
	}
	return {
		session,
		user: { id: user.id, username: user.username, role: user.role, opd: user.opd },
		twoFactor: user.totpEnabledAt !== null,
		refreshed
	};
}

export function invalidateSession(conn: Connection, sessionId: string): void {
	sessions.remove(conn, sessionId);
}

/** Minimal cookie jar interface (SvelteKit's `Cookies`), so tests can pass a fake. */
interface CookieJar {
	set(
		name: string,
		value: string,
		opts: {
			path: string;
			httpOnly?: boolean;
			secure?: boolean;
			sameSite?: 'lax' | 'strict' | 'none';
			expires?: Date;
		}
	): void;
	delete(name: string, opts: { path: string; secure?: boolean }): void;
}

/** HttpOnly, SameSite=Lax, path /, Secure when the request came over https. */
export function setSessionCookie(
	cookies: CookieJar,
	token: string,
	expiresAt: number,
	secure: boolean
) {
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		secure,
		sameSite: 'lax',
		expires: new Date(expiresAt)
	});
}

export function deleteSessionCookie(cookies: CookieJar, secure: boolean) {
	cookies.delete(SESSION_COOKIE, { path: '/', secure });
}
