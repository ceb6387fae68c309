import { describe, it, expect } from 'vitest';
import { csvDataUri, fileSlug } from './csv';

describe('csvDataUri()', () => {
	it('csvDataUri() percent-encodes the text, its BOM included', () => {
		expect(csvDataUri('\uFEFFa;b\r\nĀ')).toBe(
			'data:text/csv;charset=utf-8,%EF%BB%BFa%3Bb%0D%0A%C4%80'
		);
	});
});

describe('fileSlug()', () => {
	it.each([
		['Skor dimensi — Pati 2024', 'skor-dimensi-pati-2024'],
		['Éléments', 'elements'],
		['***', 'chart'],
		['', 'chart'],
		['a'.repeat(59) + ' bc', 'a'.repeat(59)]
	])('fileSlug(%j) gives %j', (title, slug) => {
		expect(fileSlug(title)).toBe(slug);
	});
});
