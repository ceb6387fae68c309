import { describe, expect, it } from 'vitest';
import { ConfigError, parseTwoFactorRoles, requireOrigin } from './config';

describe('requireOrigin()', () => {
	it('returns the origin when ORIGIN is a scheme and host', () => {
		expect(requireOrigin({ ORIGIN: 'https://rapor.patikab.go.id' })).toBe(
			'https://rapor.patikab.go.id'
		);
		expect(requireOrigin({ ORIGIN: 'http://localhost:3000/' })).toBe('http://localhost:3000');
	});

	it.each([
		undefined,
		'',
		'  ',
		'rapor.example',
		'ftp://x.example',
		'https://x.example/app',
		'https://x.example/?a=1'
	])('refuses to start with ORIGIN=%j', (value) => {
		expect(() => requireOrigin({ ORIGIN: value })).toThrow(ConfigError);
	});

	it('says what to set when ORIGIN is missing', () => {
		expect(() => requireOrigin({})).toThrow(/ORIGIN is not set: set it to the address people open/);
	});
});

describe('parseTwoFactorRoles()', () => {
	it('reads a comma-separated list of roles', () => {
		expect(parseTwoFactorRoles(undefined)).toEqual([]);
		expect(parseTwoFactorRoles('')).toEqual([]);
		expect(parseTwoFactorRoles(' Admin, walidata ,admin')).toEqual(['admin', 'walidata']);
	});

	it('refuses an unknown role, naming it', () => {
		expect(() => parseTwoFactorRoles('admin,root')).toThrow(/"root" is not a role/);
	});
});
