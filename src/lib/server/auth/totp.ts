/**
 * TOTP two-factor (RFC 6238: SHA-1, 6 digits, 30-second steps, what every authenticator app
 * reads from a QR code) through `otpauth`, and recovery codes. A code is accepted one step either
 * side of now (clocks drift) and only for a step later than the last one used, so a code seen
 * over someone's shoulder cannot be replayed.
 */
import { createHash, randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { encode } from 'uqr';

export const TOTP_PERIOD_S = 30;
export const RECOVERY_CODE_COUNT = 10;

/** A new random secret, base32 (160 bits, the RFC's recommendation for SHA-1). */
export function newTotpSecret(): string {
	return new Secret({ size: 20 }).base32;
}

function totp(secret: string, label = 'staff', issuer = 'Rapor Cerdas'): TOTP {
	return new TOTP({
		issuer,
		label,
		algorithm: 'SHA1',
		digits: 6,
		period: TOTP_PERIOD_S,
		secret: Secret.fromBase32(secret)
	});
}

/** The `otpauth://` URI an authenticator app reads from the QR code. */
export function totpUri(secret: string, label: string, issuer: string): string {
	return totp(secret, label, issuer).toString();
}

/** The code for a moment (tests, and nothing else, need to make one). */
export function totpCode(secret: string, now = Date.now()): string {
	return totp(secret).generate({ timestamp: now });
}

export const stepOf = (now: number) => Math.floor(now / 1000 / TOTP_PERIOD_S);

/**
 * The step a code belongs to when it is right and newer than `lastStep`, else null.
 * Spaces are ignored (`123 456`); anything but six digits is refused without a check.
 */
export function checkTotp(
	secret: string,
	code: string,
	lastStep: number | null,
	now = Date.now()
): number | null {
	const token = code.replace(/\s+/g, '');
	if (!/^\d{6}$/.test(token)) return null;
	const delta = totp(secret).validate({ token, timestamp: now, window: 1 });
	if (delta === null) return null;
	const step = stepOf(now) + delta;
	return lastStep !== null && step <= lastStep ? null : step;
}

/** Letters and digits that cannot be mistaken for one another when copied from paper. */
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten codes such as `k7m2p-x9qrt` (about 49 bits each), shown once. */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
	return Array.from({ length: count }, () => {
		const chars = Array.from(
			{ length: 10 },
			() => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]
		).join('');
		return `${chars.slice(0, 5)}-${chars.slice(5)}`;
	});
}

/** The stored form of a recovery code: case, spaces and dashes do not matter. */
export function hashRecoveryCode(code: string): string {
	const clean = code.toLowerCase().replace(/[\s-]+/g, '');
	return createHash('sha256').update(clean).digest('hex');
}

/** True for input shaped like a recovery code rather than a six-digit TOTP code. */
export const looksLikeRecoveryCode = (code: string) =>
	/^[a-z0-9]{10}$/i.test(code.replace(/[\s-]+/g, '')) && !/^\d+$/.test(code.trim());

/**
 * The QR code of `text` as one SVG path (1 unit per module, with a 4-module quiet zone):
 * drawn by the page, so no image, script or network is needed.
 */
export function qrPath(text: string): { size: number; d: string } {
	const qr = encode(text, { ecc: 'M', border: 4 });
	let d = '';
	qr.data.forEach((row, y) =>
		row.forEach((dark, x) => {
			if (dark) d += `M${x} ${y}h1v1h-1z`;
		})
	);
	return { size: qr.size, d };
}
