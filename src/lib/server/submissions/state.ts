/**
 * The current state of a submission in the frozen shape (SnapshotContent): items with the data
 * behind them (values, sources, scores from the scoring engine), answers, evidence hashes,
 * programmes and the live preview. Finalising stores exactly this; the diff view compares it.
 */
import type { Connection } from '../db';
import * as frameworksDb from '../db/frameworks';
import * as indicatorsDb from '../db/indicators';
import * as observationsDb from '../db/observations';
import * as store from '../db/submissions';
import { register, type RegisterProgramme } from '../programmes';
import { regionYearScores } from '../scores';
import { indicatorScoresOf, type IndicatorScore } from '../../scoring';
import { spbeStructureFromFramework, type SpbeStructure } from '../../scoring/spbe';
import { spbeLevel } from '../../submission/answer';
import {
	countedScore,
	instrumentPreview,
	type InstrumentPartKey
} from '../../submission/instrument';
import {
	SNAPSHOT_SCHEMA,
	type SnapshotContent,
	type SnapshotDatum,
	type SnapshotGroup,
	type SnapshotItem,
	type SnapshotProgramme
} from '../../submission/snapshot';
import { spbePreview } from '../../submission/spbe-preview';
import { instrument, instrumentItems } from './reference';

/** A register programme as a snapshot freezes it: its year's progress as recorded, approved or not. */
export function snapshotProgramme(p: RegisterProgramme): SnapshotProgramme {
	const g = p.progress[0] ?? null;
	return {
		elementCode: p.elementCode,
		kind: p.kind,
		name: p.name,
		opd: p.opd,
		startYear: p.startYear,
		masterplanTitle: p.masterplanTitle,
		masterplanPage: p.masterplanPage,
		budgetSource: p.budgetSource,
		budget: p.budget,
		status: p.status,
		quickWin: p.quickWin,
		progress: g && {
			year: g.year,
			planned: g.planned,
			done: g.done,
			percent: g.percent,
			evidence: g.evidence,
			status: g.status
		}
	};
}

/** The SPBE structure (domains, aspects, indicators with weights) straight from the database. */
export function spbeStructure(conn: Connection, frameworkCode: string): SpbeStructure {
	const nodes = frameworksDb.nodeRows(conn, frameworkCode);
	const indicators = indicatorsDb.ofFramework(conn, frameworkCode);
	return spbeStructureFromFramework({
		code: frameworkCode,
		nameId: frameworkCode,
		nameEn: frameworkCode,
		nodes,
		indicators: indicators.map((i, n) => ({
			code: i.code,
			elementCode: i.elementCode,
			nameId: i.nameId,
			nameEn: i.nameEn,
			polarity: 'higher',
			valueType: 'level',
			method: 'level',
			worst: 1,
			best: 5,
			benchmark: null,
			weight: i.weight,
			sortOrder: n
		}))
	});
}

/**
 * Values, sources and scores of every indicator of the submission's framework for its region and
 * year. Scores come from the scoring engine (which may carry a value forward from an earlier year:
 * `year` says which year a value is from); without a score the year's own observation is shown.
 */
