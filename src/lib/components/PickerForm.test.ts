import { createRawSnippet } from 'svelte';
import { describe, expect, it } from 'vitest';
import { ssr } from '$lib/charts/ssr';
import PickerForm from './PickerForm.svelte';

describe('PickerForm (server render)', () => {
	it('PickerForm puts the kept parameters first, in order, then the fields and the button', () => {
		const children = createRawSnippet(() => ({ render: () => '<label>Tahun</label>' }));
		const html = ssr(PickerForm, {
			action: '/en/compare',
			submit: 'Show',
			keep: [
				['w.economy', '2'],
				['from', '2019']
			],
			children
		}).replace(/>\s+</g, '><');
		expect(html).toBe(
			'<form method="get" action="/en/compare" class="pickers no-print">' +
				'<input type="hidden" name="w.economy" value="2"/><input type="hidden" name="from" value="2019"/>' +
				'<label>Tahun</label><button type="submit">Show</button></form>'
		);
	});

	it('PickerForm with a legend puts its fields in a fieldset; stay keeps scroll and focus; label names it', () => {
		const children = createRawSnippet(() => ({ render: () => '<label>Tahun</label>' }));
		const html = ssr(PickerForm, {
			submit: 'Tampilkan',
			legend: 'Pilih wilayah dan tahun',
			stay: true,
			keep: [['w.economy', '2']],
			children
		}).replace(/>\s+</g, '><');
		expect(html).toBe(
			'<form method="get" class="pickers no-print" data-sveltekit-noscroll="" data-sveltekit-keepfocus="">' +
				'<fieldset><legend>Pilih wilayah dan tahun</legend><div class="fields">' +
				'<input type="hidden" name="w.economy" value="2"/><label>Tahun</label>' +
				'<button type="submit">Tampilkan</button></div></fieldset></form>'
		);
		const named = ssr(PickerForm, { submit: 'Show', label: 'Choose region and year', children });
		expect(named).toContain(
			'<form method="get" class="pickers no-print" aria-label="Choose region and year">'
		);
	});
});
