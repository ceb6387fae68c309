/**
 * Which Chromium runs, for the PDF printer, Playwright's tests and the page benchmarks alike:
 * 1. `CHROMIUM_PATH`, when set (it must then be an executable file: a wrong path is an error, not
 *    a silent fallback);
 * 2. Debian's `/usr/bin/chromium`, when installed;
 * 3. the Chromium build inside the `@sparticuz/chromium` npm package, which `npm ci` brings and
 *    which unpacks itself into the temp directory on first use (about 2 s, once per boot).
 * So a fresh machine needs no apt step, and browsers are still never downloaded at run time.
 */
import { accessSync, constants, statSync } from 'node:fs';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * Flags every launch uses. Not the package's own list (`chromium.args`): that one is made for
 * AWS Lambda and turns off web security and site isolation, which the printer's loopback-only
 * rule (print.ts) relies on the browser to keep.
 */
export const CHROMIUM_ARGS: readonly string[] = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run'
];

export interface ChromiumChoice {
	executablePath: string;
	/** Where it came from, for messages and logs. */
	from: 'CHROMIUM_PATH' | 'debian' | 'npm';
}

export class ChromiumNotFound extends Error {
	override name = 'ChromiumNotFound';
}

/** True for an executable regular file. */
export function isExecutableFile(file: string): boolean {
	try {
		if (!statSync(file).isFile()) return false;
		accessSync(file, constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

/** The packaged build's path, unpacked on first call. */
async function packagedChromium(): Promise<string> {
	const { default: chromium } = await import('@sparticuz/chromium');
	return chromium.executablePath();
}

/**
 * The Chromium to launch, in the order above. `isExecutable` and `packaged` are the file check
 * and the npm package, replaceable in tests.
 * @example (await findChromium()).executablePath // '/usr/bin/chromium' on Debian with it installed
 */
export async function findChromium(
	env: NodeJS.ProcessEnv = process.env,
	isExecutable: (file: string) => boolean = isExecutableFile,
	packaged: () => Promise<string> = packagedChromium
): Promise<ChromiumChoice> {
	const configured = env.CHROMIUM_PATH?.trim();
	if (configured) {
		if (isExecutable(configured)) return { executablePath: configured, from: 'CHROMIUM_PATH' };
		throw new ChromiumNotFound(
			`CHROMIUM_PATH is ${configured}, which is not an executable file. Correct it, or unset it to use ${DEBIAN_CHROMIUM} or the Chromium that npm ci installed (@sparticuz/chromium).`
		);
	}
	if (isExecutable(DEBIAN_CHROMIUM)) return { executablePath: DEBIAN_CHROMIUM, from: 'debian' };
	let unpacked: string;
	try {
		unpacked = await packaged();
	} catch (e) {
		throw new ChromiumNotFound(
			`No Chromium: ${DEBIAN_CHROMIUM} is not installed and the @sparticuz/chromium package could not be unpacked (${(e as Error).message}). Run npm ci, install Debian's chromium, or set CHROMIUM_PATH.`
		);
	}
	return { executablePath: unpacked, from: 'npm' };
}
