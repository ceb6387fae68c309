/**
 * Glue between the database and the pure scoring engine: loads a framework, its profile, the
 * current observations and targets, scores every comparable region and year in one call, and
 * caches the result until the data changes (any import, undo or target edit bumps the version).
 */
import {
	parseProfile,
	scoreFramework,
	type FrameworkInput,
	type Profile,
	type RegionYearScore,
	type ScoreResult
} from '../scoring';
import { cachedStatement, type Connection } from './db';
import { MAX_YEAR, MIN_YEAR } from './db/schema';

export class ScoresNotFound extends Error {
	constructor(
		readonly parameter: 'framework' | 'profile' | 'region',
		message: string
	) {
		super(message);
	}
}

export interface ScoringContext {
	framework: FrameworkInput & { yearFrom: number; yearTo: number | null };
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

/** A cheap fingerprint of everything that can change scores: imports, undos and profiles. */
export function dataVersion(conn: Connection): string {
	const row = cachedStatement(
		conn,
		`SELECT (SELECT coalesce(max(id), 0) FROM imports) AS imports,
			        (SELECT count(*) FROM imports WHERE status = 'undone') AS undone,
			        (SELECT group_concat(code || ':' || version) FROM scoring_profiles) AS profiles`
	).get() as { imports: number; undone: number; profiles: string | null };
	return `${row.imports}:${row.undone}:${row.profiles ?? ''}`;
}

/** `'2010 2024'` → `[2010, 2024]`; `''` → `[]` (the column's form, see the schema). */
export function parseBreakYears(text: string): number[] {
	return text.split(/\s+/).filter(Boolean).map(Number).filter(Number.isInteger);
}

function loadFramework(conn: Connection, code: string): ScoringContext['framework'] {
	const fw = conn.sqlite
		.prepare(`SELECT code, name_id, name_en, year_from, year_to FROM frameworks WHERE code = ?`)
		.get(code) as
		| { code: string; name_id: string; name_en: string; year_from: number; year_to: number | null }
		| undefined;
	if (!fw) throw new ScoresNotFound('framework', `Unknown framework "${code}".`);
	const nodes = conn.sqlite
		.prepare(
			`SELECT code, parent_code AS parentCode, level, name_id AS nameId, name_en AS nameEn, weight,
			        sort_order AS sortOrder
			 FROM framework_nodes WHERE framework_code = ? ORDER BY sort_order, code`
		)
		.all(code) as FrameworkInput['nodes'][number][];
	const indicators = (
		conn.sqlite
			.prepare(
				`SELECT code, element_code AS elementCode, name_id AS nameId, name_en AS nameEn, unit, polarity,
				        value_type AS valueType, method, worst, best, benchmark, weight, year_from AS yearFrom,
				        break_years AS breakYears, sort_order AS sortOrder
				 FROM indicators WHERE framework_code = ? ORDER BY sort_order, code`
			)
			.all(code) as (Omit<FrameworkInput['indicators'][number], 'breakYears'> & {
			breakYears: string;
		})[]
	).map((i) => ({ ...i, breakYears: parseBreakYears(i.breakYears) }));
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
	const row = (
		code
			? conn.sqlite.prepare(`SELECT * FROM scoring_profiles WHERE code = ?`).get(code)
			: conn.sqlite
					.prepare(
						`SELECT * FROM scoring_profiles WHERE framework_code = ? ORDER BY is_default DESC, year_from DESC LIMIT 1`
					)
					.get(frameworkCode)
	) as
		| {
				code: string;
				framework_code: string;
				version: string;
				name_id: string;
				name_en: string;
				year_from: number;
				year_to: number | null;
				is_default: number;
				settings: string;
		  }
		| undefined;
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
	const observations = conn.sqlite
		.prepare(
			`SELECT o.region_code AS regionCode, o.indicator_code AS indicatorCode, o.year, o.value,
			        o.illustrative, o.source, o.source_kind AS sourceKind,
			        o.reference_period AS referencePeriod
			 FROM observations o JOIN indicators i ON i.code = o.indicator_code
			 WHERE o.superseded_by IS NULL AND i.framework_code = ?`
		)
		.all(framework.code)
		.map((o) => {
			const row = o as { illustrative: number };
			return { ...(o as object), illustrative: Boolean(row.illustrative) };
		}) as Parameters<typeof scoreFramework>[0]['observations'][number][];
	const targets = conn.sqlite
		.prepare(
			`SELECT t.region_code AS regionCode, t.indicator_code AS indicatorCode, t.year, t.value
			 FROM targets t JOIN indicators i ON i.code = t.indicator_code
			 WHERE t.superseded_by IS NULL AND i.framework_code = ?`
		)
		.all(framework.code) as {
		regionCode: string;
		indicatorCode: string;
		year: number;
		value: number;
	}[];
	const regions = (
		conn.sqlite
			.prepare(
				`SELECT DISTINCT r.code FROM regions r
				 JOIN observations o ON o.region_code = r.code AND o.superseded_by IS NULL
				 JOIN indicators i ON i.code = o.indicator_code AND i.framework_code = ?
				 WHERE r.kind IN ('kabupaten', 'kota') ORDER BY r.code`
			)
			.all(framework.code) as { code: string }[]
	).map((r) => r.code);

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
	const region = conn.sqlite.prepare(`SELECT code FROM regions WHERE code = ?`).get(request.region);
	if (!region) throw new ScoresNotFound('region', `Unknown region "${request.region}".`);
	const ctx = scoring(conn, request);
	const inSet = ctx.regions.includes(request.region) && ctx.years.includes(request.year);
	if (inSet) return { context: ctx, scores: ctx.regionYear(request.region, request.year)! };
	const alone = scoreFramework({
		framework: ctx.framework,
		profile: ctx.profile,
		observations: ctx.result.obs,
		targets: conn.sqlite
			.prepare(
				`SELECT region_code AS regionCode, indicator_code AS indicatorCode, year, value FROM targets
				 WHERE superseded_by IS NULL AND region_code = ?`
			)
			.all(request.region) as {
			regionCode: string;
			indicatorCode: string;
			year: number;
			value: number;
		}[],
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
