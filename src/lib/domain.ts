/**
 * The product's vocabulary, the one copy: the lists and rules that the files, the database's
 * CHECKs, the pages, the API and the CLI all use. Pure (no SvelteKit, database or Svelte), and
 * imported relatively by `server/db/schema.ts`, which drizzle-kit reads without Vite.
 *
 * What the scoring engine scores with (methods, polarities, value types, why a score is missing,
 * trend states) is the engine's own and defined in `scoring/types.ts`; the staff roles and their
 * rights are a table in `roles.ts`. Both are re-exported here, so this file names every list.
 * The words for these codes, in Indonesian and English, are in `staff-labels.ts` and the
 * messages; the glossary in the README says what each means.
 */
export {
	METHODS,
	NULL_REASONS,
	POLARITIES,
	TREND_STATES,
	VALUE_TYPES,
	type Method,
	type NullReason,
	type Polarity,
	type TrendState,
	type ValueType
} from './scoring/types';
export { ROLES, type Role } from './roles';

/**
 * The valid year range: import files, the database's CHECKs, the API's and the scorecard's `year`
 * parameters, scoring profiles and submissions all accept MIN_YEAR–MAX_YEAR.
 */
export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;

/**
 * Whether `year` is a whole year in MIN_YEAR–MAX_YEAR.
 * @example isYearInRange(2024) === true; isYearInRange(1989) === false; isYearInRange(2024.5) === false
 */
export function isYearInRange(year: number): boolean {
	return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
}

/** The kinds of file the importer reads (CSV), in the order a new instance loads them. */
export const IMPORT_KINDS = [
	'regions',
	'frameworks',
	'nodes',
	'indicators',
	'observations',
	'targets'
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** What an import record says it loaded: a seed run from the data folder, or a file of a kind. */
export const RECORDED_IMPORT_KINDS = ['seed', ...IMPORT_KINDS] as const;
/** An import is current until someone undoes it. */
export const IMPORT_STATUSES = ['committed', 'undone'] as const;

export const REGION_KINDS = ['provinsi', 'kabupaten', 'kota', 'kecamatan'] as const;
export type RegionKind = (typeof REGION_KINDS)[number];

/**
 * Planning documents a target may come from: the medium-term plan (RPJMD), the interim plan a
 * region has between two RPJMDs (RPD, as in 2023–2026), the long-term plan (RPJPD), an OPD's
 * strategic plan (Renstra), the annual work plan (RKPD) and a minimum service standard (SPM).
 */
export const TARGET_DOCUMENTS = ['RPJMD', 'RPD', 'RPJPD', 'Renstra', 'RKPD', 'SPM'] as const;
export type TargetDocument = (typeof TARGET_DOCUMENTS)[number];

/**
 * Who published the page a value was read in: BPS itself, a public copy of a BPS table (a
 * repository that mirrors BPS Jawa Tengah's exports), another government body, a news report, or
 * anything else. Indonesian words, as the data producers write them.
 */
export const SOURCE_KINDS = ['bps', 'salinan_bps', 'pemerintah', 'berita', 'lainnya'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** The two kinds of assessment a submission workspace holds. */
export const SUBMISSION_KINDS = ['gm100sc', 'spbe'] as const;
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];
/** A submission is open until it is finalised (frozen into a snapshot); it may be reopened. */
export const SUBMISSION_STATUSES = ['open', 'final'] as const;
/** What a submission item answers: a GM100SC element, a Kominfo instrument item, an SPBE indicator. */
export const ITEM_KINDS = ['element', 'instrument', 'spbe'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
/** Item workflow: empty → draft → submitted (producer) → returned (with a comment) / accepted. */
export const ITEM_STATUSES = ['empty', 'draft', 'submitted', 'returned', 'accepted'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/**
 * An OPD code, the one rule: a produsen's OPD (accounts), an indicator's (`indicators.opd`) and a
 * submission item's or programme's, which are compared with them. Upper-case letters, digits, `_`
 * and `-`, starting with a letter or digit, up to 40 characters; normalise with `normaliseOpd`.
 * Where an OPD may be left empty (an indicator, an item), the caller allows '' itself.
 * @example OPD_PATTERN.test('DINAS-PU') === true; OPD_PATTERN.test('_X') === false
 */
export const OPD_PATTERN = /^[A-Z0-9][A-Z0-9_-]{0,39}$/;

/** Trims and upper-cases an OPD code: `normaliseOpd(' diskominfo ') === 'DISKOMINFO'`. */
export function normaliseOpd(opd: string): string {
	return opd.trim().toUpperCase();
}

/** A quick win's risk: open risks are carried to the next year, closed ones stay in their year. */
export const RISK_STATUSES = ['open', 'closed'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

/** The Kominfo instrument's scale for a risk's likelihood and impact. */
export const RISK_SCALE = { min: 1, max: 3 } as const;

/** A programme's state in the masterplan's schedule (the register and the workspace). */
export const PROGRAMME_STATUSES = ['planned', 'running', 'done', 'stopped'] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];

/**
 * What a register entry is: a pillar's programme, or one of the four kinds of action plan
 * (rencana aksi) Kominfo's Outcome part asks about: people (SDM), infrastructure, applications,
 * literacy.
 */
export const ACTION_PLAN_KINDS = ['sdm', 'infrastruktur', 'aplikasi', 'literasi'] as const;
export type ActionPlanKind = (typeof ACTION_PLAN_KINDS)[number];
export const PROGRAMME_KINDS = ['programme', ...ACTION_PLAN_KINDS] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];

/** Where a programme's money comes from, as the Output part distinguishes it. */
export const BUDGET_SOURCES = ['apbd', 'non_apbd'] as const;
export type BudgetSource = (typeof BUDGET_SOURCES)[number];

/** A programme-year's progress: entered as a draft, approved by the reviewer, public once approved. */
export const PROGRESS_STATUSES = ['draft', 'approved'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];
