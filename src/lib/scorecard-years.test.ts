import { describe, expect, it } from 'vitest';
import { defaultYear, type YearStatus } from './scorecard-years';

const s = (
	year: number,
	scoredDimensions: number,
	freshIndicators: number,
	composite = false
): YearStatus => ({
	year,
	dimensions: 6,
	scoredDimensions,
	composite,
	freshIndicators
});

describe('defaultYear()', () => {
	it('opens on the latest year with a composite score, not the latest year', () => {
		expect(defaultYear([s(2022, 6, 40, true), s(2023, 6, 41, true), s(2024, 2, 20)])).toBe(2023);
	});
	it('without any composite, opens on the latest year with the most dimensions scored', () => {
		expect(defaultYear([s(2021, 3, 10), s(2022, 4, 12), s(2023, 4, 9), s(2024, 1, 30)])).toBe(2023);
	});
	it('when nothing scores, opens on the latest year with the most values observed that year', () => {
		expect(defaultYear([s(2022, 0, 15), s(2023, 0, 19), s(2024, 0, 19), s(2025, 0, 9)])).toBe(2024);
	});
	it('falls back to the last year when no year has any value, and to null with no years', () => {
		expect(defaultYear([s(2024, 0, 0), s(2025, 0, 0)])).toBe(2025);
		expect(defaultYear([])).toBeNull();
	});
});
