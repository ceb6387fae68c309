/**
 * Password and user-name rules. Pure: used by the staff pages, the `user` CLI and tests alike.
 *
 * Length and guessability only, after NIST SP 800-63B: composition rules ("one capital, one
 * digit") push people to `Password1!`. Guessability is zxcvbn-ts's estimate (the maintained
 * TypeScript port of Dropbox's zxcvbn) against its common-password and English-keyboard lists and
 * its Indonesian dictionary (common words, names, Wikipedia words: `sayang123`, `bismillah`,
 * `merdeka45`), plus this product's own words and the caller's (the instance's region names). It
 * replaces a 2,000-line hand-kept list that knew no Indonesian beyond a few dozen words and no
 * patterns (dates, keyboard walks, repeats, l33t) beyond a hand-written substitution table.
 */
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

export const MIN_PASSWORD_LENGTH = 8;
/** argon2 hashes any length; the cap only stops a megabyte "password" from tying up a request. */
export const MAX_PASSWORD_LENGTH = 256;
/**
 * zxcvbn's score from 0 to 4; 3 is "safely unguessable" (about 10^8 guesses and more), which an
 * attacker holding the argon2 hashes cannot reach in useful time.
 */
export const MIN_PASSWORD_SCORE = 3;
/**
 * zxcvbn's matching grows faster than linearly with length; what lies past the first 100
 * characters only adds strength, so the estimate reads no further.
 */
const ESTIMATE_CHARS = 100;

/** Words of this product and its users' offices, the first a guesser aiming at it would try. */
const PRODUCT_WORDS = [
	'rapor cerdas',
	'raporcerdas',
	'rapor',
	'cerdas',
	'smart city',
	'smartcity',
	'kominfo',
	'diskominfo',
	'bappeda',
	'spbe',
	'walidata',
	'perencana',
	'produsen'
];

export type PasswordProblem = 'too-short' | 'too-long' | 'common' | 'contains-username';

let estimator: Promise<ZxcvbnFactory> | undefined;
/**
 * Loaded and built on first use: the dictionaries cost about 0.1 s and 20 MB, which neither the
 * server's start nor a CLI that never sets a password should pay.
 */
async function estimate(password: string, words: readonly string[]): Promise<number> {
	estimator ??= Promise.all([
		import('@zxcvbn-ts/core'),
		import('@zxcvbn-ts/language-common'),
		import('@zxcvbn-ts/language-id')
	]).then(
		([{ ZxcvbnFactory }, common, indonesian]) =>
			new ZxcvbnFactory({
				dictionary: { ...common.dictionary, ...indonesian.dictionary, product: PRODUCT_WORDS },
				graphs: common.adjacencyGraphs
			})
	);
	const zxcvbn = await estimator;
	return zxcvbn.check([...password].slice(0, ESTIMATE_CHARS).join(''), [...words]).score;
}

/** The forms a user name is looked for in: as typed and without spaces, lower-cased. */
function forms(password: string): string[] {
	const lower = password.toLowerCase().normalize('NFKC');
	return [lower, lower.replace(/\s+/g, '')];
}

/**
 * Every problem with a proposed password, empty when it is acceptable. `words`: more words a
 * guesser would try on this instance (its region names, see accounts.ts).
 * @example await passwordProblems('sayang123') // ['common']; await passwordProblems('kopi tubruk di alun-alun') // []
 */
export async function passwordProblems(
	password: string,
	username = '',
	words: readonly string[] = []
): Promise<PasswordProblem[]> {
	const problems: PasswordProblem[] = [];
	const length = [...password].length;
	if (length < MIN_PASSWORD_LENGTH) problems.push('too-short');
	if (length > MAX_PASSWORD_LENGTH) problems.push('too-long');
	// Too short says it all; the user name has its own rule, so it is not a guessing word here.
	if (length >= MIN_PASSWORD_LENGTH && (await estimate(password, words)) < MIN_PASSWORD_SCORE)
		problems.push('common');
	const name = username.trim().toLowerCase();
	if (
		name.length >= 3 &&
		forms(password).some((f) => f.includes(name) || f.includes([...name].reverse().join('')))
	)
		problems.push('contains-username');
	return problems;
}

/** Lower-case letters, digits, `.`, `_`, `-`; 3–32 characters; starts with a letter or digit. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,31}$/;

/** Trims and lower-cases a user name as typed: `normaliseUsername(' Admin ') === 'admin'`. */
export function normaliseUsername(username: string): string {
	return username.trim().toLowerCase();
}

/** True for a well-formed (normalised) user name: `isValidUsername('siti.rahma') === true`. */
export function isValidUsername(username: string): boolean {
	return USERNAME_PATTERN.test(username);
}
