import { describe, it, expect } from 'vitest';
import { dodge, leaderLine, slopeLayout } from './slope';

describe('dodge()', () => {
	it.each([
		[[10, 12, 50], 8, 0, 100, [7, 15, 50]],
		[[12, 10, 50], 8, 0, 100, [15, 7, 50]],
		[[95, 98, 99], 8, 0, 100, [84, 92, 100]],
		[[50, 50, 50], 10, 0, 100, [40, 50, 60]],
		[[-5, 40], 10, 0, 100, [0, 40]],
		[[10, 20, 30], 60, 0, 100, [0, 50, 100]],
		[[42], 10, 0, 100, [42]],
		[[3, 4, 5], 10, 0, 100, [0, 10, 20]],
		[[0, 30, 35, 40], 10, 0, 100, [0, 25, 35, 45]],
		[[], 10, 0, 100, []]
	])('dodge(%j, %d, %d, %d) gives %j', (pos, gap, lo, hi, out) => {
		expect(dodge(pos, gap, lo, hi)).toEqual(out);
	});

	it('dodge() leaves every pair of neighbours at least minGap apart', () => {
		const out = dodge([30, 31, 32, 33, 34, 90, 91], 12, 0, 100).sort((a, b) => a - b);
		for (let k = 1; k < out.length; k++) expect(out[k] - out[k - 1]).toBeGreaterThanOrEqual(12);
	});
});

describe('slopeLayout()', () => {
	it('slopeLayout() maps values onto the vertical range and de-overlaps each side', () => {
		const lines = slopeLayout(
			[
				{ code: 'a', label: 'A', from: 50, to: 80 },
				{ code: 'b', label: 'B', from: 51, to: 20 },
				{ code: 'c', label: 'C', from: null, to: 81 }
			],
			[0, 100],
			10,
			110,
			14
		);
		expect(lines.map((l) => [l.code, l.y1, l.y2, l.label1, l.label2])).toEqual([
			['a', 60, 30, 66.5, 36.5],
			['b', 59, 90, 52.5, 90],
			['c', null, 29, null, 22.5]
		]);
	});

	it('slopeLayout() clamps values outside the domain to the chart', () => {
		const [l] = slopeLayout([{ code: 'a', label: 'A', from: -10, to: 130 }], [0, 100], 10, 110, 14);
		expect([l.y1, l.y2]).toEqual([110, 10]);
	});
});

describe('leaderLine()', () => {
	it.each([
		[100, 50, 65, 'left', 14, { x1: 96, y1: 50, x2: 88, y2: 65 }],
		[100, 50, 35, 'right', 14, { x1: 104, y1: 50, x2: 112, y2: 35 }],
		[100, 50.5, 40.25, 'right', 10, { x1: 104, y1: 50.5, x2: 108, y2: 40.25 }],
		[100, 50, 50, 'left', 14, null],
		[100, 50, 50.99, 'left', 14, null],
		[100, 50, 51, 'left', 14, { x1: 96, y1: 50, x2: 88, y2: 51 }]
	] as const)(
		'leaderLine(%d, %d, %d, %j, %d) gives %o (none for a label within 1 px of its dot)',
		(x, y, label, side, length, out) => {
			expect(leaderLine(x, y, label, side, length)).toEqual(out);
		}
	);

	it('leaderLine() takes another threshold', () => {
		expect(leaderLine(0, 10, 13, 'left', 14, 4)).toBeNull();
		expect(leaderLine(0, 10, 14, 'left', 14, 4)).toEqual({ x1: -4, y1: 10, x2: -12, y2: 14 });
	});
});
