/**
 * The scoring engine: indicator → group → composite scores, coverage, ratings, trends and ranks for
 * many regions and years in one call. Internally columnar (typed arrays indexed by year, region and
 * indicator or group), so scoring every kabupaten/kota for ten years costs about as much as a plain
 * averaging loop; the rich per-region objects with traces are built only when asked for, by
 * views.ts.
 */
import { COVERAGE_EPSILON } from './aggregate.ts';
import { REASON_CODE, R_CONTEXT, R_NO_VALUE, R_NOT_APPLICABLE } from './codes.ts';
import { compileFramework, ScoringInputError, type CompiledFramework } from './compile.ts';
import { nullReason, scoreValue } from './normalise.ts';
import type { ProfileSettings } from './profile.ts';
import { competitionRanks } from './rank.ts';
import { rankIntervalsBySensitivity } from './sensitivity.ts';
import {
	TrendTally,
	segmentStart,
	selectTarget,
	trendCodeFromEnds,
	type YearValue
} from './trend.ts';
import type {
	Aggregation,
	EngineFramework,
	EngineObservation,
	EngineTarget,
	RegionYearScore
} from './types.ts';
import { buildRegionYear } from './views.ts';

/** Per indicator: whether scoreSeries scores it by min–max itself, and that method's bounds. */
interface MinmaxBounds {
	inline: Uint8Array;
	worst: Float64Array;
	/** 1 / (best − worst) */
	perUnit: Float64Array;
}

export interface EngineInput {
	framework: EngineFramework;
	/** A parsed profile (or any object with its code and settings). */
	profile: { code: string; settings: ProfileSettings };
	/** Observations of any indicators; those of other frameworks or regions are ignored. */
	observations: readonly EngineObservation[];
	targets?: readonly EngineTarget[];
	/** Regions to score (the rank is among these). Default: every region in `observations`. */
	regions?: readonly string[];
	/** Assessment years to score. */
	years: readonly number[];
	/** What-if weights by node or indicator code; 0 turns an indicator into a context indicator. */
	weightOverrides?: Readonly<Record<string, number>>;
	/** Years for which to run the Monte Carlo rank sensitivity (it costs more than the scoring). */
	sensitivityYears?: readonly number[];
}

/** Groups a fully-scored call: every number of every region and year, plus rich views on demand. */
export class ScoreResult {
	readonly framework: string;
	readonly profile: string;
	readonly settings: ProfileSettings;
	/** Region codes, sorted. */
	readonly regions: readonly string[];
	/** Assessment years, ascending. */
	readonly years: readonly number[];
	/** Observations that matched no indicator of the framework or no region of the call. */
	readonly ignoredObservations: number;

	/** @internal */ readonly c: CompiledFramework;
	/** @internal */ readonly obs: readonly EngineObservation[];
	/** @internal */ readonly regionIndex: Map<string, number>;
	/** @internal */ readonly yearIndex: Map<number, number>;
	/** @internal */ readonly yMin: number;
	/** @internal */ readonly nSpan: number;
	/** @internal values[(r × nInd + i) × nSpan + (year − yMin)], NaN = none */ readonly values: Float64Array;
	/** @internal index into `obs`, −1 = none */ readonly obsRef: Int32Array;
	/** @internal every cell's targets, in input order: see TargetIndex */ readonly targets: readonly YearValue[];
	/** @internal */ readonly targetStart: Int32Array;
	/** @internal [(yi × nReg + r) × nInd + i] */ readonly indScore: Float64Array;
	/** @internal */ readonly indReason: Uint8Array;
	/** @internal span offset of the year used, −1 = none */ readonly indYearUsed: Int16Array;
	/** @internal */ readonly indTrend: Uint8Array;
	/** @internal [(yi × nReg + r) × nGroups + g] */ readonly grpScore: Float64Array;
	/** @internal */ readonly grpCoverage: Float64Array;
	/** @internal share of each group's scored weight from carried values (see maxCarriedShare) */ readonly grpCarried: Float64Array;
	/** @internal */ readonly grpTrend: Uint8Array;
	/** @internal per year: c.childWeight with not-applicable children set to 0 */ readonly yearWeight: Float64Array[];
	/** @internal [yi × nGroups + g], 1 = not applicable that year */ readonly grpNA: Uint8Array;
	/** @internal span offset of each indicator's yearFrom (−1e9 = always applicable) */ readonly indFrom: Float64Array;
	/** @internal each indicator's series breaks, ascending */ readonly indBreaks: (readonly number[])[];
	/** @internal |best − worst| per indicator, NaN when unbounded: the scale of the stable band */ readonly indRange: Float64Array;
	/** @internal [yi × nReg + r], 0 = unranked */ readonly ranks: Int32Array;
	/** @internal */ readonly rankedCount: Int32Array;
	/** @internal */ readonly intervals: Map<number, ([number, number] | null)[]>;

