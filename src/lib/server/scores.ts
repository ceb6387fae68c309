/**
 * Glue between the database and the pure scoring engine: loads a framework, its profile, the
 * current observations and targets, scores every comparable region and year in one call, and
 * caches the result until the data changes (any import, undo or target edit bumps the version).
 */
import {
	parseProfile,
	scoreFramework,
	type EngineFramework,
	type Profile,
	type RegionYearScore,
	type ScoreResult
} from '../scoring';
import type { Connection } from './db';
import { dataVersion } from './db/data-version';
import * as frameworksDb from './db/frameworks';
import * as indicatorsDb from './db/indicators';
import * as observationsDb from './db/observations';
import * as regionsDb from './db/regions';
import { MAX_YEAR, MIN_YEAR } from '$lib/domain';
import * as profilesDb from './db/scoring-profiles';
import * as targetsDb from './db/targets';

export class ScoresNotFound extends Error {
	constructor(
		readonly parameter: 'framework' | 'profile' | 'region',
		message: string
	) {
		super(message);
	}
}

export interface ScoringContext {
	framework: EngineFramework & { yearFrom: number; yearTo: number | null };
	profile: Profile;
	result: ScoreResult;
	/** Regions compared (rank denominators): kabupaten/kota with data in this framework. */
	regions: string[];
	/** Every assessment year scored, ascending. */
	years: number[];
	/** Years for which at least one compared region has a composite score. */
	scoredYears: number[];
	/**
	 * The rich scores of a region and year, memoised: building traces costs milliseconds, and the
	 * same views are asked for by every request until the data changes.
	 */
	regionYear: (region: string, year: number) => RegionYearScore | null;
}

function memoRegionYear(result: ScoreResult): ScoringContext['regionYear'] {
	const memo = new Map<string, RegionYearScore | null>();
	return (region, year) => {
		const key = `${region}|${year}`;
		let hit = memo.get(key);
		if (hit === undefined) {
			hit = result.regionYear(region, year);
			memo.set(key, hit);
		}
		return hit;
	};
}

/** `'2010 2024'` → `[2010, 2024]`; `''` → `[]` (the column's form, see the schema). */
export function parseBreakYears(text: string): number[] {
	return text.split(/\s+/).filter(Boolean).map(Number).filter(Number.isInteger);
}

function loadFramework(conn: Connection, code: string): ScoringContext['framework'] {
	const fw = frameworksDb.span(conn, code);
	if (!fw) throw new ScoresNotFound('framework', `Unknown framework "${code}".`);
	const nodes = frameworksDb.nodeRows(conn, code);
	const indicators = indicatorsDb
		.forScoring(conn, code)
		.map((i) => ({ ...i, breakYears: parseBreakYears(i.breakYears) }));
	return {
		code: fw.code,
		nameId: fw.name_id,
		nameEn: fw.name_en,
		yearFrom: fw.year_from,
		yearTo: fw.year_to,
		nodes,
		indicators
	};
}

function loadProfile(conn: Connection, frameworkCode: string, code?: string): Profile {
	const row = code ? profilesDb.byCode(conn, code) : profilesDb.defaultFor(conn, frameworkCode);
	if (!row) {
		throw new ScoresNotFound(
			code ? 'profile' : 'framework',
			code ? `Unknown profile "${code}".` : `Framework "${frameworkCode}" has no scoring profile.`
		);
	}
	if (row.framework_code !== frameworkCode) {
		throw new ScoresNotFound(
			'profile',
			`Profile "${row.code}" belongs to framework "${row.framework_code}", not "${frameworkCode}".`
		);
	}
	return parseProfile({
		code: row.code,
		framework: row.framework_code,
		version: row.version,
		name_id: row.name_id,
		name_en: row.name_en,
		year_from: row.year_from,
		year_to: row.year_to,
		is_default: Boolean(row.is_default),
		settings: JSON.parse(row.settings)
	});
}

interface CacheEntry {
	version: string;
	context: ScoringContext;
}
const cache = new Map<string, CacheEntry>();
const MAX_CACHE = 32;

export interface ScoreRequest {
	framework: string;
	profile?: string;
	/** What-if weights by node or indicator code. */
	weights?: Readonly<Record<string, number>>;
}

/**
 * Scores every comparable region and every year of a framework, cached per data version.
 * @example scoring(conn, { framework: 'gm100sc-2018' }).result.groupScore('33.18', null, 2022)
 */
export function scoring(conn: Connection, request: ScoreRequest): ScoringContext {
	const version = dataVersion(conn);
	const key = JSON.stringify([
		conn.path,
		request.framework,
		request.profile ?? '',
		request.weights ?? {}
	]);
	const hit = cache.get(key);
	if (hit && hit.version === version) return hit.context;

	const framework = loadFramework(conn, request.framework);
	const profile = loadProfile(conn, framework.code, request.profile);
	const observations = observationsDb.currentOfFramework(conn, framework.code);
	const targets = targetsDb.currentOfFramework(conn, framework.code);
	const regions = regionsDb.comparedIn(conn, framework.code);

	const first = Math.max(profile.yearFrom, framework.yearFrom);
	const lastData = observations.reduce((m, o) => Math.max(m, o.year), first);
	const last = Math.min(profile.yearTo ?? MAX_YEAR, framework.yearTo ?? MAX_YEAR, lastData);
	const years: number[] = [];
	for (let y = first; y <= last; y++) years.push(y);

	const result = scoreFramework({
		framework,
		profile,
		observations,
		targets,
		regions,
		years,
		weightOverrides: request.weights,
		sensitivityYears: years
	});
	const scoredYears = years.filter((y) =>
		regions.some((r) => result.groupScore(r, null, y) !== null)
	);
	const context: ScoringContext = {
		framework,
		profile,
		result,
		regions,
		years,
		scoredYears,
		regionYear: memoRegionYear(result)
	};
	if (cache.size >= MAX_CACHE) cache.delete(cache.keys().next().value as string);
	cache.set(key, { version, context });
	return context;
}

/**
 * The scores of one region and year, also for a year outside the scored range (null scores, zero
 * coverage) and for a region outside the compared set (scored alone, so without a rank).
 */
export function regionYearScores(
	conn: Connection,
	request: ScoreRequest & { region: string; year: number }
) {
	if (request.year < MIN_YEAR || request.year > MAX_YEAR) {
		throw new RangeError(`year must be from ${MIN_YEAR} to ${MAX_YEAR}`);
	}
	if (!regionsDb.exists(conn, request.region))
		throw new ScoresNotFound('region', `Unknown region "${request.region}".`);
	const ctx = scoring(conn, request);
	const inSet = ctx.regions.includes(request.region) && ctx.years.includes(request.year);
	if (inSet) return { context: ctx, scores: ctx.regionYear(request.region, request.year)! };
	const alone = scoreFramework({
		framework: ctx.framework,
		profile: ctx.profile,
		observations: ctx.result.obs,
		targets: targetsDb.currentOfRegion(conn, request.region),
		regions: [request.region],
		years: [request.year],
		weightOverrides: request.weights
	});
	const scores = alone.regionYear(request.region, request.year)!;
	const comparable = ctx.regions.includes(request.region);
	return {
		context: ctx,
		scores: comparable
			? scores
			: {
					...scores,
					composite: { ...scores.composite, rank: null, rankInterval: null, rankedRegions: 0 }
				}
	};
}
