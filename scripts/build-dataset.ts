/**
 * Writes the bundled dataset's value files from the figures as collected:
 * data/observations.csv, data/targets.csv and data/conflicts.csv, and the counts in
 * data/README.md's summary (scripts/dataset-summary.ts).
 *
 * Run: `npm run data:build` (deterministic: same inputs, same bytes out). `--check` writes nothing
 * and exits 1 when a written file would change (the tests run it, so the files never drift from
 * their sources).
 *
 * Inputs, all in data/sources/ (see data/README.md):
 * - the collected figures: pati.csv and peers.csv (the first collection), real-figures.csv and
 *   real-figures-mirrors.csv (copied unchanged from the project's research notes), and
 *   research-*.csv (later searches, each row with the sentence its number was read in);
 * - indicator-map.csv (source names that differ from indicator codes, or are not loaded),
 *   observation-notes.csv (caveats for particular values), reference-periods.csv (the period a
 *   figure refers to when a row does not say), decisions.csv (which value stands when sources
 *   disagree, or that none does, and why), real-targets.csv (targets with their document).
 *
 * Nothing here computes a value: every number written is one that a source printed. When two
 * sources print different numbers for one region, indicator and year, the build stops unless
 * decisions.csv names the one to keep; the others go to conflicts.csv, which the indicator page
 * shows. Equal numbers from several sources are one value, cited from the strongest source kind.
 */
import Papa from 'papaparse';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { csvRows } from '../src/lib/csv/write.ts';
import { kindSchemas } from '../src/lib/import/schemas.ts';
import { TARGET_DOCUMENTS, type SourceKind } from '../src/lib/import/types.ts';
import { runScript } from './cli.ts';
import { datasetSummary, withSummary } from './dataset-summary.ts';

export type Row = Record<string, string>;

/** One figure as collected, before the duplicates and conflicts are resolved. */
export interface Candidate {
	regionCode: string;
	indicatorCode: string;
	year: number;
	value: number;
	/** The number as the source file writes it (dot decimals). */
	text: string;
	source: string;
	sourceKind: SourceKind;
	referencePeriod: string;
	/** True when the row states its period (a later collection quoting the page), not inferred. */
	periodStated: boolean;
	note: string;
	/** `file:row`, for messages. */
	origin: string;
}

export interface Decision {
	regionCode: string;
	indicatorCode: string;
	year: number;
	/** null: no candidate stands (all of them measure something else, or none can be trusted). */
	chosen: number | null;
	reasonId: string;
	reasonEn: string;
}

export interface ConflictRow {
	regionCode: string;
	indicatorCode: string;
	year: number;
	value: string;
	source: string;
	sourceKind: SourceKind;
	referencePeriod: string;
	/** `used`: the value shown; `not_used`: read in a source, kept out, for the reason given. */
	status: 'used' | 'not_used';
	reasonId: string;
	reasonEn: string;
}

export interface Resolved {
	observations: Row[];
	conflicts: ConflictRow[];
	problems: string[];
}

/**
 * Which source is cited when several print the same number: the publisher's own page first, then
 * other government pages, then a public copy of the publisher's table, then news, then the rest.
 */
const KIND_RANK: Record<SourceKind, number> = {
	bps: 0,
	pemerintah: 1,
	salinan_bps: 2,
	berita: 3,
	lainnya: 4
};

/** Source-kind words of the research notes (English) and of our own files (Indonesian). */
const KIND_WORDS: Record<string, SourceKind> = {
	bps: 'bps',
	gov: 'pemerintah',
	government: 'pemerintah',
	pemerintah: 'pemerintah',
	news: 'berita',
	berita: 'berita',
	other: 'lainnya',
	lainnya: 'lainnya',
	'bps-mirror': 'salinan_bps',
	salinan_bps: 'salinan_bps'
};

/**
 * The kind of a source: the row's own word when it has one, else read from the address (a BPS
 * site, another government site, anything else counted as news, which the first collection was).
 * @example sourceKindOf('', 'https://patikab.bps.go.id/id/pressrelease/…') // 'bps'
 */