	/** @internal Use scoreFramework(). */
	constructor(input: EngineInput) {
		const settings = input.profile.settings;
		this.settings = settings;
		this.framework = input.framework.code;
		this.profile = input.profile.code;
		const c = compileFramework(input.framework, input.weightOverrides);
		this.c = c;
		this.obs = input.observations;

		const issues: string[] = [];
		const years = [...new Set(input.years)].sort((a, b) => a - b);
		for (const y of years) if (!Number.isInteger(y)) issues.push(`year ${y} is not an integer`);
		const regionList = input.regions
			? [...new Set(input.regions)]
			: [...new Set(input.observations.map((o) => o.regionCode))];
		regionList.sort();
		if (issues.length) throw new ScoringInputError(issues);
		this.years = years;
		this.regions = regionList;
		this.regionIndex = new Map(regionList.map((r, i) => [r, i]));
		this.yearIndex = new Map(years.map((y, i) => [y, i]));

		const nReg = regionList.length;
		const nInd = c.indicators.length;
		const nY = years.length;
		const lookback = Math.max(settings.carryForwardYears, settings.trend.years - 1);
		const yMin = nY ? years[0] - lookback : 0;
		const nSpan = nY ? years[nY - 1] - yMin + 1 : 0;
		this.yMin = yMin;
		this.nSpan = nSpan;

		const values = new Float64Array(nReg * nInd * nSpan).fill(NaN);
		const obsRef = new Int32Array(nReg * nInd * nSpan).fill(-1);
		const dupes: string[] = [];
		const obs = input.observations;
		const ignored = indexObservations(
			obs,
			this.regionIndex,
			c.indIndex,
			yMin,
			nSpan,
			values,
			obsRef,
			dupes
		);
		if (dupes.length) {
			throw new ScoringInputError([
				`more than one observation for region/indicator/year: ${dupes.join(', ')}`
			]);
		}
		this.ignoredObservations = ignored;
		this.values = values;
		this.obsRef = obsRef;
		const targets = indexTargets(input.targets ?? [], this.regionIndex, c.indIndex);
		this.targets = targets.rows;
		this.targetStart = targets.start;

		const nG = c.groups.length;
		this.indFrom = Float64Array.from(c.indicators, (d) =>
			d.yearFrom === undefined || d.yearFrom === null ? -1e9 : d.yearFrom - yMin
		);
		this.indBreaks = c.indicators.map((d) => [...(d.breakYears ?? [])].sort((a, b) => a - b));
		this.indRange = Float64Array.from(c.indicators, (d) =>
			d.worst !== null && d.best !== null ? Math.abs(d.best - d.worst) : NaN
		);
		this.grpNA = new Uint8Array(nY * nG);
		this.yearWeight = years.map((Y, yi) => this.applicability(Y, this.grpNA.subarray(yi * nG)));
		this.indScore = new Float64Array(nY * nReg * nInd);
		this.indReason = new Uint8Array(nY * nReg * nInd);
		this.indYearUsed = new Int16Array(nY * nReg * nInd);
		this.indTrend = new Uint8Array(nY * nReg * nInd);
		this.grpScore = new Float64Array(nY * nReg * nG);
		this.grpCoverage = new Float64Array(nY * nReg * nG);
		this.grpCarried = new Float64Array(nY * nReg * nG);
		this.grpTrend = new Uint8Array(nY * nReg * nG);
		this.ranks = new Int32Array(nY * nReg);
		this.rankedCount = new Int32Array(nY);
		this.intervals = new Map();

		this.scoreIndicators();
		const tally = new TrendTally();
		for (let yi = 0; yi < nY; yi++) {
			for (let r = 0; r < nReg; r++) {
				const off = (yi * nReg + r) * nG;
				this.aggregateGroups(
					yi,
					r,
					settings.aggregation,
					this.grpScore,
					this.grpCoverage,
					off,
					tally,
					this.grpCarried
				);
			}
			const comp = new Float64Array(nReg);
			for (let r = 0; r < nReg; r++) comp[r] = this.grpScore[(yi * nReg + r) * nG + c.root];
			const rk = competitionRanks(comp);
			this.ranks.set(rk, yi * nReg);
			let m = 0;
			for (let r = 0; r < nReg; r++) if (rk[r] > 0) m++;
			this.rankedCount[yi] = m;
		}
		for (const y of input.sensitivityYears ?? []) {
			const yi = this.yearIndex.get(y);
			if (yi === undefined)
				throw new ScoringInputError([`sensitivity year ${y} is not among the scored years`]);
			this.sensitivity(yi);
		}
	}

