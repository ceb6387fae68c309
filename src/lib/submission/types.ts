/**
 * Shared types of the submission workspace's pure modules (no SvelteKit, database or Svelte).
 * An item is one thing a regency answers in an assessment: a GM100SC element, an item of the
 * Kominfo evaluation instrument, or one of the 47 SPBE indicators.
 */

// The workflow's lists are the domain's (`$lib/domain`), which the database's CHECKs use too.
export {
	ITEM_KINDS,
	ITEM_STATUSES,
	SUBMISSION_KINDS,
	type ItemKind,
	type ItemStatus,
	type SubmissionKind
} from '../domain';
import type { ItemKind, ItemStatus } from '../domain';

/** Who acts on a submission: a role from the one table (`$lib/roles`) and the OPD of a produsen. */
export type { Role as StaffRole, RoleHolder as StaffActor } from '../roles';

/** What completeness and the workflow need to know about an item. */
export interface ItemFacts {
	key: string;
	kind: ItemKind;
	/** Dimension, aspect or instrument part the item is grouped under. */
	group: string;
	answer: string | null;
	/** Instrument items: the preparer's 0–4 score (absent or null for other kinds). */
	selfScore?: number | null;
	justification: string;
	/** Uploaded files plus links. */
	evidenceCount: number;
	status: ItemStatus;
	/** Counts towards completeness and blocks finalising when incomplete. */
	required: boolean;
	evidenceRequired: boolean;
}
