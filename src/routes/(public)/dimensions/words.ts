/**
 * Words for the engine's states on the dimension and indicator pages (null reason, polarity,
 * value type, method; trends are in $lib/scorecard-labels), in the reader's language through Paraglide.
 */
import { m } from '$lib/paraglide/messages';
import type { Method, NullReason, Polarity, ValueType } from '$lib/scoring/types';

export function reasonWords(reason: NullReason | null): string {
	switch (reason) {
		case 'no_value':
			return m.dim_reason_no_value();
		case 'no_target':
			return m.dim_reason_no_target();
		case 'invalid_bounds':
			return m.dim_reason_invalid_bounds();
		case 'invalid_value':
			return m.dim_reason_invalid_value();
		case 'context':
			return m.dim_reason_context();
		case 'not_applicable':
			return m.dim_reason_not_applicable();
		case 'stale_data':
			return m.dim_reason_stale_data();
		default:
			return m.dim_reason_insufficient_data();
	}
}

export function polarityWords(p: Polarity): string {
	return p === 'higher' ? m.ind_polarity_higher() : m.ind_polarity_lower();
}

export function valueTypeWords(v: ValueType): string {
	switch (v) {
		case 'percent':
			return m.ind_value_type_percent();
		case 'count':
			return m.ind_value_type_count();
		case 'level':
			return m.ind_value_type_level();
		default:
			return m.ind_value_type_number();
	}
}

export function methodWords(method: Method): string {
	switch (method) {
		case 'target':
			return m.ind_method_target();
		case 'bands':
			return m.ind_method_bands();
		case 'level':
			return m.ind_method_level();
		default:
			return m.ind_method_minmax();
	}
}