function indicatorData(
	conn: Connection,
	sub: store.SubmissionRow,
	indicators: readonly indicatorsDb.FrameworkIndicator[]
): { data: Map<string, SnapshotDatum>; profile: { code: string; version: string } | null } {
	const observations = observationsDb.currentUpTo(
		conn,
		sub.regionCode,
		sub.frameworkCode,
		sub.year
	);
	const obs = new Map(observations.map((o) => [`${o.code}|${o.year}`, o]));
	let scores = new Map<string, IndicatorScore>();
	let profile: { code: string; version: string } | null = null;
	try {
		const r = regionYearScores(conn, {
			framework: sub.frameworkCode,
			region: sub.regionCode,
			year: sub.year
		});
		profile = { code: r.context.profile.code, version: r.context.profile.version };
		scores = new Map(indicatorScoresOf(r.scores.dimensions).map((s) => [s.code, s]));
	} catch (e) {
		// Shown without scores rather than not at all; the page says scores are missing.
		console.error('submission: scoring failed', e);
	}
	const data = new Map<string, SnapshotDatum>();
	for (const i of indicators) {
		const s = scores.get(i.code);
		const year = s?.yearUsed ?? (obs.has(`${i.code}|${sub.year}`) ? sub.year : null);
		const o = year === null ? undefined : obs.get(`${i.code}|${year}`);
		data.set(i.code, {
			code: i.code,
			nameId: i.nameId,
			nameEn: i.nameEn,
			unit: i.unit,
			value: s?.value ?? o?.value ?? null,
			year: o ? year : null,
			source: o?.source ?? null,
			sourceKind: o?.sourceKind ?? null,
			referencePeriod: o?.referencePeriod ?? null,
			score: s?.score ?? null,
			illustrative: s?.illustrative ?? Boolean(o?.illustrative)
		});
	}
	return { data, profile };
}

/**
 * A submission's instrument items as the scoring reads them: each item's part from its own row
 * (so a workspace keeps scoring even if the instrument file is later edited), its self-score,
 * and the score it counts with in the expected index (`countedScore`).
 */
export function instrumentScores(items: readonly store.ItemRow[]) {
	const own = items.filter((i) => i.kind === 'instrument');
	return {
		items: own.map((i) => ({
			code: i.refCode,
			part: i.groupCode.replace(/^kominfo\./, '') as InstrumentPartKey
		})),
		self: Object.fromEntries(own.map((i) => [i.refCode, i.selfScore])),
		counted: Object.fromEntries(
			own.map((i) => [i.refCode, countedScore(i.selfScore, i.expectedScore)])
		)
	};
}

/** The group (dimension, aspect, instrument part) names of a submission, in item order. */
function groupsOf(
	conn: Connection,
	sub: store.SubmissionRow,
	items: readonly store.ItemRow[],
	dataDir: string
): Map<string, { nameId: string; nameEn: string; weight: number | null }> {
	const nodes = new Map(frameworksDb.nodeRows(conn, sub.frameworkCode).map((n) => [n.code, n]));
	const inst = instrument(dataDir);
	const set = inst.weightSets.find((w) => w.code === sub.weightSet);
	const out = new Map<string, { nameId: string; nameEn: string; weight: number | null }>();
	for (const i of items) {
		if (out.has(i.groupCode)) continue;
		if (i.kind === 'instrument') {
			const key = i.groupCode.replace(/^kominfo\./, '');
			const part = inst.parts.find((x) => x.key === key);
			out.set(i.groupCode, {
				nameId: `Instrumen Kominfo: ${part?.nameId ?? key}`,
				nameEn: `Kominfo instrument: ${part?.nameEn ?? key}`,
				weight: set ? set.weights[key as keyof typeof set.weights] : null
			});
		} else {
			const n = nodes.get(i.groupCode);
			out.set(i.groupCode, {
				nameId: n?.nameId ?? i.groupCode,
				nameEn: n?.nameEn ?? i.groupCode,
				weight: i.kind === 'spbe' ? (n?.weight ?? null) : null
			});
		}
	}
	return out;
}

/** An item's own fields in the frozen shape (its evidence and data come from other rows). */
export function snapshotFields(i: store.ItemRow): Omit<SnapshotItem, 'evidence' | 'data'> {
	return {
		key: i.itemKey,
		kind: i.kind,
		group: i.groupCode,
		titleId: i.titleId,
		titleEn: i.titleEn,
		answer: i.answer,
		...(i.kind === 'instrument' ? { selfScore: i.selfScore, expectedScore: i.expectedScore } : {}),
		justification: i.justification,
		opd: i.opd,
		dueDate: i.dueDate,
		status: i.status,
		reviewComment: i.reviewComment
	};
}

