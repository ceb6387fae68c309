/**
 * Shapes a submission for its pages: the list, the workspace of one group (dimension or aspect)
 * with everything an item needs on screen, and what the live previews recompute in the browser.
 */
import { OPD_SCOPED, type Capability } from '../../roles';
import type { Connection } from '../db';
import * as store from '../db/submissions';
import { missingReasons, type MissingReason } from '../../submission/completeness';
import { mayEditItem, mayReview } from '../../submission/status';
import type { SnapshotDatum, SnapshotItem } from '../../submission/snapshot';
import type { StaffActor } from '../../submission/types';
import { formatNumber } from '../../format';
import type { AnswerKind, InstrumentItem, WeightSet } from '../../submission/instrument';
import type { RegionHistory } from '../../evaluation/history';
import { officialHistory } from '../official-results';
import { closedStatementResults, type SurveyStatementResult } from '../surveys';
import { regionQuickWins, type QuickWinWithRisks } from '../quick-wins';
import { continuity, criterionOfItem, riskLevel } from '../../evaluation/quick-win-input';
import { m } from '../../paraglide/messages';
import {
	outcomeScope,
	progressSummary,
	type OutcomeScope,
	type ProgressSummary
} from '../../evaluation/programme-input';
import { register, type RegisterProgramme } from '../programmes';
import { instrument, instrumentItems, spbeReference } from './reference';
import { itemFacts, itemsCompleteness, submissionCompleteness } from './service';
import { contentOf, instrumentScores, snapshotFields, spbeStructure } from './state';

/** What each kind of submission route needs: a row of the role table (`$lib/roles`). */
export const SUBMISSION_NEEDS = {
	read: 'readSubmissions',
	edit: 'editSubmissions',
	review: 'reviewSubmissions'
} as const satisfies Record<string, Capability>;

/** Every submission with its completeness, newest year first. */
export function listWithCompleteness(conn: Connection) {
	return store.listSubmissions(conn).map((s) => {
		const c = submissionCompleteness(conn, s.id);
		return {
			...s,
			overall: c.overall,
			missing: c.missing.length,
			snapshots: store.listSnapshots(conn, s.id).length
		};
	});
}

/** An item as the workspace shows it: its frozen fields, with its evidence rows (deletable by id). */
export interface WorkspaceItem extends Omit<SnapshotItem, 'evidence'> {
	id: number;
	refCode: string;
	updatedBy: string | null;
	updatedAt: string | null;
	missing: MissingReason[];
	mayEdit: boolean;
	evidence: store.EvidenceRow[];
	/** SPBE: criteria and expected evidence per level. */
	levels: { level: number; name: string; criteria: string; fulfilment: string; evidence: string }[];
	description: string;
	/** Instrument: the question as the ministry's report prints it; null for other kinds. */
	question: InstrumentQuestion | null;
	/** An element item: the register's programmes of the element running in the year. */
	programmes: RegisterProgramme[];
}

/** What the workspace shows of an instrument question beside its answer. */
export interface InstrumentQuestion {
	element: string;
	itemNo: string;
	answerKind: AnswerKind;
	/** Kabupaten Malang's published score for the item, and the report's year. */
	exampleScore: number | null;
	year: number;
	/** Codes of the indicators that measure what the question asks (the others are related). */
	answeredBy: string[];
	/** The answer the project's sourced data gives, offered while the item has none. */
	prefill: string | null;
	/** A survey item: the closed residents' survey's result for its statement (mean, n, interval). */
	survey: SurveyStatementResult | null;
	/**
	 * A Quick Win item: the register's text for its criterion, one line per quick win running in
	 * the submission's year (the risk items: each risk of that year with its level). Empty otherwise.
	 */
	quickWins: { name: string; text: string }[];
	/**
	 * An Outcome item about a pillar's programmes or a kind of action plan: the register's entries
	 * running in the year, the year's approved progress and its summary. Null otherwise.
	 */
	register: OutcomeRegister | null;
}

/** The programme register beside an Outcome item: approved progress only, never its score. */
export interface OutcomeRegister {
	scope: OutcomeScope;
	/** The submission's year, whose progress is summed up. */
	year: number;
	summary: ProgressSummary;
	programmes: { id: number; name: string; opd: string; percent: number | null; evidence: string }[];
}

