// See https://svelte.dev/docs/kit/types#app.d.ts
import type { SessionUser } from '$lib/server/auth/roles';

declare global {
	namespace App {
		interface Locals {
			/** The signed-in user, loaded by hooks.server.ts; null when anonymous. */
			user: SessionUser | null;
			/** The current session's id (SHA-256 of the cookie token) and idle expiry. */
			session: { id: string; expiresAt: number } | null;
		}
		interface Error {
			message: string;
			/** Shown to the person so a logged server error can be found. */
			id?: string;
		}
	}
}

export {};