/** The submission as it is now, in the shape a snapshot freezes. */
export function buildContent(
	conn: Connection,
	submissionId: number,
	dataDir: string
): SnapshotContent {
	const sub = store.getSubmission(conn, submissionId);
	if (!sub) throw new Error(`submission ${submissionId} not found`);
	return contentOf(
		conn,
		sub,
		store.listItems(conn, sub.id),
		store.listEvidence(conn, sub.id),
		dataDir
	);
}

/** buildContent from the submission's rows a caller has already read (the workspace page). */
export function contentOf(
	conn: Connection,
	sub: store.SubmissionRow,
	items: readonly store.ItemRow[],
	evidence: readonly store.EvidenceRow[],
	dataDir: string
): SnapshotContent {
	const indicators = indicatorsDb.ofFramework(conn, sub.frameworkCode);
	const { data, profile } = indicatorData(conn, sub, indicators);
	const groups = groupsOf(conn, sub, items, dataDir);
	const asks = new Map(
		instrumentItems(instrument(dataDir), sub.weightSet).map((x) => [
			x.code,
			[...x.indicators, ...x.relatedIndicators]
		])
	);

	let preview: SnapshotContent['preview'] = { index: null, indexRounded: null, predikat: null };
	const groupScore = new Map<string, number | null>();
	if (sub.kind === 'spbe') {
		const levels = Object.fromEntries(items.map((i) => [i.refCode, spbeLevel(i.answer)]));
		const p = spbePreview(spbeStructure(conn, sub.frameworkCode), levels);
		preview = {
			index: p.result.index,
			indexRounded: p.result.indexRounded,
			predikat: p.result.predikat?.labelId ?? null
		};
		for (const a of p.aspects) groupScore.set(a.code, a.index);
	} else {
		const set = instrument(dataDir).weightSets.find((w) => w.code === sub.weightSet);
		if (set) {
			const own = instrumentScores(items);
			const p = instrumentPreview(own.items, own.self, set.weights);
			const expected = instrumentPreview(own.items, own.counted, set.weights);
			preview = {
				index: p.index,
				indexRounded: p.indexRounded,
				predikat: null,
				expectedIndex: expected.index
			};
			for (const part of p.parts) groupScore.set(`kominfo.${part.key}`, part.score);
		}
	}

	const snapshotGroups: SnapshotGroup[] = [...groups.entries()].map(([code, g]) => ({
		code,
		nameId: g.nameId,
		nameEn: g.nameEn,
		score: groupScore.get(code) ?? null,
		weight: g.weight
	}));

	const programmes =
		sub.kind === 'gm100sc'
			? register(conn, sub.regionCode, sub.frameworkCode, { year: sub.year })
			: [];
	return {
		schema: SNAPSHOT_SCHEMA,
		submission: {
			id: sub.id,
			kind: sub.kind,
			frameworkCode: sub.frameworkCode,
			regionCode: sub.regionCode,
			year: sub.year,
			title: sub.title,
			weightSet: sub.weightSet
		},
		profile,
		groups: snapshotGroups,
		preview,
		items: items.map((i) => ({
			...snapshotFields(i),
			evidence: evidence
				.filter((e) => e.itemId === i.id)
				.map((e) => ({
					id: e.id,
					kind: e.kind,
					name: e.name,
					sha256: e.sha256,
					size: e.size,
					mime: e.mime,
					url: e.url
				})),
			data:
				i.kind === 'spbe'
					? [data.get(i.refCode)].filter((d): d is SnapshotDatum => !!d)
					: i.kind === 'element'
						? indicators
								.filter((x) => x.elementCode === i.refCode)
								.map((x) => data.get(x.code))
								.filter((d): d is SnapshotDatum => !!d)
						: // An instrument question the project's indicators answer (its year's file says which).
							(asks.get(i.refCode) ?? [])
								.map((code) => data.get(code))
								.filter((d): d is SnapshotDatum => !!d)
		})),
		programmes: programmes.map(snapshotProgramme)
	};
}
