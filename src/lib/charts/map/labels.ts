/**
 * Strings only the maps need, in both languages (the shared chrome strings are in ../labels.ts).
 * Pure module.
 */
import type { Lang } from '../types';

export interface MapLabels {
	code: string;
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
		summary: ({ total, withData, highest, lowest }) =>
			`Peta ${total} wilayah; ${withData} dengan data.` +
			(highest && lowest
				? ` Tertinggi: ${highest.name} (${highest.value}); terendah: ${lowest.name} (${lowest.value}).`
				: '')
	},
	en: {
		code: 'Code',
		summary: ({ total, withData, highest, lowest }) =>
			`Map of ${total} regions; ${withData} with data.` +
			(highest && lowest
				? ` Highest: ${highest.name} (${highest.value}); lowest: ${lowest.name} (${lowest.value}).`
				: '')
	}
};