	/**
	 * Child weights for year Y with not-applicable children at 0, marking in `na` the groups whose
	 * weighted children are all not applicable (groups come in post-order, children first). Depends
	 * on the year only, so the per-region loops pay nothing for it.
	 */
	private applicability(Y: number, na: Uint8Array): Float64Array {
		const c = this.c;
		const inds = c.indicators;
		if (!inds.some((d) => d.yearFrom !== undefined && d.yearFrom !== null && Y < d.yearFrom)) {
			return c.childWeight;
		}
		const w = Float64Array.from(c.childWeight);
		for (let g = 0; g < c.groups.length; g++) {
			let excluded = false;
			let applicable = false;
			for (let k = c.childStart[g]; k < c.childStart[g + 1]; k++) {
				if (!(w[k] > 0)) continue;
				const ref = c.childRef[k];
				const yf = c.childIsIndicator[k] ? inds[ref].yearFrom : null;
				const out = c.childIsIndicator[k]
					? yf !== undefined && yf !== null && Y < yf
					: na[ref] === 1;
				if (out) {
					w[k] = 0;
					excluded = true;
				} else applicable = true;
			}
			na[g] = excluded && !applicable ? 1 : 0;
		}
		return w;
	}

	/**
	 * @internal The first span offset whose value may stand for year Y of indicator i: not before
	 * the indicator existed, nor before the latest break in its series at or before Y (0 at least).
	 * The scoring and the trend detail of views.ts both start there.
	 */
	segmentOffset(i: number, Y: number): number {
		const breakStart = segmentStart(this.indBreaks[i], Y) - this.yMin;
		return Math.max(0, this.indFrom[i], breakStart);
	}

	/**
	 * Scores, reasons, years used and trends of every indicator, region and year. One call of
	 * scoreSeries per region and indicator: a cell's targets and values are found once for all its
	 * years, and a function that small is optimised, with the trend rule inlined into it, within
	 * the engine's first call. The one loop over every year, region and indicator it replaces ran
	 * once per call, so it was optimised late and deoptimised on each path it had not yet seen
	 * (`--trace-deopt`): the bench's timed calls still ran it slowly.
	 */
	private scoreIndicators() {
		const inds = this.c.indicators;
		const nInd = inds.length;
		const nY = this.years.length;
		// Where a value may come from depends on the indicator and the year, never on the region.
		const segmentFrom = new Int32Array(nInd * nY);
		for (let i = 0; i < nInd; i++) {
			for (let yi = 0; yi < nY; yi++)
				segmentFrom[i * nY + yi] = this.segmentOffset(i, this.years[yi]);
		}
		const minmax: MinmaxBounds = {
			// The common case, inlined in scoreSeries: min–max with bounds checked once per call.
			inline: Uint8Array.from(inds, (d) =>
				d.method === 'minmax' &&
				d.worst !== null &&
				d.best !== null &&
				Number.isFinite(d.worst) &&
				Number.isFinite(d.best) &&
				d.worst !== d.best
					? 1
					: 0
			),
			worst: Float64Array.from(inds, (d) => d.worst ?? NaN),
			perUnit: Float64Array.from(inds, (d) => 1 / ((d.best ?? NaN) - (d.worst ?? NaN)))
		};
		for (let r = 0; r < this.regions.length; r++) {
			for (let i = 0; i < nInd; i++) this.scoreSeries(r, i, segmentFrom, minmax);
		}
	}

