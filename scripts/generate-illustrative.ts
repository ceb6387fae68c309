/**
 * Writes the opt-in DEMO dataset, data/demo/observations.csv and data/demo/targets.csv: ILLUSTRATIVE
 * fill for the cells the real dataset leaves empty, so training sessions and screenshots have dense
 * series. The default instance never loads these files; `npm run demo` does (see data/README.md).
 *
 * Run: `npm run data:demo` (deterministic: same inputs, same bytes out).
 *
 * What is real: data/observations.csv and data/targets.csv (written by scripts/build-dataset.ts
 * from data/sources/). This script reads them to bend its series through the real values and
 * never writes a cell that has a real value.
 *
 * What is NOT real: everything this script writes. For the default region and its peers
 * (data/instance.json), each indicator with a row in data/demo/illustrative-params.csv gets a
 * plausible yearly series: a keypoint path, shifted by a seeded offset for peers, bent to pass
 * through that region's real values, with a little seeded noise; about 10% of the cells are then
 * left empty on purpose so that coverage rules have gaps to handle. SPBE 2020 indicator levels are
 * derived so that their weighted mean matches that region-year's SPBE index. Targets for the
 * default region run from its base-year value to an ambitious 2026 goal. Every such row carries
 * `illustrative` 1, the source `ilustrasi: scripts/generate-illustrative.ts` and a note saying it
 * is not official data; pages must show that flag. The province is never filled.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { csvRows } from '../src/lib/csv/write.ts';
import { kindSchemas } from '../src/lib/import/schemas.ts';

const DATA = join(dirname(fileURLToPath(import.meta.url)), '..', 'data');

const FIRST_YEAR = 2017;
const LAST_YEAR = 2024;
const TARGET_LAST_YEAR = 2026;
const TARGET_FIRST_YEAR = 2019;
const GAP_SHARE = 0.1;
/** Share of the remaining distance to the best bound that a 2026 target adds to the trend. */
const AMBITION = 0.15;
const SPBE_FRAMEWORK = 'spbe-2020';
const SPBE_INDEX = 'spbe_index';
const SOURCE = 'ilustrasi: scripts/generate-illustrative.ts';
const NOTE = 'Nilai ilustrasi, bukan data resmi / Illustrative value, not official data';
const TARGET_NOTE =
	'Target ilustrasi, bukan dari dokumen RPJMD / Illustrative target, not from an RPJMD document';
const TARGET_REF = 'ilustrasi: tidak ada dokumen / illustrative: no document';

type Row = Record<string, string>;

interface Instance {
	default_region: string;
	province: string;
	peers: string[];
	default_framework: string;
	base_year: number;
}

interface Indicator {
	code: string;
	framework: string;
	element: string;
	polarity: 'higher' | 'lower';
	valueType: 'number' | 'percent' | 'count' | 'level';
	worst: number;
	best: number;
	weight: number;
}

interface Params {
	fromYear: number;
	skipYears: Set<number>;
	keypoints: [number, number][];
	ownPath: boolean;
	mode: 'add' | 'mul';
	spread: number;
	scaleByPopulation: boolean;
	noise: number;
	decimals: number;
	monotone: '' | 'up' | 'down';
	min: number;
	max: number;
}

interface Cell {
	value: number;
	text: string;
	real: boolean;
}

type Series = Map<number, Cell>;

// ---------------------------------------------------------------- CSV (RFC 4180, no dependencies)

