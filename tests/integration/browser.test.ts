/**
 * Which Chromium runs (`findChromium`), and that the one the npm package brings really launches
 * and prints a PDF here: on a machine without Debian's Chromium it is the only one there is.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
	CHROMIUM_ARGS,
	ChromiumNotFound,
	DEBIAN_CHROMIUM,
	findChromium,
	isExecutableFile
} from '../../src/lib/server/browser';

const dir = mkdtempSync(path.join(tmpdir(), 'rapor-browser-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const noPackage = () => Promise.reject(new Error('must not be asked'));

describe('findChromium()', () => {
	it('takes CHROMIUM_PATH first, when it is an executable file', async () => {
		const own = path.join(dir, 'my-chromium');
		writeFileSync(own, '#!/bin/sh\n');
		chmodSync(own, 0o755);
		expect(await findChromium({ CHROMIUM_PATH: own }, isExecutableFile, noPackage)).toEqual({
			executablePath: own,
			from: 'CHROMIUM_PATH'
		});
	});

	it('refuses a CHROMIUM_PATH that is missing, a folder or not executable, and says what to do', async () => {
		const plain = path.join(dir, 'not-executable');
		writeFileSync(plain, 'x');
		chmodSync(plain, 0o644);
		for (const wrong of [path.join(dir, 'absent'), dir, plain]) {
			const found = findChromium({ CHROMIUM_PATH: wrong }, isExecutableFile, noPackage);
			await expect(found).rejects.toThrow(ChromiumNotFound);
			await expect(found).rejects.toThrow(
				`CHROMIUM_PATH is ${wrong}, which is not an executable file. Correct it, or unset it to use /usr/bin/chromium or the Chromium that npm ci installed (@sparticuz/chromium).`
			);
		}
	});

	it("then Debian's /usr/bin/chromium", async () => {
		const only = (file: string) => file === DEBIAN_CHROMIUM;
		expect(await findChromium({ CHROMIUM_PATH: '  ' }, only, noPackage)).toEqual({
			executablePath: DEBIAN_CHROMIUM,
			from: 'debian'
		});
	});

	it('then the npm package, and says what to do when even that fails', async () => {
		const none = () => false;
		expect(await findChromium({}, none, async () => '/tmp/chromium')).toEqual({
			executablePath: '/tmp/chromium',
			from: 'npm'
		});
		await expect(
			findChromium({}, none, () => Promise.reject(new Error('ENOSPC: no space left on device')))
		).rejects.toThrow(
			"No Chromium: /usr/bin/chromium is not installed and the @sparticuz/chromium package could not be unpacked (ENOSPC: no space left on device). Run npm ci, install Debian's chromium, or set CHROMIUM_PATH."
		);
	});
});

describe('the Chromium of the @sparticuz/chromium package', () => {
	// Unpacking (about 65 MB) and a first launch: room on a busy machine; nothing is timed.
	it('launches with our flags and prints a one-page PDF', { timeout: 120_000 }, async () => {
		const found = await findChromium({}, () => false);
		expect(found.from).toBe('npm');
		expect(isExecutableFile(found.executablePath)).toBe(true);
		const { chromium } = await import('playwright-core');
		const browser = await chromium.launch({
			executablePath: found.executablePath,
			headless: true,
			args: [...CHROMIUM_ARGS]
		});
		try {
			expect(browser.version()).toMatch(/^153\./);
			const page = await browser.newPage();
			await page.setContent('<main><h1>Rapor Cerdas</h1><p>Kabupaten Pati</p></main>');
			const pdf = await page.pdf({ format: 'A4' });
			expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
			// One A4 page.
			expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
		} finally {
			await browser.close();
		}
	});
});