	/** Indicator i of region r in every assessment year (see scoreIndicators). */
	private scoreSeries(r: number, i: number, segmentFrom: Int32Array, minmax: MinmaxBounds) {
		const { c, settings, values, years, yMin, indScore, indReason, indYearUsed, indTrend } = this;
		const nInd = c.indicators.length;
		const nReg = this.regions.length;
		const nY = years.length;
		const cf = settings.carryForwardYears;
		const tw = settings.trend.years;
		const ind = c.indicators[i];
		const applicableFrom = this.indFrom[i];
		const range = this.indRange[i];
		const context = !(c.indWeight[i] > 0);
		const inline = minmax.inline[i] === 1;
		const cell = (r * nInd + i) * this.nSpan;
		const { targets } = this;
		const targetsFrom = this.targetStart[r * nInd + i];
		const targetsTo = this.targetStart[r * nInd + i + 1];
		for (let yi = 0; yi < nY; yi++) {
			const Y = years[yi];
			const ys = Y - yMin;
			const k = (yi * nReg + r) * nInd + i;
			// Values from before the indicator existed, or from before a break in its series
			// (another basis), are neither carried forward nor trended.
			const from = segmentFrom[i * nY + yi];
			let su = -1;
			for (let back = 0; back <= cf && ys - back >= from; back++) {
				const v = values[cell + ys - back];
				if (v === v) {
					su = ys - back;
					break;
				}
			}
			indYearUsed[k] = su;
			const target =
				targetsTo > targetsFrom ? selectTarget(targets, Y, targetsFrom, targetsTo) : null;
			// The ends' values are kept as they are found: read again afterwards behind a
			// `first >= 0 ?` they were boxed, two heap numbers per cell and year (a profile's finding).
			let first = -1;
			let last = -1;
			let firstValue = NaN;
			let lastValue = NaN;
			let points = 0;
			for (let s = Math.max(from, ys - tw + 1); s <= ys; s++) {
				const v = values[cell + s];
				if (v === v) {
					if (first < 0) {
						first = s;
						firstValue = v;
					}
					last = s;
					lastValue = v;
					points++;
				}
			}
			indTrend[k] = trendCodeFromEnds(
				first + yMin,
				firstValue,
				last + yMin,
				lastValue,
				points,
				target,
				ind.polarity,
				settings.trend,
				undefined,
				range
			);

			if (ys < applicableFrom) {
				indScore[k] = NaN;
				indReason[k] = R_NOT_APPLICABLE;
			} else if (context) {
				indScore[k] = NaN;
				indReason[k] = R_CONTEXT;
			} else if (su < 0) {
				indScore[k] = NaN;
				indReason[k] = R_NO_VALUE;
			} else if (inline) {
				const x = (values[cell + su] - minmax.worst[i]) * minmax.perUnit[i] * 100;
				indScore[k] = x < 0 ? 0 : x > 100 ? 100 : x;
				indReason[k] = 0;
			} else {
				const v = values[cell + su];
				const t = target ? target.value : null;
				const s = scoreValue(ind, v, t, settings.targetCap);
				if (s === null) {
					indScore[k] = NaN;
					indReason[k] = REASON_CODE.get(nullReason(ind, v, t)) as number;
				} else {
					indScore[k] = s;
					indReason[k] = 0;
				}
			}
		}
	}

