import { describe, expect, it } from 'vitest';
import { CAPABILITIES, hasRole, mayEditIndicator } from './roles';

describe('mayEditIndicator()', () => {
	it.each([
		[{ role: 'admin' as const, opd: null }, 'DLH', true],
		[{ role: 'walidata' as const, opd: null }, 'DLH', true],
		[{ role: 'produsen' as const, opd: 'DLH' }, 'DLH', true],
		[{ role: 'produsen' as const, opd: 'BPS' }, 'DLH', false],
		[{ role: 'produsen' as const, opd: 'BPS' }, '', false],
		[{ role: 'produsen' as const, opd: null }, '', false],
		[{ role: 'viewer' as const, opd: null }, 'DLH', false],
		[null, 'DLH', false]
	])('mayEditIndicator(%j, %j) is %s', (user, opd, expected) => {
		expect(mayEditIndicator(user, opd)).toBe(expected);
	});
});

describe('hasRole() and CAPABILITIES', () => {
	it('hasRole() is false for an anonymous request', () => {
		expect(hasRole(null, ['admin'])).toBe(false);
	});
	it('only admins manage users; admins and walidata read the audit log', () => {
		expect(CAPABILITIES.manageUsers).toEqual(['admin']);
		expect(CAPABILITIES.readAudit).toEqual(['admin', 'walidata']);
		expect(CAPABILITIES.editTargets).toEqual(['admin', 'walidata', 'produsen']);
	});
});
