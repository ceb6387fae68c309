/**
 * The values an indicator can take at all, from its value type and its unit: a share is 0–100,
 * a level 1–5, a count a whole number of 0 or more, an "index (0-100)" lies in 0–100, and money,
 * areas, durations, rates per population and ratios are never negative. A value outside is a typo
 * (`1.234` read as 1234 on a 0–100 index), never a plan or an observation, so the validator
 * refuses it, for files and the one-field forms alike.
 *
 * The scoring bounds (worst/best) are not this range: a value beyond them is possible and is
 * clamped when scored.
 */
import type { ValueType } from './types';

export interface PossibleRange {
	min: number;
	/** Infinity when the unit sets no upper limit. */
	max: number;
	integer: boolean;
}

/** "(0-100)", "(0–100)", "(1 - 5)" inside a unit; decimals with a point (units are data, not locale text). */
const DECLARED = /\(\s*(-?\d+(?:\.\d+)?)\s*[-–]\s*(-?\d+(?:\.\d+)?)\s*\)/;

/**
 * Units that cannot be negative. A unit that is only "%" can (growth rates), so it is not here;
 * shares are the `percent` value type.
 */
const NON_NEGATIVE =
	/^(idr\b|rp\b|ha$|km|years?$|tahun$|hours?$|jam$|per\b|ratio$|rasio$|index$|indeks$)/i;

/**
 * `possibleRange({ valueType: 'number', unit: 'index (0-100)' })` → `{ min: 0, max: 100, integer: false }`;
 * `possibleRange({ valueType: 'number', unit: '%' })` → `{ min: -Infinity, max: Infinity, integer: false }`.
 */
export function possibleRange(info: { valueType: ValueType; unit?: string | null }): PossibleRange {
	switch (info.valueType) {
		case 'percent':
			return { min: 0, max: 100, integer: false };
		case 'level':
			return { min: 1, max: 5, integer: true };
		case 'count':
			return { min: 0, max: Infinity, integer: true };
	}
	const unit = (info.unit ?? '').trim();
	const declared = DECLARED.exec(unit);
	if (declared) {
		const [a, b] = [Number(declared[1]), Number(declared[2])];
		if (a < b) return { min: a, max: b, integer: false };
	}
	if (NON_NEGATIVE.test(unit)) return { min: 0, max: Infinity, integer: false };
	return { min: -Infinity, max: Infinity, integer: false };
}

/** True when `v` is outside the range or breaks its whole-number rule. */
export function outsideRange(v: number, range: PossibleRange): boolean {
	return v < range.min || v > range.max || (range.integer && !Number.isInteger(v));
}