export function sourceKindOf(word: string, url: string): SourceKind {
	const w = word.trim().toLowerCase();
	if (w !== '') {
		const kind = KIND_WORDS[w];
		if (!kind) throw new Error(`unknown source kind "${word}"`);
		return kind;
	}
	let host: string;
	try {
		host = new URL(url).hostname;
	} catch {
		return 'lainnya';
	}
	if (host === 'bps.go.id' || host.endsWith('.bps.go.id')) return 'bps';
	if (host.endsWith('.go.id')) return 'pemerintah';
	return 'berita';
}

/**
 * A reader's note for a value read from a public copy of a BPS table: names the table, says it is
 * a copy and that it was checked (the collector's full check stays in data/sources/).
 * @example mirrorNote("BPS Prov. Jawa Tengah table 'Garis Kemiskinan menurut Kabupaten/Kota' (…)") // "Tabel BPS Provinsi Jawa Tengah 'Garis Kemiskinan menurut Kabupaten/Kota', …"
 */
export function mirrorNote(collectorNote: string): string {
	const table = /table '([^']+)'/.exec(collectorNote)?.[1];
	if (!table) return collectorNote;
	return `Tabel BPS Provinsi Jawa Tengah '${table}', dibaca dari salinan publiknya dan dicocokkan dengan rilis BPS yang diketahui / BPS Jawa Tengah table '${table}', read from a public copy and checked against known BPS releases`;
}

export function parseCsvText(text: string, file: string): Row[] {
	const parsed = Papa.parse<Row>(text.replace(/^\uFEFF/, ''), {
		header: true,
		skipEmptyLines: 'greedy',
		dynamicTyping: false
	});
	if (parsed.errors.length) {
		const e = parsed.errors[0];
		throw new Error(`${file}: row ${(e.row ?? 0) + 2}: ${e.message}`);
	}
	return parsed.data;
}

const key = (region: string, indicator: string, year: number | string) =>
	`${region}|${indicator}|${year}`;

export interface SourceTables {
	/** File name → rows, in file-name order. */
	figures: [string, Row[]][];
	indicatorMap: Row[];
	notes: Row[];
	periods: Row[];
	decisions: Row[];
	indicators: Set<string>;
	regions: Set<string>;
}

/** The collected figures as candidates; problems (unknown codes, bad numbers) are listed, not thrown. */
export function candidatesOf(tables: SourceTables): {
	candidates: Candidate[];
	problems: string[];
} {
	const problems: string[] = [];
	const map = new Map(tables.indicatorMap.map((r) => [r.source_indicator, r.indicator_code]));
	const notes = new Map(
		tables.notes.map((r) => [key(r.region_code, r.indicator_code, r.year), r.note])
	);
	const periods = new Map(
		tables.periods.map((r) => [
			r.indicator_code,
			{ template: r.period, pattern: r.note_pattern ? new RegExp(r.note_pattern) : null }
		])
	);
	const candidates: Candidate[] = [];
	for (const [file, rows] of tables.figures) {
		rows.forEach((r, i) => {
			const origin = `${file}:${i + 2}`;
			const raw = r.indicator_code ?? r.indicator;
			const indicatorCode = map.has(raw) ? map.get(raw)! : raw;
			if (indicatorCode === '') return;
			if (!tables.indicators.has(indicatorCode)) {
				problems.push(
					`${origin}: indicator "${raw}" is not in indicators.csv or indicator-map.csv`
				);
				return;
			}
			if (!tables.regions.has(r.region_code)) {
				problems.push(`${origin}: region "${r.region_code}" is not in the region files`);
				return;
			}
			const text = r.value.trim();
			const value = Number(text);
			if (text === '' || !Number.isFinite(value)) {
				problems.push(`${origin}: value "${r.value}" is not a number`);
				return;
			}
			const year = Number(r.year);
			if (!Number.isInteger(year)) {
				problems.push(`${origin}: year "${r.year}" is not a year`);
				return;
			}
			let sourceKind: SourceKind;
			try {
				sourceKind = sourceKindOf(r.source_kind ?? '', r.source_url);
			} catch (e) {
				problems.push(`${origin}: ${(e as Error).message}`);
				return;
			}
			const rule = periods.get(indicatorCode);
			const stated = (r.reference_period ?? '').trim();
			const fromNote = rule?.pattern?.exec(r.note ?? '')?.[0] ?? '';
			const referencePeriod =
				stated || fromNote || (rule?.template ?? '').replaceAll('{year}', String(year));
			if (referencePeriod === '') {
				problems.push(
					`${origin}: no reference period: give the row one or add ${indicatorCode} to reference-periods.csv`
				);
				return;
			}
			const collected = (r.note ?? '').trim();
			const note = [
				notes.get(key(r.region_code, indicatorCode, year)),
				sourceKind === 'salinan_bps' ? mirrorNote(collected) : collected
			]
				.filter((n): n is string => !!n)
				.join('; ');
			candidates.push({
				regionCode: r.region_code,
				indicatorCode,
				year,
				value,
				text,
				source: r.source_url.trim(),
				sourceKind,
				referencePeriod,
				periodStated: stated !== '',
				note,
				origin
			});
		});
	}
	return { candidates, problems };
}

