// See https://svelte.dev/docs/kit/types#app.d.ts
import type { SessionUser } from '$lib/server/auth/roles';

declare global {
	namespace App {
		interface Locals {
			/** The signed-in user, loaded by hooks.server.ts; null when anonymous. */
			user: SessionUser | null;
			/**
			 * The current session: id (SHA-256 of the cookie token), idle expiry, whether its user has
			 * two-factor on, and the failed sign-ins before it that its owner has not dismissed yet.
			 */
			session: {
				id: string;
				expiresAt: number;
				twoFactor: boolean;
				failedBefore: { count: number; lastAt: string | null; lastAddress: string | null } | null;
			} | null;
		}
		interface Error {
			message: string;
			/** Shown to the person so a logged server error can be found. */
			id?: string;
		}
	}
}

export {};
