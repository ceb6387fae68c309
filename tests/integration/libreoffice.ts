/**
 * Driving LibreOffice Calc (headless) from integration tests: open files the way a reader's
 * spreadsheet does, save them as XLSX, and read every cell back with exceljs. Each run gets a
 * user profile of its own, so parallel runs and a desktop LibreOffice never collide, and the
 * profile can carry Calc's locale setting ("Indonesian settings": `,` is the decimal mark).
 *
 * Needs LibreOffice: `apt-get install -y libreoffice-calc-nogui` (.ci/run installs it).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';

export const INSTALL = 'apt-get install -y libreoffice-calc-nogui';

/** The LibreOffice binary on PATH; throws with the install command when there is none. */
export function findSoffice(): string {
	for (const bin of ['soffice', 'libreoffice']) {
		if (spawnSync(bin, ['--version'], { encoding: 'utf8' }).status === 0) return bin;
	}
	throw new Error(
		`LibreOffice is not installed (no soffice or libreoffice on PATH); this test needs it: ${INSTALL}`
	);
}

/** Calc's "Locale setting" (Tools ▸ Options ▸ Language Settings ▸ Languages). */
export type CalcLocale = 'id-ID' | 'en-US';

/**
 * A LibreOffice user profile in `dir` (as the file URL `-env:UserInstallation` takes); with a
 * locale, the profile sets Calc's locale setting, which decides the decimal mark a CSV's numbers
 * are read with (`32,4` is a number under id-ID and text under en-US).
 */
export function calcProfile(dir: string, locale?: CalcLocale): string {
	const profile = path.join(dir, locale ? `profile-${locale}` : 'profile');
	if (locale) {
		mkdirSync(path.join(profile, 'user'), { recursive: true });
		writeFileSync(
			path.join(profile, 'user', 'registrymodifications.xcu'),
			'<?xml version="1.0" encoding="UTF-8"?>\n' +
				'<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n' +
				`<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>${locale}</value></prop></item>\n` +
				'</oor:items>\n'
		);
	}
	return `file://${profile}`;
}

/**
 * Opens `files` in one Calc run and saves each as `<name>.xlsx` in `outdir`. `infilter` is the
 * CSV filter's options (LibreOffice 7.4): field separator(s) and text delimiter as ASCII codes,
 * character set (76 = UTF-8), first line to read, …; token 11 is "remove spaces". Without it an
 * XLSX is opened as it is.
 */
export function convertInCalc(
	soffice: string,
	run: { profile: string; files: string[]; outdir: string; infilter?: string }
): void {
	mkdirSync(run.outdir, { recursive: true });
	const result = spawnSync(
		soffice,
		[
			`-env:UserInstallation=${run.profile}`,
			'--headless',
			'--norestore',
			'--convert-to',
			'xlsx',
			...(run.infilter ? [`--infilter=CSV:${run.infilter}`] : []),
			'--outdir',
			run.outdir,
			...run.files
		],
		{ encoding: 'utf8', timeout: 100_000 }
	);
	if (result.status !== 0)
		throw new Error(`soffice failed (${result.status}): ${result.stderr}${result.stdout}`);
}

export type Cell = string | number | boolean | null;
export type Row = Cell[];

export interface Sheet {
	/** Each row's cells from column A: numbers as numbers, empty cells null, the rest as text. */
	rows: Row[];
	/** `A1: SUM(…)` for every formula cell: a file of ours must never produce one. */
	formulas: string[];
	/** The number format of each number cell, by address. */
	numFmts: Record<string, string>;
}

/** Reads one sheet of an XLSX file as Calc saved it. */
export async function readSheet(file: string, index = 0): Promise<Sheet> {
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.readFile(file);
	const sheet: Sheet = { rows: [], formulas: [], numFmts: {} };
	wb.worksheets[index].eachRow((r, row) => {
		const cells: Row = [];
		r.eachCell({ includeEmpty: true }, (c, col) => {
			if (c.type === ExcelJS.ValueType.Formula) sheet.formulas.push(`${c.address}: ${c.formula}`);
			if (typeof c.value === 'number' && c.numFmt) sheet.numFmts[c.address] = c.numFmt;
			cells[col - 1] =
				c.value === null || c.value === undefined
					? null
					: typeof c.value === 'number' || typeof c.value === 'boolean'
						? c.value
						: String(c.value);
		});
		sheet.rows[row - 1] = cells;
	});
	return sheet;
}
