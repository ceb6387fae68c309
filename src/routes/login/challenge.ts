/**
 * The cookie that carries a half-finished sign-in (right password, code still to come) from the
 * sign-in page to the code page: HttpOnly, SameSite=Strict, five minutes, only the random token
 * (the database keeps its hash).
 */
import type { RequestEvent } from '@sveltejs/kit';

export const CHALLENGE_COOKIE = 'rc_2fa';

export function setChallengeCookie(event: RequestEvent, token: string, expiresAt: number) {
	event.cookies.set(CHALLENGE_COOKIE, token, {
		path: '/',
		httpOnly: true,
		secure: event.url.protocol === 'https:',
		sameSite: 'strict',
		expires: new Date(expiresAt)
	});
}

export function clearChallengeCookie(event: RequestEvent) {
	event.cookies.delete(CHALLENGE_COOKIE, { path: '/', secure: event.url.protocol === 'https:' });
}
