/**
 * The words of the downloads in the page's language, from the Paraglide messages of
 * `messages/downloads`: the CSV and XLSX headers and flag cells, the chart frame's XLSX button and
 * image notes, and the XLSX "about" sheet. The pure modules beside this one take them as arguments
 * and word nothing themselves. Split in three so the browser loads only what the frame uses.
 */
import { m } from '$lib/paraglide/messages';
import type { Locale } from '../format';
import type { SheetLabels } from './sheet';

/**
 * Header and flag words of a download (CSV and XLSX).
 * @example sheetLabels('id').code('Wilayah') === 'Kode wilayah'; sheetLabels('en').code('Region') === 'Region code'
 */
export function sheetLabels(lang: Locale): SheetLabels {
	const locale = { locale: lang };
	return {
		// "Kode wilayah": the row header's word in lower case after "Kode"; English keeps its case.
		code: (label) =>
			m.dl_col_code({ label: lang === 'id' ? label.toLocaleLowerCase('id-ID') : label }, locale),
		precise: (label) => m.dl_col_precise({ label }, locale),
		illustrative: (label) => m.dl_col_illustrative({ label }, locale),
		carried: (label) => m.dl_col_carried({ label }, locale),
		marked: m.dl_col_marked({}, locale),
		unit: m.dl_col_unit({}, locale),
		source: m.dl_col_source({}, locale),
		yes: m.dl_yes({}, locale),
		no: m.dl_no({}, locale)
	};
}

export interface FrameDownloadLabels {
	xlsx: string;
	carriedNote: string;
	downloaded: (date: string, url: string) => string;
}

/**
 * What the chart frame says about its downloads: the XLSX button, the carried-forward note and
 * the "downloaded on … from …" line drawn into images.
 * @example frameDownloadLabels('en').downloaded('2025-05-12', 'https://x/') === 'Downloaded 2025-05-12 from https://x/'
 */
export function frameDownloadLabels(lang: Locale): FrameDownloadLabels {
	const locale = { locale: lang };
	return {
		xlsx: m.dl_xlsx({}, locale),
		carriedNote: m.dl_note_carried({}, locale),
		downloaded: (date, url) => m.dl_downloaded({ date, url }, locale)
	};
}

export interface AboutLabels {
	sheetData: string;
	sheetAbout: string;
	title: string;
	source: string;
	url: string;
	date: string;
	note: string;
}

/**
 * Sheet names and the row labels of the XLSX "about" sheet.
 * @example aboutLabels('id').sheetAbout === 'Keterangan'
 */
export function aboutLabels(lang: Locale): AboutLabels {
	const locale = { locale: lang };
	return {
		sheetData: m.dl_sheet_data({}, locale),
		sheetAbout: m.dl_sheet_about({}, locale),
		title: m.dl_about_title({}, locale),
		source: m.dl_about_source({}, locale),
		url: m.dl_about_url({}, locale),
		date: m.dl_about_date({}, locale),
		note: m.dl_about_note({}, locale)
	};
}