	/**
	 * Bottom-up aggregation of one region-year into `outScore`/`outCov` at `off`, in the given mode
	 * (the same rule as aggregateArrays, inlined: this is the hot loop). With a `trends` tally, also
	 * the group trends.
	 */
	private aggregateGroups(
		yi: number,
		r: number,
		mode: Aggregation,
		outScore: Float64Array,
		outCov: Float64Array,
		off: number,
		trends: TrendTally | null,
		outCarried?: Float64Array
	) {
		const { c, settings } = this;
		const nInd = c.indicators.length;
		const indBase = (yi * this.regions.length + r) * nInd;
		const geometric = mode === 'geometric';
		const floor = settings.geometricFloor;
		const minCov = settings.minCoverage - COVERAGE_EPSILON;
		const rootMinCov = settings.compositeMinCoverage - COVERAGE_EPSILON;
		const maxCarried = settings.maxCarriedShare + COVERAGE_EPSILON;
		const ys = this.years[yi] - this.yMin;
		const indYearUsed = this.indYearUsed;
		const grpCarried = outCarried ?? this.grpCarried;
		const { childStart, childIsIndicator, childRef, limitsCarried } = c;
		const childWeight = this.yearWeight[yi];
		const indScore = this.indScore;
		const indTrend = this.indTrend;
		const grpTrend = this.grpTrend;
		for (let g = 0; g < c.groups.length; g++) {
			const a = childStart[g];
			const b = childStart[g + 1];
			let total = 0;
			let scored = 0;
			let acc = 0;
			let carried = 0;
			trends?.reset();
			for (let k = a; k < b; k++) {
				const w = childWeight[k];
				if (!(w > 0)) continue;
				total += w;
				const ref = childRef[k];
				const isInd = childIsIndicator[k];
				trends?.add(isInd ? indTrend[indBase + ref] : grpTrend[off + ref], w);
				const s = isInd ? indScore[indBase + ref] : outScore[off + ref];
				if (s !== s) continue;
				scored += w;
				acc += geometric ? w * Math.log(s < floor ? floor : s) : w * s;
				carried +=
					w * (isInd ? (indYearUsed[indBase + ref] !== ys ? 1 : 0) : grpCarried[off + ref]);
			}
			const cov = total > 0 ? scored / total : 0;
			const carriedShare = scored > 0 ? carried / scored : 0;
			outCov[off + g] = cov;
			grpCarried[off + g] = carriedShare;
			// Assigned, not chosen by `? : NaN`: that form boxed every group's score, 2 MB of heap
			// numbers per call of the bench's case (a heap profile's finding).
			let score = NaN;
			if (
				total > 0 &&
				scored > 0 &&
				cov >= (g === c.root ? rootMinCov : minCov) &&
				(carriedShare <= maxCarried || limitsCarried[g] === 0)
			) {
				score = geometric ? Math.exp(acc / scored) : acc / scored;
			}
			outScore[off + g] = score;
			if (trends) grpTrend[off + g] = trends.state(settings.minCoverage);
		}
	}

	/**
	 * The rank intervals of year `yi` (`sensitivity.ts`): the composite's children's scores under
	 * the profile's aggregation and, when the profile alternates, under the other one (all levels).
	 */
	private sensitivity(yi: number) {
		const { c, settings } = this;
		const { includeGeometric } = settings.sensitivity;
		const nReg = this.regions.length;
		const nG = c.groups.length;
		const base = settings.aggregation;
		const alt: Aggregation = base === 'arithmetic' ? 'geometric' : 'arithmetic';
		const altScore = new Float64Array(nReg * nG);
		const altCov = new Float64Array(nReg * nG);
		const altCarried = new Float64Array(nReg * nG);
		if (includeGeometric) {
			for (let r = 0; r < nReg; r++) {
				if (this.ranks[yi * nReg + r] > 0)
					this.aggregateGroups(yi, r, alt, altScore, altCov, r * nG, null, altCarried);
			}
		}
		const a = c.childStart[c.root];
		const nc = c.childStart[c.root + 1] - a;
		const nInd = c.indicators.length;
		// Root children's scores per region under each mode, laid out [r × nc + k].
		const childScores: [Float64Array, Float64Array] = [
			new Float64Array(nReg * nc),
			new Float64Array(nReg * nc)
		];
		for (let r = 0; r < nReg; r++) {
			const off = (yi * nReg + r) * nG;
			const indBase = (yi * nReg + r) * nInd;
			for (let k = 0; k < nc; k++) {
				const ref = c.childRef[a + k];
				const isInd = c.childIsIndicator[a + k];
				childScores[0][r * nc + k] = isInd
					? this.indScore[indBase + ref]
					: this.grpScore[off + ref];
				childScores[1][r * nc + k] = isInd ? this.indScore[indBase + ref] : altScore[r * nG + ref];
			}
		}
		this.intervals.set(
			yi,
			rankIntervalsBySensitivity({
				childScores,
				modes: [base, alt],
				weights: this.yearWeight[yi].subarray(a, a + nc),
				baseRanks: this.ranks.subarray(yi * nReg, yi * nReg + nReg),
				settings: settings.sensitivity,
				geometricFloor: settings.geometricFloor,
				minCoverage: settings.compositeMinCoverage
			})
		);
	}

