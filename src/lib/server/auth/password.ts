/**
 * argon2id hashing with OWASP's minimum parameters (m = 19 MiB, t = 2, p = 1).
 */
import { hash, verify, type Algorithm } from '@node-rs/argon2';

/** `Algorithm` is a `const enum` in the package's types, which isolated modules cannot inline. */
const ARGON2ID = 2 as Algorithm;

export const ARGON2_OPTIONS = {
	algorithm: ARGON2ID,
	memoryCost: 19456,
	timeCost: 2,
	parallelism: 1
} as const;

export function hashPassword(password: string): Promise<string> {
	return hash(password, ARGON2_OPTIONS);
}

/** False for a wrong password and for a malformed stored hash (never throws). */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
	try {
		return await verify(storedHash, password);
	} catch {
		return false;
	}
}

/**
 * The stored hash of an account whose password is not set yet (made with a set-password link) or
 * was withdrawn by a reset: it matches no password.
 */
export const NO_PASSWORD = '';

/** True when the account has a password one can sign in with. */
export const hasPassword = (storedHash: string) => storedHash.startsWith('$argon2');

let dummyHash: Promise<string> | undefined;

/**
 * Spends the time of one real verification and returns false: run for an unknown or disabled
 * user, so the response time does not tell which user names exist.
 */
export async function dummyVerify(password: string): Promise<false> {
	dummyHash ??= hashPassword('rapor-cerdas timing equaliser, never a real password');
	await verifyPassword(await dummyHash, password);
	return false;
}