export function decisionsOf(rows: Row[]): Decision[] {
	return rows.map((r) => ({
		regionCode: r.region_code,
		indicatorCode: r.indicator_code,
		year: Number(r.year),
		chosen: r.chosen_value.trim() === '' ? null : Number(r.chosen_value),
		reasonId: r.reason_id,
		reasonEn: r.reason_en
	}));
}

/** The strongest source kind first; within a kind, a row that states its period over one inferred. */
const byStrength = (a: Candidate, b: Candidate) =>
	KIND_RANK[a.sourceKind] - KIND_RANK[b.sourceKind] ||
	Number(b.periodStated) - Number(a.periodStated) ||
	a.origin.localeCompare(b.origin);

/**
 * One value per region, indicator and year. Equal numbers collapse to the strongest source; different
 * numbers need a decision, without which the key is a problem; a decision with no value keeps none.
 */
export function resolve(candidates: Candidate[], decisions: Decision[]): Resolved {
	const problems: string[] = [];
	const byKey = new Map<string, Candidate[]>();
	for (const c of candidates) {
		const k = key(c.regionCode, c.indicatorCode, c.year);
		byKey.set(k, [...(byKey.get(k) ?? []), c]);
	}
	const decided = new Map(decisions.map((d) => [key(d.regionCode, d.indicatorCode, d.year), d]));
	for (const k of decided.keys()) {
		if (!byKey.has(k)) problems.push(`decisions.csv: ${k} has no collected figure`);
	}
	const observations: Row[] = [];
	const conflicts: ConflictRow[] = [];
	const conflictRow = (c: Candidate, status: ConflictRow['status'], d: Decision): ConflictRow => ({
		regionCode: c.regionCode,
		indicatorCode: c.indicatorCode,
		year: c.year,
		value: c.text,
		source: c.source,
		sourceKind: c.sourceKind,
		referencePeriod: c.referencePeriod,
		status,
		reasonId: d.reasonId,
		reasonEn: d.reasonEn
	});
	for (const [k, list] of byKey) {
		const values = [...new Set(list.map((c) => c.value))];
		const decision = decided.get(k);
		if (!decision) {
			if (values.length > 1) {
				problems.push(
					`${k}: sources disagree (${list.map((c) => `${c.text} in ${c.origin}`).join(', ')}): add a row to decisions.csv`
				);
				continue;
			}
			const [best] = [...list].sort(byStrength);
			observations.push(observationRow(best));
			continue;
		}
		if (decision.chosen !== null && !values.includes(decision.chosen)) {
			problems.push(`decisions.csv: ${k} chooses ${decision.chosen}, which no source prints`);
			continue;
		}
		const kept =
			decision.chosen === null
				? null
				: [...list].filter((c) => c.value === decision.chosen).sort(byStrength)[0];
		if (kept) {
			observations.push(observationRow(kept));
			conflicts.push(conflictRow(kept, 'used', decision));
		}
		// One row per other number (its strongest source): the page lists what was set aside.
		for (const v of values) {
			if (v === decision.chosen) continue;
			const [other] = list.filter((c) => c.value === v).sort(byStrength);
			conflicts.push(conflictRow(other, 'not_used', decision));
		}
	}
	const order = (a: Row, b: Row) =>
		a.region_code.localeCompare(b.region_code) ||
		a.indicator_code.localeCompare(b.indicator_code) ||
		Number(a.year) - Number(b.year);
	observations.sort(order);
	conflicts.sort(
		(a, b) =>
			a.regionCode.localeCompare(b.regionCode) ||
			a.indicatorCode.localeCompare(b.indicatorCode) ||
			a.year - b.year ||
			(a.status === b.status ? a.value.localeCompare(b.value) : a.status === 'used' ? -1 : 1)
	);
	return { observations, conflicts, problems };
}

