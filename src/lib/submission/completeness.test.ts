import { describe, expect, it } from 'vitest';
import { completeness, contentComplete, missingReasons } from './completeness';
import type { ItemFacts } from './types';

const done: ItemFacts = {
	key: 'spbe_i01',
	kind: 'spbe',
	group: 'a1',
	answer: '3',
	justification: 'Perbup 12/2023',
	evidenceCount: 1,
	status: 'accepted',
	required: true,
	evidenceRequired: true
};

describe('missingReasons()', () => {
	it.each([
		[{}, []],
		[
			{ answer: null, justification: '', evidenceCount: 0, status: 'empty' },
			['answer', 'justification', 'evidence', 'not_submitted']
		],
		[{ answer: '  ' }, ['answer']],
		[{ justification: ' \n ' }, ['justification']],
		[{ evidenceCount: 0 }, ['evidence']],
		[{ evidenceCount: 0, evidenceRequired: false }, []],
		[{ status: 'draft' }, ['not_submitted']],
		[{ status: 'submitted' }, ['awaiting_review']],
		[{ status: 'returned' }, ['returned']],
		// An instrument item needs its self-score too; other kinds have none to give.
		[{ kind: 'instrument', selfScore: null }, ['score']],
		[{ kind: 'instrument' }, ['score']],
		[{ kind: 'instrument', selfScore: 0 }, []],
		[{ kind: 'element', selfScore: null }, []],
		[
			{ kind: 'instrument', answer: null, selfScore: null, status: 'empty' },
			['answer', 'score', 'not_submitted']
		]
	] as [Partial<ItemFacts>, string[]][])('%o lacks %o', (change, expected) => {
		expect(missingReasons({ ...done, ...change })).toEqual(expected);
	});

	it('contentComplete() looks at content only, not the workflow status', () => {
		expect(contentComplete({ ...done, status: 'draft' })).toBe(true);
		expect(contentComplete({ ...done, evidenceCount: 0 })).toBe(false);
		expect(contentComplete({ ...done, kind: 'instrument', selfScore: null })).toBe(false);
		expect(contentComplete({ ...done, kind: 'instrument', selfScore: 3.2 })).toBe(true);
	});
});

describe('completeness()', () => {
	const items: ItemFacts[] = [
		done,
		{ ...done, key: 'spbe_i02', status: 'submitted' },
		{ ...done, key: 'spbe_i11', group: 'a2', answer: null, status: 'empty' },
		{ ...done, key: 'spbe_i12', group: 'a2' },
		{ ...done, key: 'extra', group: 'a2', answer: null, required: false }
	];

	it('counts required items per group in order of appearance, and overall', () => {
		const c = completeness(items);
		expect(c.groups).toEqual([
			{ group: 'a1', total: 2, filled: 2, done: 1, ratio: 0.5 },
			{ group: 'a2', total: 2, filled: 1, done: 1, ratio: 0.5 }
		]);
		expect(c.overall).toEqual({ group: '', total: 4, filled: 3, done: 2, ratio: 0.5 });
	});

	it('lists what is missing for required items only, and is not ready', () => {
		const c = completeness(items);
		expect(c.missing).toEqual([
			{ key: 'spbe_i02', group: 'a1', reasons: ['awaiting_review'] },
			{ key: 'spbe_i11', group: 'a2', reasons: ['answer', 'not_submitted'] }
		]);
		expect(c.ready).toBe(false);
	});

	it('is ready when every required item is complete and accepted', () => {
		expect(completeness([done, { ...done, key: 'x', required: false, answer: null }]).ready).toBe(
			true
		);
	});

	it('an empty submission has ratio 1 but is not ready', () => {
		expect(completeness([])).toEqual({
			groups: [],
			overall: { group: '', total: 0, filled: 0, done: 0, ratio: 1 },
			missing: [],
			ready: false
		});
	});
});
