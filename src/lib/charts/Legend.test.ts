import { describe, it, expect } from 'vitest';
import Legend from './Legend.svelte';
import { count, ssr } from './ssr';

const items = [
	{ key: 'pati', label: 'Pati', kind: 'line' as const, color: '#0072B2' },
	{ key: 'kudus', label: 'Kudus', kind: 'line' as const, color: '#D55E00' },
	{ key: 'rembang', label: 'Rembang', kind: 'line' as const, color: '#009E73' }
];

describe('Legend (server render)', () => {
	it('Legend with interactive toggles shows a hidden peer as an unticked checkbox', () => {
		const html = ssr(Legend, {
			items,
			label: 'Keterangan',
			toggleable: ['kudus', 'rembang'],
			hidden: { rembang: true },
			interactive: true
		});
		const boxes = [...html.matchAll(/<input type="checkbox"( checked="")?\/?>/g)].map(
			(m) => !!m[1]
		);
		expect(boxes).toEqual([true, false]);
	});

	it('Legend without interactive has no checkbox', () => {
		const html = ssr(Legend, { items, label: 'Keterangan', toggleable: ['kudus'] });
		expect(count(html, /type="checkbox"/)).toBe(0);
	});
});