function observationRow(c: Candidate): Row {
	return {
		region_code: c.regionCode,
		indicator_code: c.indicatorCode,
		year: String(c.year),
		value: c.text,
		source: c.source,
		source_kind: c.sourceKind,
		reference_period: c.referencePeriod,
		note: c.note
	};
}

/**
 * The columns of the written files: the import's own (the seed reads them through it), without
 * `illustrative`, which the real dataset never sets.
 */
const importColumns = (kind: 'observations' | 'targets') =>
	kindSchemas[kind].columns.map((c) => c.name).filter((n) => n !== 'illustrative');
export const OBSERVATION_HEADER = importColumns('observations');
export const TARGET_HEADER = importColumns('targets');
export const CONFLICT_HEADER = [
	'region_code',
	'indicator_code',
	'year',
	'value',
	'source',
	'source_kind',
	'reference_period',
	'status',
	'reason_id',
	'reason_en'
];

/** Targets need a planning document of a known kind and the page or table the value is printed on. */
export function checkTargets(rows: Row[], indicators: Set<string>): string[] {
	const problems: string[] = [];
	const documents = new Set<string>(TARGET_DOCUMENTS);
	rows.forEach((r, i) => {
		const at = `real-targets.csv:${i + 2}`;
		if (!indicators.has(r.indicator_code)) problems.push(`${at}: unknown indicator`);
		if (!documents.has(r.document_type))
			problems.push(
				`${at}: document type "${r.document_type}" is not one of ${TARGET_DOCUMENTS.join(', ')}`
			);
		if ((r.document_ref ?? '').trim() === '')
			problems.push(`${at}: no page or table (document_ref)`);
		if ((r.source ?? '').trim() === '') problems.push(`${at}: no source document`);
		if (!Number.isFinite(Number(r.value)) || r.value.trim() === '')
			problems.push(`${at}: value "${r.value}" is not a number`);
	});
	return problems;
}

/**
 * Rows as a data/ file's text, by the one CSV writer with LF line ends (as data/ is committed);
 * the importer reads it back exactly, undoing the formula guard.
 * @example toCsvText(['code', 'note'], [{ code: 'a', note: 'x; y' }]) === 'code,note\na,"x; y"\n'
 */
export function toCsvText(header: string[], rows: Row[]): string {
	return csvRows([header, ...rows.map((r) => header.map((h) => r[h] ?? ''))], ',', '\n');
}

const conflictCsvRow = (c: ConflictRow): Row => ({
	region_code: c.regionCode,
	indicator_code: c.indicatorCode,
	year: String(c.year),
	value: c.value,
	source: c.source,
	source_kind: c.sourceKind,
	reference_period: c.referencePeriod,
	status: c.status,
	reason_id: c.reasonId,
	reason_en: c.reasonEn
});

