/**
 * Completeness of a submission: per group (dimension or aspect) and overall, the list of what is
 * missing item by item, and the blockers that keep it from being finalised. An item is done when
 * its answer, justification and asked-for evidence are there and walidata has accepted it.
 */
import type { ItemFacts } from './types.ts';

export type MissingReason =
	| 'answer'
	| 'score'
	| 'justification'
	| 'evidence'
	| 'not_submitted'
	| 'returned'
	| 'awaiting_review';

/**
 * What an item still lacks, content first, then the workflow step it waits for; [] when done.
 * @example missingReasons({ ...item, answer: null, status: 'empty' }) // ['answer', 'justification', 'evidence', 'not_submitted']
 */
export function missingReasons(item: ItemFacts): MissingReason[] {
	const out: MissingReason[] = [];
	if (item.answer === null || item.answer.trim() === '') out.push('answer');
	// An instrument item is scored by its preparer too: the estimate rests on that score.
	if (item.kind === 'instrument' && (item.selfScore ?? null) === null) out.push('score');
	if (item.justification.trim() === '') out.push('justification');
	if (item.evidenceRequired && item.evidenceCount < 1) out.push('evidence');
	if (item.status === 'returned') out.push('returned');
	else if (item.status === 'submitted') out.push('awaiting_review');
	else if (item.status !== 'accepted') out.push('not_submitted');
	return out;
}

/**
 * Answer, justification and asked-for evidence are there (whatever the workflow status).
 * @example contentComplete({ ...item, answer: '3', justification: 'SK 12/2024', evidenceCount: 1 }) // true
 */
export function contentComplete(item: ItemFacts): boolean {
	return !missingReasons(item).some(
		(r) => r === 'answer' || r === 'score' || r === 'justification' || r === 'evidence'
	);
}

export interface GroupCompleteness {
	group: string;
	/** Required items. */
	total: number;
	/** Required items with their content complete. */
	filled: number;
	/** Required items complete and accepted. */
	done: number;
	/** done / total, 0–1; 1 for a group without required items. */
	ratio: number;
}

export interface MissingItem {
	key: string;
	group: string;
	reasons: MissingReason[];
}

export interface Completeness {
	groups: GroupCompleteness[];
	overall: GroupCompleteness;
	/** Required items not done, in item order. */
	missing: MissingItem[];
	/** True when there is at least one required item and nothing blocks finalising. */
	ready: boolean;
}

function summarise(group: string, items: readonly ItemFacts[]): GroupCompleteness {
	const required = items.filter((i) => i.required);
	const filled = required.filter(contentComplete).length;
	const done = required.filter((i) => missingReasons(i).length === 0).length;
	return {
		group,
		total: required.length,
		filled,
		done,
		ratio: required.length === 0 ? 1 : done / required.length
	};
}

/**
 * Completeness per group (in order of first appearance) and overall, with the missing list.
 * @example completeness([a, b]).overall // { group: '', total: 2, filled: 1, done: 1, ratio: 0.5 }
 */
export function completeness(items: readonly ItemFacts[]): Completeness {
	const order: string[] = [];
	const byGroup = new Map<string, ItemFacts[]>();
	for (const item of items) {
		let list = byGroup.get(item.group);
		if (!list) {
			list = [];
			byGroup.set(item.group, list);
			order.push(item.group);
		}
		list.push(item);
	}
	const missing = items
		.filter((i) => i.required)
		.map((i) => ({ key: i.key, group: i.group, reasons: missingReasons(i) }))
		.filter((m) => m.reasons.length > 0);
	const overall = summarise('', items);
	return {
		groups: order.map((g) => summarise(g, byGroup.get(g) as ItemFacts[])),
		overall,
		missing,
		ready: missing.length === 0 && overall.total > 0
	};
}
