import { describe, expect, it } from 'vitest';
import { contentFacts, diffItems, type SnapshotItem } from './snapshot';

const item: SnapshotItem = {
	key: 'spbe_i01',
	kind: 'spbe',
	group: 'a1',
	titleId: 'Arsitektur SPBE',
	titleEn: 'SPBE architecture',
	answer: '3',
	justification: 'Perbup 12/2023',
	opd: 'DISKOMINFO',
	dueDate: '2025-03-31',
	status: 'accepted',
	reviewComment: '',
	evidence: [
		{
			kind: 'file',
			name: 'perbup.pdf',
			sha256: 'a'.repeat(64),
			size: 10,
			mime: 'application/pdf',
			url: null
		}
	],
	data: [
		{
			code: 'x',
			nameId: 'X',
			nameEn: 'X',
			unit: '%',
			value: 10,
			year: 2024,
			source: 's',
			score: 55.55,
			illustrative: false
		}
	]
};
const row = (field: string, before: string, after: string) => ({
	key: 'spbe_i01',
	titleId: 'Arsitektur SPBE',
	titleEn: 'SPBE architecture',
	field,
	before,
	after
});

describe('diffItems()', () => {
	it('gives no rows for identical lists, and for due-date or comment-only changes', () => {
		expect(diffItems([item], [structuredClone(item)])).toEqual([]);
		expect(diffItems([item], [{ ...item, dueDate: null, reviewComment: 'ok' }])).toEqual([]);
	});

	it('lists changed answer, justification, status and OPD in that order', () => {
		expect(
			diffItems([item], [{ ...item, answer: '4', justification: '', status: 'draft', opd: 'BPS' }])
		).toEqual([
			row('answer', '3', '4'),
			row('justification', 'Perbup 12/2023', ''),
			row('status', 'accepted', 'draft'),
			row('opd', 'DISKOMINFO', 'BPS')
		]);
	});

	it('names evidence by file name and hash prefix, and links by label and URL', () => {
		const after = {
			...item,
			evidence: [
				{
					kind: 'link' as const,
					name: 'Portal',
					sha256: null,
					size: null,
					mime: null,
					url: 'https://x.id'
				}
			]
		};
		expect(diffItems([item], [after])).toEqual([
			row('evidence', 'perbup.pdf (aaaaaaaaaaaa)', 'Portal <https://x.id>')
		]);
	});

	it('reports data changes per indicator with value, year and rounded score; a null answer is empty', () => {
		const after = {
			...item,
			answer: null,
			data: [
				{ ...item.data[0], value: 12, score: 60.04 },
				{ ...item.data[0], code: 'y', value: null }
			]
		};
		expect(diffItems([item], [after])).toEqual([
			row('answer', '3', ''),
			row('data:x', '10 (2024) → 55.6', '12 (2024) → 60')
		]);
	});

	it('reports items only in one list', () => {
		const other = { ...item, key: 'spbe_i02', titleId: 'B', titleEn: 'B' };
		expect(diffItems([item], [other])).toEqual([
			{ key: 'spbe_i02', titleId: 'B', titleEn: 'B', field: 'item', before: '', after: 'accepted' },
			row('item', 'accepted', '')
		]);
		expect(diffItems([], [])).toEqual([]);
	});
});

describe('contentFacts()', () => {
	it('counts every frozen item as required and asking for evidence, with its evidence counted', () => {
		// An instrument item keeps its self-score, which completeness asks for.
		expect(contentFacts([{ ...item, kind: 'instrument', selfScore: 2.5 }])[0].selfScore).toBe(2.5);
		expect(contentFacts([item, { ...item, key: 'spbe_i02', answer: null, evidence: [] }])).toEqual([
			{
				key: 'spbe_i01',
				kind: 'spbe',
				group: 'a1',
				answer: '3',
				selfScore: null,
				justification: 'Perbup 12/2023',
				evidenceCount: 1,
				status: 'accepted',
				required: true,
				evidenceRequired: true
			},
			{
				key: 'spbe_i02',
				kind: 'spbe',
				group: 'a1',
				answer: null,
				selfScore: null,
				justification: 'Perbup 12/2023',
				evidenceCount: 0,
				status: 'accepted',
				required: true,
				evidenceRequired: true
			}
		]);
	});
});
