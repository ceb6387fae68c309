import { describe, expect, it } from 'vitest';
import { safeRedirect } from './guard';

describe('safeRedirect()', () => {
	it.each([
		['/staff/audit?page=2', '/staff/audit?page=2'],
		['/en/staff', '/en/staff'],
		['/staff/../login', '/login'],
		[null, '/staff'],
		['', '/staff'],
		['staff', '/staff'],
		['//evil.example/x', '/staff'],
		['/\\evil.example', '/staff'],
		['https://evil.example/', '/staff'],
		['javascript:alert(1)', '/staff'],
		['/\tevil', '/staff'],
		['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
		['/' + 'a'.repeat(2001), '/staff']
	])('safeRedirect(%j) is %j', (input, expected) => {
		expect(safeRedirect(input)).toBe(expected);
	});
});
