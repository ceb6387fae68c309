import { describe, expect, it } from 'vitest';
import { meanSummary, studentTCdf, studentTQuantile } from './statistics';

describe('studentTQuantile()', () => {
	// Reference values: R's qt(0.975, df), 10 significant digits.
	it.each([
		[1, 12.70620474],
		[2, 4.30265273],
		[5, 2.570581836],
		[10, 2.228138852],
		[29, 2.045229642],
		[49, 2.009575237],
		[59, 2.000995378],
		[1000, 1.962339081]
	])('gives t(0.975, %i) = %f', (df, expected) => {
		expect(studentTQuantile(0.975, df)).toBeCloseTo(expected, 7);
	});

	it('is symmetric: t(0.025, 10) = −t(0.975, 10)', () => {
		expect(studentTQuantile(0.025, 10)).toBeCloseTo(-2.228138852, 7);
	});

	it.each([
		[0, 5],
		[1, 5],
		[0.975, 0],
		[NaN, 5]
	])('gives NaN for p = %f, df = %f', (p, df) => {
		expect(studentTQuantile(p, df)).toBeNaN();
	});
});

describe('studentTCdf()', () => {
	it('gives 0.5 at 0 and R’s pt(2, 3) = 0.930337', () => {
		expect(studentTCdf(0, 3)).toBe(0.5);
		expect(studentTCdf(2, 3)).toBeCloseTo(0.9303370156, 9);
		expect(studentTCdf(-2, 3)).toBeCloseTo(1 - 0.9303370156, 9);
	});
});

describe('meanSummary()', () => {
	it('gives mean ± t·s/√n: [2, 3, 4] → 3 ± 4.302653 · 1/√3', () => {
		const s = meanSummary([2, 3, 4]);
		expect(s.n).toBe(3);
		expect(s.mean).toBe(3);
		expect(s.sd).toBe(1);
		expect(s.low).toBeCloseTo(3 - 4.30265273 / Math.sqrt(3), 7);
		expect(s.high).toBeCloseTo(3 + 4.30265273 / Math.sqrt(3), 7);
	});

	it('gives 60 answers of 1–4 the interval R’s t.test gives', () => {
		// 15 of each value: mean 2.5, s = 1.127469, t(0.975, 59) = 2.000995 → 2.5 ± 0.291255.
		const xs = [1, 2, 3, 4].flatMap((v) => Array(15).fill(v) as number[]);
		const s = meanSummary(xs);
		expect(s.mean).toBe(2.5);
		expect(s.sd).toBeCloseTo(1.127469, 6);
		expect(s.low).toBeCloseTo(2.208745, 5);
		expect(s.high).toBeCloseTo(2.791255, 5);
	});

	it('gives no interval for one value, and nothing for none', () => {
		expect(meanSummary([3])).toEqual({ n: 1, mean: 3, sd: null, low: null, high: null });
		expect(meanSummary([])).toEqual({ n: 0, mean: null, sd: null, low: null, high: null });
	});

	it('ignores NaN and infinite values', () => {
		expect(meanSummary([NaN, 4, Infinity])).toEqual({
			n: 1,
			mean: 4,
			sd: null,
			low: null,
			high: null
		});
	});

	it('gives identical answers an interval of width 0', () => {
		expect(meanSummary([2, 2, 2])).toEqual({ n: 3, mean: 2, sd: 0, low: 2, high: 2 });
	});
});
