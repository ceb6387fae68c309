import { describe, it, expect } from 'vitest';
import { round2 } from './round';

describe('round2()', () => {
	it.each([
		[134.6666, 134.67],
		[1.005, 1],
		[-0.001, 0],
		[-2.344, -2.34],
		[0, 0]
	])('round2(%d) gives %d', (v, out) => {
		expect(Object.is(round2(v), out)).toBe(true);
	});
});
