/**
 * Password and user-name rules. Pure: used by the staff pages, the `user` CLI and tests alike.
 *
 * Length and a refused-list only, after NIST SP 800-63B: composition rules ("one capital, one
 * digit") push people to `Password1!`, which the variant check below refuses anyway.
 */
import { COMMON_PASSWORDS_TEXT } from './common-passwords';

export const MIN_PASSWORD_LENGTH = 8;
/** argon2 hashes any length; the cap only stops a megabyte "password" from tying up a request. */
export const MAX_PASSWORD_LENGTH = 256;

export type PasswordProblem = 'too-short' | 'too-long' | 'common' | 'contains-username';

const COMMON = new Set(COMMON_PASSWORDS_TEXT.split('\n'));
const LEET: Record<string, string> = {
	'0': 'o',
	'1': 'i',
	'3': 'e',
	'4': 'a',
	'5': 's',
	'7': 't',
	'@': 'a',
	$: 's',
	'!': 'i'
};

/** The forms a password is looked up in: as typed, without spaces, digits/symbols trimmed, de-leeted. */
function variants(password: string): string[] {
	const lower = password.toLowerCase().normalize('NFKC');
	const out = new Set<string>();
	for (const base of [lower, lower.replace(/\s+/g, '')]) {
		out.add(base);
		out.add(base.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''));
		const unleet = base.replace(/[013457@$!]/g, (c) => LEET[c] ?? c);
		out.add(unleet);
		out.add(unleet.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''));
	}
	out.delete('');
	return [...out];
}

/**
 * Every problem with a proposed password, empty when it is acceptable.
 * Example: `passwordProblems('sayang123')` → `['common']`; `passwordProblems('kopi tubruk di alun-alun')` → `[]`.
 */
export function passwordProblems(password: string, username = ''): PasswordProblem[] {
	const problems: PasswordProblem[] = [];
	const length = [...password].length;
	if (length < MIN_PASSWORD_LENGTH) problems.push('too-short');
	if (length > MAX_PASSWORD_LENGTH) problems.push('too-long');
	const forms = variants(password);
	// Fewer than four distinct characters ('aaaaaaaa', 'abababab') is as guessable as a listed one.
	const distinct = new Set(password.toLowerCase()).size;
	if (forms.some((f) => COMMON.has(f)) || (length > 0 && distinct < 4)) problems.push('common');
	const name = username.trim().toLowerCase();
	if (
		name.length >= 3 &&
		forms.some((f) => f.includes(name) || f.includes([...name].reverse().join('')))
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

/**
 * An OPD code, the one rule: a produsen's OPD (accounts), an indicator's (`indicators.opd`) and a
 * submission item's or programme's, which are compared with them. Upper-case letters, digits, `_`
 * and `-`, starting with a letter or digit, up to 40 characters; normalise with `normaliseOpd`.
 * Where an OPD may be left empty (an indicator, an item), the caller allows '' itself.
 * @example OPD_PATTERN.test('DINAS-PU') === true; OPD_PATTERN.test('_X') === false
 */
export const OPD_PATTERN = /^[A-Z0-9][A-Z0-9_-]{0,39}$/;

/** Trims and upper-cases an OPD code: `normaliseOpd(' diskominfo ') === 'DISKOMINFO'`. */
export function normaliseOpd(opd: string): string {
	return opd.trim().toUpperCase();
}
