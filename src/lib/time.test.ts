import { describe, expect, it } from 'vitest';
import { timestamp } from '$lib/time';

describe('timestamp', () => {
	it.each([
		['2025-03-01T08:05:09.123Z', 'minute', '2025-03-01 08:05'],
		['2025-03-01T08:05:09.123Z', 'second', '2025-03-01 08:05:09'],
		['2025-03-01T08:05:09Z', 'second', '2025-03-01 08:05:09'],
		['2025-03-01', 'minute', '2025-03-01'],
		['', 'minute', ''],
		[null, 'minute', ''],
		[undefined, 'second', '']
	] as const)('timestamp(%j, %j) is %j', (iso, to, expected) => {
		expect(timestamp(iso, to)).toBe(expected);
	});
});