/** The register's entries an Outcome item asks about in a year (`outcomeScope`). */
function outcomeRegister(
	approved: readonly RegisterProgramme[],
	question: Pick<InstrumentItem, 'code' | 'element' | 'question'>,
	year: number
): OutcomeRegister | null {
	const scope = outcomeScope(question);
	if (scope === null) return null;
	const inScope = approved.filter((p) =>
		scope.kind === 'programme'
			? p.kind === 'programme' && p.dimension === scope.dimension
			: p.kind === scope.kind
	);
	return {
		scope,
		year,
		summary: progressSummary(inScope, year),
		programmes: inScope.map((p) => {
			const g = p.progress.find((x) => x.year === year) ?? null;
			return {
				id: p.id,
				name: p.name,
				opd: p.opd,
				percent: g?.percent ?? null,
				evidence: g?.evidence ?? ''
			};
		})
	};
}

/**
 * The answer the quick-win register offers the item asking how many quick wins are new this year:
 * the count of those that started in it, listed beside it (quickWinNotes). None started is no
 * offer: an unkept register would read as "none".
 */
function newQuickWinCount(
	register: readonly QuickWinWithRisks[],
	code: string,
	year: number
): string | null {
	if (criterionOfItem(code) !== 'new') return null;
	const started = continuity(register, year).started.length;
	return started > 0 ? String(started) : null;
}

/** The quick-win register's lines for one instrument item in a year (`criterionOfItem`). */
function quickWinNotes(
	register: readonly QuickWinWithRisks[],
	code: string,
	year: number
): { name: string; text: string }[] {
	const criterion = criterionOfItem(code);
	if (criterion === null) return [];
	if (criterion === 'continued' || criterion === 'new') {
		const { continued, stopped, started } = continuity(register, year);
		const last = String(year - 1);
		const y = String(year);
		return criterion === 'new'
			? started.map((name) => ({ name, text: m.qw_ws_started({ year: y }) }))
			: [
					...continued.map((name) => ({ name, text: m.qw_ws_continued({ last, year: y }) })),
					...stopped.map((name) => ({ name, text: m.qw_ws_stopped({ last, year: y }) }))
				];
	}
	const running = register.filter((q) => q.years.includes(year));
	if (criterion !== 'risk')
		return running
			.filter((q) => q.criteria[criterion] !== '')
			.map((q) => ({ name: q.name, text: q.criteria[criterion] }));
	return running.flatMap((q) =>
		q.risks
			.filter((r) => r.year === year)
			.map((r) => ({
				name: q.name,
				text: `${r.risk} (${r.likelihood} × ${r.impact} = ${riskLevel(r.likelihood, r.impact).level}); mitigasi: ${r.mitigation}; penanggung jawab: ${r.owner}`
			}))
	);
}

