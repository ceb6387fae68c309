/**
 * The chart downloads against a real spreadsheet. Two tables built by the charts' own model
 * builders (the compare page's ranked bars, with a "*" after an illustrative region and engine rank
 * intervals; an indicator's line chart, with a unit, a negative value and an illustrative one) are
 * written as the CSV and the XLSX a reader downloads from an Indonesian and from an English page.
 * LibreOffice Calc opens each file under the matching regional settings (a profile whose locale is
 * id-ID or en-US, the CSV split on ";" or ","), saves it as XLSX, and exceljs reads every cell back:
 * numbers must be numbers in the right cells, with the page's rounding beside the precise value,
 * and no cell may be a formula.
 *
 * Needs LibreOffice (see ./libreoffice.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rankItems } from '../../src/lib/charts/geometry/bars';
import { chartLabels } from '../../src/lib/charts/labels';
import { barsModel, lineModel } from '../../src/lib/charts/tables';
import type { TableModel } from '../../src/lib/charts/types';
import { sheetLabels } from '../../src/lib/downloads/labels';
import { sheetCsv, tableSheet } from '../../src/lib/downloads/sheet';
import { payloadWorkbook } from '../../src/lib/server/downloads/xlsx';
import {
	calcProfile,
	convertInCalc,
	findSoffice,
	readSheet,
	type CalcLocale,
	type Row,
	type Sheet
} from './libreoffice';

type Lang = 'id' | 'en';
type Table = 'ranking' | 'series';
type Format = 'csv' | 'xlsx';

const SOURCE: Record<Lang, string> = {
	id: 'Rapor Cerdas, profil GM100SC v1',
	en: 'Rapor Cerdas, GM100SC profile v1'
};

function tables(lang: Lang): Record<Table, TableModel> {
	const ctx = { title: 'T', lang, labels: chartLabels(lang), decimals: 1 };
	return {
		ranking: barsModel(
			rankItems([
				{ code: '33.18', label: 'Pati *', score: 32.40287037037037, rankLow: 2, rankHigh: 3 },
				{ code: '33.19', label: 'Kudus', score: 45.25, rankLow: 1, rankHigh: 1 },
				{ code: '33.20', label: 'Jepara', score: 32.4, rankLow: 2, rankHigh: 3 },
				{ code: '33.21', label: 'Demak', score: null }
			]),
			ctx
		).table,
		series: lineModel(
			[
				{
					key: '33.18',
					label: 'Kabupaten Pati',
					points: [
						{ year: 2021, value: -1.254 },
						{ year: 2022, value: 5.3149 },
						{ year: 2023, value: 4.1, illustrative: true }
					]
				},
				{ key: '33.19', label: 'Kabupaten Kudus', points: [{ year: 2022, value: 2.75 }] }
			],
			null,
			{ ...ctx, decimals: 2, unit: '%' }
		).table
	};
}

/** How a reader with each language's regional settings opens the files. */
const SETTINGS: Record<Lang, { locale: CalcLocale; csv: string }> = {
	id: { locale: 'id-ID', csv: '59,34,76,1' },
	en: { locale: 'en-US', csv: '44,34,76,1' }
};

let dir = '';
const opened = {} as Record<Lang, Record<Format, Record<Table, Sheet>>>;

beforeAll(async () => {
	const soffice = findSoffice();
	dir = mkdtempSync(path.join(tmpdir(), 'downloads-libreoffice-'));
	for (const lang of ['id', 'en'] as const) {
		const written: Record<Format, string[]> = { csv: [], xlsx: [] };
		for (const [name, table] of Object.entries(tables(lang))) {
			const ctx = { lang, labels: sheetLabels(lang), source: SOURCE[lang] };
			const csv = path.join(dir, `${lang}-${name}.csv`);
			writeFileSync(csv, sheetCsv(tableSheet(table, ctx), ctx));
			const { body } = await payloadWorkbook(
				{ lang, filename: name, title: name, source: SOURCE[lang], table },
				{ date: '2025-05-12' }
			);
			const xlsx = path.join(dir, `${lang}-${name}.xlsx`);
			writeFileSync(xlsx, body);
			written.csv.push(csv);
			written.xlsx.push(xlsx);
		}
		const profile = calcProfile(dir, SETTINGS[lang].locale);
		opened[lang] = {} as Record<Format, Record<Table, Sheet>>;
		for (const format of ['csv', 'xlsx'] as const) {
			const outdir = path.join(dir, `${lang}-${format}`);
			convertInCalc(soffice, {
				profile,
				files: written[format],
				outdir,
				infilter: format === 'csv' ? SETTINGS[lang].csv : undefined
			});
			opened[lang][format] = {} as Record<Table, Sheet>;
			for (const name of ['ranking', 'series'] as const)
				opened[lang][format][name] = await readSheet(path.join(outdir, `${lang}-${name}.xlsx`));
		}
	}
}, 180_000);

