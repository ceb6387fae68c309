import { describe, expect, it } from 'vitest';
import { formulaText } from './formula-text';

describe('formulaText()', () => {
	it.each([
		['(72.5 − 60) / (85 − 60) × 100 = 50', '(72,5 − 60) / (85 − 60) × 100 = 50'],
		[
			'(102.3 − 0) / (100 − 0) × 100 = 100 (102.3 clamped to 0–100)',
			'(102,3 − 0) / (100 − 0) × 100 = 100 (102,3 dibatasi ke 0–100)'
		],
		['9.31 / 8.5 × 100 = 91.3; target of 2026', '9,31 / 8,5 × 100 = 91,3; target tahun 2026'],
		[
			'no ratio (value ≤ 0): target 0 not met → 0',
			'tanpa rasio (nilai ≤ 0): target 0 tidak tercapai → 0'
		],
		[
			'(1 × 50 + 1 × 70.25) / 2 = 60.13; coverage 2 / 2 = 1 (minimum 0.8); carried forward 0',
			'(1 × 50 + 1 × 70,25) / 2 = 60,13; cakupan 2 / 2 = 1 (minimum 0,8); nilai terbawa 0'
		],
		['not scored: no_value', 'tidak diskor: tanpa nilai'],
		// The engine writes numbers without thousands groups (String(x)), so a point is a decimal.
		['1234.5 / 2 = 617.25', '1234,5 / 2 = 617,25']
	])('%s', (en, id) => {
		expect(formulaText(en, 'id')).toBe(id);
		expect(formulaText(en, 'en')).toBe(en);
	});
});