/** Everything the workspace page of one submission shows for one group (all groups: null). */
export function workspace(
	conn: Connection,
	submissionId: number,
	actor: StaffActor,
	dataDir: string,
	group: string | null
) {
	const sub = store.getSubmission(conn, submissionId);
	if (!sub) return null;
	const items = store.listItems(conn, submissionId);
	const evidence = store.listEvidence(conn, submissionId);
	const content = contentOf(conn, sub, items, evidence, dataDir);
	const counts = new Map<number, number>();
	for (const e of evidence) counts.set(e.itemId, (counts.get(e.itemId) ?? 0) + 1);
	const completeness = itemsCompleteness(items, counts);
	const groups = content.groups.map((g) => ({
		...g,
		completeness: completeness.groups.find((c) => c.group === g.code) ?? null
	}));
	const selected =
		group && groups.some((g) => g.code === group) ? group : (groups[0]?.code ?? null);
	const spbeRef = sub.kind === 'spbe' ? spbeReference(dataDir) : null;
	const inst = instrument(dataDir);
	const programmes =
		sub.kind === 'gm100sc'
			? register(conn, sub.regionCode, sub.frameworkCode, { year: sub.year })
			: [];
	const approved =
		sub.kind === 'gm100sc'
			? register(conn, sub.regionCode, sub.frameworkCode, { year: sub.year, approvedOnly: true })
			: [];
	const dataByKey = new Map(content.items.map((i) => [i.key, i.data]));
	const questions = new Map(instrumentItems(inst, sub.weightSet).map((q) => [q.code, q]));
	const surveyed =
		sub.kind === 'spbe' ? new Map() : closedStatementResults(conn, sub.year, dataDir);
	const quickWinRegister = sub.kind === 'spbe' ? [] : regionQuickWins(conn, sub.regionCode);

	const shown: WorkspaceItem[] = items
		.filter((i) => i.groupCode === selected)
		.map((i) => {
			const ref = spbeRef?.get(i.refCode);
			const asked = i.kind === 'instrument' ? questions.get(i.refCode) : undefined;
			const survey = asked?.answerKind === 'survey' ? (surveyed.get(asked.code) ?? null) : null;
			return {
				id: i.id,
				...snapshotFields(i),
				refCode: i.refCode,
				updatedBy: i.updatedBy,
				updatedAt: i.updatedAt,
				missing: missingReasons(itemFacts(i, counts.get(i.id) ?? 0)),
				mayEdit: mayEditItem(actor, i.opd),
				evidence: evidence.filter((e) => e.itemId === i.id),
				data: dataByKey.get(i.itemKey) ?? [],
				levels: ref?.levels ?? [],
				description: ref?.description ?? '',
				question: asked
					? {
							element: asked.element,
							itemNo: asked.itemNo,
							answerKind: asked.answerKind,
							exampleScore: asked.exampleScore,
							year: asked.year,
							answeredBy: asked.indicators,
							prefill:
								prefillAnswer(
									asked,
									(dataByKey.get(i.itemKey) ?? []).filter((d) => asked.indicators.includes(d.code)),
									survey
								) ?? newQuickWinCount(quickWinRegister, asked.code, sub.year),
							survey,
							quickWins: quickWinNotes(quickWinRegister, asked.code, sub.year),
							register: outcomeRegister(approved, asked, sub.year)
						}
					: null,
				programmes:
					i.kind === 'element' ? programmes.filter((p) => p.elementCode === i.refCode) : []
			};
		});

	const itemGroup = new Map(
		items.map((i) => [
			i.itemKey,
			{ id: i.id, group: i.groupCode, titleId: i.titleId, titleEn: i.titleEn }
		])
	);
	const set = inst.weightSets.find((w) => w.code === sub.weightSet) ?? null;
	return {
		submission: sub,
		groups,
		selected,
		items: shown,
		completeness: {
			overall: completeness.overall,
			ready: completeness.ready,
			missing: completeness.missing.map((m) => ({ ...m, ...itemGroup.get(m.key)! }))
		},
		preview: content.preview,
		// What the browser recomputes the preview from as levels or scores are typed.
		live:
			sub.kind === 'spbe'
				? {
						kind: 'spbe' as const,
						structure: spbeStructure(conn, sub.frameworkCode),
						answers: Object.fromEntries(items.map((i) => [i.refCode, i.answer]))
					}
				: instrumentLive(sub, items, counts, set, officialHistory(conn, sub.regionCode, dataDir)),
		snapshots: store.listSnapshots(conn, submissionId),
		profile: content.profile,
		canReview: mayReview(actor)
	};
}

/**
 * The answer an instrument question takes from the project's sourced data: a percentage item
 * measured by one indicator gets its value; an item that asks for another agency's verdict or
 * index gets each indicator's value, year and source in words (the answer is written in
 * Indonesian, the portal's language); a survey item gets its closed survey's mean, to two
 * decimals as the ministry's scores are printed. Null when the data has no value for it.
 */
export function prefillAnswer(
	question: Pick<InstrumentItem, 'answerKind'>,
	data: readonly SnapshotDatum[],
	survey: Pick<SurveyStatementResult, 'mean'> | null = null
): string | null {
	if (question.answerKind === 'survey') return survey?.mean == null ? null : survey.mean.toFixed(2);
	const known = data.filter((d) => d.value !== null && d.year !== null);
	if (known.length === 0) return null;
	if (question.answerKind === 'percent') return known.length === 1 ? String(known[0].value) : null;
	if (question.answerKind !== 'external') return null;
	return known
		.map(
			(d) => `${d.nameId} ${d.year}: ${formatNumber(d.value, 'id')} (sumber: ${d.source ?? '–'})`
		)
		.join('; ');
}