afterAll(() => {
	if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * What Calc holds once it has opened each file. Calc keeps 15 significant digits, so the precise
 * 32.40287037037037 comes back as 32.4028703703704. One difference between the formats: a CSV
 * cannot mark a cell as text, so under English settings Calc reads the region code "33.20" as the
 * number 33.2; the XLSX stores codes as text and keeps them whole.
 */
const ranking = (lang: Lang, format: Format): Row[] => {
	const code = (c: string): string | number => (lang === 'en' && format === 'csv' ? Number(c) : c);
	const [yes, no] = lang === 'id' ? ['ya', 'tidak'] : ['yes', 'no'];
	const src = SOURCE[lang];
	return [
		lang === 'id'
			? [
					'Wilayah',
					'Kode wilayah',
					'Ilustratif',
					'Peringkat',
					'Peringkat terbaik yang mungkin',
					'Peringkat terburuk yang mungkin',
					'Skor',
					'Skor (presisi)',
					'Sumber'
				]
			: [
					'Region',
					'Region code',
					'Illustrative',
					'Rank',
					'Best possible rank',
					'Worst possible rank',
					'Score',
					'Score (precise)',
					'Source'
				],
		['Kudus', code('33.19'), no, 1, 1, 1, 45.3, 45.25, src],
		['Pati', code('33.18'), yes, 2, 2, 3, 32.4, 32.4028703703704, src],
		['Jepara', code('33.20'), no, 3, 2, 3, 32.4, 32.4, src],
		['Demak', code('33.21'), no, null, null, null, null, null, src]
	];
};

const series = (lang: Lang): Row[] => {
	const [yes, no] = lang === 'id' ? ['ya', 'tidak'] : ['yes', 'no'];
	const src = SOURCE[lang];
	return [
		lang === 'id'
			? [
					'Tahun',
					'Kabupaten Pati',
					'Kabupaten Pati (presisi)',
					'Kabupaten Pati (ilustratif)',
					'Kabupaten Kudus',
					'Kabupaten Kudus (presisi)',
					'Satuan',
					'Sumber'
				]
			: [
					'Year',
					'Kabupaten Pati',
					'Kabupaten Pati (precise)',
					'Kabupaten Pati (illustrative)',
					'Kabupaten Kudus',
					'Kabupaten Kudus (precise)',
					'Unit',
					'Source'
				],
		[2021, -1.25, -1.254, no, null, null, '%', src],
		[2022, 5.31, 5.3149, no, 2.75, 2.75, '%', src],
		[2023, 4.1, 4.1, yes, null, null, '%', src]
	];
};

describe('chart downloads opened in LibreOffice Calc', () => {
	for (const lang of ['id', 'en'] as const)
		for (const format of ['csv', 'xlsx'] as const) {
			const where = `${lang === 'id' ? 'Indonesian' : 'English'} settings`;
			it(`the ${lang} ranking ${format.toUpperCase()} under ${where} has numbers in the right cells and no formula`, () => {
				const sheet = opened[lang][format].ranking;
				expect(sheet.formulas).toEqual([]);
				expect(sheet.rows).toEqual(ranking(lang, format));
			});
			it(`the ${lang} series ${format.toUpperCase()} under ${where} keeps negative decimals and the unit apart`, () => {
				const sheet = opened[lang][format].series;
				expect(sheet.formulas).toEqual([]);
				expect(sheet.rows).toEqual(series(lang));
			});
		}

	it('the XLSX keeps the page’s number formats through Calc: ranks whole, scores with one decimal', () => {
		for (const lang of ['id', 'en'] as const) {
			const { numFmts } = opened[lang].xlsx.ranking;
			expect([numFmts.D2, numFmts.E2, numFmts.F2, numFmts.G2, numFmts.H2]).toEqual([
				'0',
				'0',
				'0',
				'0.0',
				undefined
			]);
			expect(opened[lang].xlsx.series.numFmts.B2).toBe('0.00');
		}
	});
});
