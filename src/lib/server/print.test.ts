import { describe, expect, it } from 'vitest';
import { ConfigError } from './config';
import { printerMayLoad, printOrigin } from './print';

describe('printOrigin()', () => {
	it('is the loopback address of the server, whatever the request said', () => {
		expect(printOrigin({ PORT: '4000' })).toBe('http://127.0.0.1:4000');
		expect(printOrigin({})).toBe('http://127.0.0.1:3000');
		expect(printOrigin({ PRINT_ORIGIN: 'http://localhost:8080/' })).toBe('http://localhost:8080');
		expect(printOrigin({ PRINT_ORIGIN: 'http://[::1]:8080' })).toBe('http://[::1]:8080');
	});

	it.each([
		'https://evil.example',
		'http://10.0.0.5:3000',
		'http://127.0.0.1.evil.example',
		'nonsense'
	])('refuses PRINT_ORIGIN=%s: the printer never leaves the machine', (value) => {
		expect(() => printOrigin({ PRINT_ORIGIN: value })).toThrow(ConfigError);
	});
});

describe('printerMayLoad()', () => {
	const origin = 'http://127.0.0.1:3000';
	it.each([
		['http://127.0.0.1:3000/print/submissions/1', true],
		['http://127.0.0.1:3000/_app/immutable/x.css', true],
		['data:image/png;base64,AAAA', true],
		['http://127.0.0.1:3001/', false],
		['http://169.254.169.254/latest/meta-data/', false],
		['https://evil.example/x.png', false],
		['http://localhost:3000/', false],
		['file:///etc/passwd', false],
		['not a url', false]
	])('%s → %s', (url, allowed) => {
		expect(printerMayLoad(url, origin)).toBe(allowed);
	});
});
