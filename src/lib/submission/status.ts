/**
 * The item workflow as a table: who may move an item from which status to which. Producers
 * (produsen) fill and submit the items of their own OPD; walidata (and admin) review: return with
 * a comment or accept. A finalised submission is locked until walidata reopens it.
 */
import { mayEditItem, mayReview } from '../roles.ts';
import type { ItemStatus, StaffActor } from './types.ts';

export type ItemAction = 'save' | 'submit' | 'return' | 'accept';

export type TransitionRefusal =
	'forbidden' | 'locked' | 'invalid_state' | 'incomplete' | 'comment_required';

export type TransitionResult =
	{ ok: true; status: ItemStatus } | { ok: false; reason: TransitionRefusal };

// Who may edit and review is the role table's (one table for the whole app).
export { mayEditItem, mayReview };

/** Statuses from which each action may start. */
export const FROM: Readonly<Record<ItemAction, readonly ItemStatus[]>> = {
	save: ['empty', 'draft', 'returned'],
	submit: ['draft', 'returned'],
	return: ['submitted', 'accepted'],
	accept: ['submitted']
};

export interface TransitionContext {
	/** The submission is finalised: nothing changes until it is reopened. */
	locked: boolean;
	/** Answer, justification and (when asked for) evidence are all there. */
	contentComplete: boolean;
	/** After a save: is anything at all filled in (answer, justification or evidence)? */
	hasContent?: boolean;
	/** The reviewer's comment (required to return an item). */
	comment?: string | null;
}

/**
 * The status an item moves to, or why it may not.
 * @example transition('submitted', 'return', { role: 'walidata', opd: null }, 'BPS', { locked: false, contentComplete: true, comment: '' }) // { ok: false, reason: 'comment_required' }
 */
export function transition(
	current: ItemStatus,
	action: ItemAction,
	actor: StaffActor | null,
	itemOpd: string,
	ctx: TransitionContext
): TransitionResult {
	const reviewing = action === 'return' || action === 'accept';
	if (reviewing ? !mayReview(actor) : !mayEditItem(actor, itemOpd)) {
		return { ok: false, reason: 'forbidden' };
	}
	if (ctx.locked) return { ok: false, reason: 'locked' };
	if (!FROM[action].includes(current)) return { ok: false, reason: 'invalid_state' };
	switch (action) {
		case 'save':
			return { ok: true, status: ctx.hasContent === false ? 'empty' : 'draft' };
		case 'submit':
			return ctx.contentComplete
				? { ok: true, status: 'submitted' }
				: { ok: false, reason: 'incomplete' };
		case 'return':
			return (ctx.comment ?? '').trim() === ''
				? { ok: false, reason: 'comment_required' }
				: { ok: true, status: 'returned' };
		case 'accept':
			return { ok: true, status: 'accepted' };
	}
}
