import { describe, expect, it } from 'vitest';
import { scoreFramework } from './scoring/engine';
import { smallFramework } from './scoring/fixtures';
import { DEFAULT_SETTINGS } from './scoring/profile';
import { basisView, leansOnCarried, missingIndicators } from './scorecard-basis';

describe('missingIndicators()', () => {
	it('lists the weighted indicators without a score, with their OPD, and leaves context out', () => {
		// Only i1 and i5 have a value: i2, i3, i4 are missing; i6 (weight 0) is context.
		const r = scoreFramework({
			framework: smallFramework(),
			profile: { code: 'p', settings: DEFAULT_SETTINGS },
			observations: [
				{ regionCode: 'A', indicatorCode: 'i1', year: 2022, value: 50 },
				{ regionCode: 'A', indicatorCode: 'i5', year: 2022, value: 3 }
			],
			years: [2022]
		}).regionYear('A', 2022)!;
		const opd = new Map([
			['i2', 'DLH'],
			['i3', 'BPS']
		]);
		expect(missingIndicators(r.composite, opd).map((i) => [i.code, i.opd])).toEqual([
			['i2', 'DLH'],
			['i3', 'BPS'],
			['i4', '']
		]);
		expect(missingIndicators(r.dimensions[1], opd)).toEqual([]);
		expect(basisView(r.composite.basis)).toEqual({
			indicators: 5,
			scored: 2,
			carried: 0,
			illustrative: 0
		});
	});
});

describe('leansOnCarried()', () => {
	const basis = (carried: number) => ({
		indicators: 3,
		scored: 3,
		carried,
		illustrative: 0,
		carriedShare: carried / 3
	});
	it.each([
		[{ score: 61, basis: basis(1) }, true],
		[{ score: 61, basis: basis(0) }, false],
		// No score rests on nothing, carried or not.
		[{ score: null, basis: basis(2) }, false],
		[undefined, false],
		[null, false]
	])('leansOnCarried(%o) is %s', (g, expected) => {
		expect(leansOnCarried(g)).toBe(expected);
	});
});
