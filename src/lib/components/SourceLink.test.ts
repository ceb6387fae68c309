import { describe, expect, it } from 'vitest';
import { ssr } from '$lib/charts/ssr';
import SourceLink from './SourceLink.svelte';

describe('SourceLink (server render)', () => {
	it.each([
		[
			'a web address is an external link named by the address',
			{ source: 'https://bps.go.id/x' },
			'<a href="https://bps.go.id/x" rel="external noopener">https://bps.go.id/x</a>'
		],
		[
			'a web address with a label is a link named by the label',
			{ source: 'http://pati.go.id', label: 'sumber' },
			'<a href="http://pati.go.id" rel="external noopener">sumber</a>'
		],
		[
			'a document name is plain text',
			{ source: 'BPS Pati 2023', label: 'sumber' },
			'BPS Pati 2023'
		],
		['an address without a scheme is plain text', { source: 'bps.go.id' }, 'bps.go.id'],
		['an empty source stays empty', { source: '' }, ''],
		['no source is a dash', { source: null }, '–']
	])('SourceLink: %s', (_, props, html) => {
		expect(ssr(SourceLink, props)).toBe(html);
	});
});
