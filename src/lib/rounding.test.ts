import { describe, it, expect } from 'vitest';
import { formatNumber } from './format';
import { roundAsShown } from './rounding';

describe('roundAsShown()', () => {
	it.each([
		[49.95, 1, 50],
		[49.94, 1, 49.9],
		[2.345, 2, 2.35],
		[1.005, 2, 1.01],
		[72.25, 1, 72.3],
		[-2.25, 1, -2.3],
		[61.54, 0, 62],
		[-0.01, 1, 0],
		[1379022.5, 0, 1379023],
		[0.1 + 0.2, 2, 0.3],
		[5, 25, 5],
		[5.5, -1, 6],
		[Infinity, 1, Infinity]
	])('roundAsShown(%d, %i) gives %d', (v, d, out) => {
		expect(roundAsShown(v, d)).toBe(out);
	});

	it.each([49.95, 49.949, 2.345, 1.005, 72.25, 0.05, 99.95, 64.999])(
		'roundAsShown(%d, 1) is the number formatNumber() writes with 1 decimal',
		(v) => {
			expect(formatNumber(roundAsShown(v, 1), 'en', { decimals: 1 })).toBe(
				formatNumber(v, 'en', { decimals: 1 })
			);
			expect(roundAsShown(v, 1)).toBe(Number(formatNumber(v, 'en', { decimals: 1 })));
		}
	);
});
