/**
 * How the engine's typed arrays hold what is not a number: a null reason as its index in REASONS
 * (0 = scored), a trend state as its index in TREND_STATES. engine.ts writes them, views.ts reads
 * them back; one table here, so the two cannot disagree.
 */
import { NULL_REASONS, TREND_STATES, type NullReason } from './types.ts';

export const REASONS: readonly (NullReason | null)[] = [null, ...NULL_REASONS];
export const REASON_CODE = new Map(REASONS.map((r, i) => [r, i]));
export const R_NO_VALUE = 1;
export const R_CONTEXT = 5;
export const R_INSUFFICIENT = 6;
export const R_NOT_APPLICABLE = 7;
export const R_STALE = 8;
export const STATE_CODE = new Map(TREND_STATES.map((s, i) => [s, i]));
