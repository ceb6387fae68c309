/**
 * Turns a framework (nodes + indicators) and weight overrides into flat arrays the engine can loop
 * over without lookups: groups in post-order (children before parents, the composite last).
 */
import type { EngineFramework, EngineIndicator } from './types.ts';

/** Thrown for structurally bad engine input; `issues` lists every problem found. */
export class ScoringInputError extends Error {
	readonly issues: string[];
	constructor(issues: string[]) {
		super(`Invalid scoring input (${issues.length}):\n- ${issues.join('\n- ')}`);
		this.name = 'ScoringInputError';
		this.issues = issues;
	}
}

export interface CompiledGroup {
	code: string;
	level: string;
	nameId: string;
	nameEn: string;
	/** Effective weight (after overrides); the composite's is 1. */
	weight: number;
	parent: number;
	childGroups: number[];
	childIndicators: number[];
}

export interface CompiledFramework {
	code: string;
	indicators: EngineIndicator[];
	indIndex: Map<string, number>;
	/** Effective indicator weights (after overrides). */
	indWeight: Float64Array;
	groups: CompiledGroup[];
	groupIndex: Map<string, number>;
	root: number;
	/** Children of group g are entries childStart[g] .. childStart[g + 1] − 1. */
	childStart: Int32Array;
	/** 1 = indicator, 0 = group. */
	childIsIndicator: Uint8Array;
	childRef: Int32Array;
	childWeight: Float64Array;
	/**
	 * 1 for the composite and the dimensions (its children): the groups whose score may not rest
	 * mostly on values carried from earlier years (settings.maxCarriedShare). Elements below them
	 * may use a carried value, marked, so that carry_forward_years keeps its meaning.
	 */
	limitsCarried: Uint8Array;
}

const byOrder = <T extends { sortOrder?: number; code: string }>(a: T, b: T) =>
	(a.sortOrder ?? 0) - (b.sortOrder ?? 0) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

const validWeight = (w: unknown): w is number =>
	typeof w === 'number' && Number.isFinite(w) && w >= 0;

/**
 * Compiles a framework; throws ScoringInputError on duplicate codes, unknown parents, cycles,
 * bad weights or years, or overrides naming no node or indicator.
 * @example compileFramework(fw, { governance: 2 }).groups.at(-1)?.code // fw.code (the composite)
 */
export function compileFramework(
	fw: EngineFramework,
	overrides: Readonly<Record<string, number>> = {}
): CompiledFramework {
	const issues: string[] = [];
	const nodes = [...fw.nodes].sort(byOrder);
	const nodeByCode = new Map<string, (typeof nodes)[number]>();
	for (const n of nodes) {
		if (nodeByCode.has(n.code)) issues.push(`node "${n.code}" appears twice`);
		nodeByCode.set(n.code, n);
		if (!validWeight(n.weight))
			issues.push(`node "${n.code}" has weight ${n.weight}; need a number ≥ 0`);
	}
	for (const n of nodes) {
		if (n.parentCode !== null && !nodeByCode.has(n.parentCode)) {
			issues.push(`node "${n.code}" has unknown parent "${n.parentCode}"`);
		}
	}
	const indicators = [...fw.indicators].sort(byOrder);
	const indIndex = new Map<string, number>();
	indicators.forEach((ind, i) => {
		if (indIndex.has(ind.code)) issues.push(`indicator "${ind.code}" appears twice`);
		if (nodeByCode.has(ind.code))
			issues.push(`code "${ind.code}" names both a node and an indicator`);
		indIndex.set(ind.code, i);
		if (!nodeByCode.has(ind.elementCode)) {
			issues.push(`indicator "${ind.code}" belongs to unknown node "${ind.elementCode}"`);
		}
		if (!validWeight(ind.weight))
			issues.push(`indicator "${ind.code}" has weight ${ind.weight}; need a number ≥ 0`);
		if (ind.yearFrom !== undefined && ind.yearFrom !== null && !Number.isInteger(ind.yearFrom))
			issues.push(
				`indicator "${ind.code}" has year_from ${ind.yearFrom}; need a whole year or null`
			);
	});
	for (const [code, w] of Object.entries(overrides)) {
		if (!nodeByCode.has(code) && !indIndex.has(code))
			issues.push(`weight override for unknown code "${code}"`);
		if (!validWeight(w)) issues.push(`weight override for "${code}" is ${w}; need a number ≥ 0`);
	}
	if (issues.length) throw new ScoringInputError(issues);

	const weightOf = (code: string, base: number) =>
		Object.prototype.hasOwnProperty.call(overrides, code) ? overrides[code] : base;

	const childNodes = new Map<string | null, string[]>();
	for (const n of nodes) {
		const list = childNodes.get(n.parentCode) ?? [];
		list.push(n.code);
		childNodes.set(n.parentCode, list);
	}
	const nodeIndicators = new Map<string, number[]>();
	indicators.forEach((ind, i) => {
		const list = nodeIndicators.get(ind.elementCode) ?? [];
		list.push(i);
		nodeIndicators.set(ind.elementCode, list);
	});

	const groups: CompiledGroup[] = [];
	const groupIndex = new Map<string, number>();
	const visiting = new Set<string>();
	const visit = (code: string, parentIdx: number): number => {
		visiting.add(code);
		const kids: number[] = [];
		for (const c of childNodes.get(code) ?? []) kids.push(visit(c, -1));
		const n = nodeByCode.get(code)!;
		const idx = groups.length;
		groups.push({
			code,
			level: n.level,
			nameId: n.nameId,
			nameEn: n.nameEn,
			weight: weightOf(code, n.weight),
			parent: parentIdx,
			childGroups: kids,
			childIndicators: nodeIndicators.get(code) ?? []
		});
		for (const k of kids) groups[k].parent = idx;
		groupIndex.set(code, idx);
		return idx;
	};
	const tops = (childNodes.get(null) ?? []).map((c) => visit(c, -1));
	const root = groups.length;
	groups.push({
		code: fw.code,
		level: 'composite',
		nameId: fw.nameId,
		nameEn: fw.nameEn,
		weight: 1,
		parent: -1,
		childGroups: tops,
		childIndicators: []
	});
	for (const t of tops) groups[t].parent = root;
	const unreached = nodes.filter((n) => !visiting.has(n.code)).map((n) => n.code);
	if (unreached.length) {
		throw new ScoringInputError([`nodes in a parent cycle: ${unreached.join(', ')}`]);
	}

	const indWeight = Float64Array.from(indicators, (ind) => weightOf(ind.code, ind.weight));
	const childStart = new Int32Array(groups.length + 1);
	let total = 0;
	groups.forEach((g, k) => {
		childStart[k] = total;
		const n = g.childGroups.length + g.childIndicators.length;
		total += n;
	});
	childStart[groups.length] = total;
	const childIsIndicator = new Uint8Array(total);
	const childRef = new Int32Array(total);
	const childWeight = new Float64Array(total);
	groups.forEach((g, k) => {
		let at = childStart[k];
		for (const c of g.childGroups) {
			childRef[at] = c;
			childWeight[at++] = groups[c].weight;
		}
		for (const i of g.childIndicators) {
			childIsIndicator[at] = 1;
			childRef[at] = i;
			childWeight[at++] = indWeight[i];
		}
	});
	const limitsCarried = Uint8Array.from(groups, (g, k) =>
		k === root || g.parent === root ? 1 : 0
	);
	return {
		code: fw.code,
		indicators,
		indIndex,
		indWeight,
		groups,
		groupIndex,
		root,
		childStart,
		childIsIndicator,
		childRef,
		childWeight,
		limitsCarried
	};
}
