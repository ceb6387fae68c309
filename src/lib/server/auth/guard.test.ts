import fc from 'fast-check';
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

	// The tricks of the attack report: each passed the old check on the input, then came out of
	// the URL parser as `//evil.example`, which a browser reads as another host.
	it.each([
		'/..//evil.example',
		'/.//evil.example',
		'/%2e//evil.example',
		'/%2E%2E//evil.example',
		'/staff/../..//evil.example',
		'/./%2e/..//evil.example',
		'/\t/evil.example',
		'/%09/evil.example'
	])('%j stays on the site', (input) => {
		const target = safeRedirect(input);
		expect(new URL(target, 'https://rapor.example/login').origin).toBe('https://rapor.example');
		expect(target).toMatch(/^\/(?![/\\])/);
	});

	it('keeps a harmless path with dot segments, normalised', () => {
		expect(safeRedirect('/staff/./audit/../imports?x=1#top')).toBe('/staff/imports?x=1#top');
	});

	// Strings assembled from the pieces redirect tricks are made of, in any order and number.
	const piece = fc.constantFrom(
		'/',
		'//',
		'\\',
		'.',
		'..',
		'%2e',
		'%2E',
		'%2f',
		'%5c',
		'%09',
		'\t',
		'\n',
		'\r',
		' ',
		'@',
		':',
		'?',
		'#',
		'evil.example',
		'staff',
		'https:',
		'javascript:'
	);
	const candidate = fc.array(piece, { minLength: 1, maxLength: 12 }).map((p) => p.join(''));

	it('never leaves the site, whatever the pieces (property)', () => {
		fc.assert(
			fc.property(candidate, (input) => {
				const target = safeRedirect(input, '/fallback');
				// Read the way a browser would, from a page deep in the site.
				const resolved = new URL(target, 'https://rapor.example/en/login?x=1');
				return (
					resolved.origin === 'https://rapor.example' &&
					/^\/(?![/\\])/.test(target) &&
					// eslint-disable-next-line no-control-regex
					!/[\\\u0000-\u001f]/.test(target)
				);
			}),
			{ numRuns: 5000 }
		);
	});

	it('gives the same answer for its own output (idempotent, property)', () => {
		fc.assert(
			fc.property(candidate, (input) => {
				const once = safeRedirect(input, '/fallback');
				return safeRedirect(once, '/fallback') === once;
			}),
			{ numRuns: 2000 }
		);
	});
});
