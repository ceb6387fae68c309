/**
 * Shared types of the submission workspace's pure modules (no SvelteKit, database or Svelte).
 * An item is one thing a regency answers in an assessment: a GM100SC element, an item of the
 * Kominfo evaluation instrument, or one of the 47 SPBE indicators.
 */

/** Item workflow: empty → draft → submitted (producer) → returned (with a comment) / accepted. */
export const ITEM_STATUSES = ['empty', 'draft', 'submitted', 'returned', 'accepted'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const ITEM_KINDS = ['element', 'instrument', 'spbe'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** The two kinds of assessment a workspace holds. */
export const SUBMISSION_KINDS = ['gm100sc', 'spbe'] as const;
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];

/** Who acts on a submission: a role from the one table (`$lib/roles`) and the OPD of a produsen. */
export type { Role as StaffRole, RoleHolder as StaffActor } from '../roles';

/** What completeness and the workflow need to know about an item. */
export interface ItemFacts {
	key: string;
	kind: ItemKind;
	/** Dimension, aspect or instrument part the item is grouped under. */
	group: string;
	answer: string | null;
	justification: string;
	/** Uploaded files plus links. */
	evidenceCount: number;
	status: ItemStatus;
	/** Counts towards completeness and blocks finalising when incomplete. */
	required: boolean;
	evidenceRequired: boolean;
}
