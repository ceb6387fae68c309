import { describe, it, expect } from 'vitest';
import { placeMapLabels, type LabelCandidate } from './placement';

const bounds = { width: 200, height: 100 };
const box = (x: number, y: number, width: number, height: number) => ({ x, y, width, height });

describe('placeMapLabels()', () => {
	it('placeMapLabels() centres a name on the centroid of a region big enough for it', () => {
		expect(
			placeMapLabels([{ code: 'a', text: 'Pati', cx: 50, cy: 50, box: box(0, 0, 100, 100) }], {
				bounds
			})
		).toEqual([{ code: 'a', text: 'Pati', x: 50, y: 53.85 }]);
	});

	it.each([
		// 'Grobogan' is 52.8 px at 11 px: wider than 90 % of a 50 px box.
		['too narrow', box(0, 0, 50, 100), []],
		// 11 px text needs a box at least 15.7 px high (70 %).
		['too low', box(0, 0, 100, 15), []],
		['without a box', undefined, []],
		['big enough', box(0, 0, 60, 16), ['Grobogan']]
	])('placeMapLabels() leaves out the name of a region %s', (_, b, out) => {
		const c: LabelCandidate = { code: 'g', text: 'Grobogan', cx: 50, cy: 50, box: b };
		expect(placeMapLabels([c], { bounds }).map((l) => l.text)).toEqual(out);
	});

	it('placeMapLabels() always writes the selected name, moved inside the map at an edge', () => {
		const c = { code: 's', text: 'Kudus', cx: 2, cy: 99, box: box(0, 90, 4, 10) };
		expect(placeMapLabels([c], { bounds, selected: 's' })).toEqual([
			{ code: 's', text: 'Kudus', x: 17.5, y: 96.8 }
		]);
		expect(placeMapLabels([c], { bounds })).toEqual([]);
	});

	it('placeMapLabels() places larger regions first and drops a name that would touch one placed', () => {
		const small: LabelCandidate = {
			code: 's',
			text: 'Kudus',
			cx: 60,
			cy: 52,
			box: box(40, 40, 40, 20)
		};
		const big: LabelCandidate = {
			code: 'b',
			text: 'Grobogan',
			cx: 55,
			cy: 50,
			box: box(0, 0, 120, 100)
		};
		expect(placeMapLabels([small, big], { bounds }).map((l) => l.code)).toEqual(['b']);
		// The selected region goes first, whatever its size.
		expect(placeMapLabels([small, big], { bounds, selected: 's' }).map((l) => l.code)).toEqual([
			's'
		]);
	});

	it('placeMapLabels() returns the names in the order of the regions', () => {
		const a = { code: 'a', text: 'A', cx: 20, cy: 20, box: box(0, 0, 40, 40) };
		const b = { code: 'b', text: 'B', cx: 150, cy: 60, box: box(100, 0, 100, 100) };
		expect(placeMapLabels([a, b], { bounds }).map((l) => l.code)).toEqual(['a', 'b']);
	});

	it('placeMapLabels() of no regions is empty', () => {
		expect(placeMapLabels([], { bounds })).toEqual([]);
	});
});
