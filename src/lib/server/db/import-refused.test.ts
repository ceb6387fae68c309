import { describe, expect, it } from 'vitest';
import { REFUSALS } from '../../import/messages';
import { ImportRefused } from './imports';

describe('ImportRefused', () => {
	it('carries its code and params, and its texts come from REFUSALS in both languages', () => {
		const e = new ImportRefused('superseded', { importId: 7, later: [9, 12] });
		expect(e.code).toBe('superseded');
		expect(e.params).toEqual({ importId: 7, later: [9, 12] });
		expect(e.reason).toEqual({
			id: 'Impor 7 tidak dapat dibatalkan: impor 9, 12 mengganti sebagian nilainya. Batalkan impor itu lebih dulu.',
			en: 'Import 7 cannot be undone: import 9, 12 replaced some of its values; undo that first.'
		});
		expect(e.message).toBe(e.reason.en);
		expect(e).toBeInstanceOf(Error);
	});

	it('every reason has an Indonesian text of its own, not the English one', () => {
		const params = { importId: 3, kind: 'regions', later: [4] };
		for (const [code, text] of Object.entries(REFUSALS)) {
			const m = (text as (p: typeof params) => { id: string; en: string })(params);
			expect(m.id, code).not.toBe(m.en);
			expect(m.id.length, code).toBeGreaterThan(10);
		}
	});
});
