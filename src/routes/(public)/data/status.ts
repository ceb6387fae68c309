/**
 * How the data page shows a status: the symbol of its tables and legend and the words beside it.
 * One list, so the matrix and its legend agree.
 */
import type { Status } from '$lib/availability';
import { m } from '$lib/paraglide/messages';

export const SYMBOL: Record<Status, string> = {
	real: '●',
	illustrative: '◐',
	missing: '○',
	not_applicable: '–'
};

export const statusText = (s: Status) =>
	s === 'real'
		? m.avail_status_real()
		: s === 'illustrative'
			? m.avail_status_illustrative()
			: s === 'missing'
				? m.avail_status_missing()
				: m.avail_status_not_applicable();

/** The legend's order. */
export const LEGEND: Status[] = ['real', 'illustrative', 'missing', 'not_applicable'];