	/** @internal The cell of a region and year; null when either is not in the call. */
	at(regionCode: string, year: number): { r: number; yi: number } | null {
		const r = this.regionIndex.get(regionCode);
		const yi = this.yearIndex.get(year);
		return r === undefined || yi === undefined ? null : { r, yi };
	}

	/**
	 * Score of a group (node code) or of the composite (code null); null when not scored.
	 * @example result.groupScore('33.18', 'governance', 2022) // 61.3
	 */
	groupScore(regionCode: string, code: string | null, year: number): number | null {
		const p = this.at(regionCode, year);
		const g = code === null ? this.c.root : this.c.groupIndex.get(code);
		if (!p || g === undefined) return null;
		const s = this.grpScore[(p.yi * this.regions.length + p.r) * this.c.groups.length + g];
		return s === s ? s : null;
	}

	/**
	 * Score of one indicator; null when not scored.
	 * @example result.indicatorScore('33.18', 'gov.spbe', 2022) // 43.75
	 */
	indicatorScore(regionCode: string, indicatorCode: string, year: number): number | null {
		const p = this.at(regionCode, year);
		const i = this.c.indIndex.get(indicatorCode);
		if (!p || i === undefined) return null;
		const s = this.indScore[(p.yi * this.regions.length + p.r) * this.c.indicators.length + i];
		return s === s ? s : null;
	}

	/**
	 * Rank of a region's composite in a year (1 = best), null if unscored.
	 * @example result.rank('33.18', 2022) // 4
	 */
	rank(regionCode: string, year: number): number | null {
		const p = this.at(regionCode, year);
		if (!p) return null;
		const v = this.ranks[p.yi * this.regions.length + p.r];
		return v > 0 ? v : null;
	}

	/**
	 * Rank interval from the sensitivity run, null when not run for that year or unranked.
	 * @example result.rankInterval('33.18', 2022) // [3, 6]
	 */
	rankInterval(regionCode: string, year: number): [number, number] | null {
		const p = this.at(regionCode, year);
		if (!p) return null;
		return this.intervals.get(p.yi)?.[p.r] ?? null;
	}

	/**
	 * All regions of a year, best first (unscored last, by code): for league tables and maps.
	 * @example result.ranking(2022)[0].regionCode // '33.19'
	 */
	ranking(year: number): {
		regionCode: string;
		score: number | null;
		rank: number | null;
		rankInterval: [number, number] | null;
	}[] {
		const yi = this.yearIndex.get(year);
		if (yi === undefined) return [];
		const rows = this.regions.map((code) => ({
			regionCode: code,
			score: this.groupScore(code, null, year),
			rank: this.rank(code, year),
			rankInterval: this.rankInterval(code, year)
		}));
		return rows.sort(
			(a, b) =>
				(a.rank ?? Infinity) - (b.rank ?? Infinity) || (a.regionCode < b.regionCode ? -1 : 1)
		);
	}

	/**
	 * The rich view of one region and year, with traces (built in views.ts); null for a region or
	 * year not in the call.
	 * @example result.regionYear('33.18', 2022)?.composite.score // 58.2
	 */
	regionYear(regionCode: string, year: number): RegionYearScore | null {
		return buildRegionYear(this, regionCode, year);
	}
}

/**
 * Indexes the observations once into `values` and `obsRef` (see ScoreResult, filled with NaN and
 * −1 by the caller): O(n) with two map lookups per run of rows of the same region and indicator.
 * Returns how many rows matched no region or indicator; a second row for a region, indicator and
 * year goes to `dupes` (the first 20).
 *
 * The loop is all there is: V8 optimises it while it runs (on-stack replacement), before anything
 * after it has run once, and code after the loop without that feedback deoptimised the function
 * at the loop's end on every call (`--trace-deopt`), the next call starting slow again.
 */
