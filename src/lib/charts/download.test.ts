import { describe, expect, it } from 'vitest';
import { todayIso } from './download';

describe('todayIso()', () => {
	it.each([
		[new Date(2025, 4, 12, 0, 0), '2025-05-12'],
		[new Date(2025, 4, 12, 23, 59), '2025-05-12'],
		[new Date(2024, 11, 31, 12, 0), '2024-12-31'],
		[new Date(2025, 0, 1, 8, 5), '2025-01-01']
	])('todayIso(%s) gives %s, the reader’s own calendar day', (now, day) => {
		expect(todayIso(now)).toBe(day);
	});
});
