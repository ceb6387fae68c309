/**
 * The frozen shape of a submission (what a snapshot stores as JSON) and the diff between two of
 * them: a snapshot against the current state, or two snapshots. The current state is built in
 * the same shape, so one diff serves both.
 */
import type { ItemFacts, ItemKind, ItemStatus } from './types.ts';

export const SNAPSHOT_SCHEMA = 2;

export interface SnapshotEvidence {
	/**
	 * The evidence row it was read from, for links to the current state's files. Frozen along
	 * with the rest but never used from a snapshot (rows can go after reopening; a snapshot's files
	 * are numbered instead, see `frozenFiles`), and absent from snapshots frozen before it existed.
	 */
	id?: number;
	kind: 'file' | 'link';
	/** File: sanitised original name; link: its label. */
	name: string;
	sha256: string | null;
	size: number | null;
	mime: string | null;
	url: string | null;
}

export interface SnapshotDatum {
	code: string;
	nameId: string;
	nameEn: string;
	unit: string;
	value: number | null;
	year: number | null;
	source: string | null;
	/** Who published the value and the period it measures (snapshots before these existed lack them). */
	sourceKind?: string | null;
	referencePeriod?: string | null;
	score: number | null;
	illustrative: boolean;
}

export interface SnapshotItem {
	key: string;
	kind: ItemKind;
	group: string;
	titleId: string;
	titleEn: string;
	answer: string | null;
	/** Instrument items: self-score and the reviewer's expected assessor score, 0–4 (absent in snapshots frozen before they existed). */
	selfScore?: number | null;
	expectedScore?: number | null;
	justification: string;
	opd: string;
	dueDate: string | null;
	status: ItemStatus;
	reviewComment: string;
	evidence: SnapshotEvidence[];
	data: SnapshotDatum[];
}

/**
 * The completeness facts of a snapshot's items. Content keeps no requirement flags, so each item
 * counts as required and as asking for evidence (the strict reading); the export workbook and the
 * print page count them the same way through this one function.
 * @example contentFacts([item])[0] // { key: 'b1', …, evidenceCount: 2, required: true, evidenceRequired: true }
 */
export function contentFacts(items: readonly SnapshotItem[]): ItemFacts[] {
	return items.map((i) => ({
		key: i.key,
		kind: i.kind,
		group: i.group,
		answer: i.answer,
		selfScore: i.selfScore ?? null,
		justification: i.justification,
		evidenceCount: i.evidence.length,
		status: i.status,
		required: true,
		evidenceRequired: true
	}));
}

/**
 * A register programme running in the submission's year (schema 2; schema 1 froze the old
 * per-year row with one progress figure), with that year's progress as recorded and its status.
 */
export interface SnapshotProgramme {
	elementCode: string;
	kind: string;
	name: string;
	opd: string;
	startYear: number;
	masterplanTitle: string;
	masterplanPage: number | null;
	budgetSource: string | null;
	budget: number | null;
	status: string;
	quickWin: boolean;
	progress: {
		year: number;
		planned: string;
		done: string;
		percent: number;
		evidence: string;
		status: string;
	} | null;
}

export interface SnapshotContent {
	schema: number;
	submission: {
		id: number;
		kind: string;
		frameworkCode: string;
		regionCode: string;
		year: number;
		title: string;
		weightSet: string | null;
	};
	profile: { code: string; version: string } | null;
	items: SnapshotItem[];
	programmes: SnapshotProgramme[];
	/** Dimensions, aspects and instrument parts, in item order, with their preview score. */
	groups: SnapshotGroup[];
	preview: {
		/** SPBE index or Kominfo instrument index, unrounded; null while incomplete. */
		index: number | null;
		indexRounded: number | null;
		/** SPBE predikat (Indonesian label); null for the Kominfo instrument. */
		predikat: string | null;
		/**
		 * Kominfo instrument: the index counting each item's expected assessor score where the
		 * reviewer gave one (else its self-score); `index` counts the self-scores only. Absent for
		 * SPBE and in snapshots frozen before it existed.
		 */
		expectedIndex?: number | null;
	};
}

export interface SnapshotGroup {
	code: string;
	nameId: string;
	nameEn: string;
	/** Aspect index (SPBE) or part mean (instrument); null for GM100SC element groups. */
	score: number | null;
	/** Weight in the index (aspect %, instrument %); null when the group is not weighted. */
	weight: number | null;
}

export interface DiffRow {
	key: string;
	titleId: string;
	titleEn: string;
	/**
	 * `answer`, `self_score`, `expected_score`, `justification`, `status`, `opd`, `evidence`,
	 * `item`, or `data:<indicator>`.
	 */
	field: string;
	before: string;
	after: string;
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const evidenceText = (e: readonly SnapshotEvidence[]) =>
	e
		.map((x) =>
			x.kind === 'file' ? `${x.name} (${(x.sha256 ?? '').slice(0, 12)})` : `${x.name} <${x.url}>`
		)
		.sort()
		.join('; ');
const datumText = (d: SnapshotDatum | undefined) =>
	d === undefined
		? ''
		: d.value === null
			? ''
			: `${d.value}${d.year !== null ? ` (${d.year})` : ''}${d.score !== null ? ` → ${Math.round(d.score * 10) / 10}` : ''}`;

/**
 * Field-by-field differences between two item lists, in the order of `after` (items only in
 * `before` at the end). Unchanged fields give no row.
 * @example diffItems([a], [{ ...a, answer: '4' }]) // [{ key: a.key, field: 'answer', before: '3', after: '4', ... }]
 */
export function diffItems(
	before: readonly SnapshotItem[],
	after: readonly SnapshotItem[]
): DiffRow[] {
	const rows: DiffRow[] = [];
	const old = new Map(before.map((i) => [i.key, i]));
	const seen = new Set<string>();
	const push = (i: SnapshotItem, field: string, b: string, a: string) => {
		if (b !== a)
			rows.push({ key: i.key, titleId: i.titleId, titleEn: i.titleEn, field, before: b, after: a });
	};
	for (const item of after) {
		seen.add(item.key);
		const prev = old.get(item.key);
		if (!prev) {
			push(item, 'item', '', item.status);
			continue;
		}
		push(item, 'answer', text(prev.answer), text(item.answer));
		push(item, 'self_score', text(prev.selfScore), text(item.selfScore));
		push(item, 'expected_score', text(prev.expectedScore), text(item.expectedScore));
		push(item, 'justification', prev.justification, item.justification);
		push(item, 'status', prev.status, item.status);
		push(item, 'opd', prev.opd, item.opd);
		push(item, 'evidence', evidenceText(prev.evidence), evidenceText(item.evidence));
		const codes = [...new Set([...prev.data.map((d) => d.code), ...item.data.map((d) => d.code)])];
		for (const code of codes) {
			push(
				item,
				`data:${code}`,
				datumText(prev.data.find((d) => d.code === code)),
				datumText(item.data.find((d) => d.code === code))
			);
		}
	}
	for (const prev of before) if (!seen.has(prev.key)) push(prev, 'item', prev.status, '');
	return rows;
}
