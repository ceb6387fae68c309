import { createRawSnippet, type Snippet } from 'svelte';
import { describe, expect, it } from 'vitest';
import { ssr } from '$lib/charts/ssr';
import { m } from '$lib/paraglide/messages';
import IllustrativeNotice from './IllustrativeNotice.svelte';

const OPEN = '<div class="notice" role="note"><strong>Sebagian nilai bersifat ilustrasi</strong>';
/** Whitespace between tags is layout, not content. */
const render = (props: { count?: number; children?: Snippet }) =>
	ssr(IllustrativeNotice, props).replace(/>\s+</g, '><');

describe('IllustrativeNotice (server render)', () => {
	it('IllustrativeNotice with a count of 0 renders nothing', () => {
		expect(render({ count: 0 })).toBe('');
	});

	it('IllustrativeNotice with a count says how many values are illustrative', () => {
		expect(render({ count: 7 })).toBe(
			`${OPEN}<p>${m.illustrative_notice_body({ count: 7 })}</p></div>`
		);
	});

	it('IllustrativeNotice without a count shows the title and the children only', () => {
		const children = createRawSnippet(() => ({ render: () => '<p>Skor ilustrasi.</p>' }));
		expect(render({ children })).toBe(`${OPEN}<p>Skor ilustrasi.</p></div>`);
	});
});
