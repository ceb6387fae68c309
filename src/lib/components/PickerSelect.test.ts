import { describe, expect, it } from 'vitest';
import { ssr } from '$lib/charts/ssr';
import PickerSelect from './PickerSelect.svelte';

describe('PickerSelect (server render)', () => {
	const options = (html: string) =>
		[...html.matchAll(/<option value="([^"]*)"( selected="")?>([^<]*)<\/option>/g)].map((m) => [
			m[1],
			!!m[2],
			m[3]
		]);

	it('PickerSelect of years selects the chosen year', () => {
		const html = ssr(PickerSelect, {
			label: 'Tahun',
			name: 'year',
			options: [2018, 2019],
			selected: 2019
		});
		// Tied by id, not wrapped: the select's accessible name is "Tahun" alone.
		const id = /<label for="([^"]+)">Tahun<\/label>/.exec(html)?.[1];
		expect(id).toBeTruthy();
		expect(html).toContain(`<select id="${id}" name="year">`);
		expect(options(html)).toEqual([
			['2018', false, '2018'],
			['2019', true, '2019']
		]);
	});

	it('PickerSelect of code and name pairs selects by code, the empty code too', () => {
		const html = ssr(PickerSelect, {
			label: 'Skor',
			name: 'dimension',
			options: [
				{ code: '', name: 'Komposit' },
				{ code: 'economy', name: 'Ekonomi' }
			],
			selected: ''
		});
		expect(options(html)).toEqual([
			['', true, 'Komposit'],
			['economy', false, 'Ekonomi']
		]);
	});
});
