/**
 * Strings of the chart chrome (buttons, table notes, "no data") in both languages.
 * Pages may pass their own (e.g. from Paraglide messages) through a component's `labels` prop;
 * anything not passed falls back to these.
 */
import type { Lang } from './types';

export interface ChartLabels {
	showTable: string;
	download: string;
	downloadCsv: string;
	downloadSvg: string;
	downloadPng: string;
	source: string;
	noData: string;
	missingNote: string;
	illustrative: string;
	illustrativeNote: string;
	target: string;
	year: string;
	value: string;
	score: string;
	region: string;
	rank: string;
	rankBest: string;
	rankWorst: string;
	low: string;
	high: string;
	change: string;
	band: string;
	dimension: string;
	dataPoints: string;
	selected: string;
	legend: string;
	showSeries: string;
}

export const CHART_LABELS: Record<Lang, ChartLabels> = {
	id: {
		showTable: 'Tabel, sumber dan unduhan',
		download: 'Unduh',
		downloadCsv: 'Data (CSV)',
		downloadSvg: 'Gambar (SVG)',
		downloadPng: 'Gambar (PNG)',
		source: 'Sumber',
		noData: 'tidak ada data',
		missingNote: '– = tidak ada data',
		illustrative: 'ilustratif',
		illustrativeNote: 'Penanda berongga dan * = nilai ilustratif, bukan angka resmi',
		target: 'Target',
		year: 'Tahun',
		value: 'Nilai',
		score: 'Skor',
		region: 'Wilayah',
		rank: 'Peringkat',
		rankBest: 'Peringkat terbaik yang mungkin',
		rankWorst: 'Peringkat terburuk yang mungkin',
		low: 'Batas bawah',
		high: 'Batas atas',
		change: 'Perubahan',
		band: 'Kategori',
		dimension: 'Dimensi',
		dataPoints: 'Titik data',
		selected: 'dipilih',
		legend: 'Keterangan',
		showSeries: 'Tampilkan'
	},
	en: {
		showTable: 'Table, source and downloads',
		download: 'Download',
		downloadCsv: 'Data (CSV)',
		downloadSvg: 'Image (SVG)',
		downloadPng: 'Image (PNG)',
		source: 'Source',
		noData: 'no data',
		missingNote: '– = no data',
		illustrative: 'illustrative',
		illustrativeNote: 'Hollow markers and * = illustrative values, not official figures',
		target: 'Target',
		year: 'Year',
		value: 'Value',
		score: 'Score',
		region: 'Region',
		rank: 'Rank',
		rankBest: 'Best possible rank',
		rankWorst: 'Worst possible rank',
		low: 'Lower bound',
		high: 'Upper bound',
		change: 'Change',
		band: 'Band',
		dimension: 'Dimension',
		dataPoints: 'Data points',
		selected: 'selected',
		legend: 'Legend',
		showSeries: 'Show'
	}
};

/** The chrome labels for a language, with any overrides a page passes. */
export function chartLabels(lang: Lang, overrides: Partial<ChartLabels> = {}): ChartLabels {
	return { ...CHART_LABELS[lang], ...overrides };
}
