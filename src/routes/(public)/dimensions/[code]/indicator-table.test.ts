import { describe, expect, it } from 'vitest';
import { sheetLabels } from '$lib/downloads/labels';
import { sheetCsv, tableSheet } from '$lib/downloads/sheet';
import { parseTablePayload, tablePayload } from '$lib/downloads/payload';
import {
	indicatorTable,
	type IndicatorTableElement,
	type IndicatorTableWords
} from './indicator-table';

const WORDS: IndicatorTableWords = {
	caption: 'Indikator Ekonomi Cerdas, Kabupaten Pati 2022',
	indicator: 'Indikator',
	element: 'Elemen',
	value: 'Nilai',
	unit: 'Satuan',
	yearUsed: 'Tahun data',
	target: 'Target',
	targetYear: 'Tahun target',
	score: 'Skor',
	source: 'Sumber'
};

const row = (over: Partial<IndicatorTableElement['indicators'][number]>) => ({
	code: 'x',
	name: 'X',
	unit: 'persen',
	value: null,
	decimals: null,
	yearUsed: null,
	carriedForward: false,
	illustrative: false,
	target: null,
	targetYear: null,
	targetIllustrative: false,
	score: null,
	source: null,
	...over
});

/** Two elements: a value of this year with a target, one carried from 2021, one without a value. */
const ELEMENTS: IndicatorTableElement[] = [
	{
		name: 'Ekosistem industri',
		indicators: [
			row({
				code: 'pdrb_growth',
				name: 'Laju PDRB',
				value: 5.2871,
				decimals: 2,
				yearUsed: 2022,
				target: 5.5,
				targetYear: 2026,
				score: 61.04999,
				source: 'BPS Pati 2023'
			}),
			row({
				code: 'poverty',
				name: 'Penduduk miskin',
				value: 10.08,
				decimals: 1,
				yearUsed: 2021,
				carriedForward: true,
				score: 48.2,
				source: 'BPS Pati 2022',
				// A target without its year is not a target the table can state.
				target: 9
			})
		]
	},
	{
		name: 'Kesejahteraan',
		indicators: [row({ code: 'gini', name: 'Rasio Gini', unit: 'rasio', source: 'ignored' })]
	}
];

describe('indicatorTable()', () => {
	it('indicatorTable() gives one row per indicator with its element, year used and flags', () => {
		const t = indicatorTable(ELEMENTS, WORDS);
		expect(t.caption).toBe(WORDS.caption);
		expect(t.rows.map((r) => [r.code, r.cells.element, r.cells.yearUsed, r.decimals])).toEqual([
			['pdrb_growth', 'Ekosistem industri', 2022, 2],
			['poverty', 'Ekosistem industri', 2021, 1],
			['gini', 'Kesejahteraan', null, undefined]
		]);
		expect(t.rows[1].carried).toEqual({ value: true, score: true });
		expect(t.rows[1].cells.target).toBeNull();
		expect(t.rows[2].cells.source).toBeNull();
	});

	it('its Indonesian CSV rounds each value to its own decimals and flags the carried one', () => {
		const ctx = { lang: 'id' as const, labels: sheetLabels('id') };
		expect(sheetCsv(tableSheet(indicatorTable(ELEMENTS, WORDS), ctx), ctx)).toBe(
			'\uFEFF' +
				'Indikator;Kode indikator;Elemen;Nilai;Nilai (presisi);Nilai (nilai tahun sebelumnya);Satuan;Tahun data;Target;Target (presisi);Tahun target;Skor;Skor (presisi);Skor (nilai tahun sebelumnya);Sumber\r\n' +
				'Laju PDRB;pdrb_growth;Ekosistem industri;"5,29";"5,2871";tidak;persen;2022;"5,50";"5,5";2026;"61,0";"61,04999";tidak;BPS Pati 2023\r\n' +
				'Penduduk miskin;poverty;Ekosistem industri;"10,1";"10,08";ya;persen;2021;;;;"48,2";"48,2";ya;BPS Pati 2022\r\n' +
				'Rasio Gini;gini;Kesejahteraan;;;;rasio;;;;;;;;\r\n'
		);
	});

	it('the XLSX payload keeps each row’s decimals through the wire', () => {
		const table = indicatorTable(ELEMENTS, WORDS);
		const parsed = parseTablePayload(
			tablePayload({ lang: 'id', filename: 'f', title: WORDS.caption, table })
		);
		expect(parsed.ok && parsed.payload.table.rows.map((r) => r.decimals)).toEqual([
			2,
			1,
			undefined
		]);
	});
});
