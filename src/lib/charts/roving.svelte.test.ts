import { describe, it, expect } from 'vitest';
import { RovingStop } from './roving.svelte';

describe('RovingStop', () => {
	it('RovingStop.stop is the first item registered until a reader focuses another', () => {
		const r = new RovingStop();
		expect(r.stop).toBe(null);
		r.add('a');
		r.add('b');
		r.add('a');
		expect(r.stop).toBe('a');
		r.active = 'b';
		expect(r.stop).toBe('b');
	});

	it('RovingStop.stop falls back to the first item left when the focused one is removed', () => {
		const r = new RovingStop();
		r.add('a');
		r.add('b');
		r.add('c');
		r.active = 'b';
		r.remove('b');
		expect(r.stop).toBe('a');
		r.remove('a');
		expect(r.stop).toBe('c');
		r.active = 'gone';
		expect(r.stop).toBe('c');
	});
});