function indexObservations(
	obs: readonly EngineObservation[],
	regionIndex: ReadonlyMap<string, number>,
	indIndex: ReadonlyMap<string, number>,
	yMin: number,
	nSpan: number,
	values: Float64Array,
	obsRef: Int32Array,
	dupes: string[]
): number {
	const nInd = indIndex.size;
	let ignored = 0;
	// Rows usually arrive grouped by region (and often by indicator): remember the last lookup.
	let lastRegion: string | null = null;
	let lastR: number | undefined;
	let lastInd: string | null = null;
	let lastI: number | undefined;
	for (let k = 0; k < obs.length; k++) {
		const o = obs[k];
		if (o.regionCode !== lastRegion) {
			lastRegion = o.regionCode;
			lastR = regionIndex.get(lastRegion);
		}
		if (o.indicatorCode !== lastInd) {
			lastInd = o.indicatorCode;
			lastI = indIndex.get(lastInd);
		}
		const r = lastR;
		const i = lastI;
		if (r === undefined || i === undefined) {
			ignored++;
			continue;
		}
		const s = o.year - yMin;
		if (!(s >= 0 && s < nSpan) || !Number.isFinite(o.value)) continue;
		const cell = (r * nInd + i) * nSpan + s;
		if (obsRef[cell] !== -1) {
			if (dupes.length < 20) dupes.push(`${o.regionCode}/${o.indicatorCode}/${o.year}`);
			continue;
		}
		obsRef[cell] = k;
		values[cell] = o.value;
	}
	return ignored;
}

/**
 * The targets by cell (r × nInd + i): those of a cell are rows[start[cell]] .. rows[start[cell + 1]
 * − 1], in input order, so selectTarget can search a cell's range of the one array. The rows are
 * the caller's own (an EngineTarget is a YearValue): a list and a copy of every row per cell were
 * most of what one call allocated on the heap (a heap profile's finding), and every such object
 * lived until the next garbage collection copied it.
 */
interface TargetIndex {
	rows: YearValue[];
	start: Int32Array;
}

/** Groups the targets by cell (a counting sort); throws on a second target for a region, indicator and year. */
function indexTargets(
	targets: readonly EngineTarget[],
	regionIndex: ReadonlyMap<string, number>,
	indIndex: ReadonlyMap<string, number>
): TargetIndex {
	const nInd = indIndex.size;
	const nCells = regionIndex.size * nInd;
	const cellOf = new Int32Array(targets.length).fill(-1);
	const start = new Int32Array(nCells + 1);
	for (let k = 0; k < targets.length; k++) {
		const t = targets[k];
		const r = regionIndex.get(t.regionCode);
		const i = indIndex.get(t.indicatorCode);
		if (r === undefined || i === undefined || !Number.isFinite(t.value)) continue;
		cellOf[k] = r * nInd + i;
		start[cellOf[k] + 1]++;
	}
	for (let cell = 0; cell < nCells; cell++) start[cell + 1] += start[cell];
	const rows: YearValue[] = new Array(start[nCells]);
	const next = start.slice(0, nCells);
	const dupes: string[] = [];
	for (let k = 0; k < targets.length; k++) {
		const cell = cellOf[k];
		if (cell < 0) continue;
		const t = targets[k];
		if (hasYear(rows, start[cell], next[cell], t.year)) {
			dupes.push(`${t.regionCode}/${t.indicatorCode}/${t.year}`);
			continue;
		}
		rows[next[cell]++] = t;
	}
	if (dupes.length) {
		throw new ScoringInputError([
			`more than one target for region/indicator/year: ${dupes.join(', ')}`
		]);
	}
	return { rows, start };
}

/** Whether rows[from] .. rows[to − 1] have a target for `year`. */
function hasYear(rows: readonly YearValue[], from: number, to: number, year: number): boolean {
	for (let k = from; k < to; k++) if (rows[k].year === year) return true;
	return false;
}

/**
 * Scores a framework for many regions and years in one call.
 * @example scoreFramework({ framework, profile, observations, years: [2022] }).regionYear('33.18', 2022)
 */
export function scoreFramework(input: EngineInput): ScoreResult {
	return new ScoreResult(input);
}