const REGION_FILES = ['regions.csv', 'regions-jateng.csv', 'kecamatan.csv'];
const FIGURE_FILE = /^(pati|peers|real-figures|real-figures-mirrors|research-.*)\.csv$/;

/** Reads data/ and returns the three files' text and every problem found. */
export function buildDataset(dataDir: string): {
	files: Record<string, string>;
	problems: string[];
	counts: { observations: number; targets: number; conflicts: number };
} {
	const read = (file: string) => parseCsvText(readFileSync(path.join(dataDir, file), 'utf8'), file);
	const sources = readdirSync(path.join(dataDir, 'sources'))
		.filter((f) => FIGURE_FILE.test(f))
		.sort();
	const tables: SourceTables = {
		figures: sources.map((f) => [f, read(path.join('sources', f))]),
		indicatorMap: read('sources/indicator-map.csv'),
		notes: read('sources/observation-notes.csv'),
		periods: read('sources/reference-periods.csv'),
		decisions: read('sources/decisions.csv'),
		indicators: new Set(read('indicators.csv').map((r) => r.code)),
		regions: new Set(REGION_FILES.flatMap((f) => read(f).map((r) => r.code)))
	};
	const { candidates, problems } = candidatesOf(tables);
	const resolved = resolve(candidates, decisionsOf(tables.decisions));
	const targets = read('sources/real-targets.csv');
	problems.push(...resolved.problems, ...checkTargets(targets, tables.indicators));
	const conflicts = resolved.conflicts.map(conflictCsvRow);
	const instance = JSON.parse(readFileSync(path.join(dataDir, 'instance.json'), 'utf8'));
	const summary = datasetSummary({
		observations: resolved.observations,
		targets,
		conflicts,
		decisions: tables.decisions.length,
		indicators: read('indicators.csv'),
		nodes: read('framework-nodes.csv'),
		instance: {
			defaultRegion: instance.default_region,
			peers: instance.peers,
			framework: instance.default_framework,
			province: instance.province
		},
		regions: REGION_FILES.flatMap((f) => read(f))
	});
	const readme = withSummary(readFileSync(path.join(dataDir, 'README.md'), 'utf8'), summary);
	return {
		files: {
			'observations.csv': toCsvText(OBSERVATION_HEADER, resolved.observations),
			'targets.csv': toCsvText(TARGET_HEADER, targets),
			'conflicts.csv': toCsvText(CONFLICT_HEADER, conflicts),
			'README.md': readme
		},
		problems,
		counts: {
			observations: resolved.observations.length,
			targets: targets.length,
			conflicts: resolved.conflicts.length
		}
	};
}

const DATA = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'data');

runScript(
	import.meta.url,
	{
		name: 'build-dataset',
		usage:
			'Usage: npm run data:build [-- --check]\n\nWrites data/observations.csv, data/targets.csv, data/conflicts.csv and the summary in data/README.md from data/sources/.\n--check  write nothing; exit 1 if a file would change',
		options: { check: { type: 'boolean', default: false } }
	},
	({ values }) => {
		const { files, problems, counts } = buildDataset(DATA);
		if (problems.length) {
			for (const p of problems) process.stderr.write(`data/sources/${p}\n`);
			process.stderr.write(`${problems.length} problem(s): nothing written.\n`);
			return 1;
		}
		const stale = Object.entries(files).filter(
			([file, text]) =>
				readFileSync(path.join(DATA, file), { encoding: 'utf8', flag: 'a+' }) !== text
		);
		if (values.check) {
			for (const [file] of stale)
				process.stderr.write(`data/${file} is out of date: run npm run data:build\n`);
			return stale.length ? 1 : 0;
		}
		for (const [file, text] of stale) writeFileSync(path.join(DATA, file), text);
		process.stdout.write(
			`observations.csv: ${counts.observations} rows; targets.csv: ${counts.targets}; conflicts.csv: ${counts.conflicts}\n`
		);
		return 0;
	}
);
