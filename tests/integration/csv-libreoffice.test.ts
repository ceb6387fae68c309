/**
 * The CSV writer against a real spreadsheet: LibreOffice Calc (headless) opens the writer's files
 * the way a reader does, split on "," or on ";" (the separator under Indonesian regional settings),
 * with "remove spaces" on, or with quotes ignored, and saves them as XLSX; exceljs reads every cell
 * back. No cell may be a formula, every text must be exactly what is listed below, and numbers must
 * stay numbers. The exact texts of a file split on the "wrong" separator are how Calc 7.4 splits
 * it; what matters is that each piece starting with a trigger still starts with an apostrophe.
 *
 * Needs LibreOffice: `apt-get install -y libreoffice-calc-nogui` (.ci/run installs it); the
 * helpers that drive it are in ./libreoffice.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvRows, type CsvValue } from '../../src/lib/csv/write';
import { calcProfile, convertInCalc, findSoffice, readSheet, type Sheet } from './libreoffice';

/** Cells someone could type into a form that ends up in a download, and two numbers. */
const CELLS: CsvValue[] = [
	'x;=10*10;',
	'=1+1',
	'a,=2+2',
	'@SUM(1)',
	'-1+1',
	'x\t=3*3',
	'+1',
	'a; =1+1',
	42,
	-3.5
];
/** Each row of a file: its number (a JS number), then one of CELLS. */
const ROWS = CELLS.map((c, i) => [i + 1, c]);

/**
 * LibreOffice 7.4 CSV filter options: field separator(s) and text delimiter as ASCII codes,
 * character set (76 = UTF-8), first line to read; token 11 is "remove spaces".
 */
const OPEN = {
	comma: '44,34,76,1',
	semicolon: '59,34,76,1',
	// "Remove spaces": ` =1+1` after a separator would then be a formula.
	semicolonTrim: '59,34,76,1,,,,,,,true',
	// A text delimiter the files never use (| = 124): a splitter that ignores quotes.
	semicolonNoQuotes: '59,124,76,1',
	tabNoQuotes: '9,124,76,1'
} as const;
type Open = keyof typeof OPEN;
type Written = 'comma' | 'semicolon';

type Row = (string | number)[];

/** What Calc shows when the file is split on the separator it was written with. */
const AS_WRITTEN: Row[] = [
	[1, "x;'=10*10;"],
	[2, "'=1+1"],
	[3, "a,'=2+2"],
	[4, "'@SUM(1)"],
	[5, "'-1+1"],
	[6, "x\t'=3*3"],
	[7, "'+1"],
	[8, "a; '=1+1"],
	[9, 42],
	[10, -3.5]
];

const EXPECTED: Record<Open, Record<Written, Row[]>> = {
	comma: {
		comma: AS_WRITTEN,
		semicolon: [
			[`1;"x;'=10*10;"`],
			["2;'=1+1"],
			['3;"a', `'=2+2"`],
			["4;'@SUM(1)"],
			["5;'-1+1"],
			[`6;"x\t'=3*3"`],
			["7;'+1"],
			[`8;"a; '=1+1"`],
			['9;42'],
			['10;-3.5']
		]
	},
	semicolon: {
		// The finding: the old writer's `x;=10*10;` came out here as a formula computing 100.
		comma: [
			['1,"x', "'=10*10", `\n2,'=1+1\n3,"a,'=2+2`],
			["4,'@SUM(1)"],
			["5,'-1+1"],
			[`6,"x\t'=3*3"`],
			["7,'+1"],
			['8,"a', ` '=1+1"`],
			['9,42'],
			['10,-3.5']
		],
		semicolon: AS_WRITTEN
	},
	semicolonTrim: {
		comma: [
			['1,"x', "'=10*10", `\n2,'=1+1\n3,"a,'=2+2`],
			["4,'@SUM(1)"],
			["5,'-1+1"],
			[`6,"x\t'=3*3"`],
			["7,'+1"],
			['8,"a', `'=1+1"`],
			['9,42'],
			['10,-3.5']
		],
		semicolon: AS_WRITTEN
	},
	semicolonNoQuotes: {
		comma: [
			['1,"x', "'=10*10", '"'],
			["2,'=1+1"],
			[`3,"a,'=2+2"`],
			["4,'@SUM(1)"],
			["5,'-1+1"],
			[`6,"x\t'=3*3"`],
			["7,'+1"],
			['8,"a', ` '=1+1"`],
			['9,42'],
			['10,-3.5']
		],
		semicolon: [
			[1, '"x', "'=10*10", '"'],
			[2, "'=1+1"],
			[3, `"a,'=2+2"`],
			[4, "'@SUM(1)"],
			[5, "'-1+1"],
			[6, `"x\t'=3*3"`],
			[7, "'+1"],
			[8, '"a', ` '=1+1"`],
			[9, 42],
			[10, -3.5]
		]
	},
	tabNoQuotes: {
		comma: [
			[`1,"x;'=10*10;"`],
			["2,'=1+1"],
			[`3,"a,'=2+2"`],
			["4,'@SUM(1)"],
			["5,'-1+1"],
			['6,"x', `'=3*3"`],
			["7,'+1"],
			[`8,"a; '=1+1"`],
			['9,42'],
			['10,-3.5']
		],
		semicolon: [
			[`1;"x;'=10*10;"`],
			["2;'=1+1"],
			[`3;"a,'=2+2"`],
			["4;'@SUM(1)"],
			["5;'-1+1"],
			['6;"x', `'=3*3"`],
			["7;'+1"],
			[`8;"a; '=1+1"`],
			['9;42'],
			['10;-3.5']
		]
	}
};

let soffice = '';
let dir = '';
const opened = {} as Record<Open, Record<Written, Sheet>>;

/** Opens both CSV files in one Calc run with `filter` and reads back each first sheet. */
async function openInCalc(open: Open, files: Record<Written, string>): Promise<void> {
	const outdir = path.join(dir, open);
	convertInCalc(soffice, {
		profile: calcProfile(dir),
		files: [files.comma, files.semicolon],
		outdir,
		infilter: OPEN[open]
	});
	opened[open] = {} as Record<Written, Sheet>;
	for (const written of ['comma', 'semicolon'] as const)
		opened[open][written] = await readSheet(path.join(outdir, `${written}.xlsx`));
}

beforeAll(async () => {
	soffice = findSoffice();
	dir = mkdtempSync(path.join(tmpdir(), 'csv-libreoffice-'));
	const files = {} as Record<Written, string>;
	for (const written of ['comma', 'semicolon'] as const) {
		files[written] = path.join(dir, `${written}.csv`);
		writeFileSync(files[written], csvRows(ROWS, written === 'comma' ? ',' : ';'));
	}
	for (const open of Object.keys(OPEN) as Open[]) await openInCalc(open, files);
}, 120_000);

afterAll(() => {
	if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('csvRows() output opened in LibreOffice Calc', () => {
	for (const open of Object.keys(OPEN) as Open[])
		for (const written of ['comma', 'semicolon'] as const) {
			const sep = written === 'comma' ? '","' : '";"';
			it(`a ${sep} file opened with CSV:${OPEN[open]} has no formula and exactly the expected cells`, () => {
				const sheet = opened[open][written];
				expect(sheet.formulas).toEqual([]);
				expect(sheet.rows).toEqual(EXPECTED[open][written]);
				// Whatever the split, no text cell starts with a trigger once its spaces are gone.
				const exposed = sheet.rows
					.flat()
					.filter((c) => typeof c === 'string' && /^[=+\-@]/.test(c.trim()));
				expect(exposed).toEqual([]);
			});
		}
});