/**
 * What the instrument preview recomputes in the browser as scores are typed: the items and their
 * parts, self and expected scores, the items still without evidence, the weight set (and whether
 * it is the year's own), and the region's official results before the submission's year.
 */
function instrumentLive(
	sub: store.SubmissionRow,
	items: readonly store.ItemRow[],
	evidenceCounts: ReadonlyMap<number, number>,
	set: WeightSet | null,
	history: RegionHistory
) {
	const own = instrumentScores(items);
	return {
		kind: 'instrument' as const,
		items: own.items,
		weights: set?.weights ?? null,
		weightSet: set
			? {
					code: set.code,
					nameId: set.nameId,
					nameEn: set.nameEn,
					source: set.source,
					year: set.year,
					exact: set.year === sub.year
				}
			: null,
		selfScores: own.self,
		expectedScores: Object.fromEntries(
			items.filter((i) => i.kind === 'instrument').map((i) => [i.refCode, i.expectedScore])
		),
		noEvidence: items
			.filter((i) => i.kind === 'instrument' && !(evidenceCounts.get(i.id) ?? 0))
			.map((i) => i.refCode),
		titles: Object.fromEntries(
			items
				.filter((i) => i.kind === 'instrument')
				.map((i) => [i.refCode, { id: i.id, group: i.groupCode, title: i.titleId }])
		),
		// The region's record before this year, newest first: the table beside the estimate, and
		// its first row the result the estimate is compared with.
		history: history.entries
			.filter((e) => e.year < sub.year)
			.map((e) => ({
				year: e.year,
				final: e.final,
				change: e.change,
				letter: e.letter,
				sourceHref: e.sourceHref,
				derived: e.derived
			}))
	};
}

/** One item on a producer's to-do list, with what it still needs. */
export interface TodoItem {
	id: number;
	submissionId: number;
	submissionTitle: string;
	group: string;
	titleId: string;
	titleEn: string;
	/** Returned by walidata with this comment. */
	returned: string | null;
	dueDate: string | null;
	overdue: boolean;
	missingEvidence: boolean;
}

/**
 * What a producer should do next in the open submissions: the items of their OPD that walidata
 * returned, that have a due date and are not yet submitted, or that they started (a draft) and
 * that still lack required evidence. Untouched items without a due date are the workspace's
 * business, or a fresh SPBE workspace would put all 47 indicators here.
 * Roles that are not OPD-scoped get an empty list (their view is the submissions page).
 * `today` is a `YYYY-MM-DD` date, so the list does not depend on the clock of a test.
 */
export function producerTodo(conn: Connection, user: StaffActor, today: string): TodoItem[] {
	if (!OPD_SCOPED.includes(user.role) || !user.opd) return [];
	const out: TodoItem[] = [];
	for (const sub of store.listSubmissions(conn)) {
		if (sub.status !== 'open') continue;
		const counts = store.evidenceCounts(conn, sub.id);
		for (const item of store.listItems(conn, sub.id)) {
			if (item.opd !== user.opd || !mayEditItem(user, item.opd)) continue;
			if (item.status === 'accepted' || item.status === 'submitted') continue;
			const missingEvidence = item.evidenceRequired && (counts.get(item.id) ?? 0) < 1;
			const returned = item.status === 'returned' ? item.reviewComment : null;
			const due = item.dueDate !== null;
			if (returned === null && !due && !(item.status === 'draft' && missingEvidence)) continue;
			out.push({
				id: item.id,
				submissionId: sub.id,
				submissionTitle: sub.title,
				group: item.groupCode,
				titleId: item.titleId,
				titleEn: item.titleEn,
				returned,
				dueDate: item.dueDate,
				overdue: item.dueDate !== null && item.dueDate < today,
				missingEvidence
			});
		}
	}
	// Returned first, then by due date (overdue at the top), then the rest in workspace order.
	const rank = (t: TodoItem) => (t.returned !== null ? 0 : t.dueDate !== null ? 1 : 2);
	return out.sort(
		(a, b) => rank(a) - rank(b) || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999')
	);
}
