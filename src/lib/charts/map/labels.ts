/**
 * Strings only the maps need, in both languages (the shared chrome strings are in ../labels.ts).
 * Pure module.
 */
import type { Lang } from '../types';

export interface MapLabels {
	code: string;
	/** How many regions a legend class holds: "(2 wilayah)". */
	regionCount: (n: number) => string;
	/** The legend's warning when regions in neighbouring classes differ by less than that. */
	narrowClasses: (width: string) => string;
	/** The unit of a difference between scores, when the value has no unit of its own. */
	points: string;
	/** Explains the class bounds: quantiles of the values, each class's lowest included. */
	quantileNote: string;
	/** Default description of a map: how many regions have data, the highest and lowest. */
	summary: (p: {
		total: number;
		withData: number;
		highest?: { name: string; value: string };
		lowest?: { name: string; value: string };
	}) => string;
}

export const MAP_LABELS: Record<Lang, MapLabels> = {
	id: {
		code: 'Kode',
		regionCount: (n) => `(${n} wilayah)`,
		narrowClasses: (width) =>
			`Selisih antar kelas kecil: dua wilayah di kelas yang bersebelahan bisa berselisih kurang dari ${width}, jadi warna yang berbeda belum tentu berarti beda yang nyata.`,
		points: 'poin',
		quantileNote:
			'Kelas dibagi menurut sebaran nilai (kuantil), dari nilai terendah sampai tertinggi; nilai yang sama dengan batas masuk kelas di atasnya.',
		summary: ({ total, withData, highest, lowest }) =>
			`Peta ${total} wilayah; ${withData} dengan data.` +
			(highest && lowest
				? ` Tertinggi: ${highest.name} (${highest.value}); terendah: ${lowest.name} (${lowest.value}).`
				: '')
	},
	en: {
		code: 'Code',
		regionCount: (n) => `(${n} ${n === 1 ? 'region' : 'regions'})`,
		narrowClasses: (width) =>
			`Small gaps between classes: two regions in neighbouring classes can differ by less than ${width}, so different colours need not mean a real difference.`,
		points: 'points',
		quantileNote:
			'Classes follow the spread of the values (quantiles), from the lowest to the highest; a value on a bound belongs to the class above it.',
		summary: ({ total, withData, highest, lowest }) =>
			`Map of ${total} regions; ${withData} with data.` +
			(highest && lowest
				? ` Highest: ${highest.name} (${highest.value}); lowest: ${lowest.name} (${lowest.value}).`
				: '')
	}
};