function parseCsv(text: string): Row[] {
	const records: string[][] = [];
	let field = '';
	let record: string[] = [];
	let quoted = false;
	const src = text.replace(/^\uFEFF/, '');
	for (let i = 0; i < src.length; i++) {
		const c = src[i];
		if (quoted) {
			if (c === '"' && src[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') {
			record.push(field);
			field = '';
		} else if (c === '\n' || c === '\r') {
			if (c === '\r' && src[i + 1] === '\n') i++;
			record.push(field);
			records.push(record);
			record = [];
			field = '';
		} else field += c;
	}
	if (field !== '' || record.length > 0) {
		record.push(field);
		records.push(record);
	}
	const [header, ...body] = records.filter((r) => r.some((f) => f !== ''));
	return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

// Reads only codes, years and numbers, which the writer's formula guard never changes (a negative
// number stays as it is), so no restoreFormulas as the importer does for every cell.
function readCsv(path: string): Row[] {
	return parseCsv(readFileSync(join(DATA, path), 'utf8'));
}

/** Writes by the one CSV writer, with LF line ends as data/ is committed. */
function writeCsv(path: string, header: string[], rows: Row[]): void {
	const text = csvRows([header, ...rows.map((r) => header.map((h) => r[h]))], ',', '\n');
	writeFileSync(join(DATA, path), text, 'utf8');
}

// ---------------------------------------------------------------- seeded randomness

/** FNV-1a: a stable 32-bit seed per named stream, so adding an indicator leaves others unchanged. */
function hash(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

function mulberry32(seed: number): () => number {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function stream(...parts: string[]): () => number {
	return mulberry32(hash(parts.join('|')));
}

function gaussian(rand: () => number): number {
	const u = Math.max(rand(), 1e-12);
	return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

// ---------------------------------------------------------------- helpers

const years = (from: number, to: number) =>
	Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Piecewise-linear through the points, flat beyond the first and last. */
function interpolate(points: [number, number][], x: number): number {
	if (points.length === 0) return 0;
	if (x <= points[0][0]) return points[0][1];
	const last = points[points.length - 1];
	if (x >= last[0]) return last[1];
	for (let i = 1; i < points.length; i++) {
		const [x1, y1] = points[i];
		if (x <= x1) {
			const [x0, y0] = points[i - 1];
			return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
		}
	}
	return last[1];
}

function num(text: string, fallback: number): number {
	return text.trim() === '' ? fallback : Number(text);
}

function format(value: number, decimals: number): string {
	const fixed = value.toFixed(decimals);
	return fixed === '-0' || /^-0\.0+$/.test(fixed) ? fixed.slice(1) : fixed;
}

function typeBounds(ind: Indicator): [number, number] {
	if (ind.valueType === 'percent') return [0, 100];
	if (ind.valueType === 'level') return [1, 5];
	if (ind.valueType === 'count') return [0, Infinity];
	return [-Infinity, Infinity];
}

function finish(ind: Indicator, p: Params, raw: number): Cell {
	const [lo, hi] = typeBounds(ind);
	const clamped = Math.min(Math.max(raw, lo, p.min), hi, p.max);
	const decimals = ind.valueType === 'count' || ind.valueType === 'level' ? 0 : p.decimals;
	const text = format(clamped, decimals);
	return { value: Number(text), text, real: false };
}

// ---------------------------------------------------------------- inputs

const instance = JSON.parse(readFileSync(join(DATA, 'instance.json'), 'utf8')) as Instance;
// Regions live in three files (province, kabupaten/kota, kecamatan): see data/README.md.
const regionCodes = new Set(
	['regions.csv', 'regions-jateng.csv', 'kecamatan.csv'].flatMap((f) =>
		readCsv(f).map((r) => r.code)
	)
);
const filled = [instance.default_region, ...instance.peers];

const indicators = new Map<string, Indicator>(
	readCsv('indicators.csv').map((r) => [
		r.code,
		{
			code: r.code,
			framework: r.framework_code,
			element: r.element_code,
			polarity: r.polarity as Indicator['polarity'],
			valueType: r.value_type as Indicator['valueType'],
			worst: Number(r.worst),
			best: Number(r.best),
			weight: Number(r.weight)
		}
	])
);

const spbeYearFrom = Number(
	readCsv('frameworks.csv').find((f) => f.code === SPBE_FRAMEWORK)?.year_from ?? FIRST_YEAR
);

const key = (region: string, indicator: string, year: number | string) =>
	`${region}|${indicator}|${year}`;

/** The real dataset (every row sourced), keyed region|indicator|year. */
const realRows = new Map<string, Row>();
for (const r of readCsv('observations.csv')) {
	if (!regionCodes.has(r.region_code))
		throw new Error(`observations.csv: unknown region ${r.region_code}`);
	realRows.set(key(r.region_code, r.indicator_code, r.year), r);
}

function parseKeypoints(text: string): [number, number][] {
	return text
		.trim()
		.split(/\s+/)
		.filter(Boolean)
		.map((pair) => pair.split(':').map(Number) as [number, number])
		.sort((a, b) => a[0] - b[0]);
}

const paramRows = readCsv('demo/illustrative-params.csv');
const defaultParams = new Map(
	paramRows.filter((r) => r.region_code === '').map((r) => [r.indicator_code, r])
);
const regionParams = new Map(
	paramRows
		.filter((r) => r.region_code !== '')
		.map((r) => [`${r.indicator_code}|${r.region_code}`, r])
);

function paramsFor(indicator: string, region: string): Params | undefined {
	const base = defaultParams.get(indicator);
	if (!base) return undefined;
	const own = regionParams.get(`${indicator}|${region}`);
	const pick = (field: string) => (own && own[field] !== '' ? own[field] : base[field]);
	return {
		fromYear: num(pick('from_year'), FIRST_YEAR),
		skipYears: new Set(pick('skip_years').split(/\s+/).filter(Boolean).map(Number)),
		keypoints: parseKeypoints(pick('keypoints')),
		ownPath: !!own && own.keypoints !== '',
		mode: pick('peer_mode') === 'add' ? 'add' : 'mul',
		spread: num(pick('peer_spread'), 0),
		scaleByPopulation: pick('scale') === 'pop',
		noise: num(pick('noise'), 0),
		decimals: num(pick('decimals'), 2),
		monotone: pick('monotone') as Params['monotone'],
		min: num(pick('min'), -Infinity),
		max: num(pick('max'), Infinity)
	};
}

// ---------------------------------------------------------------- illustrative series

const fullSeries = new Map<string, Series>();
const seriesKey = (region: string, indicator: string) => `${region}|${indicator}`;

function realValues(region: string, indicator: string): [number, number][] {
	const points: [number, number][] = [];
	for (const row of realRows.values()) {
		if (row.region_code === region && row.indicator_code === indicator) {
			points.push([Number(row.year), Number(row.value)]);
		}
	}
	return points.sort((a, b) => a[0] - b[0]);
}

function populationRatio(region: string, year: number): number {
	const own = fullSeries.get(seriesKey(region, 'population'))?.get(year)?.value;
	const ref = fullSeries.get(seriesKey(instance.default_region, 'population'))?.get(year)?.value;
	return own && ref ? own / ref : 1;
}

function basePath(ind: Indicator, p: Params, region: string): (year: number) => number {
	const path = (year: number) => interpolate(p.keypoints, year);
	if (region === instance.default_region || p.ownPath) return path;
	const rand = stream(ind.code, region, 'offset');
	const start = (rand() * 2 - 1) * p.spread;
	const drift = (rand() * 2 - 1) * p.spread * 0.3;
	return (year) => {
		const offset = start + (drift * (year - FIRST_YEAR)) / (LAST_YEAR - FIRST_YEAR);
		if (p.mode === 'add') return path(year) + offset;
		const scale = p.scaleByPopulation ? populationRatio(region, year) : 1;
		return path(year) * (1 + offset) * scale;
	};
}

function enforceMonotone(series: Series, direction: 'up' | 'down'): void {
	const sorted = [...series.keys()].sort((a, b) => a - b);
	const better = direction === 'up' ? Math.max : Math.min;
	const worse = direction === 'up' ? Math.min : Math.max;
	let previous: number | undefined;
	for (const [i, year] of sorted.entries()) {
		const cell = series.get(year)!;
		if (!cell.real) {
			let value = previous === undefined ? cell.value : better(cell.value, previous);
			const laterReal = sorted
				.slice(i + 1)
				.map((y) => series.get(y)!)
				.filter((c) => c.real)
				.map((c) => c.value);
			if (laterReal.length > 0) value = worse(value, ...laterReal);
			if (value !== cell.value) {
				const decimals = cell.text.includes('.') ? cell.text.split('.')[1].length : 0;
				series.set(year, { value, text: format(value, decimals), real: false });
			}
		}
		previous = series.get(year)!.value;
	}
}

function generate(ind: Indicator, region: string): Series | undefined {
	const p = paramsFor(ind.code, region);
	if (!p) return undefined;
	const base = basePath(ind, p, region);
	const real = realValues(region, ind.code);
	const residuals: [number, number][] = real.map(([y, v]) => [y, v - base(y)]);
	const noise = stream(ind.code, region, 'noise');
	const range = Math.abs(ind.best - ind.worst);
	const series: Series = new Map();
	for (const year of years(FIRST_YEAR, LAST_YEAR)) {
		const jitter = gaussian(noise) * p.noise * range;
		const realRow = realRows.get(key(region, ind.code, year));
		if (realRow) {
			series.set(year, { value: Number(realRow.value), text: realRow.value, real: true });
			continue;
		}
		if (year < p.fromYear || p.skipYears.has(year)) continue;
		series.set(year, finish(ind, p, base(year) + interpolate(residuals, year) + jitter));
	}
	if (p.monotone === 'up' || p.monotone === 'down') enforceMonotone(series, p.monotone);
	return series;
}

// Population first: count indicators scaled by population read it.
const ordered = [...indicators.values()].sort(
	(a, b) => Number(b.code === 'population') - Number(a.code === 'population')
);
for (const ind of ordered) {
	for (const region of filled) {
		const series = generate(ind, region);
		if (series) fullSeries.set(seriesKey(region, ind.code), series);
	}
}

// ---------------------------------------------------------------- deliberate gaps

const dropped = new Set<string>();
for (const [sk, series] of fullSeries) {
	const [region, indicator] = sk.split('|');
	for (const [year, cell] of series) {
		if (cell.real || indicator === SPBE_INDEX) continue;
		if (stream(indicator, region, String(year), 'gap')() < GAP_SHARE) {
			dropped.add(key(region, indicator, year));
		}
	}
}

// Every element of the default region keeps at least one scored value in each year from base_year.
const elementIndicators = new Map<string, Indicator[]>();
for (const ind of indicators.values()) {
	if (ind.framework !== instance.default_framework || ind.weight <= 0) continue;
	elementIndicators.set(ind.element, [...(elementIndicators.get(ind.element) ?? []), ind]);
}
for (const [, members] of elementIndicators) {
	for (const year of years(instance.base_year, LAST_YEAR)) {
		const present = (ind: Indicator) => {
			const k = key(instance.default_region, ind.code, year);
			const cell = fullSeries.get(seriesKey(instance.default_region, ind.code))?.get(year);
			return !!cell && !dropped.has(k);
		};
		if (members.some(present)) continue;
		const restorable = members.find((ind) =>
			dropped.has(key(instance.default_region, ind.code, year))
		);
		if (!restorable) throw new Error(`element ${members[0].element} has no value in ${year}`);
		dropped.delete(key(instance.default_region, restorable.code, year));
	}
}

// ---------------------------------------------------------------- SPBE levels from the index

const spbeIndicators = [...indicators.values()].filter((i) => i.framework === SPBE_FRAMEWORK);

/** Integer levels 1–5 whose weighted mean (weights in %) is as close as possible to `target`. */
function levelsFor(region: string, target: number): Map<string, number> {
	const affinity = spbeIndicators.map(
		(ind) => (stream(ind.code, region, 'affinity')() * 2 - 1) * 1.2
	);
	const mean = affinity.reduce((s, a, i) => s + a * spbeIndicators[i].weight, 0) / 100;
	const wanted = affinity.map((a) => Math.min(Math.max(target + a - mean, 1), 5));
	const levels = wanted.map((x) => Math.min(Math.max(Math.floor(x), 1), 5));
	let index = levels.reduce((s, l, i) => s + (l * spbeIndicators[i].weight) / 100, 0);
	const byFraction = wanted.map((x, i) => ({ i, f: x - Math.floor(x) })).sort((a, b) => b.f - a.f);
	for (const { i } of byFraction) {
		const step = spbeIndicators[i].weight / 100;
		if (levels[i] < 5 && Math.abs(index + step - target) < Math.abs(index - target)) {
			levels[i]++;
			index += step;
		}
	}
	for (const { i } of [...byFraction].reverse()) {
		const step = spbeIndicators[i].weight / 100;
		if (levels[i] > 1 && Math.abs(index - step - target) < Math.abs(index - target)) {
			levels[i]--;
			index -= step;
		}
	}
	return new Map(spbeIndicators.map((ind, i) => [ind.code, levels[i]]));
}

const observationRows: Row[] = [];
const illustrativeRow = (region: string, indicator: string, year: number, text: string): Row => ({
	region_code: region,
	indicator_code: indicator,
	year: String(year),
	value: text,
	source: SOURCE,
	note: NOTE,
	illustrative: '1'
});

for (const [sk, series] of fullSeries) {
	const [region, indicator] = sk.split('|');
	for (const [year, cell] of series) {
		if (!cell.real && !dropped.has(key(region, indicator, year))) {
			observationRows.push(illustrativeRow(region, indicator, year, cell.text));
		}
	}
}

for (const region of filled) {
	const index = fullSeries.get(seriesKey(region, SPBE_INDEX));
	if (!index) continue;
	for (const [year, cell] of index) {
		if (year < spbeYearFrom) continue;
		for (const [code, level] of levelsFor(region, cell.value)) {
			observationRows.push(illustrativeRow(region, code, year, String(level)));
		}
	}
}

// ---------------------------------------------------------------- targets (default region only)

const realTargets = readCsv('targets.csv');
const realTargetKeys = new Set(
	realTargets.map((t) => key(t.region_code, t.indicator_code, t.year))
);
const targetRows: Row[] = [];

for (const ind of indicators.values()) {
	if (ind.framework !== instance.default_framework || ind.weight <= 0) continue;
	const region = instance.default_region;
	const series = fullSeries.get(seriesKey(region, ind.code));
	const p = paramsFor(ind.code, region);
	if (!series || !p || series.size === 0) continue;
	const known = [...series.keys()].sort((a, b) => a - b);
	const baseYear = known.find((y) => y >= instance.base_year) ?? known[0];
	const baseline = series.get(baseYear)!.value;
	const latest = series.get(known[known.length - 1])!.value;
	const sign = ind.polarity === 'higher' ? 1 : -1;
	const slope = (latest - baseline) / Math.max(LAST_YEAR - baseYear, 1);
	const projected = latest + slope * (TARGET_LAST_YEAR - LAST_YEAR);
	let goal = projected + AMBITION * (ind.best - projected);
	// Ambitious but plausible: at most half the latest gap to the best bound is closed by 2026, and
	// at least a tenth of the base-year gap, so every target series moves the right way.
	const ceiling = latest + 0.5 * (ind.best - latest);
	if (sign * (goal - ceiling) > 0) goal = ceiling;
	const floor = baseline + 0.1 * (ind.best - baseline);
	if (sign * (goal - floor) < 0) goal = floor;
	const anchors = realTargets
		.filter((t) => t.region_code === region && t.indicator_code === ind.code)
		.map((t) => [Number(t.year), Number(t.value)] as [number, number]);
	for (const [, v] of anchors) goal = sign > 0 ? Math.max(goal, v) : Math.min(goal, v);
	const path: [number, number][] = [[baseYear, baseline], ...anchors, [TARGET_LAST_YEAR, goal]];
	path.sort((a, b) => a[0] - b[0]);
	for (const year of years(Math.max(TARGET_FIRST_YEAR, baseYear + 1), TARGET_LAST_YEAR)) {
		if (anchors.some(([y]) => y === year) || realTargetKeys.has(key(region, ind.code, year)))
			continue;
		const cell = finish(ind, p, interpolate(path, year));
		targetRows.push({
			region_code: region,
			indicator_code: ind.code,
			year: String(year),
			value: cell.text,
			document_type: 'RPJMD',
			document_ref: TARGET_REF,
			source: SOURCE,
			note: TARGET_NOTE,
			illustrative: '1'
		});
	}
}

// ---------------------------------------------------------------- output

const byKey = (a: Row, b: Row) =>
	a.region_code.localeCompare(b.region_code) ||
	a.indicator_code.localeCompare(b.indicator_code) ||
	Number(a.year) - Number(b.year);

mkdirSync(join(DATA, 'demo'), { recursive: true });
writeCsv(
	'demo/observations.csv',
	['region_code', 'indicator_code', 'year', 'value', 'source', 'note', 'illustrative'],
	observationRows.sort(byKey)
);
writeCsv(
	'demo/targets.csv',
	kindSchemas.targets.columns.map((c) => c.name),
	targetRows.sort(byKey)
);

console.log(
	`demo/observations.csv: ${observationRows.length} illustrative rows beside ${realRows.size} real ones (${dropped.size} cells left empty); demo/targets.csv: ${targetRows.length} rows`
);
