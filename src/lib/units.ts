/**
 * Unit labels in the reader's language. Indicator units are stored once, in English, as a small
 * controlled vocabulary; a unit not listed here is shown as written in the data.
 * Pure module, shared by pages, charts and CSV downloads.
 */
import type { Locale } from './format';

const LABELS: Record<string, { id: string; en: string }> = {
	'%': { id: '%', en: '%' },
	level: { id: 'level', en: 'level' },
	years: { id: 'tahun', en: 'years' },
	hours: { id: 'jam', en: 'hours' },
	index: { id: 'indeks', en: 'index' },
	'index (0-100)': { id: 'indeks (0–100)', en: 'index (0–100)' },
	'index (1-5)': { id: 'indeks (1–5)', en: 'index (1–5)' },
	'score (0-100)': { id: 'skor (0–100)', en: 'score (0–100)' },
	ratio: { id: 'rasio', en: 'ratio' },
	'per 100,000 population': { id: 'per 100.000 penduduk', en: 'per 100,000 population' },
	units: { id: 'unit', en: 'units' },
	visits: { id: 'kunjungan', en: 'visits' },
	villages: { id: 'desa', en: 'villages' },
	services: { id: 'layanan', en: 'services' },
	agencies: { id: 'instansi', en: 'agencies' },
	counters: { id: 'loket', en: 'counters' },
	OPD: { id: 'OPD', en: 'agencies (OPD)' },
	datasets: { id: 'dataset', en: 'datasets' },
	innovations: { id: 'inovasi', en: 'innovations' },
	licences: { id: 'izin', en: 'licences' },
	enterprises: { id: 'usaha', en: 'enterprises' },
	persons: { id: 'jiwa', en: 'persons' },
	merchants: { id: 'merchant', en: 'merchants' },
	routes: { id: 'trayek', en: 'routes' },
	sites: { id: 'lokasi', en: 'sites' },
	cameras: { id: 'kamera', en: 'cameras' },
	ha: { id: 'ha', en: 'ha' },
	'IDR billion': { id: 'miliar rupiah', en: 'IDR billion' },
	'IDR million': { id: 'juta rupiah', en: 'IDR million' },
	'IDR/month': { id: 'rupiah/bulan', en: 'IDR/month' },
	'IDR/capita/month': { id: 'rupiah/kapita/bulan', en: 'IDR/capita/month' }
};

/**
 * The unit as a reader of `locale` writes it.
 * @example unitLabel('years', 'id') === 'tahun'; unitLabel('km', 'id') === 'km'
 */
export function unitLabel(unit: string, locale: Locale): string {
	return LABELS[unit]?.[locale] ?? unit;
}
