import { describe, expect, it } from 'vitest';
import { mayEditItem, mayReview, transition, type ItemAction } from './status';
import type { ItemStatus, StaffActor } from './types';

const walidata: StaffActor = { role: 'walidata', opd: null };
const admin: StaffActor = { role: 'admin', opd: null };
const bps: StaffActor = { role: 'produsen', opd: 'BPS' };
const viewer: StaffActor = { role: 'viewer', opd: null };
const open = { locked: false, contentComplete: true, hasContent: true, comment: 'bukti kurang' };

describe('mayEditItem() and mayReview()', () => {
	it.each([
		[admin, 'BPS', true],
		[walidata, 'DLH', true],
		[bps, 'BPS', true],
		[bps, 'DLH', false],
		[bps, '', false],
		[{ role: 'produsen', opd: '' } as StaffActor, '', false],
		[viewer, 'BPS', false],
		[null, 'BPS', false]
	])('mayEditItem(%o, %s) is %s', (actor, opd, expected) => {
		expect(mayEditItem(actor, opd)).toBe(expected);
	});

	it.each([
		[admin, true],
		[walidata, true],
		[bps, false],
		[viewer, false],
		[null, false]
	])('mayReview(%o) is %s', (actor, expected) => {
		expect(mayReview(actor)).toBe(expected);
	});
});

describe('transition()', () => {
	const rows: [ItemStatus, ItemAction, StaffActor, object, ReturnType<typeof transition>][] = [
		['empty', 'save', bps, {}, { ok: true, status: 'draft' }],
		['empty', 'save', bps, { hasContent: false }, { ok: true, status: 'empty' }],
		['draft', 'save', bps, {}, { ok: true, status: 'draft' }],
		['returned', 'save', bps, {}, { ok: true, status: 'draft' }],
		['submitted', 'save', bps, {}, { ok: false, reason: 'invalid_state' }],
		['accepted', 'save', walidata, {}, { ok: false, reason: 'invalid_state' }],
		['draft', 'submit', bps, {}, { ok: true, status: 'submitted' }],
		['returned', 'submit', bps, {}, { ok: true, status: 'submitted' }],
		['draft', 'submit', bps, { contentComplete: false }, { ok: false, reason: 'incomplete' }],
		['empty', 'submit', bps, {}, { ok: false, reason: 'invalid_state' }],
		['submitted', 'return', walidata, {}, { ok: true, status: 'returned' }],
		['accepted', 'return', admin, {}, { ok: true, status: 'returned' }],
		['submitted', 'return', walidata, { comment: '  ' }, { ok: false, reason: 'comment_required' }],
		['submitted', 'return', walidata, { comment: null }, { ok: false, reason: 'comment_required' }],
		['draft', 'return', walidata, {}, { ok: false, reason: 'invalid_state' }],
		['submitted', 'accept', walidata, {}, { ok: true, status: 'accepted' }],
		['returned', 'accept', walidata, {}, { ok: false, reason: 'invalid_state' }],
		['submitted', 'accept', bps, {}, { ok: false, reason: 'forbidden' }],
		['submitted', 'return', bps, {}, { ok: false, reason: 'forbidden' }],
		['draft', 'save', viewer, {}, { ok: false, reason: 'forbidden' }],
		['draft', 'save', bps, { locked: true }, { ok: false, reason: 'locked' }],
		['submitted', 'accept', walidata, { locked: true }, { ok: false, reason: 'locked' }]
	];
	it.each(rows)('%s --%s--> by %o with %o gives %o', (from, action, actor, ctx, expected) => {
		expect(transition(from, action, actor, 'BPS', { ...open, ...ctx })).toEqual(expected);
	});

	it('refuses a produsen acting on another OPD’s item before looking at its state', () => {
		expect(transition('draft', 'save', bps, 'DLH', { ...open, locked: true })).toEqual({
			ok: false,
			reason: 'forbidden'
		});
	});
});
