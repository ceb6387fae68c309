/**
 * What a score rests on, shaped for the pages: the indicators that have no value (with the OPD that
 * produces each, so a reader knows whom to ask), and whether a score, rank or trend leans on a value
 * carried from an earlier year. Pure: the pages' loads call it on the engine's group scores.
 */
import { indicatorScoresOf } from './scoring/views';
import type { GroupBasis, GroupScore, IndicatorScore } from './scoring/types';

export interface MissingIndicator {
	code: string;
	nameId: string;
	nameEn: string;
	/** Producing OPD (`indicators.opd`), `''` when none is recorded. */
	opd: string;
}

/**
 * The weighted indicators of a group (all levels below it) that apply in the year but have no
 * score, in display order: what would have to be published for the group to be scored.
 * @example missingIndicators(dimension, opdOf).map((i) => i.code) // ['gini_ratio', …]
 */
export function missingIndicators(
	group: Pick<GroupScore, 'indicators' | 'children'>,
	opdOf: ReadonlyMap<string, string>
): MissingIndicator[] {
	return indicatorScoresOf([group as GroupScore])
		.filter(
			(i: IndicatorScore) => i.weight > 0 && i.reason !== 'not_applicable' && i.score === null
		)
		.map((i) => ({
			code: i.code,
			nameId: i.nameId,
			nameEn: i.nameEn,
			opd: opdOf.get(i.code) ?? ''
		}));
}

/** The basis as the pages pass it on (plain numbers, no engine types). */
export interface BasisView {
	indicators: number;
	scored: number;
	carried: number;
	illustrative: number;
}

/** `{ indicators, scored, carried, illustrative }` of a group's basis. */
export const basisView = (b: GroupBasis): BasisView => ({
	indicators: b.indicators,
	scored: b.scored,
	carried: b.carried,
	illustrative: b.illustrative
});

/**
 * Whether a group's score leans on a value carried from an earlier year; a group without a score
 * leans on nothing.
 * @example leansOnCarried({ score: 61, basis: { carried: 2, … } }) === true
 */
export const leansOnCarried = (
	g: Pick<GroupScore, 'score' | 'basis'> | null | undefined
): boolean => !!g && g.score !== null && g.basis.carried > 0;
